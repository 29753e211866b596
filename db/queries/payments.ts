// Payments and reversals on a case, the gapless receipt counter, and what the case's balance is made of.
import { eq } from 'drizzle-orm';
import type { Db, Sqlite } from '../open';
import { payments } from '../schema/money';
import { cached } from './statements';

export type PaymentRecord = typeof payments.$inferSelect;
export type PaymentInsert = typeof payments.$inferInsert;

export function receiptNumber(year: number, seq: number): string {
  return `RC-${year}-${String(seq).padStart(6, '0')}`;
}

/** Take the next receipt number of the year (gapless: only inside the payment's transaction). */
export function nextReceipt(db: Db, year: number): { number: string; seq: number } {
  const row = cached(
    db.$client,
    'INSERT INTO receipt_counters (year, last_seq) VALUES (?, 1) ON CONFLICT(year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq AS seq',
  ).get(year) as { seq: number };
  return { number: receiptNumber(year, row.seq), seq: row.seq };
}

export function insertPayment(db: Db, values: PaymentInsert): PaymentRecord {
  return db.insert(payments).values(values).returning().get();
}

export function getPayment(db: Db, id: number): PaymentRecord | undefined {
  return db.select().from(payments).where(eq(payments.id, id)).get();
}

/** Every row of the case (payments and reversals), oldest first. */
export function casePaymentRows(db: Db, caseId: number): PaymentRecord[] {
  return db.select().from(payments).where(eq(payments.caseId, caseId)).orderBy(payments.onDate, payments.id).all();
}

export function reversalOf(db: Db, id: number): PaymentRecord | undefined {
  return db.select().from(payments).where(eq(payments.reversesId, id)).get();
}

/** The sums of the case's allocations and credit, net of reversals. */
export interface PaymentTotals {
  costs: number;
  fees: number;
  principal: number;
  lateCharges: number;
  credit: number;
  amount: number;
}

export function paymentTotals(sqlite: Sqlite, caseId: number): PaymentTotals {
  return cached(
    sqlite,
    `SELECT coalesce(sum(alloc_costs_minor), 0) AS costs, coalesce(sum(alloc_fees_minor), 0) AS fees,
            coalesce(sum(alloc_principal_minor), 0) AS principal, coalesce(sum(alloc_late_minor), 0) AS lateCharges,
            coalesce(sum(credit_minor), 0) AS credit, coalesce(sum(amount_minor), 0) AS amount
       FROM payments WHERE case_id = ?`,
  ).get(caseId) as PaymentTotals;
}

/** Payments that stand (neither reversed nor a reversal), for promises: a reversed payment and its reversal both drop out. */
export function standingPayments(sqlite: Sqlite, caseId: number): { onDate: string; createdAt: string; amountMinor: number }[] {
  // The unary `+` keeps the planner on payments_case: payments_reverses (reverses_id IS NULL) holds every payment.
  return cached(
    sqlite,
    `SELECT p.on_date AS onDate, p.created_at AS createdAt, p.amount_minor AS amountMinor FROM payments p
      WHERE p.case_id = ? AND +p.reverses_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id)
      ORDER BY p.on_date, p.id`,
  ).all(caseId) as { onDate: string; createdAt: string; amountMinor: number }[];
}

/** The client's stored allocation order ('costs,fees,principal,lateCharges'), undefined when there is no such client. */
export function clientAllocationOrder(sqlite: Sqlite, clientId: number): string | undefined {
  const row = cached(sqlite, 'SELECT allocation_order AS o FROM clients WHERE id = ?').get(clientId) as { o: string } | undefined;
  return row?.o;
}

/** What payments had allocated on the case up to and including this row (for a receipt's balance after it). */
export function allocatedThrough(sqlite: Sqlite, caseId: number, id: number): number {
  const row = cached(
    sqlite,
    `SELECT coalesce(sum(alloc_costs_minor + alloc_fees_minor + alloc_principal_minor + alloc_late_minor), 0) AS a
       FROM payments WHERE case_id = ? AND id <= ?`,
  ).get(caseId, id) as { a: number };
  return row.a;
}

/** Store a receipt's PDF on its payment unless one is stored already (the first render wins); true when stored. */
export function setReceiptPdf(db: Db, id: number, sha256: string): boolean {
  return cached(db.$client, 'UPDATE payments SET receipt_sha256 = ? WHERE id = ? AND receipt_sha256 IS NULL').run(sha256, id).changes === 1;
}

export function addPaid(db: Db, caseId: number, deltaMinor: number, now: string): void {
  cached(db.$client, 'UPDATE cases SET paid_minor = paid_minor + ?, updated_at = ? WHERE id = ?').run(deltaMinor, now, caseId);
}
