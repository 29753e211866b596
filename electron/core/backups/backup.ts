// Backups of the encrypted database and its keyring: one folder per backup (database, keyring, manifest), written under
// a temporary name, verified by opening it with the key, then renamed into place — so a half-written backup is never
// listed. The database is copied with `VACUUM INTO`, which writes a consistent snapshot through the same cipher and
// key (SQLite3 Multiple Ciphers): the copy is as encrypted as the original, never plaintext.
import { createHash, randomUUID } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { z } from 'zod';
import { applyKey, type Sqlite } from '../../../db/open';
import { appliedMigrations, tableRows } from '../../../db/queries/backups';
import { lookupTag, normalizeRecoveryCode, readKeyring, sameTag, unwrapKey, type Keyring } from '../../../db/keyring';
import { backupsToKeep, type BackupKind, type RotationPolicy } from '../../domain/backup-rotation';
import { CoreError, isCoreError, isDiskFull } from '../errors';
import { APP_VERSION } from '../app-version';
import { checkInWorkers, defaultCheckers, orderTasks, planTables, type CheckTask } from './check';

export { APP_VERSION };
export const BACKUP_DB = 'tahseel.db';
export const BACKUP_KEYRING = 'tahseel.keyring.json';
export const BACKUP_MANIFEST = 'manifest.json';
const PARTIAL_PREFIX = '.tahseel-partial-';
const NAME_RE = /^tahseel-\d{8}-\d{6}-(daily|manual|pre-migration)(-\d+)?$/;

const countsSchema = z.object({
  cases: z.number().int(),
  documents: z.number().int(),
  logEntries: z.number().int(),
  auditEntries: z.number().int(),
});
const fileSchema = z.object({ name: z.string(), size: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const manifestSchema = z.object({
  format: z.literal('tahseel-backup'),
  version: z.literal(1),
  appVersion: z.string(),
  /** Which office made it (a hash of its keyring's salt): rotation only ever deletes the office's own backups. */
  officeId: z.string(),
  /** How many schema migrations the database had: a backup with more than this app knows is refused. */
  migrations: z.number().int().min(0),
  createdAt: z.string(),
  kind: z.enum(['daily', 'manual', 'pre-migration']),
  counts: countsSchema,
  files: z.object({ db: fileSchema, keyring: fileSchema }),
  verified: z.object({ at: z.string(), integrity: z.literal('ok') }),
});
export type BackupManifest = z.infer<typeof manifestSchema>;
export type BackupCounts = z.infer<typeof countsSchema>;

export interface BackupEntry {
  name: string;
  path: string;
  manifest: BackupManifest;
}

/** How many migrations this build of the app carries. */
export function appMigrations(migrationsDir: string): number {
  return readMigrationFiles({ migrationsFolder: migrationsDir }).length;
}

export function databaseCounts(sqlite: Sqlite): BackupCounts {
  return {
    cases: tableRows(sqlite, 'cases'),
    documents: tableRows(sqlite, 'documents'),
    logEntries: tableRows(sqlite, 'communications'),
    auditEntries: tableRows(sqlite, 'audit_log'),
  };
}

/** SHA-256 of a file read in 1 MB pieces (an office's database does not have to fit in memory). */
export function fileSha256(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function writeDurable(path: string, content: string | Buffer): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems (network shares, Windows) cannot open a folder for fsync; the rename is still atomic.
  }
}

/** Open a database file with a key, read-only, for checks; closed by the caller. */
export function openWithKey(file: string, key: Buffer): Sqlite {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } catch (cause) {
    db.close();
    const code = (cause as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw new CoreError('backups.wrong_password', 'The key does not open this backup', undefined, cause);
    throw new CoreError('backups.corrupt', 'The backup is damaged', undefined, cause);
  }
}

/** Page cache of the worker's connection to the live database; `VACUUM INTO` gives its target the same. */
export const COPY_CACHE_MB = 128;

/**
 * The backup worker's own connection to the live database (the app keeps its connection): read-only, keyed; temp
 * tables and sorts in memory like the app's, so nothing plaintext reaches a temp file. Its page cache is the app's
 * 128 MB, as when the copy ran on the app's connection (VACUUM INTO gives its target the source's cache size); it is
 * released after the copy, before the check of the copy fills its own (worker.ts).
 */
export function openLive(file: string, key: Buffer): Sqlite {
  const db = openWithKey(file, key);
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = -${COPY_CACHE_MB * 1024}`);
  return db;
}

function integrityOk(db: Sqlite): boolean {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.length === 1 && rows[0]?.integrity_check === 'ok';
}

function folderError(folder: string, cause: unknown): CoreError {
  if (isCoreError(cause)) return cause;
  if (isDiskFull(cause)) return new CoreError('storage.full', 'The backup folder is full; older backups are untouched', { folder }, cause);
  const code = (cause as { code?: string } | null)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOENT' || code === 'ENOTDIR' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') {
    return new CoreError('backups.folder_unwritable', `The backup folder ${folder} cannot be written`, { folder }, cause);
  }
  throw cause;
}

/** Create the folder if needed and prove it can be written. */
export function ensureBackupFolder(folder: string): void {
  if (folder.trim() === '') throw new CoreError('backups.no_folder', 'No backup folder has been chosen');
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK | constants.R_OK);
  } catch (cause) {
    throw folderError(folder, cause);
  }
}

function stamp(at: Date): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${at.getUTCFullYear()}${p(at.getUTCMonth() + 1)}${p(at.getUTCDate())}-${p(at.getUTCHours())}${p(at.getUTCMinutes())}${p(at.getUTCSeconds())}`;
}

export interface MakeBackupOptions {
  sqlite: Sqlite;
  key: Buffer;
  keyringFile: string;
  folder: string;
  kind: BackupKind;
  now: Date;
  /** Called when the copy starts (0) and after each of the steps (copy, keyring, verify, checksums, in place). */
  progress?: (done: number, total: number) => void;
  /** Checked between steps; a cancelled backup removes its partial folder. */
  cancelled?: () => boolean;
}

export const BACKUP_STEPS = 5;
/** Page cache for the verification's integrity_check. */
export const VERIFY_CACHE_MB = 256;

/**
 * Write one backup and verify it; returns its entry. On any failure the partial folder is removed and the older
 * backups are untouched: a full disk answers storage.full, a folder that cannot be written backups.folder_unwritable.
 */
export function makeBackup(o: MakeBackupOptions): BackupEntry {
  const steps = backupSteps(o);
  let r = steps.next();
  while (!r.done) {
    try {
      fullCheck(r.value.dbFile, o.key);
    } catch (e) {
      r = steps.throw(e);
      continue;
    }
    r = steps.next();
  }
  return r.value;
}

/** The check of the copy on one connection: one full `PRAGMA integrity_check` (as restore checks a backup). */
function fullCheck(dbFile: string, key: Buffer): void {
  const copy = openWithKey(dbFile, key);
  try {
    copy.pragma('temp_store = MEMORY');
    // integrity_check reads every index against its table: with 256 MB of decrypted pages it decrypts each page about
    // once (at office scale 40 s with the default cache became 26 s on a loaded machine; peak RSS about 370 MB).
    copy.pragma(`cache_size = -${VERIFY_CACHE_MB * 1024}`);
    if (!integrityOk(copy)) throw new CoreError('backups.corrupt', 'The backup did not pass its integrity check');
  } finally {
    copy.close();
  }
}

export interface ParallelBackupOptions extends MakeBackupOptions {
  /** Connections checking the copy at once (check.ts); 1 keeps the single full check. Default: the machine's cores, at most 4. */
  checkers?: number;
  /** Test seam: called with the finished copy before it is checked (tests damage it here). */
  beforeCheck?: (dbFile: string) => void;
}

/**
 * makeBackup with the check of the copy spread over several cores (check.ts): `PRAGMA integrity_check(<table>)` for
 * every table and the page accounting, each connection in its own worker thread. Same steps, same folder, same errors.
 */
export async function makeBackupParallel(o: ParallelBackupOptions): Promise<BackupEntry> {
  const checkers = o.checkers ?? defaultCheckers();
  const steps = backupSteps(o);
  let r = steps.next();
  while (!r.done) {
    try {
      o.beforeCheck?.(r.value.dbFile);
      await parallelCheck(r.value.dbFile, o.key, checkers, o.cancelled);
    } catch (e) {
      r = steps.throw(e);
      continue;
    }
    r = steps.next();
  }
  return r.value;
}

async function parallelCheck(dbFile: string, key: Buffer, checkers: number, cancelled?: () => boolean): Promise<void> {
  if (checkers <= 1) return fullCheck(dbFile, key);
  const copy = openWithKey(dbFile, key);
  let tasks: CheckTask[];
  try {
    // A copy with pointer-map pages (auto_vacuum) is not accounted page by page: the full check instead.
    if ((copy.pragma('auto_vacuum', { simple: true }) as number) !== 0) tasks = [];
    else tasks = orderTasks(planTables(copy));
  } finally {
    copy.close();
  }
  if (tasks.length === 0) return fullCheck(dbFile, key);
  await checkInWorkers({ file: dbFile, key, checkers, tasks, cancelled });
}

/** The copy to check: makeBackup's steps stop here until the check of `dbFile` answered (or threw into them). */
interface CheckRequest {
  dbFile: string;
}

function* backupSteps(o: MakeBackupOptions): Generator<CheckRequest, BackupEntry, void> {
  ensureBackupFolder(o.folder);
  removePartials(o.folder);
  let name = `tahseel-${stamp(o.now)}-${o.kind}`;
  for (let i = 2; existsSync(join(o.folder, name)); i++) name = `tahseel-${stamp(o.now)}-${o.kind}-${i}`;
  const tmp = join(o.folder, `${PARTIAL_PREFIX}${randomUUID()}`);
  const step = (n: number): void => {
    if (o.cancelled?.()) throw new CoreError('internal', 'cancelled');
    o.progress?.(n, BACKUP_STEPS);
  };
  try {
    mkdirSync(tmp);
    step(0);
    const dbFile = join(tmp, BACKUP_DB);
    // In a worker the app keeps writing through its own connection while the copy is made: data_version tells
    // whether another connection committed between the counts and the end of the copy.
    const version0 = dataVersion(o.sqlite);
    const before = databaseCounts(o.sqlite);
    const migrations = appliedMigrations(o.sqlite);
    // One consistent snapshot, encrypted with the same cipher and key as the live file.
    o.sqlite.prepare('VACUUM INTO ?').run(dbFile);
    const after = dataVersion(o.sqlite) === version0 ? before : databaseCounts(o.sqlite);
    step(1);
    const keyring = readFileSync(o.keyringFile);
    const officeId = officeIdOf(keyring);
    writeDurable(join(tmp, BACKUP_KEYRING), keyring);
    step(2);
    let counts: BackupCounts;
    // The integrity check of the copy (makeBackup: one full check; makeBackupParallel: per table on several cores).
    yield { dbFile };
    if (o.cancelled?.()) throw new CoreError('internal', 'cancelled');
    const copy = openWithKey(dbFile, o.key);
    try {
      copy.pragma('temp_store = MEMORY');
      counts = databaseCounts(copy);
      if (!countsBetween(counts, before, after)) throw new CoreError('backups.corrupt', 'The backup does not hold what the database holds');
    } finally {
      copy.close();
    }
    fsyncFile(dbFile);
    step(3);
    const manifest: BackupManifest = {
      format: 'tahseel-backup',
      version: 1,
      appVersion: APP_VERSION,
      officeId,
      migrations,
      createdAt: o.now.toISOString(),
      kind: o.kind,
      counts,
      files: {
        db: { name: BACKUP_DB, size: statSync(dbFile).size, sha256: fileSha256(dbFile) },
        keyring: { name: BACKUP_KEYRING, size: keyring.length, sha256: createHash('sha256').update(keyring).digest('hex') },
      },
      verified: { at: new Date().toISOString(), integrity: 'ok' },
    };
    writeDurable(join(tmp, BACKUP_MANIFEST), JSON.stringify(manifest, null, 2));
    fsyncDir(tmp);
    step(4);
    const path = join(o.folder, name);
    renameSync(tmp, path);
    fsyncDir(o.folder);
    step(5);
    return { name, path, manifest };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw folderError(o.folder, e);
  }
}

function dataVersion(sqlite: Sqlite): number {
  return sqlite.pragma('data_version', { simple: true }) as number;
}

/**
 * The copy holds what the database held at one moment between `before` and `after` (the same counts when nothing was
 * committed meanwhile): each count of the copy lies between the two.
 */
function countsBetween(copy: BackupCounts, before: BackupCounts, after: BackupCounts): boolean {
  return (Object.keys(copy) as (keyof BackupCounts)[]).every((k) => copy[k] >= Math.min(before[k], after[k]) && copy[k] <= Math.max(before[k], after[k]));
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Leftovers of a backup that was interrupted (a crash, a kill): never listed, removed before the next one. */
export function removePartials(folder: string): number {
  let removed = 0;
  for (const f of safeReaddir(folder)) {
    if (f.startsWith(PARTIAL_PREFIX)) {
      rmSync(join(folder, f), { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

function safeReaddir(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

export function readManifest(path: string): BackupManifest {
  try {
    return manifestSchema.parse(JSON.parse(readFileSync(join(path, BACKUP_MANIFEST), 'utf8')));
  } catch (cause) {
    throw new CoreError('backups.corrupt', 'The backup has no readable manifest', undefined, cause);
  }
}

/** The backups in a folder, newest first; folders without a valid manifest (or half-written ones) are not backups. */
export function listBackups(folder: string): BackupEntry[] {
  const out: BackupEntry[] = [];
  for (const name of safeReaddir(folder)) {
    if (!NAME_RE.test(name)) continue;
    const path = join(folder, name);
    try {
      out.push({ name, path, manifest: readManifest(path) });
    } catch {
      // not a complete backup
    }
  }
  return out.sort((a, b) => (a.manifest.createdAt < b.manifest.createdAt ? 1 : a.manifest.createdAt > b.manifest.createdAt ? -1 : 0));
}

/** The office a keyring belongs to: its random lookup salt, hashed (the same for every backup of the office). */
export function officeIdOf(keyringJson: Buffer | string): string {
  const salt = (JSON.parse(keyringJson.toString()) as { lookupSalt?: string }).lookupSalt ?? '';
  return createHash('sha256').update(`tahseel-office|${salt}`).digest('hex').slice(0, 32);
}

/** Delete the office's backups the policy does not keep (another office's backups in the same folder are left alone). */
export function rotate(folder: string, policy: RotationPolicy, officeId: string): string[] {
  const all = listBackups(folder).filter((b) => b.manifest.officeId === officeId);
  const keep = backupsToKeep(all.map((b) => ({ name: b.name, createdAt: b.manifest.createdAt, kind: b.manifest.kind })), policy);
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.name)) continue;
    rmSync(b.path, { recursive: true, force: true });
    removed.push(b.name);
  }
  return removed;
}

export type RestoreSecret = { username: string; password: string } | { recoveryCode: string };

export interface CheckedBackup {
  entry: BackupEntry;
  keyring: Keyring;
  key: Buffer;
}

/**
 * Everything that can refuse a restore, before anything is touched: a backup from a newer app, files that fail their
 * checksums, a password or recovery code that does not open its keyring.
 */
export async function checkBackup(path: string, name: string, secret: RestoreSecret, migrationsDir: string): Promise<CheckedBackup> {
  if (!existsSync(path)) throw new CoreError('backups.not_found', 'No such backup');
  const manifest = readManifest(path);
  const known = appMigrations(migrationsDir);
  if (manifest.migrations > known) {
    throw new CoreError('backups.newer_version', 'The backup was made by a newer version of the app', { appVersion: manifest.appVersion });
  }
  const dbFile = join(path, manifest.files.db.name);
  const keyringFile = join(path, manifest.files.keyring.name);
  if (!existsSync(dbFile) || !existsSync(keyringFile)) throw new CoreError('backups.corrupt', 'A file of the backup is missing');
  if (fileSha256(dbFile) !== manifest.files.db.sha256 || fileSha256(keyringFile) !== manifest.files.keyring.sha256) {
    throw new CoreError('backups.corrupt', 'A file of the backup does not match its checksum');
  }
  let keyring: Keyring;
  try {
    keyring = readKeyring(keyringFile);
  } catch (cause) {
    throw new CoreError('backups.corrupt', 'The backup keyring is damaged', undefined, cause);
  }
  let key: Buffer | null = null;
  if ('recoveryCode' in secret) {
    const entry = keyring.entries.find((e) => e.kind === 'recovery');
    if (entry) key = await unwrapKey(entry, normalizeRecoveryCode(secret.recoveryCode));
  } else {
    const tag = lookupTag(keyring, secret.username);
    const entry = keyring.entries.find((e) => e.kind === 'user' && sameTag(e.lookup, tag));
    if (entry) key = await unwrapKey(entry, secret.password);
  }
  if (!key) throw new CoreError('backups.wrong_password', 'Neither the password nor the recovery code opens this backup');
  const copy = openWithKey(dbFile, key);
  try {
    if (!integrityOk(copy)) throw new CoreError('backups.corrupt', 'The backup did not pass its integrity check');
  } finally {
    copy.close();
  }
  return { entry: { name, path, manifest }, keyring, key };
}

/** Copy a checked backup's database to `staging` (beside the live file, so the final rename is atomic). */
export function stageBackup(checked: CheckedBackup, staging: string): void {
  for (const f of [staging, `${staging}-wal`, `${staging}-shm`]) rmSync(f, { force: true });
  try {
    copyFileSync(join(checked.entry.path, checked.entry.manifest.files.db.name), staging);
    fsyncFile(staging);
  } catch (e) {
    for (const f of [staging, `${staging}-wal`, `${staging}-shm`]) rmSync(f, { force: true });
    if (isDiskFull(e)) throw new CoreError('storage.full', 'The disk is full; nothing was restored', undefined, e);
    throw e;
  }
}
