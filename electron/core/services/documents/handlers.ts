// Documents: files checked by their content, stored once per SHA-256 inside the encrypted database.
import { createHash } from 'node:crypto';
import type { DocumentOwner, DocumentRow, DocumentType } from '../../../contract/procedures/documents';
import { canPreview, detectFileKind } from '../../../domain/file-kind';
import type { Ctx, Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import type { Db } from '../../../../db/open';
import {
  getBlob,
  getDocument,
  insertDocument,
  listDocuments,
  putBlob,
  updateDocumentVersioned,
  type DocumentListRow,
  type DocumentRecord,
} from '../../../../db/queries/documents';
import { getCase } from '../../../../db/queries/cases';
import { getClient, getParty } from '../../../../db/queries/parties';
import { findUserById } from '../../../../db/queries/users';
import { loadSettings } from '../office/settings';

type DocumentHandlers = Pick<
  Handlers,
  'documents.list' | 'documents.upload' | 'documents.update' | 'documents.remove' | 'documents.content' | 'documents.export'
>;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function ownerOf(d: DocumentRecord): DocumentOwner {
  if (d.caseId !== null) return { caseId: d.caseId };
  if (d.partyId !== null) return { partyId: d.partyId };
  return { clientId: d.clientId ?? 0 };
}

function requireOwner(db: Db, owner: DocumentOwner): void {
  const exists =
    'caseId' in owner ? getCase(db, owner.caseId) : 'partyId' in owner ? getParty(db, owner.partyId) : getClient(db, owner.clientId);
  if (!exists) throw new CoreError('not_found', 'The case, party or client does not exist');
}

export function documentRow(d: DocumentListRow): DocumentRow {
  return {
    id: d.id,
    owner: ownerOf(d),
    type: d.type as DocumentType,
    fileName: d.fileName,
    kind: d.kind,
    mime: d.mime,
    size: d.size,
    sha256: d.sha256,
    documentDate: d.documentDate,
    notes: d.notes,
    renamed: d.renamed,
    canPreview: canPreview(d.kind as Parameters<typeof canPreview>[0]),
    removedAt: d.removedAt,
    removedReason: d.removedReason,
    createdBy: d.createdBy,
    createdByName: d.createdByName ?? '',
    createdAt: d.createdAt,
    version: d.version,
  };
}

function withName(db: Db, d: DocumentRecord): DocumentListRow {
  return { ...d, createdByName: d.createdBy ? (findUserById(db, d.createdBy)?.displayName ?? null) : null };
}

function requireDocument(db: Db, id: number): DocumentRecord {
  const d = getDocument(db, id);
  if (!d) throw new CoreError('not_found', 'No such document');
  return d;
}

/** Decode, size-check and sniff an upload; refusals carry the contract's codes. */
export function checkUpload(contentBase64: string, fileName: string, maxMb: number): { bytes: Buffer; kind: string; mime: string; renamed: boolean } {
  // The limit is checked on the base64 length first, so an oversized file is refused before it is decoded.
  const maxBytes = maxMb * 1024 * 1024;
  if (Math.floor((contentBase64.length * 3) / 4) - 2 > maxBytes) throw new CoreError('documents.too_large', 'The file is over the size limit', { maxMb });
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > maxBytes) throw new CoreError('documents.too_large', 'The file is over the size limit', { maxMb });
  const detected = detectFileKind(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName);
  if (!detected.ok) {
    const code = detected.reason === 'mismatch' ? 'documents.unsupported' : (`documents.${detected.reason}` as const);
    throw new CoreError(code, `The file was refused: ${detected.reason}`);
  }
  return { bytes, kind: detected.kind, mime: detected.mime, renamed: detected.renamed === true };
}

function content(ctx: Ctx, id: number) {
  const db = ctx.db();
  const d = requireDocument(db, id);
  // Erased with the person's data (PDPL): the row stays in the list of removed files, the content is gone.
  if (d.removedReason === 'pdpl_erasure') throw new CoreError('privacy.already_erased', "The file was erased with the person's data");
  const bytes = getBlob(db, d.sha256);
  if (!bytes) throw new CoreError('internal', 'The stored file is missing');
  return { doc: d, value: { fileName: d.fileName, mime: d.mime, kind: d.kind, size: d.size, contentBase64: bytes.toString('base64') } };
}

export const documentHandlers: DocumentHandlers = {
  'documents.list': (ctx, input) => {
    const db = ctx.db();
    return listDocuments(db, input.owner, input.includeRemoved).map(documentRow);
  },

  'documents.upload': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const { documentMaxMb } = loadSettings(ctx.db());
    const file = checkUpload(input.contentBase64, input.fileName, documentMaxMb);
    const sha256 = sha256Hex(file.bytes);
    return ctx.write((db) => {
      requireOwner(db, input.owner);
      putBlob(db, sha256, file.bytes, now);
      const d = insertDocument(db, {
        ...input.owner,
        type: input.type,
        fileName: input.fileName,
        kind: file.kind,
        mime: file.mime,
        renamed: file.renamed,
        size: file.bytes.length,
        sha256,
        documentDate: input.documentDate,
        notes: input.notes,
        createdBy: ctx.user?.id ?? null,
        createdAt: now,
      });
      const row = documentRow(withName(db, d));
      const { contentBase64: _omit, ...meta } = input;
      return { result: row, audit: { entity: 'document', entityId: String(d.id), after: { ...meta, kind: file.kind, size: d.size, sha256 } } };
    });
  },

  'documents.update': (ctx, input) =>
    ctx.write((db) => {
      const current = requireDocument(db, input.id);
      if (current.removedAt) throw new CoreError('documents.removed', 'The document was removed');
      const patch = { type: input.type, documentDate: input.documentDate, notes: input.notes };
      if (!updateDocumentVersioned(db, input.id, input.version, patch)) {
        throw new CoreError('conflict.stale', 'The document was changed by someone else', documentRow(withName(db, requireDocument(db, input.id))));
      }
      const before = { type: current.type, documentDate: current.documentDate, notes: current.notes };
      return { result: documentRow(withName(db, requireDocument(db, input.id))), audit: { entity: 'document', entityId: String(input.id), before, after: patch } };
    }),

  'documents.remove': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    return ctx.write((db) => {
      const current = requireDocument(db, input.id);
      if (current.removedAt) throw new CoreError('documents.removed', 'The document was already removed');
      const patch = { removedAt: now, removedBy: ctx.user?.id ?? null, removedReason: input.reason };
      if (!updateDocumentVersioned(db, input.id, input.version, patch)) {
        throw new CoreError('conflict.stale', 'The document was changed by someone else', documentRow(withName(db, requireDocument(db, input.id))));
      }
      return { result: documentRow(withName(db, requireDocument(db, input.id))), audit: { entity: 'document', entityId: String(input.id), after: { removed: true, reason: input.reason } } };
    });
  },

  'documents.content': (ctx, input) => content(ctx, input.id).value,

  'documents.export': (ctx, input) => {
    const { doc, value } = content(ctx, input.id);
    ctx.write(() => ({ result: null, audit: { entity: 'document', entityId: String(doc.id), after: { exported: doc.fileName, sha256: doc.sha256 } } }));
    return value;
  },
};
