// Instalment plans (تقسيط): a schedule whose amounts add up exactly to the total, and each instalment's state from the payments.
import { addDays, addMonths, isIsoDate, nextWorkingDay, SAUDI_WEEKEND } from './dates';

export const INSTALMENT_FREQUENCIES = ['weekly', 'monthly'] as const;
export type InstalmentFrequency = (typeof INSTALMENT_FREQUENCIES)[number];

/** The most instalments a plan may have: ten years of monthly payments. */
export const MAX_INSTALMENTS = 120;
/** Missed instalments after which a plan defaults, unless the office's setting says otherwise. */
export const DEFAULT_AFTER_MISSED = 2;

export interface PlanInput {
  totalMinor: number;
  count: number;
  frequency: InstalmentFrequency;
  /** The first instalment's date (ISO); monthly instalments keep its day of the month. */
  firstDate: string;
  /** Which instalment carries the minor units that do not divide evenly. */
  remainder: 'first' | 'last';
  /** Weekend days (0 = Sunday), as in the ladder's settings; Friday and Saturday by default. */
  weekend?: readonly number[];
  /** Office holidays (ISO dates), as in the ladder's settings. */
  holidays?: readonly string[];
}

export interface PlannedInstalment {
  /** 1-based position in the plan. */
  n: number;
  dueOn: string;
  amountMinor: number;
}

export type PlanProblem =
  | { code: 'total_not_whole' }
  | { code: 'total_not_positive' }
  | { code: 'count_out_of_range'; min: number; max: number }
  | { code: 'total_below_count'; minMinor: number }
  | { code: 'frequency_invalid' }
  | { code: 'first_date_invalid' }
  | { code: 'weekend_invalid' }
  | { code: 'holiday_invalid'; date: string }
  | { code: 'dates_out_of_range' };

export type PlanResult = { ok: true; schedule: PlannedInstalment[] } | { ok: false; problems: PlanProblem[] };

function planProblems(input: PlanInput): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const { totalMinor, count } = input;
  const totalWhole = Number.isSafeInteger(totalMinor);
  const countOk = Number.isSafeInteger(count) && count >= 1 && count <= MAX_INSTALMENTS;
  if (!totalWhole) problems.push({ code: 'total_not_whole' });
  else if (totalMinor <= 0) problems.push({ code: 'total_not_positive' });
  if (!countOk) problems.push({ code: 'count_out_of_range', min: 1, max: MAX_INSTALMENTS });
  // Every instalment must be at least one minor unit, or some would be zero.
  if (totalWhole && totalMinor > 0 && countOk && totalMinor < count) problems.push({ code: 'total_below_count', minMinor: count });
  if (!(INSTALMENT_FREQUENCIES as readonly string[]).includes(input.frequency)) problems.push({ code: 'frequency_invalid' });
  if (typeof input.firstDate !== 'string' || !isIsoDate(input.firstDate)) problems.push({ code: 'first_date_invalid' });
  const weekend = input.weekend ?? SAUDI_WEEKEND;
  if (weekend.some((d) => !Number.isInteger(d) || d < 0 || d > 6) || new Set(weekend).size >= 7) problems.push({ code: 'weekend_invalid' });
  for (const date of input.holidays ?? []) {
    if (!isIsoDate(date)) problems.push({ code: 'holiday_invalid', date });
  }
  return problems;
}

/** Equal instalments, the whole remainder (fewer minor units than instalments) on the first or the last one. */
function instalmentAmounts(totalMinor: number, count: number, remainderOn: 'first' | 'last'): number[] {
  const remainder = totalMinor % count;
  // Exact: totalMinor − remainder is a multiple of count, so the quotient is a whole number.
  const base = (totalMinor - remainder) / count;
  const amounts = new Array<number>(count).fill(base);
  amounts[remainderOn === 'first' ? 0 : count - 1] = base + remainder;
  return amounts;
}

/**
 * The schedule of a plan: `count` equal instalments adding up exactly to the total, the remainder on the first or
 * the last (so it is never more than count − 1 minor units larger). Monthly dates are the first date's day of the month in each later month,
 * clamped to the month's length and always counted from the first date, so 31 January gives 28/29 February and then
 * 31 March (never drifting to the 28th). A date on the weekend or a holiday moves to the next working day; the next
 * instalment is still counted from the unmoved date. A long holiday can put two weekly instalments on the same day.
 */
export function planSchedule(input: PlanInput): PlanResult {
  const problems = planProblems(input);
  if (problems.length > 0) return { ok: false, problems };
  const amounts = instalmentAmounts(input.totalMinor, input.count, input.remainder);
  const calendar = { weekend: input.weekend ?? SAUDI_WEEKEND, holidays: new Set(input.holidays ?? []) };
  const schedule: PlannedInstalment[] = [];
  try {
    amounts.forEach((amountMinor, i) => {
      const nominal = input.frequency === 'monthly' ? addMonths(input.firstDate, i) : addDays(input.firstDate, 7 * i);
      schedule.push({ n: i + 1, dueOn: nextWorkingDay(nominal, calendar), amountMinor });
    });
  } catch (error) {
    // Only a plan running past the year 9999 gets here; anything else is a bug and is not hidden.
    if (error instanceof RangeError) return { ok: false, problems: [{ code: 'dates_out_of_range' }] };
    throw error;
  }
  return { ok: true, schedule };
}

// ---------------------------------------------------------------- states from payments

export const INSTALMENT_STATES = ['due', 'paid', 'partly_paid', 'late'] as const;
/**
 * due: its date has not passed (part may already be paid); paid: in full, on time or not; partly_paid: its date has
 * passed with part paid; late: its date has passed with nothing paid. Like a promise to pay, an instalment due on the
 * 10th is paid on time by a payment on the 10th and missed from the 11th.
 */
export type InstalmentState = (typeof INSTALMENT_STATES)[number];

export interface PlanPayment {
  on: string;
  /** Positive minor units; a reversed payment and its reversal are both left out by the caller. */
  amountMinor: number;
}

export interface InstalmentStanding extends PlannedInstalment {
  state: InstalmentState;
  /** What the payments up to today put toward this instalment (never more than its amount). */
  paidMinor: number;
  /** The date of the payment that completed it, or null while it is not paid in full. */
  paidOn: string | null;
}

export interface PlanStanding {
  instalments: InstalmentStanding[];
  /** Instalments missed today: past due and not paid in full. */
  missed: number;
  /** Whether the plan has defaulted; once it has, paying the arrears later does not undo it (renegotiation does). */
  defaulted: boolean;
  /** The first day on which `defaultAfterMissed` instalments were missed at once, or null. */
  defaultedOn: string | null;
  /** Paid beyond the whole schedule: held for the case, never lost. */
  unappliedMinor: number;
}

export interface PlanStateOptions {
  /** Instalments missed at once that make the plan default (the office setting, 2 by default). */
  defaultAfterMissed?: number;
}

interface Tally {
  instalment: PlannedInstalment;
  paidMinor: number;
  paidOn: string | null;
}

function assertPaymentAmount(amount: number): void {
  // Not user input: posted payments are validated before they are stored, reversals are netted out by the caller.
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`A plan payment must be a non-negative whole number of minor units: ${amount}`);
}

/**
 * Each instalment's state as of `today`. Payments dated up to today are taken in date order and each pays the
 * earliest instalment not yet paid in full; what is left over carries forward to the next ones, and what is left
 * after the last is `unappliedMinor`. An instalment is missed from the day after its due date until the day a
 * payment completes it; the plan defaults on the first day that `defaultAfterMissed` instalments are missed at once.
 */
export function instalmentStates(
  schedule: readonly PlannedInstalment[],
  payments: readonly PlanPayment[],
  today: string,
  { defaultAfterMissed = DEFAULT_AFTER_MISSED }: PlanStateOptions = {},
): PlanStanding {
  if (!Number.isSafeInteger(defaultAfterMissed) || defaultAfterMissed < 1) throw new RangeError(`defaultAfterMissed must be a whole number ≥ 1: ${defaultAfterMissed}`);
  const tallies: Tally[] = schedule.map((instalment) => {
    if (!Number.isSafeInteger(instalment.amountMinor) || instalment.amountMinor < 1) throw new RangeError(`Instalment ${instalment.n} must be at least one minor unit: ${instalment.amountMinor}`);
    return { instalment, paidMinor: 0, paidOn: null };
  });
  // Earliest due first; ties (a holiday can put two on one day) by their number.
  const queue = [...tallies].sort(({ instalment: x }, { instalment: y }) => (x.dueOn === y.dueOn ? x.n - y.n : x.dueOn < y.dueOn ? -1 : 1));
  const counted = payments.filter((p) => {
    assertPaymentAmount(p.amountMinor);
    return p.amountMinor > 0 && p.on <= today;
  });
  // A stable sort keeps same-day payments in the order given.
  counted.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  let cursor = 0;
  let unappliedMinor = 0;
  for (const payment of counted) {
    let left = payment.amountMinor;
    for (let t = queue[cursor]; left > 0 && t !== undefined; t = queue[cursor]) {
      const take = Math.min(left, t.instalment.amountMinor - t.paidMinor);
      t.paidMinor += take;
      left -= take;
      if (t.paidMinor >= t.instalment.amountMinor) {
        t.paidOn = payment.on;
        cursor += 1;
      }
    }
    unappliedMinor += left;
  }

  const instalments = tallies.map(({ instalment, paidMinor, paidOn }): InstalmentStanding => ({
    ...instalment,
    paidMinor,
    paidOn,
    state: paidMinor >= instalment.amountMinor ? 'paid' : today <= instalment.dueOn ? 'due' : paidMinor > 0 ? 'partly_paid' : 'late',
  }));
  const missedOn = (day: string): number =>
    tallies.filter(({ instalment, paidOn }) => instalment.dueOn < day && (paidOn === null || paidOn > day)).length;
  // The missed count only rises on the day after a due date (payments only lower it), so the first day it reaches
  // the threshold is one of those days.
  let defaultedOn: string | null = null;
  for (const { instalment } of queue) {
    const day = addDays(instalment.dueOn, 1);
    if (day > today) break;
    if (missedOn(day) >= defaultAfterMissed) {
      defaultedOn = day;
      break;
    }
  }
  return { instalments, missed: missedOn(today), defaulted: defaultedOn !== null, defaultedOn, unappliedMinor };
}
