// The client ledger: what was collected for a client (by the office or paid to the client directly), what is not yet
// remitted, the remittances with their items, and the gapless remittance counter.
import type { Db, Sqlite } from '../open';
import { type remittanceItems, remittances } from '../schema/money';
import { cached } from './statements';

export type RemittanceRecord = typeof remittances.$inferSelect;
export type RemittanceInsert = typeof remittances.$inferInsert;
export type RemittanceItemInsert = typeof remittanceItems.$inferInsert;

export function remittanceNumber(year: number, seq: number): string {
  return `RM-${year}-${String(seq).padStart(6, '0')}`;
}

/** The counter's next number without taking it (taken inside the write, under the register lock). */
export function peekRemittance(sqlite: Sqlite, year: number): number {
  const row = cached(sqlite, 'SELECT last_seq AS seq FROM remittance_counters WHERE year = ?').get(year) as { seq: number } | undefined;
  return (row?.seq ?? 0) + 1;
}

/** Take the next remittance number of the year (gapless: only inside the remittance's transaction). */
export function nextRemittance(db: Db, year: number): string {
  const row = cached(
    db.$client,
    'INSERT INTO remittance_counters (year, last_seq) VALUES (?, 1) ON CONFLICT(year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq AS seq',
  ).get(year) as { seq: number };
  return remittanceNumber(year, row.seq);
}

/** How many cases a client has in each currency. */
export function clientCaseCurrencies(sqlite: Sqlite, clientId: number): { currency: string; cases: number }[] {
  return cached(sqlite, 'SELECT currency, count(*) AS cases FROM cases WHERE client_id = ? GROUP BY currency ORDER BY currency').all(clientId) as {
    currency: string;
    cases: number;
  }[];
}

/** Everything collected for the client in a currency, by who received it (reversals are negative rows). */
export function collectedTotals(sqlite: Sqlite, clientId: number, currency: string): { office: number; client: number } {
  const rows = cached(
    sqlite,
    `SELECT p.received_by AS receivedBy, sum(p.amount_minor) AS total
       FROM cases c JOIN payments p ON p.case_id = c.id
      WHERE c.client_id = ? AND p.currency = ? GROUP BY p.received_by`,
  ).all(clientId, currency) as { receivedBy: 'office' | 'client'; total: number }[];
  return {
    office: rows.find((r) => r.receivedBy === 'office')?.total ?? 0,
    client: rows.find((r) => r.receivedBy === 'client')?.total ?? 0,
  };
}

export interface UnremittedPayment {
  id: number;
  caseId: number;
  reference: string;
  debtorName: string;
  onDate: string;
  amountMinor: number;
  receivedBy: 'office' | 'client';
  reversesId: number | null;
  receiptNumber: string | null;
  /** On a reversal whose payment was remitted: the fee that remittance charged on it (the reversal takes it back). */
  originalFeeMinor: number | null;
}

/** Payment rows of the client in a currency that no (unvoided) remittance covers, dated up to `upTo`, oldest first. */
export function unremittedPayments(sqlite: Sqlite, clientId: number, currency: string, upTo: string, limit = -1): UnremittedPayment[] {
  // The rows are chosen from the covering index (payments_ledger) and only the chosen ones are read: the ledger shows
  // the first 500 of what can be tens of thousands.
  return cached(
    sqlite,
    `WITH chosen AS (
       SELECT p.id FROM cases c CROSS JOIN payments p ON p.case_id = c.id
        WHERE c.client_id = ? AND p.currency = ? AND p.on_date <= ?
          AND NOT EXISTS (SELECT 1 FROM remittance_items ri WHERE ri.payment_id = p.id)
        ORDER BY p.on_date, p.id LIMIT ?)
     SELECT p.id, p.case_id AS caseId, c.reference, c.debtor_name AS debtorName, p.on_date AS onDate, p.amount_minor AS amountMinor,
            p.received_by AS receivedBy, p.reverses_id AS reversesId, p.receipt_number AS receiptNumber, o.fee_minor AS originalFeeMinor
       FROM chosen JOIN payments p ON p.id = chosen.id JOIN cases c ON c.id = p.case_id
       LEFT JOIN remittance_items o ON p.reverses_id IS NOT NULL AND o.payment_id = p.reverses_id
      ORDER BY p.on_date, p.id`,
  ).all(clientId, currency, upTo, limit) as UnremittedPayment[];
}

export interface UnremittedCaseSum {
  caseId: number;
  reference: string;
  debtorName: string;
  receivedBy: 'office' | 'client';
  /** 1 when the rows are dated up to the period's end, 0 after it. */
  inPeriod: 0 | 1;
  amountMinor: number;
  feeMinor: number;
  rows: number;
}

/**
 * The unremitted payment rows of the client in a currency summed per case, receiver and side of `periodTo`, with the
 * fee on each row as `percentFee` (electron/domain/ledger.ts) computes it — half away from zero, in integers — or, on a
 * reversal of a remitted payment, the negated fee that remittance charged. One pass in SQL: a large client's year is
 * tens of thousands of rows.
 */
export function unremittedSums(sqlite: Sqlite, clientId: number, currency: string, percentBp: number | null, periodTo: string): UnremittedCaseSum[] {
  const bp = percentBp ?? 0;
  return cached(
    sqlite,
    `SELECT c.id AS caseId, c.reference, c.debtor_name AS debtorName, p.received_by AS receivedBy, p.on_date <= ? AS inPeriod,
            sum(p.amount_minor) AS amountMinor,
            sum(CASE WHEN o.fee_minor IS NOT NULL THEN -o.fee_minor
                     WHEN p.amount_minor >= 0 THEN (p.amount_minor * CAST(? AS INTEGER) + 5000) / 10000
                     ELSE -((-p.amount_minor * CAST(? AS INTEGER) + 5000) / 10000) END) AS feeMinor,
            count(*) AS rows
       FROM cases c
       JOIN payments p ON p.case_id = c.id
       LEFT JOIN remittance_items o ON p.reverses_id IS NOT NULL AND o.payment_id = p.reverses_id
      WHERE c.client_id = ? AND p.currency = ?
        AND NOT EXISTS (SELECT 1 FROM remittance_items ri WHERE ri.payment_id = p.id)
      GROUP BY c.id, p.received_by, p.on_date <= ?`,
  ).all(periodTo, bp, bp, clientId, currency, periodTo) as UnremittedCaseSum[];
}

export interface UnremittedStage {
  caseId: number;
  reference: string;
  debtorName: string;
  stage: string;
  /** The first day the case reached the stage. */
  onDate: string;
}

/** Cases of the client that reached one of `stages` by `upTo` and whose fixed fee for it no remittance has charged. */
export function unremittedStages(sqlite: Sqlite, clientId: number, stages: readonly string[], upTo: string): UnremittedStage[] {
  if (stages.length === 0) return [];
  const marks = stages.map(() => '?').join(', ');
  return sqlite
    .prepare(
      // CROSS JOIN keeps the client's cases as the outer loop: driven by the stage instead, the planner walks every
      // case of the office that reached it (1.3 s at office scale).
      `SELECT sm.case_id AS caseId, c.reference, c.debtor_name AS debtorName, sm.to_stage AS stage, min(sm.on_date) AS onDate
         FROM cases c CROSS JOIN stage_moves sm ON sm.case_id = c.id
        WHERE c.client_id = ? AND sm.to_stage IN (${marks})
          AND NOT EXISTS (SELECT 1 FROM remittance_items ri WHERE ri.kind = 'stage_fee' AND ri.case_id = sm.case_id AND ri.stage = sm.to_stage)
        GROUP BY sm.case_id, sm.to_stage
       HAVING min(sm.on_date) <= ?
        ORDER BY onDate, sm.case_id`,
    )
    .all(clientId, ...stages, upTo) as UnremittedStage[];
}

export interface RemittedTotals {
  collected: number;
  clientReceived: number;
  feePercent: number;
  feeStage: number;
  net: number;
  paidNet: number;
  count: number;
}

/** Sums over the client's remittances in a currency that stand (issued or paid; a void one released its items). */
export function remittedTotals(sqlite: Sqlite, clientId: number, currency: string): RemittedTotals {
  const r = cached(
    sqlite,
    `SELECT coalesce(sum(collected_minor), 0) AS collected, coalesce(sum(client_received_minor), 0) AS clientReceived,
            coalesce(sum(net_minor), 0) AS net, coalesce(sum(CASE WHEN state = 'paid' THEN net_minor ELSE 0 END), 0) AS paidNet, count(*) AS count
       FROM remittances WHERE client_id = ? AND currency = ? AND state != 'void'`,
  ).get(clientId, currency) as Omit<RemittedTotals, 'feePercent' | 'feeStage'>;
  const fees = cached(
    sqlite,
    `SELECT ri.kind, coalesce(sum(ri.fee_minor), 0) AS fee
       FROM remittances r JOIN remittance_items ri ON ri.remittance_id = r.id
      WHERE r.client_id = ? AND r.currency = ? AND r.state != 'void' GROUP BY ri.kind`,
  ).all(clientId, currency) as { kind: 'payment' | 'stage_fee'; fee: number }[];
  return {
    ...r,
    feePercent: fees.find((f) => f.kind === 'payment')?.fee ?? 0,
    feeStage: fees.find((f) => f.kind === 'stage_fee')?.fee ?? 0,
  };
}

/** The latest standing remittance of the client in a currency (its period end starts the next one). */
export function lastRemittance(sqlite: Sqlite, clientId: number, currency: string): { id: number; periodTo: string } | undefined {
  return cached(
    sqlite,
    `SELECT id, period_to AS periodTo FROM remittances WHERE client_id = ? AND currency = ? AND state != 'void'
      ORDER BY period_to DESC, id DESC LIMIT 1`,
  ).get(clientId, currency) as { id: number; periodTo: string } | undefined;
}

export function insertRemittance(db: Db, values: RemittanceInsert): RemittanceRecord {
  return db.insert(remittances).values(values).returning().get();
}

export function insertRemittanceItem(db: Db, item: RemittanceItemInsert): void {
  cached(
    db.$client,
    'INSERT INTO remittance_items (remittance_id, kind, case_id, payment_id, stage, amount_minor, fee_minor) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(item.remittanceId, item.kind, item.caseId, item.paymentId ?? null, item.stage ?? null, item.amountMinor, item.feeMinor);
}

export function getRemittance(sqlite: Sqlite, id: number): RemittanceRecord | undefined {
  const row = cached(
    sqlite,
    `SELECT id, number, client_id AS clientId, currency, period_from AS periodFrom, period_to AS periodTo, collected_minor AS collectedMinor,
            client_received_minor AS clientReceivedMinor, fee_minor AS feeMinor, net_minor AS netMinor, state, paid_on AS paidOn,
            paid_reference AS paidReference, reconciled_by AS reconciledBy, reconciled_at AS reconciledAt, void_reason AS voidReason, lang,
            statement_sha256 AS statementSha256, created_by AS createdBy, created_at AS createdAt, version
       FROM remittances WHERE id = ?`,
  ).get(id) as RemittanceRecord | undefined;
  return row;
}

export interface RemittanceListRow {
  id: number;
  number: string;
  clientId: number;
  clientName: string;
  currency: string;
  periodFrom: string;
  periodTo: string;
  collectedMinor: number;
  clientReceivedMinor: number;
  feeMinor: number;
  netMinor: number;
  state: 'issued' | 'paid' | 'void';
  paidOn: string | null;
  paidReference: string;
  reconciledByName: string | null;
  reconciledAt: string | null;
  voidReason: string;
  createdByName: string | null;
  createdAt: string;
  version: number;
  cases: number;
}

const LIST_COLUMNS = `r.id, r.number, r.client_id AS clientId, cl.name_ar AS clientName, r.currency, r.period_from AS periodFrom, r.period_to AS periodTo,
  r.collected_minor AS collectedMinor, r.client_received_minor AS clientReceivedMinor, r.fee_minor AS feeMinor, r.net_minor AS netMinor, r.state,
  r.paid_on AS paidOn, r.paid_reference AS paidReference, ru.display_name AS reconciledByName, r.reconciled_at AS reconciledAt,
  r.void_reason AS voidReason, cu.display_name AS createdByName, r.created_at AS createdAt, r.version,
  (SELECT count(DISTINCT ri.case_id) FROM remittance_items ri WHERE ri.remittance_id = r.id) AS cases`;
const LIST_FROM = `FROM remittances r JOIN clients cl ON cl.id = r.client_id
  LEFT JOIN users ru ON ru.id = r.reconciled_by LEFT JOIN users cu ON cu.id = r.created_by`;

export function remittanceListRow(sqlite: Sqlite, id: number): RemittanceListRow | undefined {
  return cached(sqlite, `SELECT ${LIST_COLUMNS} ${LIST_FROM} WHERE r.id = ?`).get(id) as RemittanceListRow | undefined;
}

/** Remittances newest first (by id), optionally of one client and/or state; `beforeId` pages on. */
export function listRemittances(
  sqlite: Sqlite,
  filter: { clientId: number | null; state: 'issued' | 'paid' | 'void' | null; beforeId: number | null; limit: number },
): RemittanceListRow[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.clientId !== null) {
    where.push('r.client_id = ?');
    args.push(filter.clientId);
  }
  if (filter.state !== null) {
    where.push('r.state = ?');
    args.push(filter.state);
  }
  if (filter.beforeId !== null) {
    where.push('r.id < ?');
    args.push(filter.beforeId);
  }
  const sql = `SELECT ${LIST_COLUMNS} ${LIST_FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.id DESC LIMIT ?`;
  return cached(sqlite, sql).all(...args, filter.limit) as RemittanceListRow[];
}

export function countRemittances(sqlite: Sqlite, filter: { clientId: number | null; state: 'issued' | 'paid' | 'void' | null }): number {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.clientId !== null) {
    where.push('client_id = ?');
    args.push(filter.clientId);
  }
  if (filter.state !== null) {
    where.push('state = ?');
    args.push(filter.state);
  }
  const sql = `SELECT count(*) AS n FROM remittances ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return (cached(sqlite, sql).get(...args) as { n: number }).n;
}

/** The items of a remittance, with each case's reference and first debtor, in case order. */
export function remittanceItemRows(
  sqlite: Sqlite,
  remittanceId: number,
): { kind: 'payment' | 'stage_fee'; caseId: number; reference: string; debtorName: string; paymentId: number | null; stage: string | null; amountMinor: number; feeMinor: number; receivedBy: 'office' | 'client' | null }[] {
  return cached(
    sqlite,
    `SELECT ri.kind, ri.case_id AS caseId, c.reference, c.debtor_name AS debtorName, ri.payment_id AS paymentId, ri.stage,
            ri.amount_minor AS amountMinor, ri.fee_minor AS feeMinor, p.received_by AS receivedBy
       FROM remittance_items ri JOIN cases c ON c.id = ri.case_id LEFT JOIN payments p ON p.id = ri.payment_id
      WHERE ri.remittance_id = ? ORDER BY c.reference, ri.id`,
  ).all(remittanceId) as ReturnType<typeof remittanceItemRows>;
}

/** The state changes a remittance allows after issue (its figures never change: a trigger refuses it). */
export function markRemittancePaid(sqlite: Sqlite, id: number, version: number, v: { paidOn: string; reference: string; by: string | null; at: string }): boolean {
  return (
    cached(
      sqlite,
      `UPDATE remittances SET state = 'paid', paid_on = ?, paid_reference = ?, reconciled_by = ?, reconciled_at = ?, version = version + 1
        WHERE id = ? AND version = ? AND state = 'issued'`,
    ).run(v.paidOn, v.reference, v.by, v.at, id, version).changes === 1
  );
}

/** Voids a remittance and deletes its items, so its payments and stage fees can be remitted again. */
export function voidRemittance(sqlite: Sqlite, id: number, version: number, reason: string): boolean {
  const done =
    cached(sqlite, `UPDATE remittances SET state = 'void', void_reason = ?, version = version + 1 WHERE id = ? AND version = ? AND state = 'issued'`).run(
      reason,
      id,
      version,
    ).changes === 1;
  if (done) cached(sqlite, 'DELETE FROM remittance_items WHERE remittance_id = ?').run(id);
  return done;
}

/** The statement's document on the client (hidden with the void reason when the remittance is voided). */
export function removeStatementDocument(sqlite: Sqlite, clientId: number, sha256: string, v: { by: string | null; at: string; reason: string }): number {
  return cached(
    sqlite,
    `UPDATE documents SET removed_at = ?, removed_by = ?, removed_reason = ?, version = version + 1
      WHERE client_id = ? AND sha256 = ? AND type = 'statement' AND removed_at IS NULL`,
  ).run(v.at, v.by, v.reason, clientId, sha256).changes;
}

/** Issued remittances not yet paid, per currency. */
export function unpaidRemittances(sqlite: Sqlite, clientId: number | null): { currency: string; count: number; netMinor: number }[] {
  const sql = `SELECT currency, count(*) AS count, sum(net_minor) AS netMinor FROM remittances WHERE state = 'issued'${clientId === null ? '' : ' AND client_id = ?'}
     GROUP BY currency ORDER BY currency`;
  return cached(sqlite, sql).all(...(clientId === null ? [] : [clientId])) as { currency: string; count: number; netMinor: number }[];
}
