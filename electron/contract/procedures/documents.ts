// Documents attached to a case, a debtor/guarantor or a client; the files live in the encrypted database.
import { z } from 'zod';
import { proc } from '../procedure';
import { idSchema, optionalIsoDate, requiredText, text, versionSchema } from '../fields';

export const DOCUMENT_TYPES = [
  'contract',
  'invoice',
  'promissory_note',
  'cheque',
  'judgment',
  'power_of_attorney',
  'delivery_proof',
  'correspondence',
  'statement', // a remittance statement the office issued (stored on the client)
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Who a document belongs to: exactly one of a case, a party (debtor/guarantor) or a client. */
export const documentOwnerSchema = z.union([
  z.object({ caseId: idSchema }).strict(),
  z.object({ partyId: idSchema }).strict(),
  z.object({ clientId: idSchema }).strict(),
]);
export type DocumentOwner = z.output<typeof documentOwnerSchema>;

/** Base64 of at most ~500 MB: the real limit is the office setting, checked by the service on the bytes. */
const base64Schema = z
  .string()
  .max(700_000_000, 'validation.too_long')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'validation.base64');

export const documentMetaSchema = z.object({
  type: z.enum(DOCUMENT_TYPES),
  documentDate: optionalIsoDate.default(null),
  notes: text(2000).default(''),
});

export interface DocumentRow {
  id: number;
  owner: DocumentOwner;
  type: DocumentType;
  fileName: string;
  /** Detected from the content, never from the name. */
  kind: string;
  mime: string;
  size: number;
  sha256: string;
  documentDate: string | null;
  notes: string;
  /** The name's extension claimed another type than the content: stored as what it really is. */
  renamed: boolean;
  canPreview: boolean;
  removedAt: string | null;
  removedReason: string;
  createdBy: string | null;
  createdByName: string;
  createdAt: string;
  version: number;
}

export interface DocumentContent {
  fileName: string;
  mime: string;
  kind: string;
  size: number;
  contentBase64: string;
}

export const documentProcedures = {
  'documents.list': proc<DocumentRow[]>()({
    input: z.object({ owner: documentOwnerSchema, includeRemoved: z.boolean().default(false) }),
    access: 'cases.read',
    kind: 'read',
  }),
  /** One file per call (the UI sends several in turn), so each is stored whole or not at all. */
  'documents.upload': proc<DocumentRow>()({
    input: documentMetaSchema.extend({
      owner: documentOwnerSchema,
      fileName: requiredText(255),
      contentBase64: base64Schema,
    }),
    access: 'documents.write',
    kind: 'write',
  }),
  'documents.update': proc<DocumentRow>()({
    input: documentMetaSchema.extend({ id: idSchema, version: versionSchema }),
    access: 'documents.write',
    kind: 'write',
  }),
  /** Hides a document with a reason; the record and the file stay (evidence is never silently lost). */
  'documents.remove': proc<DocumentRow>()({
    input: z.object({ id: idSchema, version: versionSchema, reason: requiredText(500) }),
    access: 'documents.write',
    kind: 'write',
  }),
  /** The bytes for the in-app preview (PDFs and images). */
  'documents.content': proc<DocumentContent>()({ input: z.object({ id: idSchema }), access: 'cases.read', kind: 'read' }),
  /** The bytes for a copy saved outside the app: audited, since the file leaves the encrypted store. */
  'documents.export': proc<DocumentContent>()({ input: z.object({ id: idSchema }), access: 'cases.read', kind: 'write' }),
} as const;
