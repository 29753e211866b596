// Instalment plans (تقسيط) on a case: preview a schedule, agree a plan, renegotiate it (the old schedule kept), cancel it.
import { z } from 'zod';
import { proc } from '../procedure';
import { amountMinorSchema, currencySchema, idSchema, requiredText, text, versionSchema } from '../fields';
import type { FieldIssue } from '../result';
import type { InstalmentFrequency, InstalmentState } from '../../domain/instalments';

export const PLAN_STATES = ['active', 'completed', 'defaulted', 'renegotiated', 'cancelled'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export interface PlanInstalmentRow {
  n: number;
  dueOn: string;
  amountMinor: number;
  /** What the payments counted toward the plan put toward this instalment so far. */
  paidMinor: number;
  paidOn: string | null;
  state: InstalmentState;
}

export interface PlanRow {
  id: number;
  caseId: number;
  totalMinor: number;
  currency: string;
  count: number;
  frequency: InstalmentFrequency;
  firstDate: string;
  remainderOn: 'first' | 'last';
  defaultAfterMissed: number;
  agreedOn: string;
  /** Today's state: an active plan shows 'defaulted' from the day it defaults, even before anything is written. */
  state: PlanState;
  /** The day it defaulted, or (while active) the day it will default if nothing more is paid. */
  defaultsOn: string | null;
  endedOn: string | null;
  /** Instalments past due and not paid in full today. */
  missed: number;
  /** Paid toward the schedule (never more than the total) and paid beyond it. */
  paidMinor: number;
  unappliedMinor: number;
  replacesPlanId: number | null;
  /** Why it was renegotiated or cancelled. */
  reason: string;
  notes: string;
  createdByName: string;
  createdAt: string;
  version: number;
  instalments: PlanInstalmentRow[];
}

export interface CasePlans {
  /** The newest plan while it is active or has defaulted (it can be renegotiated); null otherwise. */
  current: PlanRow | null;
  /** Every other plan, newest first, each with its schedule. */
  history: PlanRow[];
  currency: string;
  balanceMinor: number;
  closed: boolean;
  /** The office's settings a new plan starts from. */
  defaultAfterMissed: number;
  remainderOn: 'first' | 'last';
}

export interface PlanPreview {
  schedule: { n: number; dueOn: string; amountMinor: number }[];
  totalMinor: number;
  /** Translated as `t(message)` on the field `path` (count, totalMinor, firstDate, frequency). */
  problems: FieldIssue[];
}

/** Terms are checked by the plan rules (planSchedule), so count 0 or 121 comes back as a field problem, not a type error. */
const termsShape = {
  /** null: the case's balance. */
  totalMinor: amountMinorSchema.nullable().default(null),
  count: z.number('validation.plan_count').int('validation.plan_count'),
  frequency: z.enum(['weekly', 'monthly']),
  firstDate: z.string().max(20),
  /** null: the office's setting. */
  remainderOn: z.enum(['first', 'last']).nullable().default(null),
};

export const planTermsInput = z.object({ caseId: idSchema, ...termsShape });
export const planCreateInput = z.object({ caseId: idSchema, currency: currencySchema, ...termsShape, notes: text(2000).default('') });
export type PlanCreateInput = z.input<typeof planCreateInput>;
export const planRenegotiateInput = z.object({
  planId: idSchema,
  version: versionSchema,
  reason: requiredText(1000),
  currency: currencySchema,
  ...termsShape,
  notes: text(2000).default(''),
});
export type PlanRenegotiateInput = z.input<typeof planRenegotiateInput>;

export const planProcedures = {
  'plans.forCase': proc<CasePlans>()({ input: z.object({ caseId: idSchema }), access: 'cases.read', kind: 'read' }),
  'plans.preview': proc<PlanPreview>()({ input: planTermsInput, access: 'cases.read', kind: 'read' }),
  /** Refused with plans.active_exists, plans.over_balance (details {balanceMinor}), plans.currency, cases.closed, input.invalid (the plan's problems). */
  'plans.create': proc<PlanRow>()({ input: planCreateInput, access: 'payments.write', kind: 'write' }),
  /** The plan (active or defaulted) ends as 'renegotiated' with the reason; the new plan points back at it. */
  'plans.renegotiate': proc<PlanRow>()({ input: planRenegotiateInput, access: 'payments.write', kind: 'write' }),
  'plans.cancel': proc<PlanRow>()({
    input: z.object({ planId: idSchema, version: versionSchema, reason: requiredText(1000) }),
    access: 'payments.write',
    kind: 'write',
  }),
} as const;
