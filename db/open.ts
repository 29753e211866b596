// Open the encrypted database: key first, then pragmas, then a read that proves the key, then migrations.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { CoreError } from '../electron/core/errors';
import * as schema from './schema';
import { applyKey } from './cipher';

export type Sqlite = Database.Database;
export type Db = BetterSQLite3Database<typeof schema> & { $client: Sqlite };

export interface OpenDatabase {
  sqlite: Sqlite;
  db: Db;
}

// The cipher settings and the raw key (db/cipher.ts: loadable without drizzle, as the backup's check workers do).
export { applyKey };

export function applyPragmas(sqlite: Sqlite): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  // Temp tables and sorts stay in memory: nothing plaintext in temp files.
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('busy_timeout = 5000');
  // 128 MB of decrypted pages: Today and the lists read rows scattered over a large encrypted file, and every page
  // read from disk is decrypted again (the default is 16 MB). 64 MB held Today's sections until the money cards
  // joined them: at 100,000 cases with 200,000 payments a person's Today took 200–220 ms, thrashing the cache, and
  // 96 ms with 128 MB. The cache fills only with pages actually read.
  sqlite.pragma('cache_size = -131072');
}

/**
 * Run `write` with a page cache of `kib` KiB, then put the cache back as it was. For one transaction that writes a
 * large part of the file (an import of 50,000 cases grows it by ~110 MB): with the usual cache all its changed pages
 * stay in memory until the commit; with a small one they go to the WAL as the cache fills (that import with 16 MB:
 * 628 MB at its peak against 729 MB, the same CPU, in a pair of runs). The cache refills with the pages reads need.
 */
export function withPageCache<T>(sqlite: Sqlite, kib: number, write: () => T): T {
  const before = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${Math.abs(Math.round(kib))}`);
  try {
    return write();
  } finally {
    sqlite.pragma(`cache_size = ${before}`);
  }
}

/** A wrong key shows up at the first read as SQLITE_NOTADB, not at `PRAGMA key`. */
function proveKey(sqlite: Sqlite): void {
  try {
    sqlite.prepare('SELECT count(*) AS n FROM sqlite_schema').get();
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw new CoreError('vault.wrong_key', 'The database key is wrong', undefined, cause);
    throw new CoreError('vault.database_corrupt', 'The database file is damaged', undefined, cause);
  }
}

/** Migrations in the folder that this database has not applied yet (0 on a brand-new file: nothing to protect). */
export function pendingMigrations(sqlite: Sqlite, migrationsDir: string): number {
  const table = sqlite.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '__drizzle_migrations'`).get();
  if (!table) return 0;
  const last = sqlite.prepare('SELECT max(created_at) AS at FROM __drizzle_migrations').get() as { at: number | null };
  if (last.at === null) return 0;
  return readMigrationFiles({ migrationsFolder: migrationsDir }).filter((m) => m.folderMillis > Number(last.at)).length;
}

export interface OpenHooks {
  /** Called with the key proven and before any pending migration runs (a backup of the data as it was). */
  beforeMigrate?: (sqlite: Sqlite, pending: number) => void;
}

export function openDatabase(file: string, key: Buffer, migrationsDir: string, hooks: OpenHooks = {}): OpenDatabase {
  let sqlite: Sqlite;
  try {
    sqlite = new Database(file);
  } catch (cause) {
    throw new CoreError('vault.database_corrupt', `The database ${file} cannot be opened`, undefined, cause);
  }
  try {
    applyKey(sqlite, key);
    proveKey(sqlite);
    applyPragmas(sqlite);
    const db = drizzle(sqlite, { schema });
    if (hooks.beforeMigrate) {
      const pending = pendingMigrations(sqlite, migrationsDir);
      if (pending > 0) hooks.beforeMigrate(sqlite, pending);
    }
    migrate(db, { migrationsFolder: migrationsDir });
    return { sqlite, db };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
