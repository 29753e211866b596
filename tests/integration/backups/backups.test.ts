// Backups on real encrypted offices: the copy is as encrypted as the original, a backup made in one data folder
// restores into a fresh one with every case, document, log entry and the same audit chain, with any user's password
// or the recovery code; wrong passwords, newer versions, damaged files and unwritable folders are refused and change
// nothing; the scheduler catches up a missed daily backup; a migration is preceded by a backup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { seedOffice, unwrap } from '../../../bench/factory/office';
import { seedCases } from '../../../bench/factory/cases';
import { seedActivity } from '../../../bench/factory/activity';
import { openVault, DB_FILE } from '../../../electron/core/vault';
import { errorCode, MIGRATIONS, PASSWORD, startCore, tempDir, type TestCore } from '../../fixtures/core';
import type { BackupRow, BackupStatus } from '../../../electron/contract/procedures/backups';
import type { JobState } from '../../../electron/contract/procedures/letters';
import { listBackups, readManifest } from '../../../electron/core/backups/backup';
import { dailyTick } from '../../../electron/core/backups/run';
import { readBackupState } from '../../../electron/core/backups/state';

const TODAY = '2026-11-22';
let a: TestCore;
let recoveryCode: string;
let token: string;
const folder = tempDir('tahseel-backups-');
const DEBTOR = 'مريم بنت خالد السبيعي';

const callA = async <T,>(name: string, input: unknown = {}, session = token): Promise<T> => unwrap(await a.call(name, input, session)) as T;

async function waitJob(t: TestCore, id: string, session: string): Promise<JobState> {
  for (let i = 0; i < 600; i++) {
    const j = unwrap(await t.call('jobs.get', { id }, session)) as JobState;
    if (j.status !== 'running') return j;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

function tables(file: string, key: Buffer): Record<string, number> {
  const db = new Database(file, { readonly: true });
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  const out: Record<string, number> = {};
  for (const t of ['cases', 'documents', 'communications', 'audit_log', 'parties']) out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  db.close();
  return out;
}

beforeAll(async () => {
  a = startCore();
  a.clock.now = new Date(`${TODAY}T09:00:00Z`);
  const seeded = await seedOffice(a.core, { password: PASSWORD });
  recoveryCode = seeded.recoveryCode;
  a.core.close();
  // Cases and their daily work straight into the encrypted file (the bench's factory), then documents through the API.
  const vault = openVault(a.dir, MIGRATIONS);
  await vault.unlock('partner', PASSWORD);
  const open = vault.current();
  const ids = (role: string): string[] => (open.sqlite.prepare('SELECT id FROM users WHERE role = ?').all(role) as { id: string }[]).map((r) => r.id);
  seedCases(open, { cases: 60, seed: 3, today: TODAY, lawyerIds: ids('lawyer'), paralegalIds: ids('paralegal') });
  seedActivity(open, { seed: 3, today: TODAY });
  vault.close();
  a.reopen();
  token = (unwrap(await a.call('auth.login', { username: 'partner', password: PASSWORD })) as { token: string }).token;
  const party = await callA<{ id: number }>('parties.create', { kind: 'person', name: DEBTOR });
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj << >> endobj\n'), Buffer.from('%%EOF\n')]);
  await callA('documents.upload', { owner: { partyId: party.id }, fileName: 'هوية.pdf', contentBase64: pdf.toString('base64'), type: 'other' });
  await callA('settings.update', { backupFolder: folder });
}, 120_000);

afterAll(() => {
  a.dispose();
  rmSync(folder, { recursive: true, force: true });
});

describe('a backup', () => {
  let row: BackupRow;

  it('runs as a job, is listed with its counts and verified, and the status shows it', async () => {
    const before = await callA<BackupStatus>('backups.status');
    expect(before.lastSuccess).toBeNull();
    expect(before.stale).toBe(true);
    const job = await callA<JobState>('backups.run');
    const done = await waitJob(a, job.id, token);
    expect(done.status).toBe('done');
    expect(done.done).toBe(done.total);
    const list = await callA<BackupRow[]>('backups.list');
    expect(list).toHaveLength(1);
    row = list[0] as BackupRow;
    expect(row.kind).toBe('manual');
    expect(row.verified).toBe(true);
    expect(row.newer).toBe(false);
    const key = await keyOf(a.dir);
    const live = tables(join(a.dir, DB_FILE), key);
    expect(row.counts.cases).toBe(live.cases);
    expect(row.counts.documents).toBe(live.documents);
    expect(row.counts.logEntries).toBe(live.communications);
    expect(row.counts.cases).toBeGreaterThan(50);
    expect(row.counts.logEntries).toBeGreaterThan(100);
    expect(row.counts.documents).toBe(1);
    const status = await callA<BackupStatus>('backups.status');
    expect(status.lastSuccess?.name).toBe(row.name);
    expect(status.stale).toBe(false);
    expect(status.folder).toBe(folder);
  });

  it('is encrypted: no SQLite header, no plaintext, and it does not open without the key', async () => {
    const file = join(folder, row.name, 'tahseel.db');
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    expect(bytes.includes(Buffer.from(DEBTOR, 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from('CREATE TABLE'))).toBe(false);
    const plain = new Database(file, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow(/not a database|encrypted/i);
    plain.close();
    const wrong = new Database(file, { readonly: true });
    wrong.pragma(`cipher = 'sqlcipher'`);
    wrong.pragma('legacy = 4');
    wrong.pragma(`key = "x'${'11'.repeat(32)}'"`);
    expect(() => wrong.prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow(/not a database/i);
    wrong.close();
    // With the key it opens and passes its integrity check.
    const key = await keyOf(a.dir);
    expect(tables(file, key).cases).toBe(row.counts.cases);
    // The folder holds the database, its keyring and the manifest, nothing else; the keyring has no username in it.
    expect(readdirSync(join(folder, row.name)).sort()).toEqual(['manifest.json', 'tahseel.db', 'tahseel.keyring.json']);
    expect(readFileSync(join(folder, row.name, 'tahseel.keyring.json'), 'utf8')).not.toContain('partner');
    expect(readManifest(join(folder, row.name)).files.db.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('restores into a fresh data folder with every case, document and log entry and the same audit chain', async () => {
    const chainA = auditChain(join(a.dir, DB_FILE), await keyOf(a.dir));
    const b = startCore();
    try {
      await seedOffice(b.core, { password: 'Other-Office-Pass-77' });
      const tb = (unwrap(await b.call('auth.login', { username: 'partner', password: 'Other-Office-Pass-77' })) as { token: string }).token;
      unwrap(await b.call('settings.update', { backupFolder: folder }, tb));
      // The fresh office's own password does not open the backup's keyring: refused, nothing changed.
      expect(errorCode(await b.call('backups.restore', { name: row.name, username: 'partner', password: 'Other-Office-Pass-77' }, tb))).toBe('backups.wrong_password');
      expect(unwrap(await b.call('session.me', {}, tb))).toBeTruthy();
      const restored = unwrap(await b.call('backups.restore', { name: row.name, username: 'partner', password: PASSWORD }, tb)) as { restored: string; asideDir: string };
      expect(restored.restored).toBe(row.name);
      // Everyone signs in again; the fresh office's database is kept aside.
      expect(errorCode(await b.call('session.me', {}, tb))).toBe('auth.required');
      expect(existsSync(join(restored.asideDir, DB_FILE))).toBe(true);
      const t2 = (unwrap(await b.call('auth.login', { username: 'partner', password: PASSWORD })) as { token: string }).token;
      const verify = unwrap(await b.call('audit.verify', {}, t2)) as { ok: boolean; entries: number };
      expect(verify.ok).toBe(true);
      const keyB = await keyOf(b.dir);
      const counts = tables(join(b.dir, DB_FILE), keyB);
      expect(counts.cases).toBe(row.counts.cases);
      expect(counts.documents).toBe(row.counts.documents);
      expect(counts.communications).toBe(row.counts.logEntries);
      // The same chain: every entry of the backup, hash for hash, then the restore's own entry.
      const chainB = auditChain(join(b.dir, DB_FILE), keyB);
      const backedUp = chainA.slice(0, row.counts.auditEntries);
      expect(chainB.slice(0, backedUp.length)).toEqual(backedUp);
      expect(chainB.length).toBe(backedUp.length + 1);
    } finally {
      b.dispose();
    }
  }, 60_000);

  it('restores with another user of the backup and with its recovery code', async () => {
    for (const secret of [{ username: 'lawyer', password: PASSWORD }, { recoveryCode: recoveryCode.toLowerCase() }]) {
      const c = startCore();
      try {
        await seedOffice(c.core, { password: 'Third-Office-Pass-99' });
        const tc = (unwrap(await c.call('auth.login', { username: 'partner', password: 'Third-Office-Pass-99' })) as { token: string }).token;
        unwrap(await c.call('settings.update', { backupFolder: folder }, tc));
        unwrap(await c.call('backups.restore', { name: row.name, ...secret }, tc));
        const t2 = (unwrap(await c.call('auth.login', { username: 'lawyer', password: PASSWORD })) as { token: string }).token;
        expect(tables(join(c.dir, DB_FILE), await keyOf(c.dir)).cases).toBe(row.counts.cases);
        expect(t2).toBeTruthy();
      } finally {
        c.dispose();
      }
    }
  }, 90_000);

  it('refuses a wrong password, a backup from a newer version and a damaged file, leaving the database as it was', async () => {
    const copy = (suffix: string): string => {
      const name = `${row.name.replace(/-manual.*/, '')}-manual-${suffix}`;
      cpSync(join(folder, row.name), join(folder, name), { recursive: true });
      return name;
    };
    const livePath = join(a.dir, DB_FILE);
    const before = readFileSync(livePath);
    expect(errorCode(await a.call('backups.restore', { name: row.name, username: 'partner', password: 'Wrong-Pass-123' }, token))).toBe('backups.wrong_password');
    expect(errorCode(await a.call('backups.restore', { name: row.name, recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE' }, token))).toBe('backups.wrong_password');
    const newer = copy('7');
    const m = JSON.parse(readFileSync(join(folder, newer, 'manifest.json'), 'utf8')) as { migrations: number; appVersion: string };
    m.migrations = 999;
    m.appVersion = '9.0.0';
    writeFileSync(join(folder, newer, 'manifest.json'), JSON.stringify(m));
    const r = await a.call('backups.restore', { name: newer, username: 'partner', password: PASSWORD }, token);
    expect(errorCode(r)).toBe('backups.newer_version');
    expect((await callA<BackupRow[]>('backups.list')).find((x) => x.name === newer)?.newer).toBe(true);
    const damaged = copy('8');
    const f = join(folder, damaged, 'tahseel.db');
    const bytes = readFileSync(f);
    bytes[bytes.length - 5000] = (bytes[bytes.length - 5000] ?? 0) ^ 0xff;
    writeFileSync(f, bytes);
    expect(errorCode(await a.call('backups.restore', { name: damaged, username: 'partner', password: PASSWORD }, token))).toBe('backups.corrupt');
    expect(errorCode(await a.call('backups.restore', { name: 'tahseel-20990101-000000-manual', username: 'partner', password: PASSWORD }, token))).toBe('backups.not_found');
    // Still signed in, same database, nothing staged.
    expect(unwrap(await a.call('session.me', {}, token))).toBeTruthy();
    expect(readFileSync(livePath).equals(before)).toBe(true);
    expect(readdirSync(a.dir).filter((x) => x.includes('restoring') || x.startsWith('before-restore'))).toEqual([]);
    rmSync(join(folder, newer), { recursive: true });
    rmSync(join(folder, damaged), { recursive: true });
  }, 60_000);

  it('refuses to save a folder that cannot be written, and makes a new one when it is saved', async () => {
    const blocker = join(folder, 'a-file');
    writeFileSync(blocker, 'not a folder');
    expect(errorCode(await a.call('settings.update', { backupFolder: join(blocker, 'backups') }, token))).toBe('backups.folder_unwritable');
    expect((await callA<BackupStatus>('backups.status')).folder).toBe(folder);
    const fresh = join(folder, 'new', 'backups');
    await callA('settings.update', { backupFolder: fresh });
    expect(existsSync(fresh)).toBe(true);
    // Other settings are saved whatever the folder's state: only a changed folder is checked.
    rmSync(join(folder, 'new'), { recursive: true });
    writeFileSync(join(folder, 'new'), 'the drive was unplugged');
    await callA('settings.update', { backupKeepDaily: 7 });
    await callA('settings.update', { backupFolder: folder });
    rmSync(join(folder, 'new'));
    rmSync(blocker);
  });

  it('reports a folder that cannot be written at backup time, translated, and leaves the older backups intact', async () => {
    // Saved while it could be written, then the drive went away (a file now stands where its parent was).
    const drive = join(folder, 'drive');
    await callA('settings.update', { backupFolder: join(drive, 'backups') });
    rmSync(drive, { recursive: true });
    const blocker = drive;
    writeFileSync(blocker, 'not a folder');
    const job = await callA<JobState>('backups.run');
    const done = await waitJob(a, job.id, token);
    expect(done.status).toBe('failed');
    expect(done.error?.code).toBe('backups.folder_unwritable');
    const status = await callA<BackupStatus>('backups.status');
    expect(status.lastFailure?.code).toBe('backups.folder_unwritable');
    await callA('settings.update', { backupFolder: '' });
    expect(errorCode(await a.call('backups.run', {}, token))).toBe('backups.no_folder');
    await callA('settings.update', { backupFolder: folder });
    rmSync(blocker);
    expect(listBackups(folder).map((b) => b.name)).toEqual([row.name]);
  });

  it('is for partners only', async () => {
    const lawyer = (unwrap(await a.call('auth.login', { username: 'lawyer', password: PASSWORD })) as { token: string }).token;
    for (const name of ['backups.status', 'backups.list', 'backups.run']) expect(errorCode(await a.call(name, {}, lawyer))).toBe('permission.denied');
  });
});

describe('the daily backup', () => {
  it('runs when its time has come, catches up a missed one, and rotates', async () => {
    const dir = tempDir();
    const daily = tempDir('tahseel-daily-');
    const vault = openVault(dir, MIGRATIONS);
    try {
      const t = startCore(dir);
      await seedOffice(t.core, { password: PASSWORD });
      const tk = (unwrap(await t.call('auth.login', { username: 'partner', password: PASSWORD })) as { token: string }).token;
      unwrap(await t.call('settings.update', { backupFolder: daily, backupTime: '02:00', backupKeepDaily: 3, backupKeepWeekly: 1, backupKeepMonthly: 1 }, tk));
      t.core.close();
      await vault.unlock('partner', PASSWORD);
      const events: string[] = [];
      const emit = (e: { type: string }): void => void events.push(e.type);
      // 01:00 Riyadh (22:00 UTC the day before): nothing yet today, and no attempt ever → the missed one runs (catch-up).
      expect(await dailyTick(vault, new Date('2026-11-09T22:00:00Z'), emit)).toBe(true);
      expect(await dailyTick(vault, new Date('2026-11-09T22:30:00Z'), emit)).toBe(false);
      // 02:00 Riyadh comes: due again.
      expect(await dailyTick(vault, new Date('2026-11-09T23:00:00Z'), emit)).toBe(true);
      // Ten days, once a day at 02:05; two days skipped (the laptop was off), caught up at 09:00 Riyadh.
      for (let day = 11; day <= 20; day++) {
        if (day === 14 || day === 15) continue;
        const at = day === 16 ? `2026-11-${day}T06:00:00Z` : `2026-11-${day - 1}T23:05:00Z`;
        expect(await dailyTick(vault, new Date(at), emit)).toBe(true);
      }
      expect(events.every((e) => e === 'backup.done')).toBe(true);
      const kept = listBackups(daily).map((b) => b.manifest.createdAt.slice(0, 16));
      // The newest three days, the newest of the last week bucket and month bucket (the same backups here).
      expect(kept).toEqual(['2026-11-19T23:05', '2026-11-18T23:05', '2026-11-17T23:05']);
      expect(readBackupState(dir).lastSuccess?.kind).toBe('daily');
    } finally {
      vault.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(daily, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('before a migration', () => {
  it('backs up the database as it was before the pending migrations run', async () => {
    const dir = tempDir();
    const newer = tempDir('tahseel-mig-');
    try {
      // An office made by this app, opened by a newer one that carries one more migration (made by this app, the office
      // has a schema its code can write to; an office made with one migration fewer would not take this code's set-up).
      cpSync(MIGRATIONS, newer, { recursive: true });
      const journal = JSON.parse(readFileSync(join(newer, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[] };
      const known = journal.entries.length;
      const last = journal.entries[known - 1];
      if (!last) throw new Error('no migrations');
      journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1000, tag: '9999_backup_test', breakpoints: true });
      writeFileSync(join(newer, 'meta/_journal.json'), JSON.stringify(journal));
      writeFileSync(join(newer, '9999_backup_test.sql'), 'CREATE TABLE `backup_test_marker` (`id` integer PRIMARY KEY);\n');
      const { openCore } = await import('../../../electron/core/app');
      const made = openCore({ dataDir: dir, migrationsDir: MIGRATIONS, idleSweepMs: 0, backupCheckMs: 0 });
      await seedOffice(made, { password: PASSWORD });
      made.close();
      // The newer app opens it: the pending migration is preceded by a backup in the data folder's own `backups`.
      const vault = openVault(dir, newer);
      await vault.unlock('partner', PASSWORD);
      vault.close();
      const backups = listBackups(join(dir, 'backups'));
      expect(backups).toHaveLength(1);
      expect(backups[0]?.manifest.kind).toBe('pre-migration');
      expect(backups[0]?.manifest.migrations).toBe(known);
      // Opening again migrates nothing, so no second backup.
      await vault.unlock('partner', PASSWORD);
      vault.close();
      expect(listBackups(join(dir, 'backups'))).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(newer, { recursive: true, force: true });
    }
  }, 60_000);
});

/** The database key, unwrapped from the data folder's keyring with the partner's password. */
async function keyOf(dir: string): Promise<Buffer> {
  const { readKeyring, unwrapKey, lookupTag } = await import('../../../db/keyring');
  const ring = readKeyring(join(dir, 'tahseel.keyring.json'));
  const tag = lookupTag(ring, 'partner');
  const entry = ring.entries.find((e) => e.kind === 'user' && e.lookup === tag);
  const key = entry ? await unwrapKey(entry, PASSWORD) : null;
  if (!key) throw new Error('no key');
  return key;
}

function auditChain(file: string, key: Buffer): string[] {
  const db = new Database(file, { readonly: true });
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  const rows = (db.prepare('SELECT hash FROM audit_log ORDER BY seq').all() as { hash: string }[]).map((r) => r.hash);
  db.close();
  return rows;
}
