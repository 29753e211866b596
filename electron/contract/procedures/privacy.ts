// Personal-data requests (PDPL): everything the office holds about a debtor or guarantor, as a PDF report plus the
// original files, in one ZIP; and erasure of a person's data once the retention period after their last case closed
// has passed (setting retentionYears, default 10).
import { z } from 'zod';
import { proc } from '../procedure';
import { idSchema, pageSchema, type Page } from '../fields';
import { langSchema } from '../schemas';

export interface PrivacyExportFile {
  fileName: string;
  mime: 'application/zip';
  contentBase64: string;
  /** How many original files the ZIP holds besides the report. */
  files: number;
}

/** A debtor or guarantor whose every case closed at least retentionYears ago and who is not erased yet. */
export interface ErasureCandidate {
  partyId: number;
  name: string;
  nationalId: string;
  kind: 'person' | 'company';
  cases: number;
  /** The day their last case closed (YYYY-MM-DD). */
  lastClosedOn: string;
  /** lastClosedOn + retentionYears: the first day they could be erased. */
  erasableFrom: string;
}

/** Why a party cannot be erased (yet). */
export type ErasureBlock = 'open_case' | 'not_due' | 'already_erased';

/** What an erasure of this party would remove, shown before the partner confirms. */
export interface ErasurePreview {
  partyId: number;
  name: string;
  version: number;
  block: ErasureBlock | null;
  /** When not due yet: the first day it will be (YYYY-MM-DD); null with an open case or nothing closed. */
  erasableFrom: string | null;
  cases: number;
  /** Communication log entries whose notes and contact details are cleared. */
  communications: number;
  /** Documents (uploaded files) removed with their content. */
  documents: number;
  /** Letters in the register whose pages are replaced by a redaction notice (numbers and dates stay). */
  letters: number;
  /** Of those, letters printed in a batch: the batch PDF keeps the other debtors' pages. */
  batchLetters: number;
  receipts: number;
  /** Remittance statements (the client's documents) re-issued with the person's name removed. */
  statements: number;
  /** Audit entries whose payload (before/after) is removed; their hashes still verify. */
  auditEntries: number;
}

export interface ErasureResult {
  partyId: number;
  erasedAt: string;
  cases: number;
  communications: number;
  documents: number;
  letters: number;
  receipts: number;
  statements: number;
  auditEntries: number;
}

export const privacyProcedures = {
  /** Audited (the act, not the data). Refused with not_found for an unknown party. */
  'privacy.export': proc<PrivacyExportFile>()({ input: z.object({ partyId: idSchema, lang: langSchema.default('ar') }), access: 'privacy.manage', kind: 'write' }),
  /** Parties past the retention period, oldest closing first (keyset pages). */
  'privacy.due': proc<Page<ErasureCandidate> & { total: number; retentionYears: number }>()({ input: pageSchema, access: 'privacy.manage', kind: 'read' }),
  /** What erasing this party would remove, and whether it may be erased now (block says why not). */
  'privacy.erasePreview': proc<ErasurePreview>()({ input: z.object({ partyId: idSchema }), access: 'privacy.manage', kind: 'read' }),
  /**
   * Erase the party's personal data (one transaction; audited without the data). Refused: privacy.open_case,
   * privacy.not_due (details.erasableFrom), privacy.already_erased, not_found, conflict.stale (version).
   */
  'privacy.erase': proc<ErasureResult>()({ input: z.object({ partyId: idSchema, version: z.number().int().min(1) }), access: 'privacy.manage', kind: 'write' }),
} as const;
