// The outgoing register (gapless numbers per year), letters, batches, templates and the communication log.
import { and, eq } from 'drizzle-orm';
import type { Db, Sqlite } from '../open';
import { communications, letterBatches, letters, letterTemplates } from '../schema';
import { decodeCursor, encodeCursor } from './pagination';
import { cached } from './statements';

export type LetterRecord = typeof letters.$inferSelect;
export type LetterInsert = typeof letters.$inferInsert;
export type TemplateRecord = typeof letterTemplates.$inferSelect;

/**
 * The next outgoing number for the year, `OUT-2026-000123`; call inside the letter's own transaction so a
 * rolled-back letter gives its number back (never reused once committed: letters are never deleted).
 */
export function nextOutgoing(db: Db, year: number): { number: string; seq: number } {
  const row = cached(
    db.$client,
    'INSERT INTO outgoing_counters (year, last_seq) VALUES (?, 1) ON CONFLICT(year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq AS seq',
  ).get(year) as { seq: number };
  return { number: `OUT-${year}-${String(row.seq).padStart(6, '0')}`, seq: row.seq };
}

/** The counter's next number without taking it (taken inside the write, under the register lock). */
export function peekOutgoing(sqlite: Sqlite, year: number): number {
  const row = cached(sqlite, 'SELECT last_seq AS seq FROM outgoing_counters WHERE year = ?').get(year) as { seq: number } | undefined;
  return (row?.seq ?? 0) + 1;
}

export function insertLetter(db: Db, values: LetterInsert): LetterRecord {
  return db.insert(letters).values(values).returning().get();
}

export function getLetter(db: Db, id: number): LetterRecord | undefined {
  return db.select().from(letters).where(eq(letters.id, id)).get();
}

export function findLetterByCode(db: Db, code: string): LetterRecord | undefined {
  return db.select().from(letters).where(eq(letters.verifyCode, code)).get();
}

export function updateLetterVersioned(db: Db, id: number, version: number, values: Partial<LetterInsert>): boolean {
  return (
    db
      .update(letters)
      .set({ ...values, version: version + 1 })
      .where(and(eq(letters.id, id), eq(letters.version, version)))
      .run().changes === 1
  );
}

export function insertBatch(db: Db, values: typeof letterBatches.$inferInsert): number {
  return db.insert(letterBatches).values(values).returning({ id: letterBatches.id }).get().id;
}

export function getBatch(db: Db, id: number): typeof letterBatches.$inferSelect | undefined {
  return db.select().from(letterBatches).where(eq(letterBatches.id, id)).get();
}

export function insertCommunication(db: Db, values: typeof communications.$inferInsert): void {
  db.insert(communications).values(values).run();
}

export function getTemplate(db: Db, kind: string, lang: string): TemplateRecord | undefined {
  return db
    .select()
    .from(letterTemplates)
    .where(and(eq(letterTemplates.kind, kind), eq(letterTemplates.lang, lang as 'ar' | 'en')))
    .get();
}

export function listTemplates(db: Db): TemplateRecord[] {
  return db.select().from(letterTemplates).all();
}

/** Insert (expected version null) or update at the expected version; false when someone saved first. */
export function saveTemplate(db: Db, t: { kind: string; lang: 'ar' | 'en'; body: string; version: number | null; by: string | null; at: string }): boolean {
  if (t.version === null) {
    const r = cached(
      db.$client,
      'INSERT INTO letter_templates (kind, lang, body, version, updated_by, updated_at) VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT(kind, lang) DO NOTHING',
    ).run(t.kind, t.lang, t.body, t.by, t.at);
    return r.changes === 1;
  }
  const r = cached(
    db.$client,
    'UPDATE letter_templates SET body = ?, version = version + 1, updated_by = ?, updated_at = ? WHERE kind = ? AND lang = ? AND version = ?',
  ).run(t.body, t.by, t.at, t.kind, t.lang, t.version);
  return r.changes === 1;
}

export function deleteTemplate(db: Db, kind: string, lang: string): void {
  cached(db.$client, 'DELETE FROM letter_templates WHERE kind = ? AND lang = ?').run(kind, lang);
}

/** A letter with what lists show beside it. */
export interface LetterListRow extends LetterRecord {
  caseReference: string;
  debtorName: string;
  clientName: string;
  createdByName: string | null;
}

const LIST_SELECT = `SELECT l.*, k.reference AS case_reference, k.debtor_name AS debtor_name, c.name_ar AS client_name,
  u.display_name AS created_by_name
  FROM letters l JOIN cases k ON k.id = l.case_id JOIN clients c ON c.id = k.client_id LEFT JOIN users u ON u.id = l.created_by`;

type RawRow = Record<string, unknown>;

function camel(row: RawRow): LetterListRow {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
  return out as unknown as LetterListRow;
}

export function lettersForCase(sqlite: Sqlite, caseId: number): LetterListRow[] {
  return (cached(sqlite, `${LIST_SELECT} WHERE l.case_id = ? ORDER BY l.id DESC`).all(caseId) as RawRow[]).map(camel);
}

export function letterListRow(sqlite: Sqlite, id: number): LetterListRow | undefined {
  const row = cached(sqlite, `${LIST_SELECT} WHERE l.id = ?`).get(id) as RawRow | undefined;
  return row ? camel(row) : undefined;
}

export interface RegisterFilter {
  year: number | null;
  kind: string | null;
  state: string | null;
  batchId: number | null;
  /** Letter number, case reference or debtor name fragment. */
  query: string;
}

/** The register, newest number first, keyset-paged on (year, seq). */
export function listRegister(sqlite: Sqlite, f: RegisterFilter, cursor: string | null, limit: number): { rows: LetterListRow[]; nextCursor: string | null; total: number } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]): void => {
    where.push(clause);
    params.push(...values);
  };
  if (f.year !== null) add('l.year = ?', f.year);
  if (f.kind !== null) add('l.kind = ?', f.kind);
  if (f.batchId !== null) add('l.batch_id = ?', f.batchId);
  if (f.state === 'voided') add('l.voided_at IS NOT NULL');
  else if (f.state !== null) add('l.dispatch_state = ? AND l.voided_at IS NULL', f.state);
  if (f.query !== '') {
    const like = `%${f.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    add("(l.number LIKE ? ESCAPE '\\' OR k.reference LIKE ? ESCAPE '\\' OR k.debtor_name LIKE ? ESCAPE '\\')", like, like, like);
  }
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM letters l JOIN cases k ON k.id = l.case_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).get(...params) as { n: number }).n;
  const key = decodeCursor(cursor);
  const pageWhere = [...where];
  const pageParams = [...params];
  if (key) {
    pageWhere.push('(l.year, l.seq) < (?, ?)');
    pageParams.push(Number(key[0]), key[1]);
  }
  const rows = (
    sqlite
      .prepare(`${LIST_SELECT} ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''} ORDER BY l.year DESC, l.seq DESC LIMIT ?`)
      .all(...pageParams, limit + 1) as RawRow[]
  ).map(camel);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { rows: page, nextCursor: more && last ? encodeCursor([last.year, last.seq]) : null, total };
}

/** What a letter prints about a case, in two cached statements (a batch reads a thousand of these). */
export interface LetterCase {
  id: number;
  reference: string;
  clientId: number;
  clientReference: string;
  debtorName: string;
  instrumentType: string;
  instrumentNumber: string;
  instrumentIssuedOn: string | null;
  dueDate: string | null;
  currency: string;
  principalMinor: number;
  costsMinor: number;
  feesMinor: number;
  claimMinor: number;
  /** What posted payments allocated to the claim (the balance is claim − paid). */
  paidMinor: number;
  /** What an open or paid settlement waives. */
  discountMinor: number;
  lawyerId: string | null;
  status: string;
  stage: string;
  openedOn: string;
  court: string;
  circuit: string;
  najizNumber: string;
}

export interface LetterParty {
  id: number;
  role: 'debtor' | 'guarantor';
  kind: 'person' | 'company';
  name: string;
  nameEn: string;
  nationalId: string;
  crNumber: string;
  vatNumber: string;
  phones: string;
  emails: string;
  address: string;
  city: string;
  employer: string;
}

export function letterCase(sqlite: Sqlite, caseId: number): LetterCase | undefined {
  return cached(
    sqlite,
    `SELECT id, reference, client_id AS clientId, client_reference AS clientReference, debtor_name AS debtorName,
       instrument_type AS instrumentType, instrument_number AS instrumentNumber, instrument_issued_on AS instrumentIssuedOn,
       due_date AS dueDate, currency, principal_minor AS principalMinor, costs_minor AS costsMinor, fees_minor AS feesMinor,
       claim_minor AS claimMinor, paid_minor AS paidMinor, discount_minor AS discountMinor, lawyer_id AS lawyerId, status, stage, opened_on AS openedOn, court, circuit, najiz_number AS najizNumber
     FROM cases WHERE id = ?`,
  ).get(caseId) as LetterCase | undefined;
}

/** The case's debtors then guarantors, each in their order. */
export function letterParties(sqlite: Sqlite, caseId: number): LetterParty[] {
  return cached(
    sqlite,
    `SELECT p.id, cp.role, p.kind, p.name, p.name_en AS nameEn, p.national_id AS nationalId, p.cr_number AS crNumber,
       p.vat_number AS vatNumber, p.phones, p.emails, p.address, p.city, p.employer
     FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = ? ORDER BY cp.role, cp.position`,
  ).all(caseId) as LetterParty[];
}

/** A batch writes a thousand letters and their log entries in one transaction: cached statements, not the builder. */
export function insertBatchLetter(db: Db, l: {
  number: string; year: number; seq: number; caseId: number; partyId: number | null; kind: string; lang: string; letterDate: string;
  deadlineOn: string | null; amountMinor: number | null; currency: string; pdfSha256: string; firstPage: number; pageCount: number;
  batchId: number; verifyCode: string; createdBy: string | null; createdAt: string;
}): number {
  const letter = cached(
    db.$client,
    `INSERT INTO letters (number, year, seq, case_id, party_id, kind, lang, letter_date, deadline_on, amount_minor, currency, pdf_sha256,
       first_page, page_count, batch_id, verify_code, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(l.number, l.year, l.seq, l.caseId, l.partyId, l.kind, l.lang, l.letterDate, l.deadlineOn, l.amountMinor, l.currency, l.pdfSha256,
    l.firstPage, l.pageCount, l.batchId, l.verifyCode, l.createdBy, l.createdAt);
  const id = Number(letter.lastInsertRowid);
  cached(
    db.$client,
    `INSERT INTO communications (case_id, party_id, channel, direction, occurred_at, user_id, outcome, notes, letter_id, created_at)
     VALUES (?, ?, 'letter', 'out', ?, ?, 'generated', ?, ?, ?)`,
  ).run(l.caseId, l.partyId, l.createdAt, l.createdBy, l.number, id, l.createdAt);
  return id;
}
