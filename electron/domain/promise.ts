// Promises to pay: open, kept, partly kept or broken, decided from the payments recorded on the case and today's date.
import { addDays } from './dates';

export const PROMISE_STATES = ['open', 'kept', 'partly_kept', 'broken'] as const;
export type PromiseState = (typeof PROMISE_STATES)[number];

/**
 * Days after the due date that a payment still counts toward the promise, and before which the promise is still
 * open. 0: a promise due on the 10th is kept by a payment on the 10th and judged on the 11th. One constant (not a
 * setting yet) so an office that wants a grace day changes one number and the tests say what moves.
 */
export const PROMISE_GRACE_DAYS = 0;

export interface PromiseTerms {
  id: number;
  amountMinor: number;
  currency: string;
  /** The day the promise was made (Riyadh date): payments before it were not paid toward it. */
  madeOn: string;
  /** The instant it was made, when known: a payment earlier the same day was not paid toward it either. */
  madeAt?: string;
  dueOn: string;
}

/**
 * A payment on the case. Today: the log entries that record a payment (outcome 'paid'); the money issue feeds posted
 * payments in the same shape. A payment in another currency than the promise's is not counted toward it.
 */
export interface Payment {
  on: string;
  /** The instant, when known (compared with the promise's madeAt on the day it was made). */
  at?: string;
  amountMinor: number;
  currency?: string;
}

export interface PromiseStanding {
  id: number;
  state: PromiseState;
  /** What was paid toward this promise within its window (never more than its amount). */
  keptMinor: number;
}

/** The last day a payment counts and the promise is still open. */
export function promiseLastDay(dueOn: string, graceDays = PROMISE_GRACE_DAYS): string {
  return addDays(dueOn, graceDays);
}

/**
 * Each promise's state. Payments are taken in date order and each goes to the earliest-due promise it can count
 * toward (made on or before the payment, due on or after it, not yet fully paid); what is left over goes to the next
 * such promise, and what no promise can take is not a promise's. So with two promises, a payment pays the first
 * promise before the second.
 */
export function promiseStandings(promises: readonly PromiseTerms[], payments: readonly Payment[], today: string, graceDays = PROMISE_GRACE_DAYS): PromiseStanding[] {
  const order = [...promises].sort((a, b) => (a.dueOn === b.dueOn ? a.id - b.id : a.dueOn < b.dueOn ? -1 : 1));
  const kept = new Map<number, number>(order.map((p) => [p.id, 0]));
  const paid = [...payments].filter((p) => p.amountMinor > 0).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  for (const payment of paid) {
    let left = payment.amountMinor;
    for (const p of order) {
      if (left <= 0) break;
      if (payment.currency !== undefined && payment.currency !== p.currency) continue;
      if (!paidAfterPromise(payment, p) || payment.on > promiseLastDay(p.dueOn, graceDays)) continue;
      const so = kept.get(p.id) ?? 0;
      const take = Math.min(left, p.amountMinor - so);
      if (take <= 0) continue;
      kept.set(p.id, so + take);
      left -= take;
    }
  }
  return promises.map((p) => {
    const keptMinor = kept.get(p.id) ?? 0;
    return { id: p.id, keptMinor, state: stateOf(p, keptMinor, today, graceDays) };
  });
}

function paidAfterPromise(payment: Payment, p: PromiseTerms): boolean {
  if (payment.on !== p.madeOn) return payment.on > p.madeOn;
  return payment.at === undefined || p.madeAt === undefined || Date.parse(payment.at) >= Date.parse(p.madeAt);
}

function stateOf(p: PromiseTerms, keptMinor: number, today: string, graceDays: number): PromiseState {
  if (keptMinor >= p.amountMinor) return 'kept';
  if (today <= promiseLastDay(p.dueOn, graceDays)) return 'open';
  return keptMinor > 0 ? 'partly_kept' : 'broken';
}

/** A promise the queue waits for (open) or acts on (broken, partly kept); kept and cancelled ones do not count. */
export interface PendingPromise {
  dueOn: string;
  madeOn: string;
  state: PromiseState;
}

/**
 * The promise that holds the case's place in the escalation queue: of the promises not kept and made since the case
 * entered its stage (a stage move is the office's answer to an older broken promise), the one due last. The case
 * waits for it until the day after it falls due (plus grace), and then is in the queue with the reason.
 */
export function promiseHoldingQueue(
  pending: readonly PendingPromise[],
  stageEnteredOn: string,
  graceDays = PROMISE_GRACE_DAYS,
): { dueOn: string; returnsOn: string; state: PromiseState } | null {
  let chosen: PendingPromise | null = null;
  for (const p of pending) {
    if (p.state === 'kept' || p.madeOn < stageEnteredOn) continue;
    if (chosen === null || p.dueOn > chosen.dueOn) chosen = p;
  }
  return chosen ? { dueOn: chosen.dueOn, returnsOn: addDays(promiseLastDay(chosen.dueOn, graceDays), 1), state: chosen.state } : null;
}

/** Why a case is in the escalation queue when it is not (only) the ladder's next step. */
export type EscalationReason = 'promise_due' | 'hold_ended' | 'plan_defaulted' | 'settlement_overdue';
