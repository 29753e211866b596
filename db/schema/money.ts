// Money: payments posted on a case (allocated to the claim's components), their reversals, and receipts.
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { cases } from './cases';
import { clients } from './parties';
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
    /** The receipt's language: its PDF is rendered right after the posting commits (or later, if it is missing). */
    lang: text('lang', { enum: ['ar', 'en'] }).notNull().default('ar'),
    notes: text('notes').notNull().default(''),
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('payments_case').on(t.caseId, t.onDate, t.id),
    index('payments_date').on(t.onDate, t.id),
    // The client ledger sums a client's payment rows per case, receiver and date without reading the rows.
    index('payments_ledger').on(t.caseId, t.currency, t.onDate, t.receivedBy, t.amountMinor, t.reversesId),
    // Reports sum a period's payments (collections per month and currency, fees) from this index alone.
    index('payments_period').on(t.onDate, t.currency, t.amountMinor, t.caseId, t.receivedBy),
    uniqueIndex('payments_reverses').on(t.reversesId),
    uniqueIndex('payments_receipt').on(t.receiptNumber),
  ],
);

/** Receipt numbers are gapless per year, like the outgoing register. */
export const receiptCounters = sqliteTable('receipt_counters', {
  year: integer('year').primaryKey(),
  lastSeq: integer('last_seq').notNull(),
});

/**
 * A settlement (صلح / تسوية): the client accepts `amountMinor` for the whole claim. While it is open or paid, the
 * waived part (per component, the claim's outstanding at agreement less the agreed amount, taken off in the reverse
 * of the allocation order) counts as an agreed discount and `cases.discount_minor` carries it; breaking the
 * settlement zeroes that effect (the rows keep what was agreed) and the full claim is owed again.
 */
export const settlements = sqliteTable(
  'settlements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    agreedOn: text('agreed_on').notNull(),
    /** Pay by this date or the settlement may be broken (null: no deadline). */
    deadline: text('deadline'),
    /** The case's balance when agreed: discount = balance − amount. */
    balanceAtAgreementMinor: integer('balance_at_agreement_minor').notNull(),
    /** Paid on the case when agreed (allocated, net of reversals): later payments count toward the settlement. */
    paidAtAgreementMinor: integer('paid_at_agreement_minor').notNull(),
    discountCostsMinor: integer('discount_costs_minor').notNull().default(0),
    discountFeesMinor: integer('discount_fees_minor').notNull().default(0),
    discountPrincipalMinor: integer('discount_principal_minor').notNull().default(0),
    discountLateMinor: integer('discount_late_minor').notNull().default(0),
    state: text('state', { enum: ['open', 'paid', 'broken'] }).notNull().default('open'),
    /** When it was paid in full or broken. */
    endedOn: text('ended_on'),
    brokenReason: text('broken_reason').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('settlements_case').on(t.caseId, t.id),
    index('settlements_state').on(t.state, t.agreedOn),
    // One open settlement per case at a time.
    uniqueIndex('settlements_open').on(t.caseId).where(sql`state = 'open'`),
  ],
);

/**
 * An instalment plan (تقسيط). The schedule is stored (plan_instalments); each instalment's state is computed from the
 * case's payments counted toward the plan (`electron/domain/instalments.ts`). A renegotiation ends the plan
 * ('renegotiated') and starts a new one pointing back at it, so the old schedule stays in the history.
 */
export const paymentPlans = sqliteTable(
  'payment_plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    totalMinor: integer('total_minor').notNull(),
    currency: text('currency').notNull(),
    count: integer('count').notNull(),
    frequency: text('frequency', { enum: ['weekly', 'monthly'] }).notNull(),
    firstDate: text('first_date').notNull(),
    remainderOn: text('remainder_on', { enum: ['first', 'last'] }).notNull(),
    /** The office setting when the plan was agreed: missed instalments at once that make it default. */
    defaultAfterMissed: integer('default_after_missed').notNull(),
    /** The plan counts payments with an id above this one (posted after it was agreed). */
    afterPaymentId: integer('after_payment_id').notNull().default(0),
    agreedOn: text('agreed_on').notNull(),
    state: text('state', { enum: ['active', 'completed', 'defaulted', 'renegotiated', 'cancelled'] })
      .notNull()
      .default('active'),
    defaultedOn: text('defaulted_on'),
    endedOn: text('ended_on'),
    /** The plan this one renegotiates. */
    replacesPlanId: integer('replaces_plan_id'),
    reason: text('reason').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('payment_plans_case').on(t.caseId, t.id),
    index('payment_plans_state').on(t.state, t.agreedOn),
    uniqueIndex('payment_plans_active').on(t.caseId).where(sql`state = 'active'`),
  ],
);

export const planInstalments = sqliteTable(
  'plan_instalments',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => paymentPlans.id),
    n: integer('n').notNull(),
    dueOn: text('due_on').notNull(),
    amountMinor: integer('amount_minor').notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.n] }), index('plan_instalments_due').on(t.dueOn, t.planId)],
);

/**
 * A remittance (تحويل للعميل): the money collected for a client in a period, less the office's fee, paid over to the
 * client, with its statement PDF. Numbered RM-<year>-<seq> gaplessly.
 */
export const remittances = sqliteTable(
  'remittances',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull(),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    currency: text('currency').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    /** Received by the office in the period (net of reversals). */
    collectedMinor: integer('collected_minor').notNull(),
    /** Paid by debtors directly to the client (reported; the office's fee on it is still earned). */
    clientReceivedMinor: integer('client_received_minor').notNull().default(0),
    feeMinor: integer('fee_minor').notNull(),
    /** What the office pays the client: collected − fee (never negative). */
    netMinor: integer('net_minor').notNull(),
    state: text('state', { enum: ['issued', 'paid', 'void'] }).notNull().default('issued'),
    paidOn: text('paid_on'),
    paidReference: text('paid_reference').notNull().default(''),
    reconciledBy: text('reconciled_by').references(() => users.id),
    reconciledAt: text('reconciled_at'),
    voidReason: text('void_reason').notNull().default(''),
    lang: text('lang', { enum: ['ar', 'en'] }).notNull().default('ar'),
    statementSha256: text('statement_sha256').references(() => blobs.sha256),
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('remittances_number').on(t.number),
    index('remittances_client').on(t.clientId, t.periodTo, t.id),
    index('remittances_state').on(t.state, t.id),
  ],
);

/**
 * What a remittance covers: each payment row (reversals included, negative) once, and each fixed per-stage fee
 * (a case reaching a stage the client's agreement charges for) once.
 */
export const remittanceItems = sqliteTable(
  'remittance_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    remittanceId: integer('remittance_id')
      .notNull()
      .references(() => remittances.id),
    kind: text('kind', { enum: ['payment', 'stage_fee'] }).notNull(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    paymentId: integer('payment_id').references(() => payments.id),
    stage: text('stage'),
    amountMinor: integer('amount_minor').notNull(),
    feeMinor: integer('fee_minor').notNull(),
  },
  (t) => [
    index('remittance_items_remittance').on(t.remittanceId, t.id),
    index('remittance_items_case').on(t.caseId),
    // A payment is remitted once; a stage fee is charged once per case and stage (a voided remittance's items are
    // deleted with it in the voiding transaction, so they can be remitted again).
    uniqueIndex('remittance_items_payment').on(t.paymentId),
    uniqueIndex('remittance_items_stage_fee').on(t.caseId, t.stage).where(sql`kind = 'stage_fee'`),
  ],
);

export const remittanceCounters = sqliteTable('remittance_counters', {
  year: integer('year').primaryKey(),
  lastSeq: integer('last_seq').notNull(),
});
