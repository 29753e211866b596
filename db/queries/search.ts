// The global search index (FTS5, trigram): kept in step on every write, queried with normalised fragments.
import type { Sqlite } from '../open';
import { cached } from './statements';

export type SearchKind = 'case' | 'party' | 'client';
const KIND_CODE: Record<SearchKind, number> = { case: 1, party: 2, client: 3 };

function rowid(kind: SearchKind, id: number): number {
  return id * 4 + KIND_CODE[kind];
}

/** Replace the indexed text of one entity (body must already be normalised by the caller). */
export function indexEntity(sqlite: Sqlite, kind: SearchKind, id: number, body: string): void {
  const rid = rowid(kind, id);
  cached(sqlite, 'DELETE FROM search_index WHERE rowid = ?').run(rid);
  cached(sqlite, 'INSERT INTO search_index (rowid, body, kind, ref_id) VALUES (?, ?, ?, ?)').run(rid, body, kind, id);
}

export function unindexEntity(sqlite: Sqlite, kind: SearchKind, id: number): void {
  cached(sqlite, 'DELETE FROM search_index WHERE rowid = ?').run(rowid(kind, id));
}

/**
 * Ids of one kind whose text contains every term (each term: alternatives, any of which may match).
 * Terms of three characters or more use the trigram index; shorter ones are checked with instr().
 */
export function searchIds(sqlite: Sqlite, kind: SearchKind, terms: string[][], limit: number): number[] {
  const long = terms.filter((alts) => alts.every((a) => [...a].length >= 3));
  const short = terms.filter((alts) => !long.includes(alts));
  const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  const params: (string | number)[] = [];
  const where: string[] = ['kind = ?'];
  params.push(kind);
  if (long.length > 0) {
    where.unshift('search_index MATCH ?');
    params.unshift(long.map((alts) => `(${alts.map(quote).join(' OR ')})`).join(' AND '));
  }
  for (const alts of short) {
    where.push(`(${alts.map(() => 'instr(body, ?) > 0').join(' OR ')})`);
    params.push(...alts);
  }
  if (long.length === 0 && short.length === 0) return [];
  params.push(limit);
  const rows = sqlite
    .prepare(`SELECT ref_id AS id FROM search_index WHERE ${where.join(' AND ')} LIMIT ?`)
    .all(...params) as { id: number }[];
  return rows.map((r) => r.id);
}
