// Backups of the encrypted database and its keyring: status, list, run now (a job), restore (needs a password of a
// user in the backup, or its recovery code).
import { z } from 'zod';
import { proc } from '../procedure';
import type { JobState } from './letters';

export type BackupKindName = 'daily' | 'manual' | 'pre-migration';

export interface BackupCountsRow {
  cases: number;
  documents: number;
  logEntries: number;
  auditEntries: number;
}

export interface BackupRow {
  name: string;
  createdAt: string;
  kind: BackupKindName;
  appVersion: string;
  migrations: number;
  counts: BackupCountsRow;
  sizeBytes: number;
  /** Opened with the key and passed PRAGMA integrity_check when it was written. */
  verified: boolean;
  verifiedAt: string;
  /** Made by a newer version of the app than this one: it cannot be restored here. */
  newer: boolean;
}

export interface BackupStatus {
  folder: string;
  lastSuccess: { at: string; name: string; kind: string } | null;
  lastFailure: { at: string; code: string } | null;
  /** The next daily backup (local 'YYYY-MM-DDTHH:MM'), or null with no folder chosen. */
  nextRun: string | null;
  /** No successful backup, or the last is older than two days: the dashboard warns partners. */
  stale: boolean;
}

/** A backup older than this many hours is stale. */
export const BACKUP_STALE_HOURS = 48;

const backupName = z.string().regex(/^tahseel-\d{8}-\d{6}-(daily|manual|pre-migration)(-\d+)?$/, 'validation.invalid');

export const restoreInput = z.union([
  z.object({ name: backupName, username: z.string().min(1, 'validation.required').max(100), password: z.string().min(1, 'validation.required').max(200) }),
  z.object({ name: backupName, recoveryCode: z.string().min(1, 'validation.required').max(100) }),
]);

export const backupProcedures = {
  'backups.status': proc<BackupStatus>()({ input: z.object({}), access: 'backups.manage', kind: 'read' }),
  'backups.list': proc<BackupRow[]>()({ input: z.object({}), access: 'backups.manage', kind: 'read' }),
  /** A job; refused with backups.no_folder. Failures (backups.folder_unwritable, storage.full) come as the job's error. */
  'backups.run': proc<JobState>()({ input: z.object({}), access: 'backups.manage', kind: 'write' }),
  /**
   * Refused, changing nothing, with backups.not_found, backups.corrupt, backups.newer_version, backups.wrong_password.
   * On success every session ends and the app opens on the restored data (sign in again).
   */
  'backups.restore': proc<{ restored: string; asideDir: string }>()({ input: restoreInput, access: 'backups.manage', kind: 'write' }),
} as const;
