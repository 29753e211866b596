// What the app remembers about its backups between runs, in the data folder (`backup-state.json`): the last successful
// backup, the last failure and the last automatic attempt. No personal data: names of backup folders, dates, counts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './files';

export const STATE_FILE = 'backup-state.json';

const stateSchema = z.object({
  lastSuccess: z
    .object({ at: z.string(), name: z.string(), folder: z.string(), kind: z.string() })
    .nullable()
    .default(null),
  lastFailure: z.object({ at: z.string(), code: z.string(), folder: z.string() }).nullable().default(null),
  /** When the scheduler last tried its daily backup (whatever the outcome). */
  lastDailyAttemptAt: z.string().nullable().default(null),
});
export type BackupState = z.infer<typeof stateSchema>;

export function readBackupState(dataDir: string): BackupState {
  try {
    return stateSchema.parse(JSON.parse(readFileSync(join(dataDir, STATE_FILE), 'utf8')));
  } catch {
    return stateSchema.parse({});
  }
}

export function writeBackupState(dataDir: string, patch: Partial<BackupState>): BackupState {
  const next = { ...readBackupState(dataDir), ...patch };
  writeFileAtomic(join(dataDir, STATE_FILE), JSON.stringify(next, null, 2));
  return next;
}
