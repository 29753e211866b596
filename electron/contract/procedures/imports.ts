// Placement imports (a client's file of accounts → debtors and cases, with a dry run and undo) and exports of lists.
import { z } from 'zod';
import { proc } from '../procedure';
import { idSchema, text } from '../fields';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '../../domain/import-values';
import { INSTRUMENT_TYPES } from '../../domain/ladder-config';
import { CURRENCY_CODES } from '../../domain/money';
import type { JobState } from './letters';
import { CASE_SORTS, caseFilterSchema } from './cases';
import { registerFilterSchema } from './letters';

export const IMPORT_ENCODING_CHOICES = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1256'] as const;
export type ImportEncodingChoice = (typeof IMPORT_ENCODING_CHOICES)[number];

const base64Schema = z
  .string()
  .max(100_000_000, 'validation.too_long')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'validation.base64');

const headerList = z.array(z.string().max(200)).max(20);
export const importMappingSchema = z.object({
  columns: z.object(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, headerList.optional()])) as Record<ImportField, z.ZodOptional<typeof headerList>>),
  dateOrder: z.enum(['dmy', 'mdy']).default('dmy'),
  defaultCurrency: z.enum(CURRENCY_CODES).default('SAR'),
  defaultInstrument: z.enum(INSTRUMENT_TYPES).default('invoice'),
}) satisfies z.ZodType<ImportMapping, unknown>;

/** A file read and held for this user while they map, check and commit it (nothing is written yet). */
export interface ImportFile {
  token: string;
  fileName: string;
  kind: 'csv' | 'xlsx';
  encoding: ImportEncodingChoice | '';
  detected: ImportEncodingChoice | '';
  sha256: string;
  headers: string[];
  /** The first rows as text, for the mapping table's preview. */
  preview: string[][];
  rowCount: number;
  mapping: ImportMapping;
  /** The mapping came from the client's last import (not a guess). */
  mappingSaved: boolean;
  /** The same file (by hash) was imported before and not undone. */
  previousImportId: number | null;
}

export const IMPORT_PROBLEMS = [
  'required',
  'id_checksum',
  'id_invalid',
  'amount_words',
  'amount_invalid',
  'amount_zero',
  'amount_decimals',
  'amount_negative',
  'date_invalid',
  'date_far_future',
  'currency_unknown',
  'instrument_unknown',
  'phone_invalid',
  'too_long',
  'invalid',
  'duplicate_row',
  'duplicate_reference',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEMS)[number];

export interface ImportProblem {
  /** The row's number in the file (the header is row 1). */
  line: number;
  /** The header of the column at fault ('' when the row as a whole is). */
  column: string;
  code: ImportProblemCode;
  /** e.g. the first row a duplicate repeats. */
  detail: string;
}

export interface ImportDryRun {
  rows: number;
  /** Rows that will be imported (created or matched). */
  valid: number;
  problemRows: number;
  cases: { create: number; matched: number };
  debtors: { create: number; matched: number };
  /** At most MAX_LISTED_PROBLEMS; the rejected-rows file has them all. */
  problems: ImportProblem[];
}
export const MAX_LISTED_PROBLEMS = 500;

export interface ImportRow {
  id: number;
  clientId: number;
  clientName: string;
  fileName: string;
  fileSha256: string;
  fileKind: 'csv' | 'xlsx';
  encoding: string;
  rowsTotal: number;
  rowsSkipped: number;
  casesCreated: number;
  casesMatched: number;
  debtorsCreated: number;
  debtorsMatched: number;
  status: 'committed' | 'undone';
  createdByName: string;
  createdAt: string;
  undoneByName: string;
  undoneAt: string | null;
}

const fileRef = z.object({ token: z.string().min(1).max(100), mapping: importMappingSchema });

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export interface ExportedFile {
  fileName: string;
  mime: string;
  contentBase64: string;
  rows: number;
}
/** Exports stop here: a list this long is the whole office; the file stays one a spreadsheet can open. */
export const MAX_EXPORT_ROWS = 1_000_000;

const exportBase = z.object({ format: z.enum(EXPORT_FORMATS), lang: z.enum(['ar', 'en']).default('ar') });

export const importProcedures = {
  /** Read a file (kind and encoding from its bytes; `encoding` overrides) and hold it for the dry run and commit. */
  'imports.open': proc<ImportFile>()({
    input: z.object({
      clientId: idSchema,
      fileName: text(255).refine((v) => v.length > 0, 'validation.required'),
      contentBase64: base64Schema,
      encoding: z.enum(IMPORT_ENCODING_CHOICES).nullable().default(null),
    }),
    access: 'data.import',
    kind: 'read',
  }),
  /** What a commit would do: cases and debtors created or matched, and every row that fails with its column and reason. */
  'imports.dryRun': proc<ImportDryRun>()({ input: fileRef, access: 'data.import', kind: 'read' }),
  /** The failing rows as a file, each with a reason column. */
  'imports.rejected': proc<ExportedFile>()({ input: fileRef.extend({ format: z.enum(EXPORT_FORMATS), lang: z.enum(['ar', 'en']).default('ar') }), access: 'data.import', kind: 'read' }),
  /** Start the commit as a job: all rows or none; refused with imports.has_problems unless skipBadRows. The mapping is saved for the client. */
  'imports.commit': proc<JobState>()({ input: fileRef.extend({ skipBadRows: z.boolean().default(false) }), access: 'data.import', kind: 'write' }),
  'imports.list': proc<ImportRow[]>()({ input: z.object({ clientId: idSchema.nullable().default(null) }), access: 'data.import', kind: 'read' }),
  /** Remove what an import created, refused with imports.undo_blocked once later work touches one of its cases. */
  'imports.undo': proc<ImportRow>()({ input: z.object({ id: idSchema }), access: 'data.import', kind: 'write' }),

  /** Lists as on screen (the same filters as the list procedures) to XLSX or CSV (UTF-8 with BOM); audited. */
  'exports.cases': proc<ExportedFile>()({
    input: exportBase.extend({
      filter: caseFilterSchema.default(caseFilterSchema.parse({})),
      sort: z.enum(CASE_SORTS).default('openedOn'),
      dir: z.enum(['asc', 'desc']).default('desc'),
    }),
    access: 'data.export', kind: 'write' }),
  'exports.debtors': proc<ExportedFile>()({ input: exportBase.extend({ query: text(100).default('') }), access: 'data.export', kind: 'write' }),
  'exports.communications': proc<ExportedFile>()({ input: exportBase.extend({ caseId: idSchema.nullable().default(null) }), access: 'data.export', kind: 'write' }),
  'exports.payments': proc<ExportedFile>()({ input: exportBase.extend({ caseId: idSchema.nullable().default(null) }), access: 'data.export', kind: 'write' }),
  'exports.register': proc<ExportedFile>()({ input: exportBase.extend({ filter: registerFilterSchema.default(registerFilterSchema.parse({})) }), access: 'data.export', kind: 'write' }),
} as const;
