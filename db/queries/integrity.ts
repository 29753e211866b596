// The reads the backup's parallel check makes on the copy (electron/core/backups/check.ts decides what they mean):
// the schema's tables and index counts, a table's last rowid, dbstat's page figures, and one table's integrity_check.
import type { Sqlite } from '../open';

function quoteId(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function schemaForCheck(db: Sqlite): { tables: { name: string; sql: string | null }[]; indexes: { t: string; n: number }[] } {
  return {
    tables: db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table'`).all() as { name: string; sql: string | null }[],
    indexes: db.prepare(`SELECT tbl_name AS t, count(*) AS n FROM sqlite_schema WHERE type = 'index' GROUP BY tbl_name`).all() as { t: string; n: number }[],
  };
}

/** A table's last rowid (0 when it has none or no rowid): a look at its last leaf, not a scan. */
export function maxRowid(db: Sqlite, table: string): number {
  try {
    return Number((db.prepare(`SELECT max(rowid) AS m FROM ${quoteId(table)}`).get() as { m: number | bigint | null }).m ?? 0);
  } catch {
    return 0;
  }
}

export interface PageFigures {
  pageCount: number;
  pageSize: number;
  freelist: number;
  autoVacuum: number;
  /** Pages dbstat lists in all b-trees (a page listed twice counts twice). */
  btreePages: number;
  distinctPages: number;
  maxPage: number;
  /** Whether dbstat lists the lock-byte page (it never belongs to a b-tree). */
  lockPageListed: boolean;
}

export function pageFigures(db: Sqlite): PageFigures {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const lockPage = Math.floor(0x40000000 / pageSize) + 1;
  const s = db
    .prepare(`SELECT count(*) AS n, count(DISTINCT pageno) AS d, coalesce(max(pageno), 0) AS m, count(*) FILTER (WHERE pageno = ?) AS lock FROM dbstat`)
    .get(lockPage) as { n: number; d: number; m: number; lock: number };
  return {
    pageCount: db.pragma('page_count', { simple: true }) as number,
    pageSize,
    freelist: db.pragma('freelist_count', { simple: true }) as number,
    autoVacuum: db.pragma('auto_vacuum', { simple: true }) as number,
    btreePages: s.n,
    distinctPages: s.d,
    maxPage: s.m,
    lockPageListed: s.lock > 0,
  };
}

/** `PRAGMA integrity_check(<table>)`: every answer that is not the single "ok" (none: ok). */
export function tableIntegrity(db: Sqlite, table: string): string[] {
  const rows = db.pragma(`integrity_check(${quoteId(table)})`) as unknown[];
  const answers = rows.map((r) => String(Object.values(r as Record<string, unknown>)[0]));
  return answers.length === 1 && answers[0] === 'ok' ? [] : answers.length === 0 ? ['no answer'] : answers;
}
