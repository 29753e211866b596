// Stored files (one row per SHA-256) and the documents that point at them.
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../open';
import { documents, users } from '../schema';
import { cached } from './statements';

export type DocumentRecord = typeof documents.$inferSelect;
export type DocumentInsert = typeof documents.$inferInsert;
export type DocumentOwnerColumns = { caseId?: number; partyId?: number; clientId?: number };

/** Store content once: a second document with the same bytes reuses the row. */
export function putBlob(db: Db, sha256: string, bytes: Uint8Array, now: string): void {
  cached(db.$client, 'INSERT INTO blobs (sha256, size, bytes, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING').run(
    sha256,
    bytes.length,
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    now,
  );
}

export function getBlob(db: Db, sha256: string): Buffer | undefined {
  const row = cached(db.$client, 'SELECT bytes FROM blobs WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
  return row?.bytes;
}

export function insertDocument(db: Db, values: DocumentInsert): DocumentRecord {
  return db.insert(documents).values(values).returning().get();
}

export function getDocument(db: Db, id: number): DocumentRecord | undefined {
  return db.select().from(documents).where(eq(documents.id, id)).get();
}

export function updateDocumentVersioned(db: Db, id: number, version: number, values: Partial<DocumentInsert>): boolean {
  return (
    db
      .update(documents)
      .set({ ...values, version: version + 1 })
      .where(and(eq(documents.id, id), eq(documents.version, version)))
      .run().changes === 1
  );
}

export type DocumentListRow = DocumentRecord & { createdByName: string | null };

export function listDocuments(db: Db, owner: DocumentOwnerColumns, includeRemoved: boolean): DocumentListRow[] {
  const conditions: SQL[] = [];
  if (owner.caseId !== undefined) conditions.push(eq(documents.caseId, owner.caseId));
  if (owner.partyId !== undefined) conditions.push(eq(documents.partyId, owner.partyId));
  if (owner.clientId !== undefined) conditions.push(eq(documents.clientId, owner.clientId));
  if (!includeRemoved) conditions.push(isNull(documents.removedAt));
  return db
    .select({ doc: documents, createdByName: users.displayName })
    .from(documents)
    .leftJoin(users, eq(users.id, documents.createdBy))
    .where(and(...conditions))
    .orderBy(desc(documents.id))
    .all()
    .map((r) => ({ ...r.doc, createdByName: r.createdByName }));
}
