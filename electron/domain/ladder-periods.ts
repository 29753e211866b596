// The ladder's statutory clocks: configured periods on the office calendar, earliest filing dates, limitation, and promissory-note registration.
import { addDays, addWorkingDays, addYears, diffDays, nextWorkingDay, type WorkingDayOptions } from './dates';
import { type CaseFacts, DEFAULT_LADDER, type LadderConfig, type Period } from './ladder-config';

function calendarOf(config: LadderConfig): WorkingDayOptions {
  return { weekend: config.weekend, holidays: config.holidays };
}

/**
 * The date a period ends when it starts on `from` (the start day itself never counts):
 * calendar days with addDays, working days with addWorkingDays on the configured weekend and holidays.
 */
export function addPeriod(from: string, period: Period, config: LadderConfig = DEFAULT_LADDER): string {
  return period.unit === 'working' ? addWorkingDays(from, period.days, calendarOf(config)) : addDays(from, period.days);
}

/**
 * The first day an act at court is possible once a period from `from` has run: the period's end, rolled forward to the
 * next working day when it ends on a weekend or holiday, because courts (and the office) do not act on those days.
 * A working-day period already ends on a working day, so only calendar periods ever roll.
 */
export function courtDateAfter(from: string, period: Period, config: LadderConfig = DEFAULT_LADDER): string {
  return nextWorkingDay(addPeriod(from, period, config), calendarOf(config));
}

/**
 * Earliest date the claim may be filed: the pre-filing notice (Commercial Courts Law art. 19) must have been delivered
 * at least `preFilingNotice` before filing, so delivery + the period ("at least 15 days": 2026-11-22 → 2026-12-07), rolled
 * to a working day. Null while the notice is not delivered.
 */
export function earliestFilingDate(facts: Pick<CaseFacts, 'noticeDeliveredOn'>, config: LadderConfig = DEFAULT_LADDER): string | null {
  return facts.noticeDeliveredOn === null ? null : courtDateAfter(facts.noticeDeliveredOn, config.preFilingNotice, config);
}

/**
 * Earliest date to act on the formal demand: apply for a performance order (أمر الأداء), or — for an executive
 * instrument — file the execution request. Both wait `performanceOrderDemand` from the demand's delivery, rolled to a
 * working day; the office gives the debtor the demand's deadline before going to court. Null while the demand is not delivered.
 */
export function earliestAfterDemandDate(facts: Pick<CaseFacts, 'demandDeliveredOn'>, config: LadderConfig = DEFAULT_LADDER): string | null {
  return facts.demandDeliveredOn === null ? null : courtDateAfter(facts.demandDeliveredOn, config.performanceOrderDemand, config);
}

/** Earliest date to request the art. 46 measures (travel ban, service suspension, seizure): notice of the execution order + `enforcementObjection` (art. 34). */
export function sanctionsEarliestDate(executionOrderNotifiedOn: string, config: LadderConfig = DEFAULT_LADDER): string {
  return courtDateAfter(executionOrderNotifiedOn, config.enforcementObjection, config);
}

/** Last day to appeal a judgment notified on the given date; a deadline ending on a day off extends to the next working day. */
export function appealEndsOn(judgmentNotifiedOn: string, config: LadderConfig = DEFAULT_LADDER): string {
  return courtDateAfter(judgmentNotifiedOn, config.appealWindow, config);
}

/**
 * When the claim becomes time-barred: due date + `limitationYears` (commercial claims: 5 years), same day of the month
 * (29 February → 28 February). Not rolled to a working day: the office must file before it, never rely on an extension.
 */
export function limitationEndsOn(facts: Pick<CaseFacts, 'dueDate'>, config: LadderConfig = DEFAULT_LADDER): string | null {
  return facts.dueDate === null ? null : addYears(facts.dueDate, config.limitationYears);
}

export interface LimitationFlag {
  flagged: boolean;
  endsOn: string | null;
  /** Days from today to endsOn: 0 on the day, negative once passed; null without a due date. */
  daysLeft: number | null;
}

/** Flag a claim within `limitationWarnDays` of limitation (exactly 90 days left is flagged) or past it. */
export function limitationFlag(facts: Pick<CaseFacts, 'dueDate'>, today: string, config: LadderConfig = DEFAULT_LADDER): LimitationFlag {
  const endsOn = limitationEndsOn(facts, config);
  if (endsOn === null) return { flagged: false, endsOn: null, daysLeft: null };
  const daysLeft = diffDays(today, endsOn);
  return { flagged: daysLeft <= config.limitationWarnDays, endsOn, daysLeft };
}

type NoteFacts = Pick<CaseFacts, 'instrumentType' | 'noteRegistered' | 'instrumentIssuedOn'>;

export interface UnregisteredNote {
  /** Issued before the new Enforcement Law's force date, so the transition applies. */
  issuedBeforeCutoff: boolean;
  /** Last day an unregistered note issued before the cutoff is still enforceable; null for notes issued after it. */
  transitionEndsOn: string | null;
  /** Whether the Enforcement Court would still take the note today without registration. */
  enforceableToday: boolean;
}

/**
 * Registration standing of a promissory note that is not (known to be) registered; null for other instruments and
 * registered notes. Decisions:
 * - noteRegistered null (not recorded) counts as unregistered: the office must confirm it.
 * - A note issued on the cutoff day is under the new law (issued "before" means strictly earlier).
 * - The transition covers cutoff … cutoff + noteTransitionDays − 1 (2026-10-28 … 2027-10-27 by default); it is a
 *   statutory date, so it is not extended when it ends on a day off.
 * - Before the cutoff the old law applies and every note is enforceable.
 * - Without an issue date, a note seen before the cutoff was necessarily issued before it; after the cutoff no
 *   transition is assumed until the issue date is recorded.
 */
export function unregisteredNote(facts: NoteFacts, today: string, config: LadderConfig = DEFAULT_LADDER): UnregisteredNote | null {
  if (facts.instrumentType !== 'promissory_note' || facts.noteRegistered === true) return null;
  const cutoff = config.noteRegistrationCutoff;
  const lawInForce = diffDays(cutoff, today) >= 0;
  const issuedBeforeCutoff = facts.instrumentIssuedOn === null ? !lawInForce : diffDays(facts.instrumentIssuedOn, cutoff) > 0;
  const transitionEndsOn = issuedBeforeCutoff ? addDays(cutoff, config.noteTransitionDays - 1) : null;
  const enforceableToday = !lawInForce || (transitionEndsOn !== null && diffDays(today, transitionEndsOn) >= 0);
  return { issuedBeforeCutoff, transitionEndsOn, enforceableToday };
}

export interface NoteWarning {
  code: 'unregistered_before_cutoff' | 'unregistered_after_cutoff';
  /** Only for notes issued before the cutoff: the last day of the transition. */
  transitionEndsOn?: string;
  /** Added: whether the note can still be enforced today without registration (false once the transition is over). */
  enforceable: boolean;
}

/** The warning a case shows for an unregistered (or unconfirmed) promissory note; null when there is nothing to warn about. */
export function noteWarning(facts: NoteFacts, today: string, config: LadderConfig = DEFAULT_LADDER): NoteWarning | null {
  const note = unregisteredNote(facts, today, config);
  if (note === null) return null;
  return note.transitionEndsOn === null
    ? { code: 'unregistered_after_cutoff', enforceable: note.enforceableToday }
    : { code: 'unregistered_before_cutoff', transitionEndsOn: note.transitionEndsOn, enforceable: note.enforceableToday };
}
