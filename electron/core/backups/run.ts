// One backup as the app makes it (by hand, on schedule, before a migration): into the office's folder, verified, then
// rotation; the outcome is remembered in the data folder for the settings screen and the dashboard.
import { join } from 'node:path';
import type { BackupKind } from '../../domain/backup-rotation';
import { addDays, localDateTime } from '../../domain/dates';
import type { Settings } from '../../contract/schemas';
import { CoreError, isCoreError, isDiskFull } from '../errors';
import { DB_FILE, KEYRING_FILE, type Vault } from '../vault';
import { loadSettings } from '../services/office/settings';
import { rotate, type BackupEntry } from './backup';
import { makeBackupInWorker } from './in-worker';
import { readBackupState, writeBackupState } from './state';

/** Pre-migration backups kept, whatever the calendar rotation says. */
export const KEEP_PRE_MIGRATION = 3;

export function policyOf(settings: Settings): { daily: number; weekly: number; monthly: number; preMigration: number } {
  return { daily: settings.backupKeepDaily, weekly: settings.backupKeepWeekly, monthly: settings.backupKeepMonthly, preMigration: KEEP_PRE_MIGRATION };
}

export interface RunBackupOptions {
  vault: Vault;
  kind: BackupKind;
  now: Date;
  progress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** The backup running for each data folder: backups of one office run one after the other, never side by side. */
const running = new Map<string, Promise<unknown>>();

/** Whether a backup of this data folder is running (the scheduler waits for its next check then). */
export function backupRunning(dataDir: string): boolean {
  return running.has(dataDir);
}

/** Resolves when no backup of this data folder is running any more (a restore waits for a cancelled one to stop). */
export async function backupsSettled(dataDir: string): Promise<void> {
  for (let p = running.get(dataDir); p; p = running.get(dataDir)) await p.catch(() => undefined);
}

/** How to stop each data folder's running and waiting backups (the daily one has no job that could cancel it). */
const stoppers = new Map<string, Set<AbortController>>();

/** Ask every backup of this data folder to stop at its next step (a restore, the app closing). */
export function stopBackups(dataDir: string): void {
  for (const c of stoppers.get(dataDir) ?? []) c.abort(new CoreError('internal', 'cancelled'));
}

/**
 * Make, verify and rotate; records success or failure in backup-state.json, then rethrows a failure. The copy and its
 * verification run in a worker thread (backups/in-worker.ts), so the core keeps answering meanwhile.
 */
export async function runBackup(o: RunBackupOptions): Promise<{ entry: BackupEntry; removed: string[] }> {
  const dataDir = o.vault.dataDir;
  const stop = new AbortController();
  const stops = stoppers.get(dataDir) ?? new Set<AbortController>();
  stoppers.set(dataDir, stops.add(stop));
  const signal = o.signal ? AbortSignal.any([o.signal, stop.signal]) : stop.signal;
  const previous = running.get(dataDir);
  const mine = (async () => {
    if (previous) await previous.catch(() => undefined);
    return backupNow({ ...o, signal });
  })();
  running.set(dataDir, mine);
  try {
    return await mine;
  } finally {
    if (running.get(dataDir) === mine) running.delete(dataDir);
    stops.delete(stop);
    if (stops.size === 0) stoppers.delete(dataDir);
  }
}

async function backupNow(o: RunBackupOptions): Promise<{ entry: BackupEntry; removed: string[] }> {
  const { db } = o.vault.current();
  const settings = loadSettings(db);
  const folder = settings.backupFolder;
  try {
    // The worker gets its own copy of the key: the vault may lock (and forget its key) while the backup runs.
    const entry = await o.vault.withKey((key) =>
      makeBackupInWorker({
        dbFile: join(o.vault.dataDir, DB_FILE),
        key,
        keyringFile: join(o.vault.dataDir, KEYRING_FILE),
        folder,
        kind: o.kind,
        now: o.now,
        progress: o.progress,
        signal: o.signal,
      }),
    );
    const removed = rotate(folder, policyOf(settings), entry.manifest.officeId);
    writeBackupState(o.vault.dataDir, { lastSuccess: { at: entry.manifest.createdAt, name: entry.name, folder, kind: o.kind } });
    return { entry, removed };
  } catch (e) {
    // Stopped on purpose (the job cancelled, a restore, the app closing): not a failure to report.
    if (o.signal?.aborted) throw e;
    const code = isCoreError(e) ? e.code : isDiskFull(e) ? 'storage.full' : 'internal';
    writeBackupState(o.vault.dataDir, { lastFailure: { at: o.now.toISOString(), code, folder } });
    throw e;
  }
}

/** The most recent moment the daily backup was due (today's time if it has passed, else yesterday's), as local 'YYYY-MM-DDTHH:MM'. */
function lastDueKey(now: Date, time: string): string {
  const local = localDateTime(now);
  const nowKey = `${local.date}T${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  const today = `${local.date}T${time}`;
  return nowKey >= today ? today : `${addDays(local.date, -1)}T${time}`;
}

function localKey(iso: string): string {
  const l = localDateTime(iso);
  return `${l.date}T${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}`;
}

/** Whether the daily backup is due: its time has come since the last automatic attempt (a missed one is caught up). */
export function dailyDue(dataDir: string, settings: Settings, now: Date): boolean {
  if (settings.backupFolder.trim() === '') return false;
  const state = readBackupState(dataDir);
  const due = lastDueKey(now, settings.backupTime);
  // A backup by hand after the daily time counts for the day.
  const latest = [state.lastDailyAttemptAt, state.lastSuccess?.at ?? null].filter((x): x is string => x !== null).sort().pop() ?? null;
  const attempted = latest ? localKey(latest) : null;
  if (attempted === null || attempted < due) return true;
  // A failed attempt is tried again after an hour (a drive plugged back in, space freed).
  const failed = state.lastFailure !== null && state.lastFailure.at === state.lastDailyAttemptAt;
  return failed && now.getTime() - Date.parse(state.lastDailyAttemptAt ?? '') >= 60 * 60_000;
}

/** The next time the daily backup will run (local 'YYYY-MM-DDTHH:MM'), for the settings screen. */
export function nextDailyKey(dataDir: string, settings: Settings, now: Date): string | null {
  if (settings.backupFolder.trim() === '') return null;
  if (dailyDue(dataDir, settings, now)) return localKey(now.toISOString());
  const local = localDateTime(now);
  const today = `${local.date}T${settings.backupTime}`;
  const nowKey = localKey(now.toISOString());
  return nowKey < today ? today : `${addDays(local.date, 1)}T${settings.backupTime}`;
}

/**
 * The scheduler's check: start the daily backup when it is due and the database is open (the key is only in memory
 * then) and no backup is running. Resolves with whether it ran, once it has finished.
 */
export async function dailyTick(vault: Vault, now: Date, emit: (event: { type: string; [k: string]: unknown }) => void): Promise<boolean> {
  if (!vault.isOpen() || backupRunning(vault.dataDir)) return false;
  const settings = loadSettings(vault.current().db);
  if (!dailyDue(vault.dataDir, settings, now)) return false;
  writeBackupState(vault.dataDir, { lastDailyAttemptAt: now.toISOString() });
  try {
    const { entry } = await runBackup({ vault, kind: 'daily', now });
    emit({ type: 'backup.done', name: entry.name });
  } catch (e) {
    emit({ type: 'backup.failed', code: isCoreError(e) ? e.code : isDiskFull(e) ? 'storage.full' : 'internal' });
    if (!isCoreError(e) && !isDiskFull(e)) console.error('[tahseel] daily backup failed:', e);
  }
  return true;
}
