// Settlements on a case, and the agreed discount the case carries (cases.discount_minor) while one is open or paid.
import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db, Sqlite } from '../open';
import { settlements } from '../schema/money';
import { cached } from './statements';

export type SettlementRecord = typeof settlements.$inferSelect;
export type SettlementInsert = typeof settlements.$inferInsert;

export function insertSettlement(db: Db, values: SettlementInsert): SettlementRecord {
  return db.insert(settlements).values(values).returning().get();
}

export function getSettlement(db: Db, id: number): SettlementRecord | undefined {
  return db.select().from(settlements).where(eq(settlements.id, id)).get();
}

/** Newest first. */
export function caseSettlements(db: Db, caseId: number): SettlementRecord[] {
  return db.select().from(settlements).where(eq(settlements.caseId, caseId)).orderBy(desc(settlements.id)).all();
}

export function openSettlement(db: Db, caseId: number): SettlementRecord | undefined {
  return db
    .select()
    .from(settlements)
    .where(and(eq(settlements.caseId, caseId), eq(settlements.state, 'open')))
    .get();
}

/** The settlement that stands on the case (open or paid; at most one: a new one needs a balance, a paid one leaves none). */
export function standingSettlement(db: Db, caseId: number): SettlementRecord | undefined {
  return db
    .select()
    .from(settlements)
    .where(and(eq(settlements.caseId, caseId), ne(settlements.state, 'broken')))
    .orderBy(desc(settlements.id))
    .get();
}

/** The agreed discount per component of every settlement that is not broken (what the balance takes off). */
export function standingDiscounts(sqlite: Sqlite, caseId: number): { costs: number; fees: number; principal: number; lateCharges: number } {
  return cached(
    sqlite,
    `SELECT coalesce(sum(discount_costs_minor), 0) AS costs, coalesce(sum(discount_fees_minor), 0) AS fees,
            coalesce(sum(discount_principal_minor), 0) AS principal, coalesce(sum(discount_late_minor), 0) AS lateCharges
       FROM settlements WHERE case_id = ? AND state <> 'broken'`,
  ).get(caseId) as { costs: number; fees: number; principal: number; lateCharges: number };
}

/**
 * The discount in force at an instant (for a receipt rendered later "as of" its payment): settlements agreed by then
 * and not broken by then (a broken settlement's row is last updated when it is broken).
 */
export function discountAt(sqlite: Sqlite, caseId: number, at: string): number {
  const row = cached(
    sqlite,
    `SELECT coalesce(sum(discount_costs_minor + discount_fees_minor + discount_principal_minor + discount_late_minor), 0) AS d
       FROM settlements WHERE case_id = ? AND created_at <= ? AND NOT (state = 'broken' AND updated_at <= ?)`,
  ).get(caseId, at, at) as { d: number };
  return row.d;
}

/** Move a settlement to another state (paid, open again after a reversal, broken); versioned. */
export function setSettlementState(
  db: Db,
  id: number,
  version: number,
  change: { state: 'open' | 'paid' | 'broken'; endedOn: string | null; brokenReason?: string; updatedAt: string },
): boolean {
  const r = db
    .update(settlements)
    .set({ ...change, version: version + 1 })
    .where(and(eq(settlements.id, id), eq(settlements.version, version), ne(settlements.state, 'broken')))
    .run();
  return r.changes === 1;
}

/** The deadline of the case's open settlement, if it has one (for the queue columns). */
export function openSettlementDeadline(sqlite: Sqlite, caseId: number): string | null {
  const row = cached(sqlite, "SELECT deadline FROM settlements WHERE case_id = ? AND state = 'open'").get(caseId) as { deadline: string | null } | undefined;
  return row?.deadline ?? null;
}

export function addDiscount(db: Db, caseId: number, deltaMinor: number, now: string): void {
  cached(db.$client, 'UPDATE cases SET discount_minor = discount_minor + ?, updated_at = ? WHERE id = ?').run(deltaMinor, now, caseId);
}
