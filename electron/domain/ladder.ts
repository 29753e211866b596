// The stage ladder of a collection case: the route its instrument takes, the moves offered, the guards on a move, and when escalation falls due.
import { addDays, diffDays } from './dates';
import {
  type CaseFacts,
  DEFAULT_LADDER,
  type GuardCode,
  type GuardFailure,
  type LadderConfig,
  type Stage,
  BLOCKING_STATUSES,
  isClosedStatus,
  isExecutiveInstrument,
  isOverridableGuard,
  ladderStage,
} from './ladder-config';
import { earliestAfterDemandDate, earliestFilingDate, unregisteredNote } from './ladder-periods';

export * from './ladder-config';
export * from './ladder-periods';

function fail(code: GuardCode, params: Record<string, string | number> = {}): GuardFailure {
  return { code, overridable: isOverridableGuard(code), params };
}

function ladderOrder(config: LadderConfig): Stage[] {
  return config.stages.map((s) => s.stage);
}

function indexOf(stage: Stage, config: LadderConfig): number {
  const i = ladderOrder(config).indexOf(stage);
  if (i < 0) throw new RangeError(`Ladder configuration has no stage "${stage}"`);
  return i;
}

/**
 * The path a case takes, 'closed' last. Invoice, contract and loan claims need a judgment: every stage in ladder order.
 * Executive instruments go from demand straight to enforcement, so their route leaves litigation out (it stays
 * reachable from demand as a fallback: see nextStages).
 */
export function routeOf(facts: Pick<CaseFacts, 'instrumentType'>, config: LadderConfig = DEFAULT_LADDER): Stage[] {
  const order = ladderOrder(config);
  return isExecutiveInstrument(facts.instrumentType) ? order.filter((s) => s !== 'litigation') : order;
}

/**
 * Forward steps from the case's stage, primary first, without 'closed'. One step at a time along the ladder; at demand
 * an executive instrument offers enforcement first and litigation second (an ordinary claim remains possible, e.g. when
 * a note lost its executive force or the debtor contests it). From litigation the next step is enforcement whatever the
 * instrument.
 */
function forwardSteps(facts: Pick<CaseFacts, 'stage' | 'instrumentType'>, config: LadderConfig): Stage[] {
  if (facts.stage === 'closed') return [];
  const next = ladderOrder(config)[indexOf(facts.stage, config) + 1];
  if (next === undefined || next === 'closed') return [];
  // The configuration fixes demand → litigation → enforcement, so the next stage is litigation only at demand.
  if (next === 'litigation' && isExecutiveInstrument(facts.instrumentType)) return ['enforcement', 'litigation'];
  return [next];
}

/**
 * Moves the ladder offers now: the forward steps (primary first) and 'closed', which is reachable from any open stage.
 * A case with a closed status offers only 'closed' (to bring the stage in line); a closed case offers nothing.
 * Status on_hold/disputed does not remove the offers: checkMove reports status_blocks, which a partner may override.
 * Backward moves are in correctionStages.
 */
export function nextStages(facts: CaseFacts, config: LadderConfig = DEFAULT_LADDER): Stage[] {
  if (facts.stage === 'closed') return [];
  if (isClosedStatus(facts.status)) return ['closed'];
  return [...forwardSteps(facts, config), 'closed'];
}

/**
 * Backward moves, offered only as explicit corrections (recorded with a reason like any move): every earlier stage of
 * the ladder, in ladder order. From 'closed' this is the reopening, allowed only once the status is no longer a closed
 * one — reopening is two recorded acts: the status change (e.g. a bounced payment), then this move.
 */
export function correctionStages(facts: CaseFacts, config: LadderConfig = DEFAULT_LADDER): Stage[] {
  if (isClosedStatus(facts.status)) return [];
  return ladderOrder(config).slice(0, indexOf(facts.stage, config));
}

function noticeGuards(facts: CaseFacts, today: string, config: LadderConfig): GuardFailure[] {
  const { days, unit } = config.preFilingNotice;
  const earliest = earliestFilingDate(facts, config);
  if (facts.noticeDeliveredOn === null || earliest === null) return [fail('notice_missing', { days, unit })];
  if (diffDays(today, earliest) > 0) return [fail('notice_wait', { earliest, delivered: facts.noticeDeliveredOn, days, unit })];
  return [];
}

function demandGuards(facts: CaseFacts, today: string, config: LadderConfig): GuardFailure[] {
  const { days, unit } = config.performanceOrderDemand;
  const earliest = earliestAfterDemandDate(facts, config);
  if (facts.demandDeliveredOn === null || earliest === null) return [fail('demand_missing', { days, unit })];
  if (diffDays(today, earliest) > 0) return [fail('demand_wait', { earliest, delivered: facts.demandDeliveredOn, days, unit })];
  return [];
}

function noteGuards(facts: CaseFacts, today: string, config: LadderConfig): GuardFailure[] {
  const note = unregisteredNote(facts, today, config);
  if (note === null || note.enforceableToday) return [];
  const params: Record<string, string | number> = {
    reason: note.issuedBeforeCutoff ? 'transition_ended' : facts.instrumentIssuedOn === null ? 'issue_date_unknown' : 'issued_after_cutoff',
    cutoff: config.noteRegistrationCutoff,
    issuedOn: facts.instrumentIssuedOn ?? '',
  };
  if (note.transitionEndsOn !== null) params.transitionEndsOn = note.transitionEndsOn;
  return [fail('note_unregistered', params)];
}

/** Guards of a move into enforcement: after litigation it needs the judgment; straight from a pre-legal stage or demand, an executive instrument, the demand and its wait, and a registered (or transitional) note. */
function enforcementGuards(facts: CaseFacts, today: string, config: LadderConfig): GuardFailure[] {
  if (indexOf(facts.stage, config) >= indexOf('litigation', config)) {
    return facts.hasJudgment ? [] : [fail('judgment_missing', { from: facts.stage })];
  }
  const failures: GuardFailure[] = [];
  if (!isExecutiveInstrument(facts.instrumentType)) failures.push(fail('not_executive', { instrumentType: facts.instrumentType }));
  failures.push(...demandGuards(facts, today, config), ...noteGuards(facts, today, config));
  return failures;
}

/**
 * Why a move from the case's stage to `to` may not be made today; empty = allowed. Every failure is overridable by a
 * partner with a reason except case_closed and same_stage. Order of the rules:
 * 1. to = the current stage → same_stage (nothing else is checked).
 * 2. A closed status (settled, closed_*, withdrawn) allows only the move to 'closed'; anything else → case_closed.
 * 3. Backward moves are corrections (see correctionStages), including reopening from 'closed': no further guards.
 * 4. 'closed' is reachable from any open stage, whatever the status: closing is never an escalation.
 * 5. Forward moves: status on_hold/disputed → status_blocks; a step other than those nextStages offers → not_next_step;
 *    litigation needs the pre-filing notice delivered and its period run (notice_missing / notice_wait); enforcement
 *    see enforcementGuards (judgment_missing, not_executive, demand_missing / demand_wait, note_unregistered).
 */
export function checkMove(facts: CaseFacts, to: Stage, today: string, config: LadderConfig = DEFAULT_LADDER): GuardFailure[] {
  if (to === facts.stage) return [fail('same_stage', { stage: to })];
  if (isClosedStatus(facts.status)) return to === 'closed' ? [] : [fail('case_closed', { stage: facts.stage, status: facts.status })];
  if (indexOf(to, config) < indexOf(facts.stage, config) || to === 'closed') return [];

  const failures: GuardFailure[] = [];
  if (BLOCKING_STATUSES.includes(facts.status)) failures.push(fail('status_blocks', { status: facts.status }));
  const steps = forwardSteps(facts, config);
  if (!steps.includes(to)) failures.push(fail('not_next_step', { from: facts.stage, to, next: steps[0] ?? '' }));
  if (to === 'litigation') failures.push(...noticeGuards(facts, today, config));
  if (to === 'enforcement') failures.push(...enforcementGuards(facts, today, config));
  return failures;
}

export interface EscalationDue {
  due: boolean;
  /** The step the ladder proposes next; null when nothing is proposed. */
  nextStage: Stage | null;
  /** When the step falls (or fell) due; null when it cannot be scheduled. */
  dueOn: string | null;
  /** What set dueOn: the ladder's day offset, or a statutory wait that ends later. */
  reason: 'ladder_offset' | 'wait_elapsed' | null;
}

const NOT_DUE: EscalationDue = { due: false, nextStage: null, dueOn: null, reason: null };

function waitEndFor(facts: CaseFacts, next: Stage, config: LadderConfig): string | null {
  if (next === 'litigation') return earliestFilingDate(facts, config);
  if (next === 'enforcement') return earliestAfterDemandDate(facts, config);
  return null;
}

/**
 * Whether the ladder proposes escalating the case today. Never for a status other than 'active' (on hold, disputed,
 * closed), a closed stage, or a payment plan in good standing; the last stage before 'closed' has nothing to propose.
 * - The step proposed is the primary forward step; at demand, an unregistered note the Enforcement Court would refuse
 *   today is proposed for litigation instead.
 * - dueOn = openedOn + the step's dayOffset ('ladder_offset'), or — when the step waits on a delivered notice or demand
 *   and that wait ends later — the end of the wait ('wait_elapsed'), so the app never proposes a move the wait forbids.
 * - A notice or demand not yet delivered does not postpone the step: it falls due at its offset and checkMove tells the
 *   user to deliver it (notice_missing / demand_missing) — that is the office's next action.
 * - Enforcement after litigation waits on the court: no due date until a judgment is recorded.
 */
export function escalationDue(facts: CaseFacts, today: string, config: LadderConfig = DEFAULT_LADDER): EscalationDue {
  if (facts.status !== 'active' || facts.stage === 'closed' || facts.hasActivePaymentPlan === true) return NOT_DUE;
  const steps = forwardSteps(facts, config);
  let next = steps[0];
  if (next === undefined) return NOT_DUE;
  if (next === 'enforcement' && steps.includes('litigation') && unregisteredNote(facts, today, config)?.enforceableToday === false) {
    next = 'litigation';
  }
  if (next === 'enforcement' && facts.stage === 'litigation' && !facts.hasJudgment) return { ...NOT_DUE, nextStage: next };

  const offsetOn = addDays(facts.openedOn, ladderStage(next, config).dayOffset);
  // From litigation, enforcement rests on the judgment, not on the demand's wait.
  const waitEnd = facts.stage === 'litigation' ? null : waitEndFor(facts, next, config);
  const byWait = waitEnd !== null && diffDays(offsetOn, waitEnd) > 0;
  const dueOn = byWait ? waitEnd : offsetOn;
  return { due: diffDays(dueOn, today) >= 0, nextStage: next, dueOn, reason: byWait ? 'wait_elapsed' : 'ladder_offset' };
}

