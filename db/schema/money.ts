// Money: payments posted on a case (allocated to the claim's components), their reversals, and receipts.
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { cases } from './cases';
import { blobs } from './documents';

/**
 * One row per payment, and one per reversal (a new row with the negated amounts pointing at the payment it
 * reverses): nothing is edited or deleted, the balance is the sum of the rows.
 */
export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    onDate: text('on_date').notNull(),
    amountMinor: integer('amount_minor').notNull(), // negative on a reversal
    currency: text('currency').notNull(),
    method: text('method').notNull(), // bank_transfer, cash, cheque, sadad, mada, card
    chequeNumber: text('cheque_number').notNull().default(''),
    chequeBank: text('cheque_bank').notNull().default(''),
    reference: text('reference').notNull().default(''),
    receivedBy: text('received_by', { enum: ['office', 'client'] }).notNull().default('office'),
    // How the amount went to the claim's components, and what was beyond the whole balance (held as credit).
    allocCostsMinor: integer('alloc_costs_minor').notNull().default(0),
    allocFeesMinor: integer('alloc_fees_minor').notNull().default(0),
    allocPrincipalMinor: integer('alloc_principal_minor').notNull().default(0),
    allocLateMinor: integer('alloc_late_minor').notNull().default(0),
    creditMinor: integer('credit_minor').notNull().default(0),
    manualAllocation: integer('manual_allocation', { mode: 'boolean' }).notNull().default(false),
    reversesId: integer('reverses_id'),
    reversalReason: text('reversal_reason').notNull().default(''),
    receiptNumber: text('receipt_number'),
    receiptSha256: text('receipt_sha256').references(() => blobs.sha256),
    notes: text('notes').notNull().default(''),
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('payments_case').on(t.caseId, t.onDate, t.id),
    index('payments_date').on(t.onDate, t.id),
    uniqueIndex('payments_reverses').on(t.reversesId),
    uniqueIndex('payments_receipt').on(t.receiptNumber),
  ],
);

/** Receipt numbers are gapless per year, like the outgoing register. */
export const receiptCounters = sqliteTable('receipt_counters', {
  year: integer('year').primaryKey(),
  lastSeq: integer('last_seq').notNull(),
});
