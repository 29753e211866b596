// Clients (creditors) with their powers of attorney, and parties (debtors and guarantors).
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

export const clients = sqliteTable(
  'clients',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['person', 'company'] }).notNull(),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en').notNull().default(''),
    crNumber: text('cr_number').notNull().default(''),
    vatNumber: text('vat_number').notNull().default(''),
    nationalId: text('national_id').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    address: text('address').notNull().default(''),
    iban: text('iban').notNull().default(''),
    bankName: text('bank_name').notNull().default(''),
    contacts: text('contacts').notNull().default('[]'), // JSON: [{name,title,phone,email}]
    feePercentBp: integer('fee_percent_bp'),
    feeFixedPerStage: text('fee_fixed_per_stage').notNull().default('{}'), // JSON: {stage: minor}
    // The order payments are allocated to the claim's components (comma-separated; default costs, fees, principal).
    allocationOrder: text('allocation_order').notNull().default('costs,fees,principal,lateCharges'),
    // Whether the client's contracts allow late charges on their cases (no interest by default).
    lateChargesAllowed: integer('late_charges_allowed', { mode: 'boolean' }).notNull().default(false),
    rulePack: text('rule_pack', { enum: ['none', 'sama'] }).notNull().default('none'),
    notes: text('notes').notNull().default(''),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('clients_name').on(t.nameAr)],
);

export const powersOfAttorney = sqliteTable(
  'powers_of_attorney',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    notary: text('notary').notNull().default(''),
    issuedOn: text('issued_on').notNull(),
    expiresOn: text('expires_on'),
    pleadingClause: integer('pleading_clause', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('poa_client').on(t.clientId)],
);

export const parties = sqliteTable(
  'parties',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['person', 'company'] }).notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull().default(''),
    nationalId: text('national_id').notNull().default(''),
    crNumber: text('cr_number').notNull().default(''),
    vatNumber: text('vat_number').notNull().default(''),
    phones: text('phones').notNull().default('[]'), // JSON array of E.164
    emails: text('emails').notNull().default('[]'),
    address: text('address').notNull().default('{}'), // JSON national address
    city: text('city').notNull().default(''), // from the address, for lists
    employer: text('employer').notNull().default(''),
    notes: text('notes').notNull().default(''),
    // PDPL erasure after the retention period: the personal fields are emptied and these say when and by whom.
    erasedAt: text('erased_at'),
    erasedBy: text('erased_by'),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // One party per identifier: a debtor with the same ID is the same debtor.
    uniqueIndex('parties_national_id').on(t.nationalId).where(sql`national_id <> ''`),
    uniqueIndex('parties_cr_number').on(t.crNumber).where(sql`cr_number <> ''`),
    index('parties_name').on(t.name),
  ],
);
