// Placement imports: the record of each commit, what it created, whether later work touched it, undo, and saved mappings.
import type { Db, Sqlite } from '../open';
import { imports } from '../schema';
import { cached } from './statements';

export type ImportRecord = typeof imports.$inferSelect;

export function insertImport(db: Db, values: typeof imports.$inferInsert): number {
  return db.insert(imports).values(values).returning({ id: imports.id }).get().id;
}

export function addImportItem(sqlite: Sqlite, importId: number, entity: 'case' | 'party', entityId: number): void {
  cached(sqlite, 'INSERT INTO import_items (import_id, entity, entity_id) VALUES (?, ?, ?)').run(importId, entity, entityId);
}

export interface ImportListRow extends ImportRecord {
  clientName: string;
  createdByName: string | null;
  undoneByName: string | null;
}

const LIST_SQL = `SELECT i.id, i.client_id AS clientId, i.file_name AS fileName, i.file_sha256 AS fileSha256, i.file_kind AS fileKind,
    i.encoding, i.mapping, i.rows_total AS rowsTotal, i.rows_skipped AS rowsSkipped, i.cases_created AS casesCreated,
    i.cases_matched AS casesMatched, i.debtors_created AS debtorsCreated, i.debtors_matched AS debtorsMatched, i.status,
    i.created_by AS createdBy, i.created_at AS createdAt, i.undone_by AS undoneBy, i.undone_at AS undoneAt,
    c.name_ar AS clientName, u.display_name AS createdByName, v.display_name AS undoneByName
  FROM imports i JOIN clients c ON c.id = i.client_id
  LEFT JOIN users u ON u.id = i.created_by LEFT JOIN users v ON v.id = i.undone_by`;

export function listImports(sqlite: Sqlite, clientId: number | null, limit: number): ImportListRow[] {
  return (
    clientId === null
      ? sqlite.prepare(`${LIST_SQL} ORDER BY i.id DESC LIMIT ?`).all(limit)
      : sqlite.prepare(`${LIST_SQL} WHERE i.client_id = ? ORDER BY i.id DESC LIMIT ?`).all(clientId, limit)
  ) as ImportListRow[];
}

export function getImport(sqlite: Sqlite, id: number): ImportListRow | undefined {
  return sqlite.prepare(`${LIST_SQL} WHERE i.id = ?`).get(id) as ImportListRow | undefined;
}

/** The latest import of this exact file (by hash) that still stands. */
export function findStandingImportBySha(sqlite: Sqlite, sha: string): number | null {
  const r = sqlite.prepare(`SELECT id FROM imports WHERE file_sha256 = ? AND status = 'committed' ORDER BY id DESC LIMIT 1`).get(sha) as { id: number } | undefined;
  return r?.id ?? null;
}

/**
 * The import's cases that later work touched: edited or moved (version, a second stage move), or with anything
 * recorded on them since — log entries, letters, documents, payments, promises, tasks, hearings, flags, plans,
 * settlements, remittance items. At most `limit` references, and how many in all.
 */
export function touchedImportCases(sqlite: Sqlite, importId: number, limit: number): { references: string[]; count: number } {
  const touched = `c.version > 1
    OR (SELECT count(*) FROM stage_moves m WHERE m.case_id = c.id) > 1
    OR EXISTS (SELECT 1 FROM communications x WHERE x.case_id = c.id)
    OR EXISTS (SELECT 1 FROM letters x WHERE x.case_id = c.id)
    OR EXISTS (SELECT 1 FROM documents x WHERE x.case_id = c.id)
    OR EXISTS (SELECT 1 FROM payments x WHERE x.case_id = c.id)
    OR EXISTS (SELECT 1 FROM promises x WHERE x.case_id = c.id)
    OR EXISTS (SELECT 1 FROM tasks x WHERE x.case_id = c.id)
    OR EXISTS (SELECT 1 FROM hearings x WHERE x.case_id = c.id)
    OR EXISTS (SELECT 1 FROM case_flags x WHERE x.case_id = c.id)
    OR EXISTS (SELECT 1 FROM payment_plans x WHERE x.case_id = c.id)
    OR EXISTS (SELECT 1 FROM settlements x WHERE x.case_id = c.id)
    OR EXISTS (SELECT 1 FROM remittance_items x WHERE x.case_id = c.id)`;
  const rows = sqlite
    .prepare(
      `SELECT c.reference FROM import_items i JOIN cases c ON c.id = i.entity_id
       WHERE i.import_id = ? AND i.entity = 'case' AND (${touched}) ORDER BY c.id`,
    )
    .all(importId) as { reference: string }[];
  return { references: rows.slice(0, limit).map((r) => r.reference), count: rows.length };
}

export function importItemIds(sqlite: Sqlite, importId: number, entity: 'case' | 'party'): number[] {
  return (sqlite.prepare('SELECT entity_id AS id FROM import_items WHERE import_id = ? AND entity = ? ORDER BY entity_id').all(importId, entity) as { id: number }[]).map(
    (r) => r.id,
  );
}

/** Delete a case the import created (its parties, tags and stage moves go with it by cascade). */
export function deleteImportedCase(sqlite: Sqlite, caseId: number): void {
  cached(sqlite, 'DELETE FROM cases WHERE id = ?').run(caseId);
}

/** Delete a party the import created when nothing points at it any more (a case, a letter, a log entry…); returns whether it did. */
export function deleteImportedPartyIfUnused(sqlite: Sqlite, partyId: number): boolean {
  if (cached(sqlite, 'SELECT 1 FROM case_parties WHERE party_id = ? LIMIT 1').get(partyId)) return false;
  try {
    cached(sqlite, 'DELETE FROM parties WHERE id = ?').run(partyId);
    return true;
  } catch (e) {
    // Another table still refers to the party: the statement alone is undone, the party stays.
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return false;
    throw e;
  }
}

export function markImportUndone(sqlite: Sqlite, id: number, by: string | null, at: string): void {
  sqlite.prepare(`UPDATE imports SET status = 'undone', undone_by = ?, undone_at = ? WHERE id = ?`).run(by, at, id);
}

/**
 * Give back the year's reference numbers when the undone cases were the last ones taken (nothing numbered since),
 * so references stay gapless; otherwise the numbers stay used.
 */
export function rewindReferenceCounter(sqlite: Sqlite, year: number, lastSeq: number): void {
  const max = sqlite.prepare(`SELECT max(CAST(substr(reference, 9) AS INTEGER)) AS seq FROM cases WHERE reference LIKE ?`).get(`TH-${year}-%`) as { seq: number | null };
  const current = sqlite.prepare('SELECT last_seq AS seq FROM reference_counters WHERE year = ?').get(year) as { seq: number } | undefined;
  if (current && current.seq === lastSeq) sqlite.prepare('UPDATE reference_counters SET last_seq = ? WHERE year = ?').run(max.seq ?? 0, year);
}

export function getSavedMapping(sqlite: Sqlite, clientId: number): string | null {
  const r = sqlite.prepare('SELECT mapping FROM import_mappings WHERE client_id = ?').get(clientId) as { mapping: string } | undefined;
  return r?.mapping ?? null;
}

export function saveMapping(sqlite: Sqlite, clientId: number, mapping: string, by: string | null, at: string): void {
  sqlite
    .prepare(
      `INSERT INTO import_mappings (client_id, mapping, updated_by, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (client_id) DO UPDATE SET mapping = excluded.mapping, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    )
    .run(clientId, mapping, by, at);
}

/** The counts an import's commit ends with. */
export function setImportCounts(sqlite: Sqlite, id: number, c: { casesCreated: number; casesMatched: number; debtorsCreated: number; debtorsMatched: number }): void {
  sqlite
    .prepare('UPDATE imports SET cases_created = ?, cases_matched = ?, debtors_created = ?, debtors_matched = ? WHERE id = ?')
    .run(c.casesCreated, c.casesMatched, c.debtorsCreated, c.debtorsMatched, id);
}

/** The office references of the cases an import created. */
export function importCaseReferences(sqlite: Sqlite, importId: number): string[] {
  return (
    sqlite.prepare(`SELECT reference FROM cases WHERE id IN (SELECT entity_id FROM import_items WHERE import_id = ? AND entity = 'case')`).all(importId) as {
      reference: string;
    }[]
  ).map((r) => r.reference);
}
