// Before a migration changes the schema: a backup of the database as it was, in the office's backup folder or, when
// none is chosen or it cannot be written, in the data folder's own `backups`. If neither can be written the database
// is not opened (a migration without a way back is not run). It runs on the opening thread, synchronously, on the
// connection being opened (not in the backup worker like the others): nothing else runs before the migrations, and
// the hook inside openDatabase cannot wait for a worker.
import { join } from 'node:path';
import type { Sqlite } from '../../../db/open';
import { storedBackupFolder } from '../../../db/queries/backups';
import { isCoreError } from '../errors';
import { makeBackup, type BackupEntry } from './backup';
import { writeBackupState } from './state';

export const LOCAL_BACKUP_DIR = 'backups';

function officeFolder(sqlite: Sqlite): string {
  try {
    const stored = storedBackupFolder(sqlite);
    const v = stored !== undefined ? (JSON.parse(stored) as unknown) : '';
    return typeof v === 'string' ? v : '';
  } catch {
    return '';
  }
}

export function preMigrationBackup(o: { sqlite: Sqlite; key: Buffer; keyringFile: string; dataDir: string; now?: Date }): BackupEntry {
  const now = o.now ?? new Date();
  const folders = [officeFolder(o.sqlite), join(o.dataDir, LOCAL_BACKUP_DIR)].filter((f) => f.trim() !== '');
  let last: unknown;
  for (const folder of folders) {
    try {
      const entry = makeBackup({ sqlite: o.sqlite, key: o.key, keyringFile: o.keyringFile, folder, kind: 'pre-migration', now });
      writeBackupState(o.dataDir, { lastSuccess: { at: entry.manifest.createdAt, name: entry.name, folder, kind: 'pre-migration' } });
      return entry;
    } catch (e) {
      if (!isCoreError(e)) throw e;
      last = e;
    }
  }
  throw last;
}
