// A backup does not block the app: its copy and its check run in a worker thread, so while a backup of an office large
// enough to take a while runs, calls through the router keep being answered (and a write made meanwhile is taken),
// and the backup still holds a consistent snapshot. With the work on the core's thread (as before), no call would be
// answered until the backup had finished. A restore asked for meanwhile stops the backup before it moves the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, rmSync } from 'node:fs';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { seedCases } from '../../../bench/factory/cases';
import { seedActivity } from '../../../bench/factory/activity';
import { openVault } from '../../../electron/core/vault';
import { listBackups } from '../../../electron/core/backups/backup';
import { readBackupState } from '../../../electron/core/backups/state';
import type { JobState } from '../../../electron/contract/procedures/letters';
import type { CoreEvent } from '../../../electron/core/api/context';
import { PASSWORD, startCore, tempDir, MIGRATIONS, type TestCore } from '../../fixtures/core';

const TODAY = '2026-11-22';
let t: TestCore;
let token: string;
const folder = tempDir('tahseel-backup-worker-');

beforeAll(async () => {
  t = startCore();
  await seedOffice(t.core, { password: PASSWORD });
  t.core.close();
  const vault = openVault(t.dir, MIGRATIONS);
  await vault.unlock('partner', PASSWORD);
  const open = vault.current();
  const ids = (role: string): string[] => (open.sqlite.prepare('SELECT id FROM users WHERE role = ?').all(role) as { id: string }[]).map((r) => r.id);
  seedCases(open, { cases: 1500, seed: 11, today: TODAY, lawyerIds: ids('lawyer'), paralegalIds: ids('paralegal') });
  seedActivity(open, { seed: 11, today: TODAY });
  vault.close();
  t.reopen();
  token = (unwrap(await t.call('auth.login', { username: 'partner', password: PASSWORD })) as { token: string }).token;
  unwrap(await t.call('settings.update', { backupFolder: folder }, token));
}, 180_000);

afterAll(() => {
  t.dispose();
  rmSync(folder, { recursive: true, force: true });
});

describe('while a backup runs', () => {
  it('the core keeps answering calls and takes a write; the backup is whole and consistent', async () => {
    const audit0 = (unwrap(await t.call('audit.verify', {}, token)) as { entries: number }).entries;
    let finished: JobState | null = null;
    let finishedAt = 0;
    const off = t.core.onEvent((e: CoreEvent) => {
      const job = e.job as JobState | undefined;
      if (job && job.kind === 'backup' && (e.type === 'job.done' || e.type === 'job.failed' || e.type === 'job.cancelled')) {
        finished = job;
        finishedAt = performance.now();
      }
    });
    const started = performance.now();
    const job = unwrap(await t.call('backups.run', {}, token)) as JobState;
    expect(job.status).toBe('running');
    // A cheap read, again and again, until the backup is over; each call's time from asking to answer.
    const answered: { at: number; ms: number }[] = [];
    let wrote = false;
    while (finished === null) {
      const t0 = performance.now();
      const r = await t.call('cases.list', { filter: { statuses: ['active'] }, limit: 5 }, token);
      const t1 = performance.now();
      expect(r.ok).toBe(true);
      answered.push({ at: t1, ms: t1 - t0 });
      // One write in the middle of the backup: it goes through (one more audit entry).
      if (!wrote && answered.length === 3) {
        unwrap(await t.call('parties.create', { kind: 'person', name: 'سارة بنت فهد العتيبي' }, token));
        wrote = true;
      }
      await new Promise((r2) => setTimeout(r2, 5));
    }
    off();
    const backupMs = finishedAt - started;
    const during = answered.filter((a) => a.at < finishedAt);
    const maxMs = Math.max(...during.map((a) => a.ms));
    console.log(`backup ${backupMs.toFixed(0)} ms; ${during.length} calls answered meanwhile, the slowest in ${maxMs.toFixed(1)} ms`);
    expect((finished as JobState | null)?.status).toBe('done');
    expect(wrote).toBe(true);
    // Answered while the backup ran, each far quicker than the backup itself (on the core's thread, the first call
    // would have waited for the whole backup).
    expect(backupMs).toBeGreaterThan(200);
    expect(during.length).toBeGreaterThanOrEqual(10);
    expect(maxMs).toBeLessThan(backupMs / 4);
    // The backup is one consistent moment of the database: its audit entries are those before the write or after it.
    const [backup] = listBackups(folder);
    expect(backup?.manifest.verified.integrity).toBe('ok');
    expect(backup?.manifest.counts.cases).toBe(1500);
    // backups.run's own entry is written before the worker starts; the party's, before or after the copy.
    expect([audit0 + 1, audit0 + 2]).toContain(backup?.manifest.counts.auditEntries);
  }, 120_000);

  it('a restore stops the running backup first: no partial folder, no failure recorded, the restore goes through', async () => {
    const [first] = listBackups(folder);
    if (!first) throw new Error('the first test made no backup');
    const ended: string[] = [];
    const off = t.core.onEvent((e: CoreEvent) => {
      const job = e.job as JobState | undefined;
      if (job?.kind === 'backup' && e.type !== 'job.progress') ended.push(job.status);
    });
    const job = unwrap(await t.call('backups.run', {}, token)) as JobState;
    expect(job.status).toBe('running');
    const restored = unwrap(await t.call('backups.restore', { name: first.name, username: 'partner', password: PASSWORD }, token)) as { restored: string };
    off();
    expect(restored.restored).toBe(first.name);
    expect(ended).toEqual(['cancelled']);
    expect(readdirSync(folder).filter((f) => f.startsWith('.tahseel-partial-'))).toEqual([]);
    expect(listBackups(folder).map((b) => b.name)).toEqual([first.name]);
    expect(readBackupState(t.dir).lastFailure).toBeNull();
  }, 120_000);
});
