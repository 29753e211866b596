// The collection case, its parties, tags, stage history, and the gapless reference counter.
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { clients, parties } from './parties';
import { users } from './users';

export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull(), // TH-2026-000123
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    clientReference: text('client_reference').notNull().default(''),
    debtorName: text('debtor_name').notNull().default(''), // first debtor, kept for lists and sorting
    instrumentType: text('instrument_type').notNull(),
    instrumentNumber: text('instrument_number').notNull().default(''),
    instrumentIssuedOn: text('instrument_issued_on'),
    dueDate: text('due_date'),
    noteRegistered: integer('note_registered', { mode: 'boolean' }),
    currency: text('currency').notNull().default('SAR'),
    principalMinor: integer('principal_minor').notNull(),
    costsMinor: integer('costs_minor').notNull().default(0),
    feesMinor: integer('fees_minor').notNull().default(0),
    claimMinor: integer('claim_minor').notNull(), // principal + costs + fees, for filters and sorting
    // Kept by the payments service in the payment's transaction: the balance is claim − paid (lists sort on it).
    paidMinor: integer('paid_minor').notNull().default(0),
    // Late charges (only where the client's agreement allows them; part of claim_minor when set).
    lateChargesMinor: integer('late_charges_minor').notNull().default(0),
    // Kept by the settlements service: what an open or paid settlement waives. Balance = claim − paid − discount.
    discountMinor: integer('discount_minor').notNull().default(0),
    lawyerId: text('lawyer_id').references(() => users.id),
    paralegalId: text('paralegal_id').references(() => users.id),
    status: text('status').notNull().default('active'),
    stage: text('stage').notNull().default('intake'),
    stageEnteredOn: text('stage_entered_on').notNull(),
    openedOn: text('opened_on').notNull(),
    nextActionOn: text('next_action_on'),
    // Kept by the cases service from the ladder on every write: the queue is an index range, not a scan.
    escalationNextStage: text('escalation_next_stage'),
    escalationDueOn: text('escalation_due_on'),
    // Why the case is in the queue when it is not the ladder's next step (e.g. promise_broken, hold_ended).
    escalationReason: text('escalation_reason'),
    court: text('court').notNull().default(''),
    circuit: text('circuit').notNull().default(''),
    najizNumber: text('najiz_number').notNull().default(''),
    judge: text('judge').notNull().default(''),
    noticeDeliveredOn: text('notice_delivered_on'),
    demandDeliveredOn: text('demand_delivered_on'),
    hasJudgment: integer('has_judgment', { mode: 'boolean' }).notNull().default(false),
    notes: text('notes').notNull().default(''),
    // The day the case took a closed status (null while open): the retention period runs from it. Kept by the
    // triggers cases_closed_on_* (migration 0024) whoever changes the status.
    closedOn: text('closed_on'),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('cases_reference').on(t.reference),
    index('cases_client').on(t.clientId, t.openedOn, t.id),
    index('cases_stage').on(t.stage, t.openedOn, t.id),
    index('cases_status').on(t.status, t.openedOn, t.id),
    index('cases_opened').on(t.openedOn, t.id),
    // Lists sort and page on coalesce(…, '9999-12-31') (no date sorts last): the index is on that expression.
    index('cases_next_action').on(sql`coalesce(${t.nextActionOn}, '9999-12-31')`, t.id),
    index('cases_claim').on(t.claimMinor, t.id),
    // The cases list sorts on the balance; reports sum it by client.
    index('cases_balance').on(sql`${t.claimMinor} - ${t.paidMinor} - ${t.discountMinor}`, t.id),
    // Today's outstanding per currency (the office's or a person's) is a covering range of this index, not a scan.
    index('cases_owing').on(sql`${t.claimMinor} - ${t.paidMinor} - ${t.discountMinor}`, t.stage, t.currency, t.lawyerId, t.paralegalId),
    index('cases_lawyer').on(t.lawyerId, t.openedOn, t.id),
    index('cases_paralegal').on(t.paralegalId, t.openedOn, t.id),
    index('cases_client_ref').on(t.clientId, t.clientReference),
    index('cases_escalation').on(t.escalationDueOn, t.id),
    // A person's Today counts their cases due for escalation without walking the whole office's range.
    index('cases_lawyer_escalation').on(t.lawyerId, t.escalationDueOn),
    index('cases_paralegal_escalation').on(t.paralegalId, t.escalationDueOn),
    index('cases_due').on(sql`coalesce(${t.dueDate}, '9999-12-31')`, t.id),
    index('cases_instrument').on(t.instrumentType, t.openedOn, t.id),
    index('cases_debtor_name').on(t.debtorName, t.id),
    // Recovery reads the cases placed in a period (a quarter of an office's cases in a year) from this range alone.
    index('cases_placed').on(t.openedOn, t.currency, t.clientId, t.instrumentType, t.claimMinor, t.paidMinor, t.stage, t.status, t.lawyerId, t.paralegalId),
    // Reports aggregate the whole office in one pass: this index covers every column they group, filter and sum, so
    // the pass reads it instead of the wider rows.
    // Cases past the retention period (PDPL erasure) in closing order.
    index('cases_closed_on').on(t.closedOn).where(sql`closed_on IS NOT NULL`),
    index('cases_report').on(
      t.currency,
      t.stage,
      t.clientId,
      t.openedOn,
      t.dueDate,
      t.claimMinor,
      t.paidMinor,
      t.discountMinor,
      t.instrumentType,
      t.status,
      t.lawyerId,
      t.paralegalId,
    ),
  ],
);

export const caseParties = sqliteTable(
  'case_parties',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    partyId: integer('party_id')
      .notNull()
      .references(() => parties.id),
    role: text('role', { enum: ['debtor', 'guarantor'] }).notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.partyId] }), index('case_parties_party').on(t.partyId)],
);

export const caseTags = sqliteTable(
  'case_tags',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.tag] }), index('case_tags_tag').on(t.tag, t.caseId)],
);

export const stageMoves = sqliteTable(
  'stage_moves',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    on: text('on_date').notNull(),
    at: text('at').notNull(),
    byUserId: text('by_user_id').references(() => users.id),
    reason: text('reason').notNull().default(''),
    override: integer('override', { mode: 'boolean' }).notNull().default(false),
    guards: text('guards').notNull().default('[]'), // JSON: the guards overridden
    // Whole days the case spent in from_stage: from its move before (or its opening) to this one. Set by the trigger
    // stage_moves_days_in_from (migration 0017) on every insert, so a period's average needs no look-back per move.
    daysInFrom: integer('days_in_from'),
  },
  // Reports count the moves of a period (entered, left, days in stage, cases advanced) from this index alone.
  (t) => [
    index('stage_moves_case').on(t.caseId, t.id),
    index('stage_moves_period').on(t.on, t.caseId, t.fromStage, t.toStage, t.byUserId, t.daysInFrom),
    // The office's entered and left per stage stream through these in stage order: no sort of a year's moves.
    index('stage_moves_to').on(t.toStage, t.on),
    index('stage_moves_from').on(t.fromStage, t.on, t.daysInFrom),
    // The office's cases advanced per person, one person's range at a time.
    index('stage_moves_person').on(t.byUserId, t.on, t.fromStage, t.toStage),
  ],
);

/** Gapless office references per year: the counter moves in the same transaction as the insert. */
export const referenceCounters = sqliteTable('reference_counters', {
  year: integer('year').primaryKey(),
  lastSeq: integer('last_seq').notNull(),
});
