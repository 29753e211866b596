// Instalment plans (تقسيط): the plan rows, their fixed schedules, and the payments a plan counts.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db, Sqlite } from '../open';
import { paymentPlans, planInstalments } from '../schema/money';
import { cached } from './statements';

export type PlanRecord = typeof paymentPlans.$inferSelect;
export type PlanInsert = typeof paymentPlans.$inferInsert;
export type PlanInstalmentRecord = typeof planInstalments.$inferSelect;
export type PlanState = PlanRecord['state'];

export function insertPlan(db: Db, values: PlanInsert, schedule: readonly { n: number; dueOn: string; amountMinor: number }[]): PlanRecord {
  const plan = db.insert(paymentPlans).values(values).returning().get();
  const insert = cached(db.$client, 'INSERT INTO plan_instalments (plan_id, n, due_on, amount_minor) VALUES (?, ?, ?, ?)');
  for (const i of schedule) insert.run(plan.id, i.n, i.dueOn, i.amountMinor);
  return plan;
}

export function getPlan(db: Db, id: number): PlanRecord | undefined {
  return db.select().from(paymentPlans).where(eq(paymentPlans.id, id)).get();
}

/** Every plan of the case, newest first. */
export function casePlans(db: Db, caseId: number): PlanRecord[] {
  return db.select().from(paymentPlans).where(eq(paymentPlans.caseId, caseId)).orderBy(desc(paymentPlans.id)).all();
}

/** The case's newest plan (the one that can be active, or the last to end). */
export function latestPlan(sqlite: Sqlite, caseId: number): PlanRecord | undefined {
  return cached(
    sqlite,
    `SELECT id, case_id AS caseId, total_minor AS totalMinor, currency, count, frequency, first_date AS firstDate,
            remainder_on AS remainderOn, default_after_missed AS defaultAfterMissed, after_payment_id AS afterPaymentId,
            agreed_on AS agreedOn, state, defaulted_on AS defaultedOn, ended_on AS endedOn, replaces_plan_id AS replacesPlanId,
            reason, notes, created_by AS createdBy, created_at AS createdAt, updated_at AS updatedAt, version
       FROM payment_plans WHERE case_id = ? ORDER BY id DESC LIMIT 1`,
  ).get(caseId) as PlanRecord | undefined;
}

/** The schedules of the given plans, each in instalment order. */
export function planSchedules(db: Db, planIds: readonly number[]): Map<number, PlanInstalmentRecord[]> {
  const out = new Map<number, PlanInstalmentRecord[]>(planIds.map((id) => [id, []]));
  if (planIds.length === 0) return out;
  const rows = db
    .select()
    .from(planInstalments)
    .where(inArray(planInstalments.planId, [...planIds]))
    .orderBy(asc(planInstalments.planId), asc(planInstalments.n))
    .all();
  for (const r of rows) out.get(r.planId)?.push(r);
  return out;
}

export function planSchedule(sqlite: Sqlite, planId: number): { n: number; dueOn: string; amountMinor: number }[] {
  return cached(sqlite, 'SELECT n, due_on AS dueOn, amount_minor AS amountMinor FROM plan_instalments WHERE plan_id = ? ORDER BY n').all(planId) as {
    n: number;
    dueOn: string;
    amountMinor: number;
  }[];
}

/**
 * The payments a plan counts: the case's payment rows posted after it was agreed (id above `afterPaymentId`), with a
 * reversed payment and its reversal both left out (a bounced cheque paid no instalment).
 */
export function planPayments(sqlite: Sqlite, caseId: number, afterPaymentId: number): { id: number; onDate: string; amountMinor: number }[] {
  // The unary `+` keeps the planner on payments_case: payments_reverses (reverses_id IS NULL) holds every payment.
  return cached(
    sqlite,
    `SELECT p.id, p.on_date AS onDate, p.amount_minor AS amountMinor FROM payments p
      WHERE p.case_id = ? AND p.id > ? AND +p.reverses_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id)
      ORDER BY p.on_date, p.id`,
  ).all(caseId, afterPaymentId) as { id: number; onDate: string; amountMinor: number }[];
}

/** The newest payment row of the case (0 when none): a plan agreed now counts only the rows after it. */
export function lastPaymentId(sqlite: Sqlite, caseId: number): number {
  const row = cached(sqlite, 'SELECT coalesce(max(id), 0) AS id FROM payments WHERE case_id = ?').get(caseId) as { id: number };
  return row.id;
}

/** A person's change (renegotiate, cancel): only from the version they saw and while the plan is in one of `from`. */
export function endPlanVersioned(
  db: Db,
  id: number,
  version: number,
  from: readonly PlanState[],
  values: { state: PlanState; endedOn: string; reason: string; updatedAt: string },
): boolean {
  return (
    db
      .update(paymentPlans)
      .set({ ...values, version: version + 1 })
      .where(and(eq(paymentPlans.id, id), eq(paymentPlans.version, version), inArray(paymentPlans.state, [...from])))
      .run().changes === 1
  );
}

/** The stored state follows the payments and the calendar; not a person's edit, so no version bump. */
export function setPlanStanding(db: Db, id: number, values: { state: PlanState; defaultedOn: string | null; endedOn: string | null; updatedAt: string }): void {
  cached(db.$client, 'UPDATE payment_plans SET state = ?, defaulted_on = ?, ended_on = ?, updated_at = ? WHERE id = ?').run(
    values.state,
    values.defaultedOn,
    values.endedOn,
    values.updatedAt,
    id,
  );
}
