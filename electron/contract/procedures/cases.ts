// Collection cases: create, edit, list with filters, the stage ladder moves, the escalation queue, search.
import { z } from 'zod';
import { proc } from '../procedure';
import {
  amountMinorSchema,
  currencySchema,
  idSchema,
  optionalIsoDate,
  pageSchema,
  text,
  versionSchema,
  type Page,
} from '../fields';
import {
  CASE_STATUSES,
  INSTRUMENT_TYPES,
  STAGES,
  type CaseStatus,
  type GuardFailure,
  type InstrumentType,
  type LadderConfig,
  type Stage,
} from '../../domain/ladder';
import type { EscalationReason, PromiseState } from '../../domain/promise';
import type { PartyRow } from './parties';

const tagSchema = z.string().trim().min(1).max(40, 'validation.too_long');

const caseFields = z.object({
  clientId: idSchema,
  clientReference: text(60).default(''),
  debtorIds: z.array(idSchema).min(1, 'validation.debtor_required').max(10),
  guarantorIds: z.array(idSchema).max(10).default([]),
  instrumentType: z.enum(INSTRUMENT_TYPES),
  instrumentNumber: text(60).default(''),
  instrumentIssuedOn: optionalIsoDate.default(null),
  dueDate: optionalIsoDate.default(null),
  /** Promissory notes and bills: registered on the national e-platform (null = not applicable/unknown). */
  noteRegistered: z.boolean().nullable().default(null),
  currency: currencySchema.default('SAR'),
  principalMinor: amountMinorSchema,
  costsMinor: amountMinorSchema.default(0),
  feesMinor: amountMinorSchema.default(0),
  /** Only where the client's agreement allows late charges (clients.late_charges_allowed); part of the claim. */
  lateChargesMinor: amountMinorSchema.default(0),
  lawyerId: z.string().nullable().default(null),
  paralegalId: z.string().nullable().default(null),
  tags: z.array(tagSchema).max(20).default([]),
  court: text(120).default(''),
  circuit: text(60).default(''),
  najizNumber: text(40).default(''),
  judge: text(120).default(''),
  nextActionOn: optionalIsoDate.default(null),
  noticeDeliveredOn: optionalIsoDate.default(null),
  demandDeliveredOn: optionalIsoDate.default(null),
  hasJudgment: z.boolean().default(false),
  notes: text(4000).default(''),
});
export const caseInput = caseFields.superRefine((v, ctx) => {
  if (v.principalMinor <= 0) ctx.addIssue({ code: 'custom', path: ['principalMinor'], message: 'validation.amount_positive' });
  const overlap = v.guarantorIds.filter((id) => v.debtorIds.includes(id));
  if (overlap.length > 0) ctx.addIssue({ code: 'custom', path: ['guarantorIds'], message: 'validation.guarantor_is_debtor' });
});
export type CaseInput = z.input<typeof caseInput>;

export const CASE_SORTS = ['reference', 'openedOn', 'nextActionOn', 'claim', 'balance', 'stage', 'status', 'dueDate', 'debtor', 'client'] as const;

/** 'open': something is still owed (balance > 0); 'paid': nothing is (balance ≤ 0). */
export const BALANCE_FILTERS = ['open', 'paid'] as const;

export const caseFilterSchema = z.object({
  stages: z.array(z.enum(STAGES)).default([]),
  statuses: z.array(z.enum(CASE_STATUSES)).default([]),
  clientId: idSchema.nullable().default(null),
  assigneeId: z.string().nullable().default(null),
  instrumentTypes: z.array(z.enum(INSTRUMENT_TYPES)).default([]),
  minClaimMinor: amountMinorSchema.nullable().default(null),
  maxClaimMinor: amountMinorSchema.nullable().default(null),
  nextActionFrom: optionalIsoDate.default(null),
  nextActionTo: optionalIsoDate.default(null),
  tag: text(40).default(''),
  balance: z.enum(BALANCE_FILTERS).nullable().default(null),
  query: text(100).default(''),
});
export type CaseFilter = z.output<typeof caseFilterSchema>;

export interface CaseRow {
  id: number;
  reference: string;
  clientReference: string;
  clientName: string;
  debtorName: string;
  stage: Stage;
  status: CaseStatus;
  instrumentType: InstrumentType;
  currency: string;
  claimMinor: number;
  /** Allocated by posted payments net of reversals. */
  paidMinor: number;
  /** Waived by an open or paid settlement. */
  discountMinor: number;
  /** claim − paid − discount. */
  balanceMinor: number;
  openedOn: string;
  dueDate: string | null;
  nextActionOn: string | null;
  lawyerName: string | null;
  flags: ('limitation' | 'poa' | 'note')[];
}

export interface StageMove {
  id: number;
  from: Stage | null;
  to: Stage;
  on: string;
  at: string;
  byName: string;
  reason: string;
  override: boolean;
}

export interface CaseWarning {
  code: 'limitation' | 'note_unregistered' | 'poa_missing' | 'poa_expiring';
  params: Record<string, string | number>;
}

export interface CaseDetail extends Omit<z.output<typeof caseFields>, 'debtorIds' | 'guarantorIds'> {
  id: number;
  version: number;
  reference: string;
  stage: Stage;
  status: CaseStatus;
  openedOn: string;
  stageEnteredOn: string;
  clientName: string;
  debtors: PartyRow[];
  guarantors: PartyRow[];
  claimMinor: number;
  /** Allocated by posted payments net of reversals. */
  paidMinor: number;
  /** Waived by an open or paid settlement: the balance is claim − paid − discount. */
  discountMinor: number;
  /** Whether the client's agreement allows late charges (the form offers the field only then). */
  lateChargesAllowed: boolean;
  lawyerName: string | null;
  paralegalName: string | null;
  history: StageMove[];
  /** Each stage the case could move to now, with the guards that stand in the way (empty = allowed). */
  moves: { to: Stage; guards: GuardFailure[]; correction: boolean }[];
  /** The case's place in the queue: the ladder's step, or why else it is there (a promise, a hold ending). */
  escalation: { due: boolean; nextStage: Stage | null; dueOn: string | null; reason: EscalationReason | null };
  warnings: CaseWarning[];
  updatedAt: string;
}

export interface QueueRow extends CaseRow {
  /** null when a promise or a hold brought back a case the ladder has no next step for. */
  nextStage: Stage | null;
  dueOn: string;
  reason: EscalationReason | null;
  /** With reason 'promise_due': the promise's state today (broken or partly kept; open only on the day it turns). */
  promiseState: PromiseState | null;
}

export interface SearchResults {
  cases: { id: number; reference: string; clientReference: string; debtorName: string; stage: Stage }[];
  parties: { id: number; name: string; kind: 'person' | 'company'; nationalId: string; crNumber: string; phone: string }[];
  clients: { id: number; nameAr: string; nameEn: string }[];
}

export const caseProcedures = {
  'cases.list': proc<Page<CaseRow> & { total: number }>()({
    input: pageSchema.extend({
      filter: caseFilterSchema.default(caseFilterSchema.parse({})),
      sort: z.enum(CASE_SORTS).default('openedOn'),
      dir: z.enum(['asc', 'desc']).default('desc'),
    }),
    access: 'cases.read',
    kind: 'read',
  }),
  'cases.get': proc<CaseDetail>()({ input: z.object({ id: idSchema }), access: 'cases.read', kind: 'read' }),
  'cases.create': proc<CaseDetail>()({ input: caseInput, access: 'cases.write', kind: 'write' }),
  'cases.update': proc<CaseDetail>()({
    input: z.object({ id: idSchema, version: versionSchema, case: caseInput }),
    access: 'cases.write',
    kind: 'write',
  }),
  'cases.setStatus': proc<CaseDetail>()({
    input: z.object({ id: idSchema, version: versionSchema, status: z.enum(CASE_STATUSES), reason: text(500).default('') }),
    access: 'cases.write',
    kind: 'write',
  }),
  'cases.move': proc<CaseDetail>()({
    input: z.object({
      id: idSchema,
      version: versionSchema,
      to: z.enum(STAGES),
      reason: text(1000).default(''),
      /** A partner overrides the guards; the reason is then required and recorded. */
      override: z.boolean().default(false),
    }),
    access: 'cases.move',
    kind: 'write',
  }),
  'cases.escalationQueue': proc<Page<QueueRow>>()({ input: pageSchema, access: 'cases.read', kind: 'read' }),
  'ladder.get': proc<LadderConfig>()({ input: z.object({}).strict(), access: 'settings.read', kind: 'read' }),
  /** The whole ladder (validated by the domain's rules); every open case's queue date is recomputed. */
  'ladder.update': proc<LadderConfig>()({ input: z.object({ ladder: z.unknown() }), access: 'settings.write', kind: 'write' }),
  'search.global': proc<SearchResults>()({
    input: z.object({ query: z.string().trim().min(1, 'validation.required').max(100, 'validation.too_long') }),
    access: 'cases.read',
    kind: 'read',
  }),
} as const;
