// Prepared statements cached per connection: hot writes (search index, case links) skip re-preparing SQL.
import type Database from 'better-sqlite3';
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { SQLiteInsertValue, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Sqlite } from '../open';

type Statement = Database.Statement<unknown[], unknown>;
const caches = new WeakMap<Sqlite, Map<string, Statement>>();

export function cached(sqlite: Sqlite, sql: string): Statement {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map<string, Statement>()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = sqlite.prepare<unknown[], unknown>(sql)));
  return stmt;
}

const queries = new WeakMap<Sqlite, Map<string, unknown>>();

/**
 * A drizzle query built and prepared once per connection under `key` (`build` runs the first time): building and
 * preparing a query costs more than running it, which matters on paths that run per row (an import's 50,000 cases).
 */
export function preparedOnce<T>(sqlite: Sqlite, key: string, build: () => T): T {
  let cache = queries.get(sqlite);
  if (!cache) queries.set(sqlite, (cache = new Map<string, unknown>()));
  let q = cache.get(key) as T | undefined;
  if (q === undefined) cache.set(key, (q = build()));
  return q;
}

/**
 * Insert values as placeholders, for a prepared insert: `shape` names the statement (which columns are given, which
 * are null). Absent columns take their defaults as before; a null is written as a literal null because a placeholder
 * would pass it through the column's encoder (a boolean column would store 0, not null).
 */
export function insertPlaceholders<T extends SQLiteTable>(values: T['$inferInsert']): { shape: string; columns: SQLiteInsertValue<T> } {
  const keys: string[] = [];
  const columns: Record<string, Placeholder | SQL> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    keys.push(v === null ? `${k}=null` : k);
    columns[k] = v === null ? sql`null` : sql.placeholder(k);
  }
  return { shape: keys.join(','), columns: columns as SQLiteInsertValue<T> };
}
