// The "today" dashboard (what is due for a person or the whole office) and a case's full merged timeline.
import { z } from 'zod';
import { proc } from '../procedure';
import { idSchema } from '../fields';
import type { Stage } from '../../domain/ladder';

/** Rows returned per section; the count is always the whole section. */
export const DASHBOARD_ROWS = 25;

/** 'me': the signed-in user; 'user': another person (needs dashboard.office); 'office': everyone (needs dashboard.office). */
export const DASHBOARD_SCOPES = ['me', 'user', 'office'] as const;
export type DashboardScope = (typeof DASHBOARD_SCOPES)[number];

/** What every row carries so it can open its case. */
export interface DashboardCaseRef {
  caseId: number;
  reference: string;
  debtorName: string;
}

export interface FollowUpRow extends DashboardCaseRef {
  communicationId: number;
  followUpOn: string;
  channel: string;
  outcome: string;
  byName: string | null;
}

export interface TaskDueRow {
  taskId: number;
  caseId: number | null;
  reference: string | null;
  debtorName: string | null;
  title: string;
  dueOn: string;
  dueTime: string | null;
  priority: 'low' | 'normal' | 'high';
  assigneeName: string;
}

export interface BrokenPromiseRow extends DashboardCaseRef {
  promiseId: number;
  dueOn: string;
  amountMinor: number;
  keptMinor: number;
  currency: string;
}

export interface EscalationDueRow extends DashboardCaseRef {
  nextStage: Stage | null;
  dueOn: string;
  /** Why the case is in the queue when it is not the ladder's next step (e.g. promise_broken). */
  reason: string | null;
}

export interface HearingSoonRow extends DashboardCaseRef {
  hearingId: number;
  onDate: string;
  atTime: string | null;
  court: string;
  circuit: string;
  type: string;
}

/** Dates the office must not miss, computed from what the case stores. */
export const DEADLINE_KINDS = ['next_step', 'appeal', 'limitation'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface DeadlineRow extends DashboardCaseRef {
  kind: DeadlineKind;
  dueOn: string;
  /** next_step: the stage that becomes possible; appeal: the judgment's date; limitation: the claim's due date. */
  detail: string;
}

export interface PoaExpiryRow {
  poaId: number;
  clientId: number;
  clientName: string;
  number: string;
  expiresOn: string;
  expired: boolean;
  /** The client's oldest open case in scope: the row opens it. */
  caseId: number;
  reference: string;
}

export interface DashboardSection<R> {
  count: number;
  /** More matched than the count shows (read "999+"): counts stop early so a huge queue stays fast. */
  capped: boolean;
  rows: R[];
}

/** Money for the scope in one currency (never summed across currencies). */
export interface DashboardMoney {
  currency: string;
  /** Still owed on open cases: claim − paid − agreed discount. */
  outstandingMinor: number;
  /** Open cases with something still owed. */
  owingCases: number;
  /** Payments dated this month, net of reversals (received by the office or directly by the client). */
  collectedMinor: number;
}

export interface TodayDashboard {
  today: string;
  scope: DashboardScope;
  /** The person shown (null for the whole office). */
  userId: string | null;
  followUps: DashboardSection<FollowUpRow>;
  tasks: DashboardSection<TaskDueRow>;
  brokenPromises: DashboardSection<BrokenPromiseRow>;
  escalations: DashboardSection<EscalationDueRow>;
  hearings: DashboardSection<HearingSoonRow>;
  deadlines: DashboardSection<DeadlineRow>;
  poaExpiries: DashboardSection<PoaExpiryRow>;
  /** Per currency, SAR first. */
  money: DashboardMoney[];
  /** Whose money: the office's (a partner's own day, or the whole office) or the person's cases. */
  moneyScope: 'office' | 'person';
}

/** One event in a case's history; `at` is an ISO instant (date-only events: Riyadh midnight, `dateOnly`). */
interface TimelineBase {
  key: string;
  at: string;
  dateOnly: boolean;
  byName: string | null;
}

export interface CommunicationCorrection {
  id: number;
  createdAt: string;
  byName: string | null;
  channel: string;
  direction: 'in' | 'out';
  outcome: string;
  notes: string;
  followUpOn: string | null;
}

export type TimelineItem =
  | (TimelineBase & { type: 'stage_move'; from: Stage | null; to: Stage; reason: string; override: boolean })
  | (TimelineBase & {
      type: 'communication';
      id: number;
      channel: string;
      direction: 'in' | 'out';
      outcome: string;
      notes: string;
      partyName: string | null;
      contactName: string;
      followUpOn: string | null;
      paidMinor: number | null;
      overrideReason: string;
      /** Later corrections of this entry, oldest first; the entry itself stays as first recorded. */
      corrections: CommunicationCorrection[];
    })
  | (TimelineBase & {
      type: 'letter';
      letterId: number;
      number: string;
      kind: string;
      /** generated, printed, sent, delivered, returned (from the log) or voided. */
      event: string;
      notes: string;
    })
  | (TimelineBase & { type: 'document'; documentId: number; event: 'added' | 'removed'; fileName: string; docType: string; reason: string })
  | (TimelineBase & {
      type: 'promise';
      promiseId: number;
      amountMinor: number;
      keptMinor: number;
      currency: string;
      dueOn: string;
      state: string;
      cancelled: boolean;
    })
  | (TimelineBase & { type: 'flag'; flagId: number; kind: 'dispute' | 'hold'; event: 'opened' | 'resolved'; reason: string; untilOn: string | null })
  | (TimelineBase & { type: 'task'; taskId: number; event: 'created' | 'done'; title: string; dueOn: string; assigneeName: string | null })
  | (TimelineBase & {
      type: 'hearing';
      hearingId: number;
      onDate: string;
      atTime: string | null;
      court: string;
      circuit: string;
      hearingType: string;
      result: string;
      resultNotes: string;
    })
  | (TimelineBase & {
      type: 'payment';
      paymentId: number;
      /** received: a payment; reversed: its reversal (amountMinor negative, receiptNumber the reversed payment's). */
      event: 'received' | 'reversed';
      onDate: string;
      amountMinor: number;
      currency: string;
      method: string;
      /** Empty once the payer's data is erased (PDPL). */
      chequeNumber: string;
      reference: string;
      receivedBy: 'office' | 'client';
      receiptNumber: string | null;
      /** The reversal's reason. */
      reason: string;
      notes: string;
    })
  | (TimelineBase & {
      type: 'settlement';
      settlementId: number;
      event: 'agreed' | 'paid' | 'broken';
      amountMinor: number;
      currency: string;
      deadline: string | null;
      reason: string;
    })
  | (TimelineBase & {
      type: 'plan';
      planId: number;
      /** agreed (a renegotiation's new plan names the one it replaces), then how it ended, as far as the plan records a date. */
      event: 'agreed' | 'renegotiated' | 'cancelled' | 'defaulted' | 'completed';
      totalMinor: number;
      currency: string;
      count: number;
      frequency: 'weekly' | 'monthly';
      firstDate: string;
      replacesPlanId: number | null;
      reason: string;
    });

export type TimelineType = TimelineItem['type'];

export const dashboardProcedures = {
  /** Everything due for a person (or the office): each section's count and its first rows, each row opening its case. */
  'dashboard.today': proc<TodayDashboard>()({
    input: z
      .object({
        scope: z.enum(DASHBOARD_SCOPES).default('me'),
        userId: z.string().min(1).max(64).nullable().default(null),
      })
      .superRefine((v, ctx) => {
        if (v.scope === 'user' && !v.userId) ctx.addIssue({ code: 'custom', path: ['userId'], message: 'validation.required' });
      }),
    access: 'cases.read',
    kind: 'read',
  }),
  /** A case's whole history merged, newest first. */
  'cases.timeline': proc<TimelineItem[]>()({ input: z.object({ caseId: idSchema }), access: 'cases.read', kind: 'read' }),
} as const;
