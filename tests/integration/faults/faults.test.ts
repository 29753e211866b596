// Kill tests: a child process (tsx) works on a real encrypted data folder and is killed with SIGKILL in the middle of a
// batch of letters and in the middle of a backup; reopened, the database passes integrity_check, nothing of the
// interrupted work is half-present (no letters, numbers or batch; no half backup listed), and the work runs again.
// A full disk during a backup (a 1 MB tmpfs, mounted as root) leaves the older backups intact and answers storage.full.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seedOffice } from '../../../bench/factory/office';
import { seedCases } from '../../../bench/factory/cases';
import { seedActivity } from '../../../bench/factory/activity';
import { openCore } from '../../../electron/core/app';
import { openVault, type Vault } from '../../../electron/core/vault';
import { fileSha256, listBackups } from '../../../electron/core/backups/backup';
import { runBackup } from '../../../electron/core/backups/run';
import { readBackupState } from '../../../electron/core/backups/state';
import { saveSettings } from '../../../electron/core/services/office/settings';
import { isCoreError } from '../../../electron/core/errors';
import { MIGRATIONS, PASSWORD, tempDir } from '../../fixtures/core';
import { runChild as runScript, type ChildEnd } from './run-child';

const TODAY = '2026-11-22';
const CHILD = resolve(import.meta.dirname, 'child.ts');
const dir = tempDir('tahseel-kill-');
const folder = tempDir('tahseel-kill-backups-');

async function seeded(target: string, cases: number): Promise<void> {
  const core = openCore({ dataDir: target, migrationsDir: MIGRATIONS, idleSweepMs: 0, backupCheckMs: 0 });
  await seedOffice(core, { password: PASSWORD });
  core.close();
  if (cases === 0) return;
  const vault = openVault(target, MIGRATIONS);
  await vault.unlock('partner', PASSWORD);
  const open = vault.current();
  const ids = (role: string): string[] => (open.sqlite.prepare('SELECT id FROM users WHERE role = ?').all(role) as { id: string }[]).map((r) => r.id);
  seedCases(open, { cases, seed: 7, today: TODAY, lawyerIds: ids('lawyer'), paralegalIds: ids('paralegal') });
  seedActivity(open, { seed: 7, today: TODAY });
  vault.close();
}

function runChild(args: string[], kill: (line: string) => boolean): Promise<ChildEnd> {
  return runScript(CHILD, args, kill);
}

async function withVault<T>(target: string, use: (vault: Vault) => T | Promise<T>): Promise<T> {
  const vault = openVault(target, MIGRATIONS);
  if (!(await vault.unlock('partner', PASSWORD))) throw new Error('unlock failed');
  try {
    return await use(vault);
  } finally {
    vault.close();
  }
}

function integrity(vault: Vault): string {
  return (vault.current().sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join(',');
}

function registerState(vault: Vault): { letters: number; batches: number; counter: number; log: number } {
  const { sqlite } = vault.current();
  const n = (q: string): number => (sqlite.prepare(q).get() as { n: number | null }).n ?? 0;
  return {
    letters: n('SELECT count(*) AS n FROM letters'),
    batches: n('SELECT count(*) AS n FROM letter_batches'),
    counter: n('SELECT max(last_seq) AS n FROM outgoing_counters'),
    log: n('SELECT count(*) AS n FROM communications'),
  };
}

beforeAll(async () => {
  await seeded(dir, 1500);
  await withVault(dir, (v) => saveSettings(v.current().db, { backupFolder: folder }));
}, 180_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
});

describe('SIGKILL in the middle of a batch of letters', () => {
  it('leaves no letter, number or batch behind, and the batch runs again', async () => {
    const before = await withVault(dir, registerState);
    const killed = await runChild(['letters', dir, PASSWORD, '120'], (line) => {
      const m = /^progress (\d+) (\d+)$/.exec(line);
      return m !== null && Number(m[1]) >= 5;
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.lines.some((l) => l.startsWith('progress'))).toBe(true);
    expect(killed.lines).not.toContain('finished done');
    await withVault(dir, (v) => {
      expect(integrity(v)).toBe('ok');
      expect(registerState(v)).toEqual(before);
    });
    // Run again to the end: the numbers continue from where they were, without a gap.
    const again = await runChild(['letters', dir, PASSWORD, '120'], () => false);
    expect(again.lines).toContain('finished done');
    await withVault(dir, (v) => {
      expect(integrity(v)).toBe('ok');
      const after = registerState(v);
      // One letter per addressee (a case with two debtors gets two), each with its number.
      expect(after.letters).toBeGreaterThanOrEqual(before.letters + 120);
      expect(after.batches).toBeGreaterThan(before.batches);
      expect(after.counter).toBe(before.counter + (after.letters - before.letters));
      const seqs = (v.current().sqlite.prepare('SELECT seq FROM letters ORDER BY seq').all() as { seq: number }[]).map((r) => r.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => (seqs[0] ?? 1) + i));
    });
  }, 180_000);
});

describe('SIGKILL in the middle of a backup', () => {
  // The work runs in a worker thread of the killed process: "step 0" kills it during the worker's VACUUM INTO, "step 1"
  // during the keyring copy and the check of the copy, "step 3" during the checksums and the manifest.
  for (const at of ['step 0', 'step 1', 'step 3']) {
    it(`(killed at "${at}") leaves the database whole and no half backup listed; the next backup cleans up and succeeds`, async () => {
      const existing = listBackups(folder).map((b) => b.name);
      const killed = await runChild(['backup', dir, PASSWORD, folder, at], () => false);
      expect(killed.signal).toBe('SIGKILL');
      expect(killed.lines).toContain(at);
      expect(killed.lines).not.toContain('finished');
      // Nothing new is listed as a backup; whatever the kill left is a partial folder, never a backup.
      expect(listBackups(folder).map((b) => b.name)).toEqual(existing);
      for (const f of readdirSync(folder)) expect(existing.includes(f) || f.startsWith('.tahseel-partial-')).toBe(true);
      // The kill landed in the middle: the worker had made its partial folder and not yet renamed it.
      expect(readdirSync(folder).some((f) => f.startsWith('.tahseel-partial-'))).toBe(true);
      await withVault(dir, async (v) => {
        expect(integrity(v)).toBe('ok');
        const { entry } = await runBackup({ vault: v, kind: 'manual', now: new Date() });
        expect(entry.manifest.verified.integrity).toBe('ok');
      });
      expect(readdirSync(folder).filter((f) => f.startsWith('.tahseel-partial-'))).toEqual([]);
      expect(listBackups(folder).length).toBeGreaterThan(existing.length === 0 ? 0 : existing.length - 1);
    }, 120_000);
  }
});

// A real full disk: a 1 MB tmpfs, mounted for this test only (needs root; CI runs as root on these machines).
const isRoot = process.getuid?.() === 0;

describe.skipIf(!isRoot)('a full disk during a backup', () => {
  const mountPoint = tempDir('tahseel-full-');
  const small = tempDir('tahseel-small-');
  beforeAll(() => {
    const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cannot mount a 1 MB tmpfs for the full-disk test: ${r.stderr}`);
  });
  afterAll(() => {
    spawnSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
    rmSync(small, { recursive: true, force: true });
  });

  it('answers storage.full, leaves the older backup intact and no partial folder', async () => {
    await seeded(small, 0);
    const target = join(mountPoint, 'backups');
    mkdirSync(target);
    const older = await withVault(small, async (v) => {
      saveSettings(v.current().db, { backupFolder: target });
      return (await runBackup({ vault: v, kind: 'manual', now: new Date('2026-11-21T09:00:00Z') })).entry;
    });
    const olderSha = fileSha256(join(older.path, 'tahseel.db'));
    // More data than the disk has room for.
    const vault = openVault(small, MIGRATIONS);
    await vault.unlock('partner', PASSWORD);
    const open = vault.current();
    const ids = (open.sqlite.prepare(`SELECT id FROM users WHERE role = 'lawyer'`).all() as { id: string }[]).map((r) => r.id);
    seedCases(open, { cases: 600, seed: 9, today: TODAY, lawyerIds: ids, paralegalIds: ids });
    let code: string | undefined;
    try {
      await runBackup({ vault, kind: 'manual', now: new Date('2026-11-22T09:00:00Z') });
    } catch (e) {
      code = isCoreError(e) ? e.code : String(e);
    } finally {
      vault.close();
    }
    expect(code).toBe('storage.full');
    expect(readBackupState(small).lastFailure?.code).toBe('storage.full');
    expect(listBackups(target).map((b) => b.name)).toEqual([older.name]);
    expect(fileSha256(join(older.path, 'tahseel.db'))).toBe(olderSha);
    expect(readdirSync(target)).toEqual([older.name]);
    expect(existsSync(join(small, 'tahseel.db'))).toBe(true);
  }, 120_000);
});
