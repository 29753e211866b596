// Daily work: promises to pay, disputes and holds, tasks, hearings (the communication log is in letters.ts).
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { cases } from './cases';
import { communications } from './letters';

/** A debtor's promise to pay; its state follows the payments recorded on the case. */
export const promises = sqliteTable(
  'promises',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    communicationId: integer('communication_id').references(() => communications.id),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    dueOn: text('due_on').notNull(),
    channel: text('channel').notNull().default(''),
    // Kept in step by the service whenever payments or dates change it: open, kept, partly_kept, broken.
    state: text('state').notNull().default('open'),
    keptMinor: integer('kept_minor').notNull().default(0),
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    cancelledAt: text('cancelled_at'),
    version: integer('version').notNull().default(1),
  },
  // Reports count the promises recorded in a period.
  (t) => [index('promises_case').on(t.caseId, t.dueOn), index('promises_state_due').on(t.state, t.dueOn), index('promises_created').on(t.createdAt, t.createdBy, t.cancelledAt, t.state, t.caseId)],
);

/** A dispute (objection) or a hold on a case: out of the escalation queue until resolved. */
export const caseFlags = sqliteTable(
  'case_flags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: ['dispute', 'hold'] }).notNull(),
    reason: text('reason').notNull(),
    untilOn: text('until_on'), // holds end on a date; disputes when resolved
    documentIds: text('document_ids').notNull().default('[]'), // JSON
    openedAt: text('opened_at').notNull(),
    openedBy: text('opened_by').references(() => users.id),
    resolvedAt: text('resolved_at'),
    resolvedBy: text('resolved_by').references(() => users.id),
    resolution: text('resolution').notNull().default(''),
  },
  (t) => [index('case_flags_case').on(t.caseId, t.id), index('case_flags_open').on(t.resolvedAt, t.kind)],
);

export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').references(() => cases.id),
    title: text('title').notNull(),
    assigneeId: text('assignee_id')
      .notNull()
      .references(() => users.id),
    dueOn: text('due_on').notNull(),
    dueTime: text('due_time'), // HH:MM, Riyadh time
    priority: text('priority', { enum: ['low', 'normal', 'high'] }).notNull().default('normal'),
    // manual, follow_up (from a log entry), ladder (the expected next action), hearing (preparation)
    source: text('source').notNull().default('manual'),
    sourceId: integer('source_id'),
    doneAt: text('done_at'),
    doneBy: text('done_by').references(() => users.id),
    notes: text('notes').notNull().default(''),
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('tasks_assignee_open').on(t.assigneeId, t.doneAt, t.dueOn),
    index('tasks_case').on(t.caseId, t.id),
    index('tasks_due').on(t.doneAt, t.dueOn),
    // Today's follow-ups and tasks are separate sections: both filter on source, so it leads these two.
    index('tasks_source_due').on(t.source, t.doneAt, t.dueOn),
    index('tasks_assignee_source_due').on(t.assigneeId, t.source, t.doneAt, t.dueOn),
  ],
);

export const hearings = sqliteTable(
  'hearings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    court: text('court').notNull().default(''),
    circuit: text('circuit').notNull().default(''),
    onDate: text('on_date').notNull(),
    atTime: text('at_time'), // HH:MM
    type: text('type').notNull().default('session'), // session, first_session, judgment, enforcement, other
    // A hearing on a weekend or holiday is allowed with a reason (courts do sit on some of them).
    nonWorkingReason: text('non_working_reason').notNull().default(''),
    result: text('result').notNull().default(''), // adjourned, judgment, settled, dismissed, other
    resultNotes: text('result_notes').notNull().default(''),
    judgmentOn: text('judgment_on'),
    nextHearingId: integer('next_hearing_id'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('hearings_date').on(t.onDate, t.id),
    index('hearings_case').on(t.caseId, t.onDate),
    // Appeal windows run from the judgment's date: Today finds the recent judgments by it.
    index('hearings_judgment').on(t.judgmentOn),
  ],
);
