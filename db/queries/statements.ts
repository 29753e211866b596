// Prepared statements cached per connection: hot writes (search index, case links) skip re-preparing SQL.
import type Database from 'better-sqlite3';
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
