// Backups: status, list, run now (a job with progress), restore (checked in full before the current database is moved
// aside; afterwards every session ends and the app opens on the restored data).
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../../api/context';
import { BACKUP_STALE_HOURS, type BackupRow } from '../../../contract/procedures/backups';
import { CoreError } from '../../errors';
import { DB_FILE } from '../../vault';
import { appendAudit } from '../../../../db/queries/audit';
import { openDatabase } from '../../../../db/open';
import { loadSettings } from '../office/settings';
import { appMigrations, BACKUP_STEPS, checkBackup, listBackups, stageBackup, type RestoreSecret } from '../../backups/backup';
import { readBackupState } from '../../backups/state';
import { backupsSettled, nextDailyKey, runBackup, stopBackups } from '../../backups/run';

type BackupHandlers = Pick<Handlers, 'backups.status' | 'backups.list' | 'backups.run' | 'backups.restore'>;

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

export const backupHandlers: BackupHandlers = {
  'backups.status': (ctx) => {
    const settings = loadSettings(ctx.db());
    const state = readBackupState(ctx.core.vault.dataDir);
    const now = ctx.core.now();
    const last = state.lastSuccess;
    const stale = !last || now.getTime() - Date.parse(last.at) > BACKUP_STALE_HOURS * 3_600_000;
    return {
      folder: settings.backupFolder,
      lastSuccess: last ? { at: last.at, name: last.name, kind: last.kind } : null,
      lastFailure: state.lastFailure && (!last || state.lastFailure.at >= last.at) ? { at: state.lastFailure.at, code: state.lastFailure.code } : null,
      nextRun: nextDailyKey(ctx.core.vault.dataDir, settings, now),
      stale,
    };
  },

  'backups.list': (ctx) => {
    const folder = loadSettings(ctx.db()).backupFolder;
    if (folder.trim() === '') return [];
    const known = appMigrations(ctx.core.vault.migrationsDir);
    return listBackups(folder).map(
      (b): BackupRow => ({
        name: b.name,
        createdAt: b.manifest.createdAt,
        kind: b.manifest.kind,
        appVersion: b.manifest.appVersion,
        migrations: b.manifest.migrations,
        counts: b.manifest.counts,
        sizeBytes: b.manifest.files.db.size + b.manifest.files.keyring.size,
        verified: b.manifest.verified.integrity === 'ok',
        verifiedAt: b.manifest.verified.at,
        newer: b.manifest.migrations > known,
      }),
    );
  },

  'backups.run': (ctx) => {
    const user = ctx.user;
    if (!user) throw new CoreError('auth.required', 'Sign in first');
    const folder = loadSettings(ctx.db()).backupFolder;
    if (folder.trim() === '') throw new CoreError('backups.no_folder', 'No backup folder has been chosen');
    const { core } = ctx;
    const job = core.jobs.start({
      kind: 'backup',
      userId: user.id,
      total: BACKUP_STEPS,
      // A throw inside the executor becomes the job's failure (backups.folder_unwritable, storage.full, …).
      // The copy and its check run in a worker thread: calls keep being answered meanwhile.
      run: (control) =>
        runBackup({ vault: core.vault, kind: 'manual', now: core.now(), progress: (d, t) => control.progress(d, t), signal: control.signal }).then(() => null),
    });
    ctx.write(() => ({ result: null, audit: { entity: 'backup', entityId: null, after: { folder, job: job.id } } }));
    return job;
  },

  'backups.restore': async (ctx, input) => {
    const { core } = ctx;
    const folder = loadSettings(ctx.db()).backupFolder;
    const path = join(folder, input.name);
    if (folder.trim() === '' || !existsSync(path)) throw new CoreError('backups.not_found', 'No such backup');
    const secret: RestoreSecret = 'recoveryCode' in input ? { recoveryCode: input.recoveryCode } : { username: input.username, password: input.password };
    const checked = await checkBackup(path, input.name, secret, ctx.core.vault.migrationsDir);
    const dataDir = core.vault.dataDir;
    const staging = join(dataDir, `${DB_FILE}.restoring`);
    const at = core.now();
    try {
      stageBackup(checked, staging);
      // Open the copy as the app will (an older backup is migrated here), prove it, and record the restore in its chain.
      const restored = openDatabase(staging, checked.key, ctx.core.vault.migrationsDir);
      try {
        const rows = restored.sqlite.pragma('integrity_check') as { integrity_check: string }[];
        if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') throw new CoreError('backups.corrupt', 'The restored copy did not pass its integrity check');
        restored.sqlite.transaction(() =>
          appendAudit(restored.sqlite, {
            at: at.toISOString(),
            userId: null,
            action: 'backups.restore',
            entity: 'backup',
            entityId: input.name,
            before: null,
            after: { restoredFrom: input.name, backupCreatedAt: checked.entry.manifest.createdAt, by: ctx.user?.username ?? null },
          }),
        )();
        restored.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        restored.sqlite.close();
      }
      // The current database records that it is being replaced, then is moved aside.
      ctx.write(() => ({ result: null, audit: { entity: 'backup', entityId: input.name, after: { restore: input.name, backupCreatedAt: checked.entry.manifest.createdAt } } }));
      core.jobs.cancelAll();
      // A backup still reading the database (in its worker; by hand or the daily one) stops at its next step before the
      // file is moved aside.
      stopBackups(dataDir);
      await backupsSettled(dataDir);
      const asideDir = join(dataDir, `before-restore-${stamp(at)}`);
      core.vault.replaceWith(staging, checked.keyring, asideDir);
      for (const s of ['-wal', '-shm']) rmSync(`${staging}${s}`, { force: true });
      core.sessions.endAll();
      core.emit({ type: 'app.restored', name: input.name });
      return { restored: input.name, asideDir };
    } catch (e) {
      for (const f of [staging, `${staging}-wal`, `${staging}-shm`]) rmSync(f, { force: true });
      throw e;
    } finally {
      checked.key.fill(0);
    }
  },
};
