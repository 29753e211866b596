// Files kept inside the encrypted database: content once per SHA-256 (blobs), and the documents that
// point at it from a case, a debtor/guarantor or a client.
import { sqliteTable, text, integer, blob, index, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { users } from './users';
import { cases } from './cases';
import { clients, parties } from './parties';

/** File content, deduplicated: two documents with the same bytes share one row. */
export const blobs = sqliteTable('blobs', {
  sha256: text('sha256').primaryKey(), // lowercase hex
  size: integer('size').notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  createdAt: text('created_at').notNull(),
});

export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Exactly one owner (the CHECK below): a case, a party (debtor/guarantor) or a client.
    caseId: integer('case_id').references(() => cases.id),
    partyId: integer('party_id').references(() => parties.id),
    clientId: integer('client_id').references(() => clients.id),
    type: text('type').notNull(), // contract, invoice, … (DOCUMENT_TYPES in the contract)
    fileName: text('file_name').notNull(),
    kind: text('kind').notNull(), // detected from the content: pdf, jpeg, png, tiff, docx, xlsx, msg, eml, txt
    mime: text('mime').notNull(),
    // The name's extension claimed another accepted type than the content: stored as what it really is.
    renamed: integer('renamed', { mode: 'boolean' }).notNull().default(false),
    size: integer('size').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256),
    documentDate: text('document_date'),
    notes: text('notes').notNull().default(''),
    // Removal hides a document and keeps the record (evidence is never silently lost).
    removedAt: text('removed_at'),
    removedBy: text('removed_by').references(() => users.id),
    removedReason: text('removed_reason').notNull().default(''),
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('documents_case').on(t.caseId, t.id),
    index('documents_party').on(t.partyId, t.id),
    index('documents_client').on(t.clientId, t.id),
    index('documents_sha').on(t.sha256),
    check(
      'documents_one_owner',
      sql`(${t.caseId} IS NOT NULL) + (${t.partyId} IS NOT NULL) + (${t.clientId} IS NOT NULL) = 1`,
    ),
  ],
);

/**
 * A stored PDF replaced by its redaction (PDPL erasure): the erased person's pages are replaced by a notice page of
 * the same size, so every other letter in a batch keeps its pages. The register's triggers let a letter's, a
 * receipt's or a statement's PDF change only to the redaction recorded here for it.
 */
export const pdfRedactions = sqliteTable('pdf_redactions', {
  originalSha256: text('original_sha256').primaryKey(),
  redactedSha256: text('redacted_sha256')
    .notNull()
    .references(() => blobs.sha256),
  at: text('at').notNull(),
  byUserId: text('by_user_id').references(() => users.id),
});
