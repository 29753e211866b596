// Keep the stored state of the case's plan (completed, defaulted) and its place in the queue in step with the payments.
import type { Db } from '../../../../db/open';
import { getCase, setDerivedColumns } from '../../../../db/queries/cases';
import { latestPlan, setPlanStanding } from '../../../../db/queries/plans';
import { loadLadder } from '../cases/facts';
import { caseEscalation } from '../promises/standing';
import { planOutlook } from './outlook';

export interface PlanChange {
  id: number;
  before: string;
  state: string;
  defaultedOn: string | null;
}

/**
 * Bring the case's newest plan's stored state in step with the payments counted toward it: 'completed' when every
 * instalment is paid, 'defaulted' (with the day) once it defaults, back to 'active' when a reversal undoes a completion;
 * then the case's queue columns. Call it in the same transaction as a payment's post or reversal and every plan write.
 * Returns the change of state, if any, for the audit entry.
 */
export function refreshPlan(db: Db, caseId: number, today: string, now: string = new Date().toISOString()): PlanChange | null {
  const sqlite = db.$client;
  const plan = latestPlan(sqlite, caseId);
  let change: PlanChange | null = null;
  if (plan && (plan.state === 'active' || plan.state === 'completed')) {
    const o = planOutlook(sqlite, plan, today);
    const defaultedOn = o.state === 'defaulted' ? o.defaultsOn : null;
    const paidOn = o.standing.instalments.reduce<string | null>((last, i) => (i.paidOn !== null && (last === null || i.paidOn > last) ? i.paidOn : last), null);
    const endedOn = o.state === 'defaulted' ? defaultedOn : o.state === 'completed' ? paidOn : null;
    if (o.state !== plan.state || defaultedOn !== plan.defaultedOn || endedOn !== plan.endedOn) {
      setPlanStanding(db, plan.id, { state: o.state, defaultedOn, endedOn, updatedAt: now });
      change = { id: plan.id, before: plan.state, state: o.state, defaultedOn };
    }
  }
  const k = getCase(db, caseId);
  if (k) setDerivedColumns(db, caseId, caseEscalation(db, k, today, loadLadder(db)));
  return change;
}
