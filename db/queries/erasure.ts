// PDPL erasure: who may be erased (every case closed at least the retention period ago), what an erasure would touch,
// and the writes that remove a person's data while the figures stay. The service runs the writes in one transaction.
import type { Sqlite } from '../open';
import { CLOSED_STATUSES } from '../../electron/domain/ladder-config';
import { cached } from './statements';

const CLOSED = CLOSED_STATUSES.map((s) => `'${s}'`).join(', ');
/** A case that has not taken a closed status (or has no closing day) keeps its parties' data. */
const OPEN_CASE = `(c.status NOT IN (${CLOSED}) OR c.closed_on IS NULL)`;

/** What decides whether a party can be erased now. */
export interface ErasureFacts {
  id: number;
  name: string;
  nationalId: string;
  kind: 'person' | 'company';
  version: number;
  erasedAt: string | null;
  cases: number;
  openCases: number;
  /** The day their last case closed; null without a closed case. */
  lastClosedOn: string | null;
}

export function erasureFacts(sqlite: Sqlite, partyId: number): ErasureFacts | undefined {
  return cached(
    sqlite,
    `SELECT p.id, p.name, p.national_id AS nationalId, p.kind, p.version, p.erased_at AS erasedAt,
            count(c.id) AS cases, coalesce(sum(${OPEN_CASE}), 0) AS openCases, max(c.closed_on) AS lastClosedOn
       FROM parties p LEFT JOIN case_parties cp ON cp.party_id = p.id LEFT JOIN cases c ON c.id = cp.case_id
      WHERE p.id = ? GROUP BY p.id`,
  ).get(partyId) as ErasureFacts | undefined;
}

export interface DueRow {
  partyId: number;
  name: string;
  nationalId: string;
  kind: 'person' | 'company';
  cases: number;
  lastClosedOn: string;
}

/**
 * Parties not erased whose every case is closed and whose last case closed on or before `cutoff`. Starts from the
 * cases closed before the cutoff (index cases_closed_on), so the work follows the old closed cases, not the office.
 */
const DUE = `
  WITH cand AS (
    SELECT DISTINCT cp.party_id AS id FROM cases c JOIN case_parties cp ON cp.case_id = c.id
     WHERE c.closed_on IS NOT NULL AND c.closed_on <= @cutoff
  ), agg AS (
    SELECT p.id AS partyId, p.name, p.national_id AS nationalId, p.kind, count(*) AS cases, max(c.closed_on) AS lastClosedOn,
           sum(${OPEN_CASE}) AS openCases
      FROM cand JOIN parties p ON p.id = cand.id AND p.erased_at IS NULL
      JOIN case_parties cp ON cp.party_id = p.id JOIN cases c ON c.id = cp.case_id
     GROUP BY p.id
  )`;

export function dueParties(sqlite: Sqlite, cutoff: string, after: [string, number] | null, limit: number): DueRow[] {
  return cached(
    sqlite,
    `${DUE}
     SELECT partyId, name, nationalId, kind, cases, lastClosedOn FROM agg
      WHERE openCases = 0 AND lastClosedOn <= @cutoff
        AND (@afterOn IS NULL OR lastClosedOn > @afterOn OR (lastClosedOn = @afterOn AND partyId > @afterId))
      ORDER BY lastClosedOn, partyId LIMIT @limit`,
  ).all({ cutoff, afterOn: after?.[0] ?? null, afterId: after?.[1] ?? 0, limit }) as DueRow[];
}

export function countDueParties(sqlite: Sqlite, cutoff: string): number {
  return (cached(sqlite, `${DUE} SELECT count(*) AS n FROM agg WHERE openCases = 0 AND lastClosedOn <= @cutoff`).get({ cutoff }) as { n: number }).n;
}

/** The cases the party is on (as debtor or guarantor). */
export function partyCaseIds(sqlite: Sqlite, partyId: number): number[] {
  return (cached(sqlite, 'SELECT case_id AS id FROM case_parties WHERE party_id = ? ORDER BY case_id').all(partyId) as { id: number }[]).map((r) => r.id);
}

/** Everything an erasure touches is keyed on the party and their cases, passed as a JSON array. */
const IN_CASES = '(SELECT value FROM json_each(@cases))';

function scope(partyId: number, caseIds: readonly number[]): { p: number; cases: string } {
  return { p: partyId, cases: JSON.stringify(caseIds) };
}

export interface ErasureLetter {
  id: number;
  number: string;
  pdfSha256: string;
  firstPage: number;
  pageCount: number;
  batchId: number | null;
}

/**
 * The letters of the party's cases (every addressee: a co-debtor's letter names the case's debtors too) and any
 * addressed to them (on a case they were later taken off).
 */
export function erasureLetters(sqlite: Sqlite, partyId: number, caseIds: readonly number[]): ErasureLetter[] {
  return cached(
    sqlite,
    `SELECT id, number, pdf_sha256 AS pdfSha256, first_page AS firstPage, page_count AS pageCount, batch_id AS batchId
       FROM letters WHERE party_id = @p OR case_id IN ${IN_CASES} ORDER BY id`,
  ).all(scope(partyId, caseIds)) as ErasureLetter[];
}

/** Every letter (of anyone) stored in one PDF: a batch's file holds other debtors' letters. */
export function lettersOfPdf(sqlite: Sqlite, sha256: string): { id: number; number: string; firstPage: number; pageCount: number }[] {
  return cached(sqlite, 'SELECT id, number, first_page AS firstPage, page_count AS pageCount FROM letters WHERE pdf_sha256 = ? ORDER BY first_page').all(sha256) as {
    id: number;
    number: string;
    firstPage: number;
    pageCount: number;
  }[];
}

export function batchesOfPdf(sqlite: Sqlite, sha256: string): number[] {
  return (cached(sqlite, 'SELECT id FROM letter_batches WHERE pdf_sha256 = ?').all(sha256) as { id: number }[]).map((r) => r.id);
}

export interface ErasureReceipt {
  id: number;
  receiptNumber: string;
  receiptSha256: string;
}

export function erasureReceipts(sqlite: Sqlite, caseIds: readonly number[]): ErasureReceipt[] {
  return cached(
    sqlite,
    `SELECT id, coalesce(receipt_number, '') AS receiptNumber, receipt_sha256 AS receiptSha256
       FROM payments WHERE case_id IN ${IN_CASES} AND receipt_sha256 IS NOT NULL ORDER BY id`,
  ).all({ cases: JSON.stringify(caseIds) }) as ErasureReceipt[];
}

export interface ErasureRemittance {
  id: number;
  number: string;
  clientId: number;
  state: 'issued' | 'paid' | 'void';
  statementSha256: string;
  currency: string;
  periodFrom: string;
  periodTo: string;
  collectedMinor: number;
  clientReceivedMinor: number;
  feeMinor: number;
  netMinor: number;
  lang: 'ar' | 'en';
  createdAt: string;
  createdBy: string | null;
}

/**
 * The remittances whose statement lists one of the cases: by their items; a voided remittance lost its items, so
 * one of the same clients whose period holds a payment of the cases counts too (its statement is replaced whole).
 */
export function erasureRemittances(sqlite: Sqlite, caseIds: readonly number[]): ErasureRemittance[] {
  return cached(
    sqlite,
    `SELECT r.id, r.number, r.client_id AS clientId, r.state, r.statement_sha256 AS statementSha256, r.currency, r.period_from AS periodFrom,
            r.period_to AS periodTo, r.collected_minor AS collectedMinor, r.client_received_minor AS clientReceivedMinor, r.fee_minor AS feeMinor,
            r.net_minor AS netMinor, r.lang, r.created_at AS createdAt, r.created_by AS createdBy
       FROM remittances r
      WHERE r.statement_sha256 IS NOT NULL
        AND (EXISTS (SELECT 1 FROM remittance_items ri WHERE ri.remittance_id = r.id AND ri.case_id IN ${IN_CASES})
          OR (r.state = 'void' AND EXISTS (SELECT 1 FROM payments p JOIN cases c ON c.id = p.case_id
                WHERE p.case_id IN ${IN_CASES} AND c.client_id = r.client_id AND p.on_date BETWEEN r.period_from AND r.period_to)))
      ORDER BY r.id`,
  ).all({ cases: JSON.stringify(caseIds) }) as ErasureRemittance[];
}

/** The communication log entries, documents and other rows an erasure clears, by the audit trail's entity names. */
export function erasureRowIds(sqlite: Sqlite, partyId: number, caseIds: readonly number[]): Record<string, number[]> {
  const ids = (sql: string): number[] => (cached(sqlite, sql).all(scope(partyId, caseIds)) as { id: number }[]).map((r) => r.id);
  return {
    communication: ids(`SELECT id FROM communications WHERE party_id = @p OR case_id IN ${IN_CASES} ORDER BY id`),
    document: ids(`SELECT id FROM documents WHERE (party_id = @p OR case_id IN ${IN_CASES}) AND removed_reason <> 'pdpl_erasure' ORDER BY id`),
    letter: ids(`SELECT id FROM letters WHERE party_id = @p OR case_id IN ${IN_CASES} ORDER BY id`),
    payment: ids(`SELECT id FROM payments WHERE case_id IN ${IN_CASES} ORDER BY id`),
    promise: ids(`SELECT id FROM promises WHERE case_id IN ${IN_CASES} ORDER BY id`),
    task: ids(`SELECT id FROM tasks WHERE case_id IN ${IN_CASES} ORDER BY id`),
    hearing: ids(`SELECT id FROM hearings WHERE case_id IN ${IN_CASES} ORDER BY id`),
    case_flag: ids(`SELECT id FROM case_flags WHERE case_id IN ${IN_CASES} ORDER BY id`),
    settlement: ids(`SELECT id FROM settlements WHERE case_id IN ${IN_CASES} ORDER BY id`),
    payment_plan: ids(`SELECT id FROM payment_plans WHERE case_id IN ${IN_CASES} ORDER BY id`),
  };
}

/** The party's row emptied of everything that identifies them; false when its version moved (or it is erased). */
export function erasePartyRow(sqlite: Sqlite, partyId: number, version: number, v: { at: string; by: string | null }): boolean {
  return (
    cached(
      sqlite,
      `UPDATE parties SET name = '', name_en = '', national_id = '', cr_number = '', vat_number = '', phones = '[]', emails = '[]',
              address = '{}', city = '', employer = '', notes = '', erased_at = @at, erased_by = @by, version = version + 1, updated_at = @at
        WHERE id = @id AND version = @version AND erased_at IS NULL`,
    ).run({ id: partyId, version, at: v.at, by: v.by }).changes === 1
  );
}

/**
 * The cases' free text (notes; debtor_name follows the first debtor, now blank when that was the person) and the free
 * text of the rows that hang off them. Amounts, stages, statuses, dates, the client and the references stay.
 */
export function eraseCaseTexts(sqlite: Sqlite, partyId: number, caseIds: readonly number[]): void {
  const s = scope(partyId, caseIds);
  const run = (sql: string): void => void cached(sqlite, sql).run(s);
  run(
    `UPDATE cases SET notes = '', version = version + 1,
            debtor_name = coalesce((SELECT p.name FROM case_parties cp JOIN parties p ON p.id = cp.party_id
                                     WHERE cp.case_id = cases.id AND cp.role = 'debtor' ORDER BY cp.position, cp.party_id LIMIT 1), '')
      WHERE id IN ${IN_CASES}`,
  );
  run(`UPDATE communications SET notes = '', contact_name = '', override_reason = '' WHERE party_id = @p OR case_id IN ${IN_CASES}`);
  run(`UPDATE stage_moves SET reason = '' WHERE case_id IN ${IN_CASES} AND reason <> ''`);
  run(`UPDATE tasks SET notes = '', title = CASE WHEN source = 'manual' THEN '' ELSE title END WHERE case_id IN ${IN_CASES}`);
  run(`UPDATE hearings SET result_notes = '' WHERE case_id IN ${IN_CASES} AND result_notes <> ''`);
  run(`UPDATE case_flags SET reason = '', resolution = '' WHERE case_id IN ${IN_CASES}`);
  run(`UPDATE settlements SET notes = '', broken_reason = '' WHERE case_id IN ${IN_CASES}`);
  run(`UPDATE payment_plans SET notes = '', reason = '' WHERE case_id IN ${IN_CASES}`);
  run(`UPDATE payments SET notes = '', cheque_number = '', cheque_bank = '', reference = '', reversal_reason = '' WHERE case_id IN ${IN_CASES}`);
  run(`UPDATE letters SET void_reason = '' WHERE (party_id = @p OR case_id IN ${IN_CASES}) AND void_reason <> ''`);
}

/** The case's debtors' names in order (for the search index after the erasure). */
export function caseSearchFacts(
  sqlite: Sqlite,
  caseId: number,
): { id: number; reference: string; clientReference: string; instrumentNumber: string; najizNumber: string; debtorNames: string[] } | undefined {
  const k = cached(
    sqlite,
    'SELECT id, reference, client_reference AS clientReference, instrument_number AS instrumentNumber, najiz_number AS najizNumber FROM cases WHERE id = ?',
  ).get(caseId) as { id: number; reference: string; clientReference: string; instrumentNumber: string; najizNumber: string } | undefined;
  if (!k) return undefined;
  const names = cached(
    sqlite,
    `SELECT p.name FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = ? AND cp.role = 'debtor' ORDER BY cp.position, cp.party_id`,
  ).all(caseId) as { name: string }[];
  return { ...k, debtorNames: names.map((n) => n.name) };
}

/** The case's first debtor once the party's name is blank: what debtor_name (and a statement's schedule) will show. */
export function debtorNameWithout(sqlite: Sqlite, caseId: number, partyId: number): string {
  const row = cached(
    sqlite,
    `SELECT CASE WHEN p.id = ? THEN '' ELSE p.name END AS name FROM case_parties cp JOIN parties p ON p.id = cp.party_id
      WHERE cp.case_id = ? AND cp.role = 'debtor' ORDER BY cp.position, cp.party_id LIMIT 1`,
  ).get(partyId, caseId) as { name: string } | undefined;
  return row?.name ?? '';
}

/** The SHA-256 of zero bytes: what an erased document points at. */
export const TOMBSTONE_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * The documents removed with their content: marked removed (reason pdpl_erasure), a neutral file name, no notes, and
 * pointing at the empty tombstone blob. Returns the blobs they pointed at (deleted later if nothing else uses them).
 */
export function eraseDocuments(sqlite: Sqlite, documentIds: readonly number[], v: { at: string; by: string | null }): string[] {
  if (documentIds.length === 0) return [];
  cached(sqlite, "INSERT OR IGNORE INTO blobs (sha256, size, bytes, created_at) VALUES (?, 0, x'', ?)").run(TOMBSTONE_SHA256, v.at);
  const ids = JSON.stringify(documentIds);
  const old = (cached(sqlite, 'SELECT DISTINCT sha256 FROM documents WHERE id IN (SELECT value FROM json_each(?))').all(ids) as { sha256: string }[]).map((r) => r.sha256);
  cached(
    sqlite,
    `UPDATE documents SET file_name = 'document-' || id || '.' || kind, notes = '', size = 0, sha256 = @tomb, renamed = 0,
            removed_at = coalesce(removed_at, @at), removed_by = CASE WHEN removed_at IS NULL THEN @by ELSE removed_by END,
            removed_reason = 'pdpl_erasure', version = version + 1
      WHERE id IN (SELECT value FROM json_each(@ids))`,
  ).run({ tomb: TOMBSTONE_SHA256, at: v.at, by: v.by, ids });
  return old.filter((s) => s !== TOMBSTONE_SHA256);
}

/**
 * Record that a stored PDF was replaced by its redaction (the register's triggers allow exactly this change). When
 * the PDF was itself a redaction (a batch whose other debtor was erased before), the earlier records now point at the
 * newest file, so the intermediate one — which still holds this person's pages — can be deleted.
 */
export function recordRedaction(sqlite: Sqlite, original: string, redacted: string, v: { at: string; by: string | null }): void {
  cached(sqlite, 'INSERT INTO pdf_redactions (original_sha256, redacted_sha256, at, by_user_id) VALUES (?, ?, ?, ?)').run(original, redacted, v.at, v.by);
  cached(sqlite, 'UPDATE pdf_redactions SET redacted_sha256 = ? WHERE redacted_sha256 = ? AND original_sha256 <> ?').run(redacted, original, original);
}

/** Every pointer at a redacted PDF follows it: letters, batches, receipts, statements and the client's statement documents. */
export function repointPdf(sqlite: Sqlite, original: string, redacted: string, size: number): { letters: number; batches: number; receipts: number; remittances: number; documents: number } {
  return {
    letters: cached(sqlite, 'UPDATE letters SET pdf_sha256 = ? WHERE pdf_sha256 = ?').run(redacted, original).changes,
    batches: cached(sqlite, 'UPDATE letter_batches SET pdf_sha256 = ? WHERE pdf_sha256 = ?').run(redacted, original).changes,
    receipts: cached(sqlite, 'UPDATE payments SET receipt_sha256 = ? WHERE receipt_sha256 = ?').run(redacted, original).changes,
    remittances: cached(sqlite, 'UPDATE remittances SET statement_sha256 = ? WHERE statement_sha256 = ?').run(redacted, original).changes,
    documents: cached(sqlite, "UPDATE documents SET sha256 = ?, size = ?, version = version + 1 WHERE sha256 = ? AND removed_reason <> 'pdpl_erasure'").run(
      redacted,
      size,
      original,
    ).changes,
  };
}

/** The stored PDF pointers as they are now (to check nothing moved between reading the PDFs and writing). */
export function pdfPointers(sqlite: Sqlite, partyId: number, caseIds: readonly number[]): string {
  const c = JSON.stringify(caseIds);
  const rows = [
    ...(cached(sqlite, `SELECT 'l' || id || ':' || pdf_sha256 AS k FROM letters WHERE party_id = @p OR case_id IN ${IN_CASES} ORDER BY id`).all(scope(partyId, caseIds)) as {
      k: string;
    }[]),
    ...(cached(sqlite, `SELECT 'p' || id || ':' || receipt_sha256 AS k FROM payments WHERE case_id IN ${IN_CASES} AND receipt_sha256 IS NOT NULL ORDER BY id`).all({
      cases: c,
    }) as { k: string }[]),
  ];
  return rows.map((r) => r.k).join(',');
}

/** Delete a blob nothing points at any more (documents, letters, batches, receipts, statements, redactions). */
export function deleteBlobIfUnused(sqlite: Sqlite, sha256: string): boolean {
  return (
    cached(
      sqlite,
      `DELETE FROM blobs WHERE sha256 = @s
         AND NOT EXISTS (SELECT 1 FROM documents WHERE sha256 = @s)
         AND NOT EXISTS (SELECT 1 FROM letters WHERE pdf_sha256 = @s)
         AND NOT EXISTS (SELECT 1 FROM letter_batches WHERE pdf_sha256 = @s)
         AND NOT EXISTS (SELECT 1 FROM payments WHERE receipt_sha256 = @s)
         AND NOT EXISTS (SELECT 1 FROM remittances WHERE statement_sha256 = @s)
         AND NOT EXISTS (SELECT 1 FROM pdf_redactions WHERE redacted_sha256 = @s)`,
    ).run({ s: sha256 }).changes === 1
  );
}

export function blobBytesOf(sqlite: Sqlite, sha256: string): Buffer | undefined {
  return (cached(sqlite, 'SELECT bytes FROM blobs WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined)?.bytes;
}

export function putBlobRow(sqlite: Sqlite, sha256: string, bytes: Uint8Array, at: string): void {
  cached(sqlite, 'INSERT INTO blobs (sha256, size, bytes, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING').run(
    sha256,
    bytes.length,
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    at,
  );
}

/**
 * FTS5's secure-delete for the erasure's own deletes: a deleted row's terms are removed from the index's segments at
 * once instead of being marked deleted until a later merge (SQLite 3.42+). Switched off again after, in the same
 * transaction, so everyday writes keep the cheaper default.
 */
export function searchSecureDelete(sqlite: Sqlite, on: boolean): void {
  // A literal: FTS5 refuses a bound value for this setting.
  sqlite.prepare(`INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', ${on ? 1 : 0})`).run();
}

/** Run `fn` with SQLite overwriting deleted content with zeros (the erased rows' old bytes do not linger in free pages). */
export function withSecureDelete<T>(sqlite: Sqlite, fn: () => T): T {
  const before = sqlite.pragma('secure_delete', { simple: true }) as number;
  sqlite.pragma('secure_delete = ON');
  try {
    return fn();
  } finally {
    sqlite.pragma(`secure_delete = ${before ? 'ON' : 'OFF'}`);
  }
}

/**
 * After the erasure commits: copy the WAL into the database and truncate it, so the frames written before the erasure
 * (the person's rows as they were) leave the -wal file too. Best effort: a reader holding an old snapshot (a backup
 * running) keeps the WAL until it finishes, and the next checkpoint does it.
 */
export function truncateWal(sqlite: Sqlite): boolean {
  const [row] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return row?.busy === 0;
}

/** What identifies the person in free text (before their row is emptied): names, ID numbers, phones and emails. */
export function partyIdentifiers(sqlite: Sqlite, partyId: number): { name: string; nameEn: string; nationalId: string; crNumber: string; vatNumber: string; phones: string; emails: string } | undefined {
  return cached(
    sqlite,
    `SELECT name, name_en AS nameEn, national_id AS nationalId, cr_number AS crNumber, vat_number AS vatNumber, phones, emails
       FROM parties WHERE id = ?`,
  ).get(partyId) as { name: string; nameEn: string; nationalId: string; crNumber: string; vatNumber: string; phones: string; emails: string } | undefined;
}
