// Letter templates edited by the office, the outgoing register (سجل الصادر) and the communication log.
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { cases } from './cases';
import { parties } from './parties';
import { blobs, documents } from './documents';

/** The office's edited templates; a kind/language without a row uses the shipped default (resources/templates). */
export const letterTemplates = sqliteTable(
  'letter_templates',
  {
    kind: text('kind').notNull(),
    lang: text('lang', { enum: ['ar', 'en'] }).notNull(),
    body: text('body').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').references(() => users.id),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.lang] })],
);

/** Outgoing numbers are gapless per year: a counter row updated in the letter's own transaction. */
export const outgoingCounters = sqliteTable('outgoing_counters', {
  year: integer('year').primaryKey(),
  lastSeq: integer('last_seq').notNull(),
});

/** A batch printed as one merged PDF; its letters point at their pages in it. */
export const letterBatches = sqliteTable('letter_batches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  lang: text('lang', { enum: ['ar', 'en'] }).notNull(),
  count: integer('count').notNull(),
  pdfSha256: text('pdf_sha256')
    .notNull()
    .references(() => blobs.sha256),
  createdBy: text('created_by').references(() => users.id),
  createdAt: text('created_at').notNull(),
});

export const letters = sqliteTable(
  'letters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull(), // OUT-2026-000123
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    partyId: integer('party_id').references(() => parties.id), // the addressee
    kind: text('kind').notNull(),
    lang: text('lang', { enum: ['ar', 'en'] }).notNull(),
    letterDate: text('letter_date').notNull(),
    deadlineOn: text('deadline_on'),
    amountMinor: integer('amount_minor'),
    currency: text('currency'),
    // The PDF exactly as printed: its own file (one letter) or pages of a batch's merged file.
    pdfSha256: text('pdf_sha256')
      .notNull()
      .references(() => blobs.sha256),
    firstPage: integer('first_page').notNull().default(1),
    pageCount: integer('page_count').notNull(),
    batchId: integer('batch_id').references(() => letterBatches.id),
    verifyCode: text('verify_code').notNull(),
    dispatchState: text('dispatch_state').notNull().default('generated'),
    dispatchMethod: text('dispatch_method'),
    sentOn: text('sent_on'),
    deliveredOn: text('delivered_on'),
    returnedOn: text('returned_on'),
    deliveryProofId: integer('delivery_proof_id').references(() => documents.id),
    voidedAt: text('voided_at'),
    voidedBy: text('voided_by').references(() => users.id),
    voidReason: text('void_reason').notNull().default(''),
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('letters_number').on(t.number),
    uniqueIndex('letters_year_seq').on(t.year, t.seq),
    uniqueIndex('letters_verify').on(t.verifyCode),
    index('letters_case').on(t.caseId, t.id),
    index('letters_batch').on(t.batchId),
    index('letters_state').on(t.dispatchState, t.id),
    // Reports count the letters sent in a period per person from this index alone.
    index('letters_sent').on(t.sentOn, t.createdBy, t.voidedAt, t.caseId),
  ],
);

/**
 * The communication log (issue 5 builds its screens): letters write their entries here already.
 * Entries are never edited in place; a correction is a new row pointing at the one it corrects.
 */
export const communications = sqliteTable(
  'communications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    partyId: integer('party_id').references(() => parties.id),
    channel: text('channel').notNull(), // call, sms, whatsapp, email, letter, visit, meeting
    direction: text('direction', { enum: ['out', 'in'] }).notNull(),
    occurredAt: text('occurred_at').notNull(),
    userId: text('user_id').references(() => users.id),
    outcome: text('outcome').notNull().default(''),
    notes: text('notes').notNull().default(''),
    followUpOn: text('follow_up_on'),
    letterId: integer('letter_id').references(() => letters.id),
    createdAt: text('created_at').notNull(),
    // Who was spoken to when it was not a party of the case (a relative, an employer's HR): free text.
    contactName: text('contact_name').notNull().default(''),
    // A correction is a new row pointing at the entry it corrects; the original stays visible.
    correctsId: integer('corrects_id'),
    attachments: text('attachments').notNull().default('[]'), // JSON: document ids
    // What the debtor said they paid (outcome 'paid'), until payments are posted by the money screens.
    paidMinor: integer('paid_minor'),
    // A partner's recorded reason for going past a client rule pack (empty when no rule was overridden).
    overrideReason: text('override_reason').notNull().default(''),
    overriddenRules: text('overridden_rules').notNull().default('[]'), // JSON: rule codes
  },
  (t) => [
    index('communications_case').on(t.caseId, t.occurredAt, t.id),
    index('communications_letter').on(t.letterId),
    // The rule pack counts a debtor's call attempts in a window; the dashboard finds follow-ups by date.
    index('communications_party_channel').on(t.partyId, t.channel, t.occurredAt),
    index('communications_follow_up').on(t.followUpOn, t.userId),
    index('communications_user').on(t.userId, t.occurredAt),
    // Reports count the contacts of a period per person from this index alone (it covers the columns they read).
    index('communications_occurred').on(t.occurredAt, t.userId, t.channel, t.correctsId, t.caseId),
    // The office's contacts per person stream through this, one person's range at a time (no sort of a year's log).
    index('communications_person').on(t.userId, t.occurredAt, t.channel, t.correctsId),
  ],
);
