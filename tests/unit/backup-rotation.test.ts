// Rotation: the newest backup of each of the last N days, W weeks (Sunday to Saturday) and M months, the newest few
// made before a migration, and always the newest of all.
import { describe, expect, it } from 'vitest';
import { backupsToKeep, type Rotatable } from '../../electron/domain/backup-rotation';
import { addDays } from '../../electron/domain/dates';

/** One backup a day at 02:00 Riyadh (23:00 UTC the day before) from `from` for `days` days. */
function daily(from: string, days: number): Rotatable[] {
  return Array.from({ length: days }, (_, i) => {
    const day = addDays(from, i);
    return { name: `d-${day}`, createdAt: `${addDays(day, -1)}T23:00:00.000Z`, kind: 'daily' as const };
  });
}

describe('backupsToKeep', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly out of a year of daily backups', () => {
    const all = daily('2025-11-23', 365); // up to 2026-11-22, a Sunday
    const kept = [...backupsToKeep(all, { daily: 7, weekly: 4, monthly: 12, preMigration: 3 })].sort();
    const dailies = Array.from({ length: 7 }, (_, i) => `d-${addDays('2026-11-22', -i)}`);
    // Weeks start on Sunday: the newest of each of the last four weeks is its Saturday (and today, the Sunday).
    const weeklies = ['d-2026-11-22', 'd-2026-11-21', 'd-2026-11-14', 'd-2026-11-07'];
    // Months: the newest of each of the last twelve months, the last day of the month (and today).
    const monthlies = ['d-2026-11-22', 'd-2026-10-31', 'd-2026-09-30', 'd-2026-08-31', 'd-2026-07-31', 'd-2026-06-30', 'd-2026-05-31', 'd-2026-04-30', 'd-2026-03-31', 'd-2026-02-28', 'd-2026-01-31', 'd-2025-12-31'];
    expect(kept).toEqual([...new Set([...dailies, ...weeklies, ...monthlies])].sort());
    expect(kept).toHaveLength(7 + 2 + 11);
  });

  it('keeps only the newest of several backups on the same day, and always the newest of all', () => {
    const all: Rotatable[] = [
      { name: 'a', createdAt: '2026-11-22T06:00:00.000Z', kind: 'manual' },
      { name: 'b', createdAt: '2026-11-22T10:00:00.000Z', kind: 'manual' },
      { name: 'c', createdAt: '2026-11-21T23:00:00.000Z', kind: 'daily' },
    ];
    // 2026-11-21T23:00Z is 02:00 on the 22nd in Riyadh: the same day as a and b.
    expect([...backupsToKeep(all, { daily: 7, weekly: 0, monthly: 0, preMigration: 0 })]).toEqual(['b']);
    expect([...backupsToKeep([all[0] as Rotatable], { daily: 0, weekly: 0, monthly: 0, preMigration: 0 })]).toEqual(['a']);
  });

  it('keeps the newest pre-migration backups apart from the calendar', () => {
    const all: Rotatable[] = [
      ...daily('2026-11-01', 20),
      { name: 'm1', createdAt: '2026-06-01T10:00:00.000Z', kind: 'pre-migration' },
      { name: 'm2', createdAt: '2026-07-01T10:00:00.000Z', kind: 'pre-migration' },
      { name: 'm3', createdAt: '2026-08-01T10:00:00.000Z', kind: 'pre-migration' },
    ];
    const kept = backupsToKeep(all, { daily: 2, weekly: 0, monthly: 0, preMigration: 2 });
    expect([...kept].sort()).toEqual(['d-2026-11-19', 'd-2026-11-20', 'm2', 'm3']);
  });
});
