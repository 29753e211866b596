// Recovery: the cases placed (opened) in a period and what payments allocated to their claims; collections per month.
import type { Sqlite } from '../../open';
import { addDays, addMonths } from '../../../electron/domain/dates';
import { caseCondition, type CaseDims, type ReportScope } from './filter';

export interface PlacedRow {
  currency: string;
  clientId: number;
  clientName: string;
  instrumentType: string;
  month: string;
  cases: number;
  placedMinor: number;
  collectedMinor: number;
}

/**
 * One pass over the cases opened in the period, per currency, client, instrument and month placed: a range of the
 * covering index cases_placed (the planner would otherwise take cases_opened and read each case's row at random).
 */
export function placedCells(sqlite: Sqlite, from: string, to: string, dims: CaseDims, scope: ReportScope): PlacedRow[] {
  const c = caseCondition(dims, scope);
  return sqlite
    .prepare(
      `SELECT a.*, cl.name_ar AS clientName
         FROM (SELECT k.currency, k.client_id AS clientId, k.instrument_type AS instrumentType, substr(k.opened_on, 1, 7) AS month,
                      count(*) AS cases, sum(k.claim_minor) AS placedMinor, sum(k.paid_minor) AS collectedMinor
                 FROM cases k INDEXED BY cases_placed WHERE k.opened_on BETWEEN ? AND ? AND ${c.sql}
                GROUP BY k.currency, k.client_id, k.instrument_type, month) a
         JOIN clients cl ON cl.id = a.clientId`,
    )
    .all(from, to, ...c.params) as PlacedRow[];
}

export interface CollectionsMonthRow {
  currency: string;
  month: string;
  collectedMinor: number;
  payments: number;
}

/** One pass over the period's payment rows (payments_date), reversals included, per currency and month. */
export function collectionsByMonth(sqlite: Sqlite, from: string, to: string, dims: CaseDims, scope: ReportScope): CollectionsMonthRow[] {
  const c = caseCondition(dims, scope);
  if (c.sql === '1') return officeCollections(sqlite, from, to);
  return sqlite
    .prepare(
      // A payment is in its case's currency (payments.post refuses another): unfiltered, the rows alone answer.
      `SELECT p.currency, substr(p.on_date, 1, 7) AS month, sum(p.amount_minor) AS collectedMinor, count(*) AS payments
         FROM payments p ${c.sql === '1' ? '' : 'JOIN cases k ON k.id = p.case_id'}
        WHERE p.on_date BETWEEN ? AND ? AND ${c.sql}
        GROUP BY p.currency, month`,
    )
    .all(from, to, ...c.params) as CollectionsMonthRow[];
}

/**
 * The office's collections per month and currency without a sort: for each currency its cases have (cases_report is
 * ordered by currency) and each month of the period, one streaming sum over a range of payments_period (a payment is
 * in its case's currency: payments.post refuses another).
 */
function officeCollections(sqlite: Sqlite, from: string, to: string): CollectionsMonthRow[] {
  const currencies = (sqlite.prepare('SELECT k.currency FROM cases k INDEXED BY cases_report GROUP BY k.currency').all() as { currency: string }[]).map((r) => r.currency);
  const sum = sqlite.prepare(
    `SELECT coalesce(sum(p.amount_minor), 0) AS collectedMinor, count(*) AS payments FROM payments p INDEXED BY payments_period
      WHERE p.on_date BETWEEN ? AND ? AND p.currency = ?`,
  );
  const out: CollectionsMonthRow[] = [];
  for (let start = from; start <= to; ) {
    const month = start.slice(0, 7);
    const next = addMonths(`${month}-01`, 1);
    const end = addDays(next, -1) < to ? addDays(next, -1) : to;
    for (const currency of currencies) {
      const r = sum.get(start, end, currency) as { collectedMinor: number; payments: number };
      if (r.payments > 0) out.push({ currency, month, ...r });
    }
    start = next;
  }
  return out;
}

export interface PaymentListRow {
  paymentId: number;
  caseId: number;
  reference: string;
  clientReference: string;
  debtorName: string;
  currency: string;
  onDate: string;
  amountMinor: number;
  method: string;
  receivedBy: string;
  receiptNumber: string | null;
  reversesId: number | null;
}

/** The payment rows (reversals included) of the matching cases in the period, oldest first. */
export function paymentsIn(sqlite: Sqlite, from: string, to: string, dims: CaseDims, scope: ReportScope): PaymentListRow[] {
  const c = caseCondition(dims, scope);
  return sqlite
    .prepare(
      `SELECT p.id AS paymentId, p.case_id AS caseId, k.reference, k.client_reference AS clientReference, k.debtor_name AS debtorName,
              k.currency, p.on_date AS onDate, p.amount_minor AS amountMinor, p.method, p.received_by AS receivedBy,
              p.receipt_number AS receiptNumber, p.reverses_id AS reversesId
         FROM payments p JOIN cases k ON k.id = p.case_id
        WHERE p.on_date BETWEEN ? AND ? AND ${c.sql}
        ORDER BY p.on_date, p.id`,
    )
    .all(from, to, ...c.params) as PaymentListRow[];
}

/** A client's name and fee agreement. */
export function clientForStatement(sqlite: Sqlite, id: number): { id: number; nameAr: string; nameEn: string; feePercentBp: number | null } | undefined {
  return sqlite.prepare('SELECT id, name_ar AS nameAr, name_en AS nameEn, fee_percent_bp AS feePercentBp FROM clients WHERE id = ?').get(id) as
    | { id: number; nameAr: string; nameEn: string; feePercentBp: number | null }
    | undefined;
}
