// Instalment plans: the case's plans with each instalment's standing, a preview of a schedule, agree, renegotiate, cancel.
import type { CasePlans, PlanPreview, PlanRow } from '../../../contract/procedures/plans';
import type { FieldIssue } from '../../../contract/result';
import { todayIso } from '../../../domain/dates';
import { planSchedule, type InstalmentFrequency, type PlannedInstalment, type PlanProblem } from '../../../domain/instalments';
import { isClosedStatus, type CaseStatus } from '../../../domain/ladder';
import type { Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import type { Db } from '../../../../db/open';
import { getCase, type CaseRecord } from '../../../../db/queries/cases';
import { casePlans, endPlanVersioned, getPlan, insertPlan, lastPaymentId, latestPlan, planPayments, planSchedules, type PlanRecord } from '../../../../db/queries/plans';
import { userNames } from '../../../../db/queries/promises';
import { loadLadder } from '../cases/facts';
import { loadSettings } from '../office/settings';
import { caseBalance } from '../payments/handlers';
import { liveState, outlookOf } from './outlook';
import { refreshPlan } from './standing';

type PlanHandlers = Pick<Handlers, 'plans.forCase' | 'plans.preview' | 'plans.create' | 'plans.renegotiate' | 'plans.cancel'>;

interface Terms {
  totalMinor: number | null;
  count: number;
  frequency: InstalmentFrequency;
  firstDate: string;
  remainderOn: 'first' | 'last' | null;
}

function requireCase(db: Db, id: number): CaseRecord {
  const k = getCase(db, id);
  if (!k) throw new CoreError('not_found', 'No such case');
  return k;
}

function isClosed(k: CaseRecord): boolean {
  return k.stage === 'closed' || isClosedStatus(k.status as CaseStatus);
}

function requireOpenCase(db: Db, id: number): CaseRecord {
  const k = requireCase(db, id);
  if (isClosed(k)) throw new CoreError('cases.closed', 'The case is closed');
  return k;
}

/** Each problem of the plan rules on the field it belongs to, as a validation.* key the renderer translates. */
function issueOf(p: PlanProblem): FieldIssue {
  switch (p.code) {
    case 'total_not_whole':
    case 'total_not_positive':
      return { path: 'totalMinor', code: p.code, message: 'validation.amount_positive' };
    case 'total_below_count':
      return { path: 'totalMinor', code: p.code, message: 'validation.plan_total_below_count' };
    case 'count_out_of_range':
      return { path: 'count', code: p.code, message: 'validation.plan_count' };
    case 'frequency_invalid':
      return { path: 'frequency', code: p.code, message: 'validation.invalid' };
    case 'first_date_invalid':
      return { path: 'firstDate', code: p.code, message: 'validation.date' };
    case 'dates_out_of_range':
      return { path: 'firstDate', code: p.code, message: 'validation.plan_dates_range' };
    case 'weekend_invalid':
    case 'holiday_invalid':
      return { path: 'firstDate', code: p.code, message: 'validation.plan_calendar' };
  }
}

/** The schedule the terms give on this case today, or the problems on their fields. */
function scheduleFor(db: Db, balanceMinor: number, terms: Terms, today: string): { schedule: PlannedInstalment[]; totalMinor: number; remainderOn: 'first' | 'last'; problems: FieldIssue[]; overBalance: boolean } {
  const ladder = loadLadder(db);
  const remainderOn = terms.remainderOn ?? loadSettings(db).planRemainderOn;
  const totalMinor = terms.totalMinor ?? balanceMinor;
  const result = planSchedule({ totalMinor, count: terms.count, frequency: terms.frequency, firstDate: terms.firstDate, remainder: remainderOn, weekend: ladder.weekend, holidays: ladder.holidays });
  const problems = result.ok ? [] : result.problems.map(issueOf);
  // A plan starts from today: an instalment already past would be late the day it is agreed.
  if (!problems.some((p) => p.path === 'firstDate') && terms.firstDate < today) {
    problems.push({ path: 'firstDate', code: 'first_date_past', message: 'validation.plan_first_date_past' });
  }
  const overBalance = totalMinor > balanceMinor;
  return { schedule: result.ok ? result.schedule : [], totalMinor, remainderOn, problems, overBalance };
}

/** Checked terms for a write: bad terms are field problems, a total above the balance its own refusal. */
function checkedTerms(db: Db, k: CaseRecord, terms: Terms, today: string): { schedule: PlannedInstalment[]; totalMinor: number; remainderOn: 'first' | 'last' } {
  const { balanceMinor } = caseBalance(db, k);
  const s = scheduleFor(db, balanceMinor, terms, today);
  if (s.problems.length > 0) throw new CoreError('input.invalid', 'The plan does not stand', s.problems);
  if (s.overBalance) throw new CoreError('plans.over_balance', 'The plan is for more than the balance', { balanceMinor, currency: k.currency });
  return s;
}

function toRow(db: Db, plan: PlanRecord, schedule: PlannedInstalment[], today: string, createdByName: string): PlanRow {
  const sqlite = db.$client;
  // An ended plan is shown as it stood the day it ended; an active or defaulted one as of today.
  const ended = plan.state === 'renegotiated' || plan.state === 'cancelled' || plan.state === 'completed';
  const day = ended && plan.endedOn !== null && plan.endedOn < today ? plan.endedOn : today;
  const payments = planPayments(sqlite, plan.caseId, plan.afterPaymentId).map((p) => ({ on: p.onDate, amountMinor: p.amountMinor }));
  const o = outlookOf(schedule, payments, day, { defaultAfterMissed: plan.defaultAfterMissed, frequency: plan.frequency });
  const state = liveState(plan, o);
  const defaultsOn = plan.state === 'active' || plan.state === 'completed' ? o.defaultsOn : plan.defaultedOn;
  const standing = o.standing;
  return {
    id: plan.id,
    caseId: plan.caseId,
    totalMinor: plan.totalMinor,
    currency: plan.currency,
    count: plan.count,
    frequency: plan.frequency,
    firstDate: plan.firstDate,
    remainderOn: plan.remainderOn,
    defaultAfterMissed: plan.defaultAfterMissed,
    agreedOn: plan.agreedOn,
    state,
    defaultsOn,
    endedOn: state === 'defaulted' ? (plan.endedOn ?? defaultsOn) : plan.endedOn,
    missed: standing.missed,
    paidMinor: standing.instalments.reduce((sum, i) => sum + i.paidMinor, 0),
    unappliedMinor: standing.unappliedMinor,
    replacesPlanId: plan.replacesPlanId,
    reason: plan.reason,
    notes: plan.notes,
    createdByName,
    createdAt: plan.createdAt,
    version: plan.version,
    instalments: standing.instalments.map((i) => ({ n: i.n, dueOn: i.dueOn, amountMinor: i.amountMinor, paidMinor: i.paidMinor, paidOn: i.paidOn, state: i.state })),
  };
}

function planRows(db: Db, plans: PlanRecord[], today: string): PlanRow[] {
  const schedules = planSchedules(
    db,
    plans.map((p) => p.id),
  );
  const names = userNames(
    db,
    plans.map((p) => p.createdBy),
  );
  return plans.map((p) => toRow(db, p, schedules.get(p.id) ?? [], today, names.get(p.createdBy ?? '') ?? ''));
}

function planRow(db: Db, id: number, today: string): PlanRow {
  const p = getPlan(db, id);
  if (!p) throw new CoreError('not_found', 'No such plan');
  const [row] = planRows(db, [p], today);
  if (!row) throw new CoreError('not_found', 'No such plan');
  return row;
}

function casePlansView(db: Db, k: CaseRecord, today: string): CasePlans {
  const rows = planRows(db, casePlans(db, k.id), today);
  const newest = rows[0];
  const current = newest && (newest.state === 'active' || newest.state === 'defaulted') ? newest : null;
  const settings = loadSettings(db);
  return {
    current,
    history: rows.filter((r) => r !== current),
    currency: k.currency,
    balanceMinor: caseBalance(db, k).balanceMinor,
    closed: isClosed(k),
    defaultAfterMissed: settings.planDefaultAfterMissed,
    remainderOn: settings.planRemainderOn,
  };
}

function auditTerms(p: PlanRecord, schedule: PlannedInstalment[]): Record<string, unknown> {
  return {
    caseId: p.caseId,
    totalMinor: p.totalMinor,
    currency: p.currency,
    count: p.count,
    frequency: p.frequency,
    firstDate: p.firstDate,
    remainderOn: p.remainderOn,
    defaultAfterMissed: p.defaultAfterMissed,
    afterPaymentId: p.afterPaymentId,
    replacesPlanId: p.replacesPlanId,
    schedule: schedule.map((i) => [i.dueOn, i.amountMinor]),
  };
}

/** The case's plan that a person changes: the newest, refreshed first so a default reached today is on the row. */
function currentPlan(db: Db, planId: number, version: number, today: string, now: string, allowed: readonly PlanRecord['state'][]): { plan: PlanRecord; k: CaseRecord } {
  const found = getPlan(db, planId);
  if (!found) throw new CoreError('not_found', 'No such plan');
  const k = requireOpenCase(db, found.caseId);
  refreshPlan(db, k.id, today, now);
  const plan = getPlan(db, planId) ?? found;
  if (plan.version !== version) throw new CoreError('conflict.stale', 'The plan was changed by someone else', casePlansView(db, k, today));
  if (latestPlan(db.$client, k.id)?.id !== plan.id || !allowed.includes(plan.state)) {
    throw new CoreError('plans.not_current', 'This plan is no longer the one the case follows', { state: plan.state });
  }
  return { plan, k };
}

export const planHandlers: PlanHandlers = {
  'plans.forCase': (ctx, input) => {
    const db = ctx.db();
    return casePlansView(db, requireCase(db, input.caseId), todayIso(ctx.core.now()));
  },

  'plans.preview': (ctx, input) => {
    const db = ctx.db();
    const k = requireCase(db, input.caseId);
    const today = todayIso(ctx.core.now());
    const { balanceMinor } = caseBalance(db, k);
    const s = scheduleFor(db, balanceMinor, input, today);
    const problems = s.overBalance ? [...s.problems, { path: 'totalMinor', code: 'over_balance', message: 'validation.plan_over_balance' }] : s.problems;
    return { schedule: s.schedule, totalMinor: s.totalMinor, problems } satisfies PlanPreview;
  },

  'plans.create': (ctx, input) => {
    const today = todayIso(ctx.core.now());
    const now = ctx.core.now().toISOString();
    return ctx.write((db) => {
      const k = requireOpenCase(db, input.caseId);
      if (input.currency !== k.currency) throw new CoreError('plans.currency', 'The plan is not in the case currency', { caseCurrency: k.currency });
      refreshPlan(db, k.id, today, now);
      if (latestPlan(db.$client, k.id)?.state === 'active') throw new CoreError('plans.active_exists', 'The case already has an active plan');
      const terms = checkedTerms(db, k, input, today);
      const plan = insertPlan(
        db,
        {
          caseId: k.id,
          totalMinor: terms.totalMinor,
          currency: k.currency,
          count: input.count,
          frequency: input.frequency,
          firstDate: input.firstDate,
          remainderOn: terms.remainderOn,
          defaultAfterMissed: loadSettings(db).planDefaultAfterMissed,
          afterPaymentId: lastPaymentId(db.$client, k.id),
          agreedOn: today,
          notes: input.notes,
          createdBy: ctx.user?.id ?? null,
          createdAt: now,
          updatedAt: now,
        },
        terms.schedule,
      );
      refreshPlan(db, k.id, today, now);
      return { result: planRow(db, plan.id, today), audit: { entity: 'payment_plan', entityId: String(plan.id), after: auditTerms(plan, terms.schedule) } };
    });
  },

  'plans.renegotiate': (ctx, input) => {
    const today = todayIso(ctx.core.now());
    const now = ctx.core.now().toISOString();
    return ctx.write((db) => {
      const { plan: old, k } = currentPlan(db, input.planId, input.version, today, now, ['active', 'defaulted']);
      if (input.currency !== k.currency) throw new CoreError('plans.currency', 'The plan is not in the case currency', { caseCurrency: k.currency });
      const terms = checkedTerms(db, k, input, today);
      if (!endPlanVersioned(db, old.id, old.version, ['active', 'defaulted'], { state: 'renegotiated', endedOn: today, reason: input.reason, updatedAt: now })) {
        throw new CoreError('conflict.stale', 'The plan was changed by someone else', casePlansView(db, k, today));
      }
      const plan = insertPlan(
        db,
        {
          caseId: k.id,
          totalMinor: terms.totalMinor,
          currency: k.currency,
          count: input.count,
          frequency: input.frequency,
          firstDate: input.firstDate,
          remainderOn: terms.remainderOn,
          defaultAfterMissed: loadSettings(db).planDefaultAfterMissed,
          afterPaymentId: lastPaymentId(db.$client, k.id),
          agreedOn: today,
          replacesPlanId: old.id,
          notes: input.notes,
          createdBy: ctx.user?.id ?? null,
          createdAt: now,
          updatedAt: now,
        },
        terms.schedule,
      );
      refreshPlan(db, k.id, today, now);
      return {
        result: planRow(db, plan.id, today),
        audit: [
          { entity: 'payment_plan', entityId: String(old.id), before: { state: old.state }, after: { state: 'renegotiated', reason: input.reason, replacedBy: plan.id } },
          { entity: 'payment_plan', entityId: String(plan.id), after: auditTerms(plan, terms.schedule) },
        ],
      };
    });
  },

  'plans.cancel': (ctx, input) => {
    const today = todayIso(ctx.core.now());
    const now = ctx.core.now().toISOString();
    return ctx.write((db) => {
      const { plan, k } = currentPlan(db, input.planId, input.version, today, now, ['active']);
      if (!endPlanVersioned(db, plan.id, plan.version, ['active'], { state: 'cancelled', endedOn: today, reason: input.reason, updatedAt: now })) {
        throw new CoreError('conflict.stale', 'The plan was changed by someone else', casePlansView(db, k, today));
      }
      refreshPlan(db, k.id, today, now);
      return {
        result: planRow(db, plan.id, today),
        audit: { entity: 'payment_plan', entityId: String(plan.id), before: { state: plan.state }, after: { state: 'cancelled', reason: input.reason } },
      };
    });
  },
};
