// A case's promises as they stand today, kept in step on the stored rows and in the case's place in the queue.
import { localDateTime } from '../../../domain/dates';
import { promiseHoldingQueue, promiseStandings, type Payment, type PromiseStanding, type PromiseTerms } from '../../../domain/promise';
import type { Db } from '../../../../db/open';
import { getCase, setDerivedColumns, type CaseRecord } from '../../../../db/queries/cases';
import { casePromises, openFlags, setPromiseStanding, type PromiseRecord } from '../../../../db/queries/promises';
import { standingPayments } from '../../../../db/queries/payments';
import type { LadderConfig } from '../../../domain/ladder';
import { escalationColumns, factsOf, loadLadder, type EscalationColumns, type QueuePending } from '../cases/facts';
import { queuePlan } from '../plans/outlook';
import { openSettlementDeadline } from '../../../../db/queries/settlements';

/** The Riyadh date of a stored instant (created_at, occurred_at). */
export function riyadhDate(instant: string): string {
  return localDateTime(instant).date;
}

/**
 * The payments posted on the case that stand: a reversed payment and its reversal both drop out (a bounced cheque
 * kept no promise). The log's 'paid' outcome is informational only.
 */
export function casePayments(db: Db, caseId: number): Payment[] {
  return standingPayments(db.$client, caseId).map((p) => ({ on: p.onDate, at: p.createdAt, amountMinor: p.amountMinor }));
}

export function termsOf(p: PromiseRecord): PromiseTerms {
  return { id: p.id, amountMinor: p.amountMinor, currency: p.currency, madeOn: riyadhDate(p.createdAt), madeAt: p.createdAt, dueOn: p.dueOn };
}

/** Every promise of the case (cancelled ones keep their stored state) with its live standing. */
export function liveStandings(db: Db, caseId: number, today: string): { record: PromiseRecord; standing: PromiseStanding }[] {
  const all = casePromises(db, caseId);
  const live = all.filter((p) => p.cancelledAt === null);
  const byId = new Map(promiseStandings(live.map(termsOf), casePayments(db, caseId), today).map((s) => [s.id, s]));
  return all.map((record) => ({
    record,
    standing: byId.get(record.id) ?? { id: record.id, state: record.state as PromiseStanding['state'], keptMinor: record.keptMinor },
  }));
}

/** What the queue computation needs of the case: its uncancelled promises as they stand, its open flags, its plan and its open settlement's deadline. */
export function queuePending(db: Db, caseId: number, today: string): QueuePending {
  const promises = liveStandings(db, caseId, today)
    .filter((p) => p.record.cancelledAt === null)
    .map((p) => ({ dueOn: p.record.dueOn, madeOn: riyadhDate(p.record.createdAt), state: p.standing.state }));
  const flags = openFlags(db, caseId).map((f) => ({ kind: f.kind, untilOn: f.untilOn }));
  return { promises, flags, plan: queuePlan(db.$client, caseId, today), settlementDeadline: openSettlementDeadline(db.$client, caseId) };
}

/** The queue columns of a stored case, with its promises and flags. Every write that moves a case calls this. */
export function caseEscalation(db: Db, k: CaseRecord, today: string, ladder: LadderConfig): EscalationColumns {
  return escalationColumns(factsOf(k), today, ladder, queuePending(db, k.id, today));
}

/**
 * Bring the stored promise states and the case's queue place in step with the payments recorded on it. Call it in
 * the same transaction as any write that records a payment (the communication log does, on every 'paid' entry and
 * its corrections), creates or cancels a promise. Returns the promises whose stored state or kept amount changed.
 */
export function refreshPromises(db: Db, caseId: number, today: string): { id: number; state: string; keptMinor: number; before: string }[] {
  const changed: { id: number; state: string; keptMinor: number; before: string }[] = [];
  for (const { record, standing } of liveStandings(db, caseId, today)) {
    if (record.cancelledAt !== null) continue;
    if (record.state === standing.state && record.keptMinor === standing.keptMinor) continue;
    setPromiseStanding(db, record.id, standing.state, standing.keptMinor);
    changed.push({ id: record.id, state: standing.state, keptMinor: standing.keptMinor, before: record.state });
  }
  const k = getCase(db, caseId);
  if (k) setDerivedColumns(db, caseId, caseEscalation(db, k, today, loadLadder(db)));
  return changed;
}

/** The state, today, of the promise that holds the case's place in the queue (null when none does). */
export function holdingPromiseState(db: Db, caseId: number, today: string): PromiseStanding['state'] | null {
  const k = getCase(db, caseId);
  return k ? (promiseHoldingQueue(queuePending(db, caseId, today).promises, k.stageEnteredOn)?.state ?? null) : null;
}
