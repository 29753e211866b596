// Placement imports: each committed file (hash, who, when, counts, mapping), what it created, and each client's saved mapping.
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { clients } from './parties';
import { users } from './users';

export const imports = sqliteTable(
  'imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileKind: text('file_kind', { enum: ['csv', 'xlsx'] }).notNull(),
    encoding: text('encoding').notNull().default(''),
    mapping: text('mapping').notNull(), // JSON: the mapping the import ran with
    rowsTotal: integer('rows_total').notNull(),
    rowsSkipped: integer('rows_skipped').notNull().default(0),
    casesCreated: integer('cases_created').notNull().default(0),
    casesMatched: integer('cases_matched').notNull().default(0),
    debtorsCreated: integer('debtors_created').notNull().default(0),
    debtorsMatched: integer('debtors_matched').notNull().default(0),
    status: text('status', { enum: ['committed', 'undone'] }).notNull().default('committed'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    undoneBy: text('undone_by').references(() => users.id),
    undoneAt: text('undone_at'),
  },
  (t) => [index('imports_client').on(t.clientId, t.id), index('imports_sha').on(t.fileSha256)],
);

/** The cases and parties an import created (matched ones are not listed: undo never touches them). */
export const importItems = sqliteTable(
  'import_items',
  {
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id),
    entity: text('entity', { enum: ['case', 'party'] }).notNull(),
    entityId: integer('entity_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.entity, t.entityId] }), index('import_items_entity').on(t.entity, t.entityId)],
);

/** The column mapping last used for a client's files, offered again for the next file. */
export const importMappings = sqliteTable('import_mappings', {
  clientId: integer('client_id')
    .primaryKey()
    .references(() => clients.id),
  mapping: text('mapping').notNull(), // JSON
  updatedBy: text('updated_by').references(() => users.id),
  updatedAt: text('updated_at').notNull(),
});
