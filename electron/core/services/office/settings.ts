// Office settings with their defaults; stored as key/value JSON so later issues add keys without migrations.
import { settingsSchema, type Settings } from '../../../contract/schemas';
import type { Db } from '../../../../db/open';
import { readSettings, writeSetting } from '../../../../db/queries/office';

export const DEFAULT_SETTINGS: Settings = {
  idleLockMinutes: 10,
  defaultLang: 'ar',
  defaultDigits: 'western',
  documentMaxMb: 50,
  letterDigits: 'western',
  samaCallAttempts: 10,
  samaWindowDays: 30,
  samaHoursFrom: '08:00',
  samaHoursTo: '20:00',
  samaWorkingDays: [0, 1, 2, 3, 4],
  samaSaturdayAllowed: false,
  planDefaultAfterMissed: 2,
  planRemainderOn: 'last',
  backupFolder: '',
  backupTime: '02:00',
  backupKeepDaily: 7,
  backupKeepWeekly: 4,
  backupKeepMonthly: 12,
  retentionYears: 10,
};

export function loadSettings(db: Db): Settings {
  const stored = readSettings(db);
  const merged = { ...DEFAULT_SETTINGS, ...stored };
  const parsed = settingsSchema.safeParse(merged);
  // A value a future version wrote that this one does not understand falls back to the default.
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export function saveSettings(db: Db, patch: Partial<Settings>): Settings {
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) writeSetting(db, key, value);
  return loadSettings(db);
}
