// The global search index (FTS5, trigram): kept in step on every write, queried with normalised fragments.
import type { Sqlite } from '../open';
import { cached } from './statements';

export type SearchKind = 'case' | 'party' | 'client';
const KIND_CODE: Record<SearchKind, number> = { case: 1, party: 2, client: 3 };

function rowid(kind: SearchKind, id: number): number {
  return id * 4 + KIND_CODE[kind];
}

/** Index changes held back by `withIndexDeferred`, by rowid (the last change of an entity wins; null = removed). */
interface Deferred {
  entries: Map<number, { kind: SearchKind; id: number; body: string | null }>;
}
const deferred = new WeakMap<Sqlite, Deferred>();
/** Held changes are written once this many are waiting (so a large import holds a bounded amount of text). */
const DEFERRED_CHUNK = 5000;

/** Replace the indexed text of one entity (body must already be normalised by the caller). */
export function indexEntity(sqlite: Sqlite, kind: SearchKind, id: number, body: string): void {
  const rid = rowid(kind, id);
  const held = deferred.get(sqlite);
  if (held) return hold(sqlite, held, rid, { kind, id, body });
  cached(sqlite, 'DELETE FROM search_index WHERE rowid = ?').run(rid);
  cached(sqlite, 'INSERT INTO search_index (rowid, body, kind, ref_id) VALUES (?, ?, ?, ?)').run(rid, body, kind, id);
}

export function unindexEntity(sqlite: Sqlite, kind: SearchKind, id: number): void {
  const rid = rowid(kind, id);
  const held = deferred.get(sqlite);
  if (held) return hold(sqlite, held, rid, { kind, id, body: null });
  cached(sqlite, 'DELETE FROM search_index WHERE rowid = ?').run(rid);
}

function hold(sqlite: Sqlite, held: Deferred, rid: number, entry: { kind: SearchKind; id: number; body: string | null }): void {
  held.entries.set(rid, entry);
  if (held.entries.size >= DEFERRED_CHUNK) writeHeld(sqlite, held);
}

/** The held changes in two statements: every touched entry removed, then the current texts inserted in rowid order. */
function writeHeld(sqlite: Sqlite, held: Deferred): void {
  if (held.entries.size === 0) return;
  const rids = [...held.entries.keys()].sort((a, b) => a - b);
  cached(sqlite, 'DELETE FROM search_index WHERE rowid IN (SELECT value FROM json_each(?))').run(JSON.stringify(rids));
  const rows: [number, string, SearchKind, number][] = [];
  for (const rid of rids) {
    const e = held.entries.get(rid);
    if (e && e.body !== null) rows.push([rid, e.body, e.kind, e.id]);
  }
  held.entries.clear();
  if (rows.length === 0) return;
  cached(sqlite, `INSERT INTO search_index (rowid, body, kind, ref_id) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)`).run(
    JSON.stringify(rows),
  );
}

/**
 * Run `write` (inside the caller's transaction) with the search index's changes held back and written in a few
 * statements of thousands of rows, still inside that transaction, so they stay all-or-nothing with the rest.
 * For writes of many entities (an import): FTS5 writes its pending entries to disk at every statement that opens a
 * statement savepoint (an upsert, an insert with a trigger — each case makes several), so index writes interleaved
 * with the rows made one tiny segment per row and merged them again and again. The index is not current inside
 * `write`: nothing in it may search.
 */
export function withIndexDeferred<T>(sqlite: Sqlite, write: () => T): T {
  if (deferred.has(sqlite)) return write();
  const held: Deferred = { entries: new Map() };
  deferred.set(sqlite, held);
  try {
    const result = write();
    writeHeld(sqlite, held);
    return result;
  } finally {
    deferred.delete(sqlite);
  }
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
