// Prepared statements cached per connection: hot writes (search index, case links) skip re-preparing SQL.
import type Database from 'better-sqlite3';
import { getTableColumns, sql, type Placeholder, type SQL } from 'drizzle-orm';
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
 * The shape of insert values, naming a prepared insert: which columns are given and which are null (absent columns
 * take their defaults as before). Only a string is built per call; the placeholders only when the shape is new.
 */
export function insertShape(table: SQLiteTable, values: object): string {
  const v = values as Record<string, unknown>;
  let shape = '';
  for (const k of columnKeys(table)) shape += v[k] === undefined ? '-' : v[k] === null ? '0' : '1';
  return shape;
}

const keysOf = new WeakMap<SQLiteTable, string[]>();
function columnKeys(table: SQLiteTable): string[] {
  let keys = keysOf.get(table);
  if (!keys) keysOf.set(table, (keys = Object.keys(getTableColumns(table))));
  return keys;
}

/**
 * Insert values as placeholders, for a prepared insert of their shape. A null is written as a literal null because a
 * placeholder would pass it through the column's encoder (a boolean column would store 0, not null).
 */
export function insertPlaceholders<T extends SQLiteTable>(values: T['$inferInsert']): SQLiteInsertValue<T> {
  const columns: Record<string, Placeholder | SQL> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    columns[k] = v === null ? sql`null` : sql.placeholder(k);
  }
  return columns as SQLiteInsertValue<T>;
}
