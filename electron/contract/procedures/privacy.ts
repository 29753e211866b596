// Personal-data requests (PDPL): everything the office holds about a debtor or guarantor, as a PDF report plus the
// original files, in one ZIP.
import { z } from 'zod';
import { proc } from '../procedure';
import { idSchema } from '../fields';
import { langSchema } from '../schemas';

export interface PrivacyExportFile {
  fileName: string;
  mime: 'application/zip';
  contentBase64: string;
  /** How many original files the ZIP holds besides the report. */
  files: number;
}

export const privacyProcedures = {
  /** Audited (the act, not the data). Refused with not_found for an unknown party. */
  'privacy.export': proc<PrivacyExportFile>()({ input: z.object({ partyId: idSchema, lang: langSchema.default('ar') }), access: 'privacy.manage', kind: 'write' }),
} as const;
