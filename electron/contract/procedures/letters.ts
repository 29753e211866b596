// Letter templates, letters and the outgoing register (سجل الصادر), batch printing as a job.
import { z } from 'zod';
import { proc } from '../procedure';
import { amountMinorSchema, idSchema, isoDateSchema, optionalIsoDate, pageSchema, requiredText, text, versionSchema, type Page } from '../fields';
import { langSchema, type Lang } from '../schemas';
import { caseFilterSchema } from './cases';
import { TEMPLATE_KINDS } from '../../domain/template/kinds';
import type { ApiError } from '../result';

export { TEMPLATE_KINDS };
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export const templateKindSchema = z.enum(TEMPLATE_KINDS);

/** A problem found in a template's text; `code` is translated as `templates.problems.<code>`. */
export interface TemplateProblemRow {
  code: string;
  line: number;
  column: number;
  detail: string;
}

export interface TemplateSummary {
  kind: TemplateKind;
  lang: Lang;
  customised: boolean;
  updatedAt: string | null;
  updatedByName: string;
}

export interface TemplateDetail extends TemplateSummary {
  body: string;
  defaultBody: string;
  /** null while the shipped default is in use (saving creates version 1). */
  version: number | null;
  /** The placeholders this kind may use, for the picker. */
  fields: { path: string; type: string; group: string }[];
}

export interface LetterPreview {
  pdfBase64: string;
  problems: TemplateProblemRow[];
  /** Placeholders printed empty for this case (e.g. no national address). */
  missing: string[];
  ms: number;
}

export const DISPATCH_STATES = ['generated', 'printed', 'sent', 'delivered', 'returned'] as const;
export type DispatchState = (typeof DISPATCH_STATES)[number];
export const DISPATCH_METHODS = ['hand', 'registered_mail', 'email', 'courier'] as const;
export type DispatchMethod = (typeof DISPATCH_METHODS)[number];

/** Values a settlement or instalment agreement needs that a case does not hold. */
export const letterInputsSchema = z
  .object({
    settlementAmountMinor: amountMinorSchema.nullable().default(null),
    settlementDeadline: optionalIsoDate.default(null),
    planCount: z.number().int().min(1).max(120).nullable().default(null),
    planFrequency: z.enum(['weekly', 'monthly']).nullable().default(null),
    planFirstDate: optionalIsoDate.default(null),
  })
  .default({
    settlementAmountMinor: null,
    settlementDeadline: null,
    planCount: null,
    planFrequency: null,
    planFirstDate: null,
  });
export type LetterInputs = z.output<typeof letterInputsSchema>;

const letterRequest = z.object({
  caseId: idSchema,
  kind: templateKindSchema,
  lang: langSchema,
  /** The deadline the letter sets, in days from the letter date; the kind's default when null. */
  deadlineDays: z.number().int().min(1, 'validation.min').max(365, 'validation.max').nullable().default(null),
  inputs: letterInputsSchema,
});

export interface LetterRow {
  id: number;
  number: string;
  caseId: number;
  caseReference: string;
  debtorName: string;
  clientName: string;
  kind: TemplateKind;
  lang: Lang;
  letterDate: string;
  deadlineOn: string | null;
  amountMinor: number | null;
  currency: string | null;
  verifyCode: string;
  dispatchState: DispatchState;
  dispatchMethod: DispatchMethod | null;
  sentOn: string | null;
  deliveredOn: string | null;
  returnedOn: string | null;
  deliveryProofId: number | null;
  voidedAt: string | null;
  voidReason: string;
  batchId: number | null;
  pageCount: number;
  createdByName: string;
  createdAt: string;
  version: number;
}

/** Why one case cannot get a letter in a batch; `code` is translated as `letters.blocked.<code>`. */
export interface BlockedCase {
  caseId: number;
  reference: string;
  debtorName: string;
  reasons: { code: string; detail: string }[];
}

export interface BatchCheck {
  ready: { caseId: number; reference: string; debtorName: string }[];
  blocked: BlockedCase[];
}

export const MAX_BATCH = 5000;

const batchSelection = z.union([
  z.object({ caseIds: z.array(idSchema).min(1, 'validation.required').max(MAX_BATCH, 'validation.max') }).strict(),
  z.object({ filter: caseFilterSchema }).strict(),
  z.object({ queue: z.literal(true) }).strict(),
]);

export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';
export interface JobState {
  id: string;
  kind: string;
  status: JobStatus;
  done: number;
  total: number;
  startedAt: string;
  /** Estimated milliseconds left while running. */
  etaMs: number | null;
  result: { batchId: number; count: number; firstNumber: string; lastNumber: string } | null;
  error: ApiError | null;
}

export interface Verification {
  found: boolean;
  letter: LetterRow | null;
  pdfSha256: string | null;
}

export const registerFilterSchema = z.object({
  year: z.number().int().min(2000).max(2200).nullable().default(null),
  kind: templateKindSchema.nullable().default(null),
  state: z.enum([...DISPATCH_STATES, 'voided']).nullable().default(null),
  /** The letters of one batch (the link shown when a batch is done). */
  batchId: idSchema.nullable().default(null),
  query: text(100).default(''),
});

export const letterProcedures = {
  'templates.list': proc<TemplateSummary[]>()({ input: z.object({}).default({}), access: 'settings.read', kind: 'read' }),
  'templates.get': proc<TemplateDetail>()({
    input: z.object({ kind: templateKindSchema, lang: langSchema }),
    access: 'settings.read',
    kind: 'read',
  }),
  /** Refused with `templates.invalid` (details: the problems) when the text has any problem. */
  'templates.save': proc<TemplateDetail>()({
    input: z.object({
      kind: templateKindSchema,
      lang: langSchema,
      body: z.string().max(20_000, 'validation.too_long'),
      version: versionSchema.nullable(),
    }),
    access: 'templates.write',
    kind: 'write',
  }),
  'templates.reset': proc<TemplateDetail>()({
    input: z.object({ kind: templateKindSchema, lang: langSchema }),
    access: 'templates.write',
    kind: 'write',
  }),
  /** The real PDF for a case (or sample values), from the saved template or unsaved `body`. */
  'templates.preview': proc<LetterPreview>()({
    input: z.object({
      kind: templateKindSchema,
      lang: langSchema,
      body: z.string().max(20_000, 'validation.too_long').nullable().default(null),
      caseId: idSchema.nullable().default(null),
      inputs: letterInputsSchema,
    }),
    access: 'cases.read',
    kind: 'read',
  }),

  'letters.generate': proc<LetterRow>()({ input: letterRequest, access: 'letters.write', kind: 'write' }),
  'letters.forCase': proc<LetterRow[]>()({ input: z.object({ caseId: idSchema }), access: 'cases.read', kind: 'read' }),
  'letters.register': proc<Page<LetterRow> & { total: number }>()({
    input: pageSchema.extend({ filter: registerFilterSchema.default({ year: null, kind: null, state: null, batchId: null, query: '' }) }),
    access: 'cases.read',
    kind: 'read',
  }),
  /** The letter's PDF exactly as printed (its pages of the batch file when printed in a batch). */
  'letters.pdf': proc<{ fileName: string; pdfBase64: string }>()({ input: z.object({ id: idSchema }), access: 'cases.read', kind: 'read' }),
  'letters.dispatch': proc<LetterRow>()({
    input: z.object({
      id: idSchema,
      version: versionSchema,
      state: z.enum(['printed', 'sent', 'delivered', 'returned']),
      method: z.enum(DISPATCH_METHODS).nullable().default(null),
      on: isoDateSchema,
      proofDocumentId: idSchema.nullable().default(null),
    }),
    access: 'letters.write',
    kind: 'write',
  }),
  /** Voiding keeps the number used (the register stays gapless) and the PDF stored. */
  'letters.void': proc<LetterRow>()({
    input: z.object({ id: idSchema, version: versionSchema, reason: requiredText(500) }),
    access: 'letters.write',
    kind: 'write',
  }),
  'letters.verify': proc<Verification>()({
    input: z.object({ code: z.string().trim().min(4, 'validation.required').max(120, 'validation.too_long') }),
    access: 'cases.read',
    kind: 'read',
  }),
  'letters.batchCheck': proc<BatchCheck>()({
    input: z.object({ selection: batchSelection, kind: templateKindSchema, lang: langSchema }),
    access: 'letters.write',
    kind: 'read',
  }),
  /** Starts the batch as a job (progress events `job.progress`); the letters are stored all or nothing at the end. */
  'letters.batchStart': proc<JobState>()({
    input: z.object({
      caseIds: z.array(idSchema).min(1, 'validation.required').max(MAX_BATCH, 'validation.max'),
      kind: templateKindSchema,
      lang: langSchema,
      deadlineDays: z.number().int().min(1).max(365).nullable().default(null),
    }),
    access: 'letters.write',
    kind: 'write',
  }),
  'letters.batchPdf': proc<{ fileName: string; pdfBase64: string }>()({
    input: z.object({ batchId: idSchema }),
    access: 'cases.read',
    kind: 'read',
  }),
  'jobs.get': proc<JobState>()({ input: z.object({ id: z.string().max(100) }), access: 'session', kind: 'read' }),
  'jobs.cancel': proc<JobState>()({ input: z.object({ id: z.string().max(100) }), access: 'session', kind: 'read' }),
} as const;
