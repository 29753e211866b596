// The audit trail: append-only (triggers refuse UPDATE and DELETE), each row hash-chained to the one before.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(), // 1, 2, 3 … without gaps
  at: text('at').notNull(), // UTC instant
  userId: text('user_id'),
  action: text('action').notNull(), // the procedure name, e.g. 'users.create'
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  before: text('before'), // JSON or null
  after: text('after'), // JSON or null
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [
  // A record's own history (e.g. why a promise was cancelled) without reading the whole trail.
  index('audit_entity').on(t.entity, t.entityId),
]);
