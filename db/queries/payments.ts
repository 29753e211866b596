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

/** The counter's next number without taking it (taken inside the write, under the register lock). */
export function peekReceipt(sqlite: Sqlite, year: number): number {
  const row = cached(sqlite, 'SELECT last_seq AS seq FROM receipt_counters WHERE year = ?').get(year) as { seq: number } | undefined;
  return (row?.seq ?? 0) + 1;
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

export function setReceipt(db: Db, id: number, number: string, sha256: string): void {
  cached(db.$client, 'UPDATE payments SET receipt_number = ?, receipt_sha256 = ? WHERE id = ?').run(number, sha256, id);
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
  return cached(
    sqlite,
    `SELECT p.on_date AS onDate, p.created_at AS createdAt, p.amount_minor AS amountMinor FROM payments p
      WHERE p.case_id = ? AND p.reverses_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id)
      ORDER BY p.on_date, p.id`,
  ).all(caseId) as { onDate: string; createdAt: string; amountMinor: number }[];
}

export function addPaid(db: Db, caseId: number, deltaMinor: number, now: string): void {
  cached(db.$client, 'UPDATE cases SET paid_minor = paid_minor + ?, updated_at = ? WHERE id = ?').run(deltaMinor, now, caseId);
}
