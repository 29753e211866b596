// Promises to pay on a case, and the case's disputes and holds (flags that take it out of the escalation queue).
import { z } from 'zod';
import { proc } from '../procedure';
import { amountMinorSchema, idSchema, isoDateSchema, optionalIsoDate, requiredText, versionSchema } from '../fields';
import type { PromiseState } from '../../domain/promise';
import type { CaseDetail } from './cases';

export const PROMISE_CHANNELS = ['call', 'sms', 'whatsapp', 'email', 'letter', 'visit', 'meeting'] as const;
export type PromiseChannel = (typeof PROMISE_CHANNELS)[number];

export interface PromiseRow {
  id: number;
  caseId: number;
  amountMinor: number;
  currency: string;
  dueOn: string;
  channel: PromiseChannel;
  communicationId: number | null;
  /** Decided at read from the payments and today's date (open turns broken the day after it falls due). */
  state: PromiseState;
  keptMinor: number;
  madeOn: string;
  createdAt: string;
  createdByName: string;
  cancelledAt: string | null;
  cancelReason: string;
  version: number;
}

export interface CasePromises {
  promises: PromiseRow[];
  currency: string;
  claimMinor: number;
  /** Recorded as paid on the case (log entries with outcome 'paid' until payments are posted). */
  paidMinor: number;
  balanceMinor: number;
}

export const FLAG_KINDS = ['dispute', 'hold'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export interface CaseFlagRow {
  id: number;
  kind: FlagKind;
  reason: string;
  untilOn: string | null;
  documents: { id: number; fileName: string }[];
  openedAt: string;
  openedByName: string;
  resolvedAt: string | null;
  resolvedByName: string;
  resolution: string;
}

export const promiseInput = z.object({
  caseId: idSchema,
  amountMinor: amountMinorSchema,
  dueOn: isoDateSchema,
  channel: z.enum(PROMISE_CHANNELS),
  /** The log entry (a call) that produced the promise, when there is one. */
  communicationId: idSchema.nullable().default(null),
});
export type PromiseInput = z.input<typeof promiseInput>;

export const disputeInput = z.object({
  caseId: idSchema,
  reason: requiredText(2000),
  documentIds: z.array(idSchema).max(20).default([]),
});
export const holdInput = z.object({
  caseId: idSchema,
  reason: requiredText(2000),
  /** The day the case returns to the queue; none = until resolved by hand. */
  until: optionalIsoDate.default(null),
});

export const promiseProcedures = {
  'promises.forCase': proc<CasePromises>()({ input: z.object({ caseId: idSchema }), access: 'cases.read', kind: 'read' }),
  'promises.create': proc<PromiseRow>()({ input: promiseInput, access: 'cases.write', kind: 'write' }),
  'promises.cancel': proc<PromiseRow>()({
    input: z.object({ id: idSchema, version: versionSchema, reason: requiredText(1000) }),
    access: 'cases.write',
    kind: 'write',
  }),
  'cases.flags': proc<CaseFlagRow[]>()({ input: z.object({ caseId: idSchema }), access: 'cases.read', kind: 'read' }),
  'cases.dispute': proc<CaseDetail>()({ input: disputeInput, access: 'cases.write', kind: 'write' }),
  'cases.hold': proc<CaseDetail>()({ input: holdInput, access: 'cases.write', kind: 'write' }),
  'cases.resolveFlag': proc<CaseDetail>()({
    input: z.object({ flagId: idSchema, resolution: requiredText(2000) }),
    access: 'cases.write',
    kind: 'write',
  }),
} as const;
