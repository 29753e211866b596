// What a backup records about a database and checks on its copy, and the backup folder read before the app's own
// queries can run (a migration's backup runs on the raw connection, before drizzle sees the schema).
import type { Sqlite } from '../open';

function tableExists(sqlite: Sqlite, table: string): boolean {
  return sqlite.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table) !== undefined;
}

/** Migrations recorded as applied in an open database (0 on a brand-new file). */
export function appliedMigrations(sqlite: Sqlite): number {
  if (!tableExists(sqlite, '__drizzle_migrations')) return 0;
  return (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
}

/** Rows in one of the tables a backup counts (0 when an old schema does not have it yet). */
export function tableRows(sqlite: Sqlite, table: 'cases' | 'documents' | 'communications' | 'audit_log'): number {
  if (!tableExists(sqlite, table)) return 0;
  return (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}

/** The office's backup folder setting as stored (JSON text), or undefined when there is none or no settings table. */
export function storedBackupFolder(sqlite: Sqlite): string | undefined {
  if (!tableExists(sqlite, 'settings')) return undefined;
  const row = sqlite.prepare(`SELECT value FROM settings WHERE key = 'backupFolder'`).get() as { value: string } | undefined;
  return row?.value;
}
