// A plan as it stands today and the day it would default given the payments so far (what the queue waits for).
import { addDays, addMonths } from '../../../domain/dates';
import { instalmentStates, type InstalmentFrequency, type PlannedInstalment, type PlanPayment, type PlanStanding } from '../../../domain/instalments';
import type { Sqlite } from '../../../../db/open';
import { latestPlan, planPayments, planSchedule, type PlanRecord, type PlanState } from '../../../../db/queries/plans';

export interface PlanOutlook {
  /** Each instalment as of today. */
  standing: PlanStanding;
  /**
   * The day the plan defaults (or defaulted) given the payments so far: the first day `defaultAfterMissed`
   * instalments are missed at once, or — once the schedule has run out and no later instalment can be missed — one
   * period after the last instalment's date while anything is still unpaid. Null once every instalment is paid in
   * time for neither to happen.
   */
  defaultsOn: string | null;
  /** What the plan is today: 'completed' when paid in full, 'defaulted' from `defaultsOn` (paying later does not undo it). */
  state: 'active' | 'completed' | 'defaulted';
}

/** The pure rule over a schedule and the payments counted toward it. */
export function outlookOf(
  schedule: readonly PlannedInstalment[],
  payments: readonly PlanPayment[],
  today: string,
  terms: { defaultAfterMissed: number; frequency: InstalmentFrequency },
): PlanOutlook {
  const options = { defaultAfterMissed: terms.defaultAfterMissed };
  const standing = instalmentStates(schedule, payments, today, options);
  const lastDue = schedule.reduce((max, i) => (i.dueOn > max ? i.dueOn : max), schedule[0]?.dueOn ?? today);
  // The last instalment gets the same room a middle one has before the next falls due: one period.
  const endsOn = addDays(terms.frequency === 'monthly' ? addMonths(lastDue, 1) : addDays(lastDue, 7), 1);
  const ahead = instalmentStates(schedule, payments, endsOn, options);
  let defaultsOn = ahead.defaultedOn;
  const unpaidAtEnd = ahead.instalments.some((i) => i.paidOn === null || i.paidOn >= endsOn);
  if (unpaidAtEnd && (defaultsOn === null || endsOn < defaultsOn)) defaultsOn = endsOn;
  const paid = standing.instalments.every((i) => i.state === 'paid');
  const state = defaultsOn !== null && defaultsOn <= today ? 'defaulted' : paid ? 'completed' : 'active';
  return { standing, defaultsOn: state === 'completed' ? null : defaultsOn, state };
}

/** The outlook of a stored plan from its schedule and the case's payments counted toward it. */
export function planOutlook(sqlite: Sqlite, plan: PlanRecord, today: string): PlanOutlook {
  const payments = planPayments(sqlite, plan.caseId, plan.afterPaymentId).map((p) => ({ on: p.onDate, amountMinor: p.amountMinor }));
  return outlookOf(planSchedule(sqlite, plan.id), payments, today, { defaultAfterMissed: plan.defaultAfterMissed, frequency: plan.frequency });
}

/** What the plan is today: the stored state for ended plans, the live one for a plan still active or completed. */
export function liveState(plan: PlanRecord, outlook: PlanOutlook | null): PlanState {
  if (!outlook || (plan.state !== 'active' && plan.state !== 'completed')) return plan.state;
  return outlook.state;
}

/**
 * What the case's plan asks of the escalation queue: an active plan holds the case until the day it would default;
 * a defaulted one puts it in the queue from the day it defaulted. Only the newest plan counts.
 */
export function queuePlan(sqlite: Sqlite, caseId: number, today: string): { defaultsOn: string; active: boolean } | null {
  const plan = latestPlan(sqlite, caseId);
  if (!plan) return null;
  if (plan.state === 'defaulted') return plan.defaultedOn ? { defaultsOn: plan.defaultedOn, active: false } : null;
  if (plan.state !== 'active' && plan.state !== 'completed') return null;
  const o = planOutlook(sqlite, plan, today);
  return o.defaultsOn ? { defaultsOn: o.defaultsOn, active: o.state === 'active' } : null;
}
