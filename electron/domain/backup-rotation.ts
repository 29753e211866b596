// Which backups to keep: the newest of each of the last N days, W weeks and M months (grandfather-father-son),
// the last few made before a migration, and always the newest one. Pure: the caller deletes the rest.
import { localDateTime, toEpochDay } from './dates';

export type BackupKind = 'daily' | 'manual' | 'pre-migration';

export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
  /** Backups taken before a migration are kept apart from the calendar: the newest few of them. */
  preMigration: number;
}

export interface Rotatable {
  name: string;
  /** ISO instant the backup was taken. */
  createdAt: string;
  kind: BackupKind;
}

/** The week a date falls in: weeks start on Sunday, as the Saudi working week does. */
function weekKey(isoDate: string): number {
  // 1970-01-01 was a Thursday: +4 makes day 0 of each key a Sunday.
  return Math.floor((toEpochDay(isoDate) + 4) / 7);
}

/** The names to keep; every other backup in the list may be deleted. */
export function backupsToKeep(backups: readonly Rotatable[], policy: RotationPolicy, timeZone = 'Asia/Riyadh'): Set<string> {
  const keep = new Set<string>();
  const newestFirst = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const first = newestFirst[0];
  if (first) keep.add(first.name);

  const calendar = newestFirst.filter((b) => b.kind !== 'pre-migration');
  const bucket = (limit: number, key: (date: string) => string | number): void => {
    const seen = new Set<string | number>();
    for (const b of calendar) {
      const k = key(localDateTime(b.createdAt, timeZone).date);
      if (seen.has(k)) continue;
      if (seen.size >= limit) break;
      seen.add(k);
      keep.add(b.name); // the newest backup of that day, week or month
    }
  };
  bucket(policy.daily, (d) => d);
  bucket(policy.weekly, weekKey);
  bucket(policy.monthly, (d) => d.slice(0, 7));

  for (const b of newestFirst.filter((x) => x.kind === 'pre-migration').slice(0, policy.preMigration)) keep.add(b.name);
  return keep;
}
