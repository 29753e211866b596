// Reads and writes of cases: gapless references, versioned updates, filtered keyset lists, the queue.
import { and, eq } from 'drizzle-orm';
import type { Db, Sqlite } from '../open';
import { caseParties, cases, caseTags, type stageMoves } from '../schema';
import { decodeCursor, encodeCursor } from './pagination';
import { cached, insertPlaceholders, insertShape, preparedOnce } from './statements';

export type CaseRecord = typeof cases.$inferSelect;
export type CaseInsert = typeof cases.$inferInsert;

/** The next office reference for the year, `TH-2026-000123`; call inside the insert's transaction. */
export function nextReference(db: Db, year: number): string {
  const row = cached(
    db.$client,
    'INSERT INTO reference_counters (year, last_seq) VALUES (?, 1) ON CONFLICT(year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq AS seq',
  ).get(year) as { seq: number };
  return `TH-${year}-${String(row.seq).padStart(6, '0')}`;
}

/** Insert and return the stored row (defaults filled), in one statement prepared once per connection and shape of values. */
export function insertCase(db: Db, values: CaseInsert): CaseRecord {
  const q = preparedOnce(db.$client, `insertCase ${insertShape(cases, values)}`, () => db.insert(cases).values(insertPlaceholders<typeof cases>(values)).returning().prepare());
  return q.get(values);
}

export function updateCaseVersioned(db: Db, id: number, version: number, values: Partial<CaseInsert>): boolean {
  const r = db
    .update(cases)
    .set({ ...values, version: version + 1 })
    .where(and(eq(cases.id, id), eq(cases.version, version)))
    .run();
  return r.changes === 1;
}

/** Columns the service derives (queue); no version bump: they are not a user's edit. */
export function setDerivedColumns(db: Db, id: number, values: { escalationNextStage: string | null; escalationDueOn: string | null; escalationReason: string | null }): void {
  cached(db.$client, 'UPDATE cases SET escalation_next_stage = ?, escalation_due_on = ?, escalation_reason = ? WHERE id = ?').run(
    values.escalationNextStage,
    values.escalationDueOn,
    values.escalationReason,
    id,
  );
}

export function getCase(db: Db, id: number): CaseRecord | undefined {
  return db.select().from(cases).where(eq(cases.id, id)).get();
}

export function openCaseIds(db: Db): number[] {
  return (cached(db.$client, "SELECT id FROM cases WHERE stage <> 'closed'").all() as { id: number }[]).map((r) => r.id);
}

export function findCaseByClientReference(db: Db, clientId: number, clientReference: string): CaseRecord | undefined {
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.clientId, clientId), eq(cases.clientReference, clientReference)))
    .get();
}

export function setCaseParties(db: Db, caseId: number, debtorIds: number[], guarantorIds: number[]): void {
  cached(db.$client, 'DELETE FROM case_parties WHERE case_id = ?').run(caseId);
  const insert = cached(db.$client, 'INSERT INTO case_parties (case_id, party_id, role, position) VALUES (?, ?, ?, ?)');
  debtorIds.forEach((partyId, position) => insert.run(caseId, partyId, 'debtor', position));
  guarantorIds.forEach((partyId, position) => insert.run(caseId, partyId, 'guarantor', position));
}

export function getCaseParties(db: Db, caseId: number): { partyId: number; role: 'debtor' | 'guarantor' }[] {
  return db
    .select({ partyId: caseParties.partyId, role: caseParties.role })
    .from(caseParties)
    .where(eq(caseParties.caseId, caseId))
    .orderBy(caseParties.role, caseParties.position)
    .all();
}

export function setCaseTags(db: Db, caseId: number, tags: string[]): void {
  cached(db.$client, 'DELETE FROM case_tags WHERE case_id = ?').run(caseId);
  const insert = cached(db.$client, 'INSERT INTO case_tags (case_id, tag) VALUES (?, ?)');
  for (const tag of new Set(tags)) insert.run(caseId, tag);
}

export function getCaseTags(db: Db, caseId: number): string[] {
  return db.select({ tag: caseTags.tag }).from(caseTags).where(eq(caseTags.caseId, caseId)).all().map((r) => r.tag);
}

export function insertStageMove(db: Db, m: typeof stageMoves.$inferInsert): void {
  cached(
    db.$client,
    `INSERT INTO stage_moves (case_id, from_stage, to_stage, on_date, at, by_user_id, reason, override, guards)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(m.caseId, m.fromStage ?? null, m.toStage, m.on, m.at, m.byUserId ?? null, m.reason ?? '', m.override ? 1 : 0, m.guards ?? '[]');
}

export function stageHistory(
  sqlite: Sqlite,
  caseId: number,
): { id: number; from: string | null; to: string; on: string; at: string; byName: string | null; reason: string; override: number }[] {
  return sqlite
    .prepare(
      `SELECT m.id, m.from_stage AS "from", m.to_stage AS "to", m.on_date AS "on", m.at, u.display_name AS byName, m.reason, m.override
       FROM stage_moves m LEFT JOIN users u ON u.id = m.by_user_id WHERE m.case_id = ? ORDER BY m.id`,
    )
    .all(caseId) as ReturnType<typeof stageHistory>;
}

export interface CaseListFilter {
  stages: string[];
  statuses: string[];
  clientId: number | null;
  assigneeId: string | null;
  instrumentTypes: string[];
  minClaimMinor: number | null;
  maxClaimMinor: number | null;
  nextActionFrom: string | null;
  nextActionTo: string | null;
  tag: string;
  /** 'open': balance > 0; 'paid': balance ≤ 0. */
  balance: 'open' | 'paid' | null;
  ids: number[] | null; // from a text search
}

/** Sortable columns: the key is a column of `cases` (or the client's name), always tie-broken by id. */
const SORT_SQL = {
  reference: 'k.reference',
  openedOn: 'k.opened_on',
  nextActionOn: "coalesce(k.next_action_on, '9999-12-31')",
  claim: 'k.claim_minor',
  // The expression of the cases_balance index, exactly, so the sort walks it.
  balance: 'k.claim_minor - k.paid_minor - k.discount_minor',
  stage: 'k.stage',
  status: 'k.status',
  dueDate: "coalesce(k.due_date, '9999-12-31')",
  debtor: 'k.debtor_name',
  client: 'c.name_ar',
} as const;
export type CaseSort = keyof typeof SORT_SQL;

/**
 * The WHERE clauses of a filtered list. `walkSortIndex`: stage, status and instrument match many rows, so the
 * planner should walk the sort's index and stop at the page's end rather than sort every match; a unary `+`
 * keeps it from choosing those columns' own indexes. Selective filters (client, assignee, ids) keep theirs.
 */
function filterSql(f: CaseListFilter, walkSortIndex: boolean): { where: string[]; params: (string | number)[] } {
  const broad = walkSortIndex ? '+' : '';
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]): void => {
    where.push(clause);
    params.push(...values);
  };
  const inList = (col: string, values: readonly (string | number)[]): void => {
    where.push(`${col} IN (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  if (f.stages.length) inList(`${broad}k.stage`, f.stages);
  if (f.statuses.length) inList(`${broad}k.status`, f.statuses);
  if (f.instrumentTypes.length) inList(`${broad}k.instrument_type`, f.instrumentTypes);
  if (f.clientId !== null) add('k.client_id = ?', f.clientId);
  // A person's cases are a large share of the office: walk the sort index too (OR would union two indexes, then sort).
  if (f.assigneeId !== null) add(`(${broad}k.lawyer_id = ? OR ${broad}k.paralegal_id = ?)`, f.assigneeId, f.assigneeId);
  if (f.minClaimMinor !== null) add('k.claim_minor >= ?', f.minClaimMinor);
  if (f.maxClaimMinor !== null) add('k.claim_minor <= ?', f.maxClaimMinor);
  // The same expression as the sort and its index, so a date range is an index range.
  if (f.nextActionFrom) add("coalesce(k.next_action_on, '9999-12-31') >= ?", f.nextActionFrom);
  if (f.nextActionTo) add("coalesce(k.next_action_on, '9999-12-31') <= ?", f.nextActionTo);
  // Paging walks the sort index and probes the tag per row; counting starts from the tag's own index.
  if (f.tag && walkSortIndex) add('EXISTS (SELECT 1 FROM case_tags t WHERE t.case_id = k.id AND t.tag = ?)', f.tag);
  if (f.tag && !walkSortIndex) add('k.id IN (SELECT case_id FROM case_tags WHERE tag = ?)', f.tag);
  // The cases_balance index's expression: a range on it when no other filter narrows the list.
  if (f.balance === 'open') where.push('k.claim_minor - k.paid_minor - k.discount_minor > 0');
  if (f.balance === 'paid') where.push('k.claim_minor - k.paid_minor - k.discount_minor <= 0');
  if (f.ids) {
    if (f.ids.length === 0) where.push('0');
    else inList('k.id', f.ids);
  }
  return { where, params };
}

export interface CaseListRow {
  id: number;
  reference: string;
  clientReference: string;
  clientName: string;
  debtorName: string;
  stage: string;
  status: string;
  instrumentType: string;
  currency: string;
  claimMinor: number;
  paidMinor: number;
  discountMinor: number;
  openedOn: string;
  dueDate: string | null;
  nextActionOn: string | null;
  lawyerName: string | null;
  noteRegistered: number | null;
  instrumentIssuedOn: string | null;
  clientId: number;
  sortKey: string | number;
}

const ROW_COLUMNS = `k.id, k.reference, k.client_reference AS clientReference, c.name_ar AS clientName, k.debtor_name AS debtorName,
  k.stage, k.status, k.instrument_type AS instrumentType, k.currency, k.claim_minor AS claimMinor, k.paid_minor AS paidMinor, k.discount_minor AS discountMinor, k.opened_on AS openedOn,
  k.due_date AS dueDate, k.next_action_on AS nextActionOn, u.display_name AS lawyerName, k.note_registered AS noteRegistered,
  k.instrument_issued_on AS instrumentIssuedOn, k.client_id AS clientId`;

export function listCases(
  sqlite: Sqlite,
  opts: { filter: CaseListFilter; sort: CaseSort; dir: 'asc' | 'desc'; cursor: string | null; limit: number },
): { rows: CaseListRow[]; nextCursor: string | null; total: number } {
  const key = SORT_SQL[opts.sort];
  // The count uses each filter's own index; the page walks the sort's index (see filterSql).
  const counting = filterSql(opts.filter, false);
  const onlyTag = opts.filter.tag !== '' && counting.where.length === 1;
  const total = onlyTag
    ? (cached(sqlite, 'SELECT count(*) AS n FROM case_tags WHERE tag = ?').get(opts.filter.tag) as { n: number }).n
    : (
    sqlite
      .prepare(`SELECT count(*) AS n FROM cases k ${counting.where.length ? `WHERE ${counting.where.join(' AND ')}` : ''}`)
      .get(...counting.params) as { n: number }
  ).n;
  const { where, params } = filterSql(opts.filter, opts.sort !== 'client');
  const after = decodeCursor(opts.cursor);
  const pageWhere = [...where];
  const pageParams = [...params];
  if (after) {
    const op = opts.dir === 'asc' ? '>' : '<';
    pageWhere.push(`(${key}, k.id) ${op} (?, ?)`);
    pageParams.push(after[0] ?? '', after[1]);
  }
  const rows = sqlite
    .prepare(
      `SELECT ${ROW_COLUMNS}, ${key} AS sortKey
       FROM cases k JOIN clients c ON c.id = k.client_id LEFT JOIN users u ON u.id = k.lawyer_id
       ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
       ORDER BY ${key} ${opts.dir}, k.id ${opts.dir} LIMIT ?`,
    )
    .all(...pageParams, opts.limit + 1) as CaseListRow[];
  const more = rows.length > opts.limit;
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: more && last ? encodeCursor([last.sortKey, last.id]) : null, total };
}

/**
 * Cases whose next ladder step is due on or before `today`, soonest first. The service stores a due date only on
 * active, open cases (disputed, on hold and closed ones have none), so this is one index range.
 */
export function escalationQueue(
  sqlite: Sqlite,
  opts: { today: string; cursor: string | null; limit: number },
): { rows: (CaseListRow & { nextStage: string | null; dueOn: string; reason: string | null })[]; nextCursor: string | null } {
  const after = decodeCursor(opts.cursor);
  const rows = sqlite
    .prepare(
      `SELECT ${ROW_COLUMNS}, k.escalation_next_stage AS nextStage, k.escalation_due_on AS dueOn, k.escalation_reason AS reason, k.escalation_due_on AS sortKey
       FROM cases k JOIN clients c ON c.id = k.client_id LEFT JOIN users u ON u.id = k.lawyer_id
       WHERE k.escalation_due_on <= ?
         ${after ? 'AND (k.escalation_due_on, k.id) > (?, ?)' : ''}
       ORDER BY k.escalation_due_on, k.id LIMIT ?`,
    )
    .all(...[opts.today, ...(after ? [after[0] ?? '', after[1]] : []), opts.limit + 1]) as (CaseListRow & {
    nextStage: string | null;
    dueOn: string;
    reason: string | null;
  })[];
  const more = rows.length > opts.limit;
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: more && last ? encodeCursor([last.dueOn, last.id]) : null };
}
