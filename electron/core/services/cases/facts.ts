// From a case row to what the ladder reasons about, and the office's ladder configuration.
import { DEFAULT_LADDER, escalationDue, isClosedStatus, isLadderConfig, type CaseFacts, type CaseStatus, type InstrumentType, type LadderConfig, type Stage } from '../../../domain/ladder';
import { promiseHoldingQueue, type EscalationReason, type PendingPromise } from '../../../domain/promise';
import { addDays } from '../../../domain/dates';
import type { Db } from '../../../../db/open';
import { readSettings } from '../../../../db/queries/office';
import type { CaseRecord } from '../../../../db/queries/cases';

/** The ladder the office configured (settings key `ladder`), or DOMAIN.md's defaults. */
export function loadLadder(db: Db): LadderConfig {
  const stored = readSettings(db).ladder;
  return isLadderConfig(stored) ? stored : DEFAULT_LADDER;
}

export function factsOf(k: Pick<CaseRecord, 'stage' | 'status' | 'instrumentType' | 'openedOn' | 'stageEnteredOn' | 'dueDate' | 'noticeDeliveredOn' | 'demandDeliveredOn' | 'noteRegistered' | 'instrumentIssuedOn' | 'hasJudgment'>): CaseFacts {
  return {
    stage: k.stage as Stage,
    status: k.status as CaseStatus,
    instrumentType: k.instrumentType as InstrumentType,
    openedOn: k.openedOn,
    stageEnteredOn: k.stageEnteredOn,
    dueDate: k.dueDate,
    noticeDeliveredOn: k.noticeDeliveredOn,
    demandDeliveredOn: k.demandDeliveredOn,
    noteRegistered: k.noteRegistered,
    instrumentIssuedOn: k.instrumentIssuedOn,
    hasJudgment: k.hasJudgment,
  };
}

export interface EscalationColumns {
  escalationNextStage: string | null;
  escalationDueOn: string | null;
  escalationReason: EscalationReason | null;
}

/** What besides the ladder moves a case in the queue: its promises to pay (not cancelled) and its open flags. */
export interface QueuePending {
  promises: readonly PendingPromise[];
  flags: readonly { kind: 'dispute' | 'hold'; untilOn: string | null }[];
  /** The newest instalment plan: active (holds the case until `defaultsOn`) or defaulted on `defaultsOn`. */
  plan?: { defaultsOn: string; active: boolean } | null;
  /** The deadline of the case's open settlement (null: no open settlement, or one without a deadline). */
  settlementDeadline?: string | null;
}
export const NOTHING_PENDING: QueuePending = { promises: [], flags: [] };
const OUT_OF_QUEUE: EscalationColumns = { escalationNextStage: null, escalationDueOn: null, escalationReason: null };

/**
 * The queue columns stored on the case, so the escalation queue is an index range. An open dispute takes the case
 * out; an open hold too, until its date if it has one (then it returns with 'hold_ended'). A promise not kept holds
 * the case until the day after it falls due, whatever the ladder's date, and then the case is in the queue with
 * 'promise_due' (the queue tells broken from partly kept at read); a kept promise leaves the ladder's own step.
 * An active instalment plan holds the case until the day it would default given the payments so far, then it is in
 * the queue with 'plan_defaulted' (until a stage move answers it); with a promise too, the later of the two decides.
 */
export function escalationColumns(facts: CaseFacts, today: string, ladder: LadderConfig, pending: QueuePending = NOTHING_PENDING): EscalationColumns {
  if (facts.stage === 'closed' || isClosedStatus(facts.status)) return OUT_OF_QUEUE;
  if (pending.flags.some((f) => f.kind === 'dispute')) return OUT_OF_QUEUE;
  const hold = pending.flags.find((f) => f.kind === 'hold');
  if (hold) {
    if (hold.untilOn === null) return OUT_OF_QUEUE;
    const next = escalationDue({ ...facts, status: 'active' }, today, ladder).nextStage;
    return { escalationNextStage: next, escalationDueOn: hold.untilOn, escalationReason: 'hold_ended' };
  }
  if (facts.status !== 'active') return OUT_OF_QUEUE;
  const e = escalationDue(facts, today, ladder);
  const promise = promiseHoldingQueue(pending.promises, facts.stageEnteredOn);
  const plan = pending.plan && (pending.plan.active || pending.plan.defaultsOn > facts.stageEnteredOn) ? pending.plan : null;
  // An open settlement with a deadline holds the case until the day after it, then it is back with 'settlement_overdue'
  // (without a deadline the ladder goes on); with a plan or a promise too, the latest date decides.
  const settled = pending.settlementDeadline ? addDays(pending.settlementDeadline, 1) : null;
  if (settled && (!plan || settled >= plan.defaultsOn) && (!promise || settled >= promise.returnsOn)) {
    return { escalationNextStage: e.nextStage, escalationDueOn: settled, escalationReason: 'settlement_overdue' };
  }
  if (plan && (!promise || plan.defaultsOn >= promise.returnsOn)) {
    return { escalationNextStage: e.nextStage, escalationDueOn: plan.defaultsOn, escalationReason: 'plan_defaulted' };
  }
  if (promise) return { escalationNextStage: e.nextStage, escalationDueOn: promise.returnsOn, escalationReason: 'promise_due' };
  return e.nextStage && e.dueOn ? { escalationNextStage: e.nextStage, escalationDueOn: e.dueOn, escalationReason: null } : OUT_OF_QUEUE;
}
