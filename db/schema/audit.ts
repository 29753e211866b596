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
  // Entries written since migration 0024 chain a digest of their payload instead of the payload itself, so a PDPL
  // erasure can remove the payload (before/after) and the entry's hash still verifies: sha256 of [before, after].
  payloadSha256: text('payload_sha256'),
  redactedAt: text('redacted_at'), // set once, by an erasure, when before/after were removed
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [
  // A record's own history (e.g. why a promise was cancelled) without reading the whole trail.
  index('audit_entity').on(t.entity, t.entityId),
]);
