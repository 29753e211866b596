// Computed deadlines of a case (statutory waits, art. 34, appeal, power of attorney, limitation), the calendar's days with their Hijri labels, and working-day steps back from a hearing.
import { addDays, dayOfWeek, diffDays, fromEpochDay, isWorkingDay, toEpochDay, type Weekday } from './dates';
import { gregorianToHijri, type HijriDate } from './hijri';
import { type CaseFacts, DEFAULT_LADDER, type LadderConfig, type Period, type Stage, STAGES } from './ladder-config';
import { appealEndsOn, earliestAfterDemandDate, earliestFilingDate, limitationEndsOn, sanctionsEarliestDate } from './ladder-periods';

export const DEADLINE_CODES = [
  'filing_allowed', // the pre-filing notice's wait has run: the claim may be filed (Commercial Courts Law art. 19)
  'demand_wait_ends', // the demand's wait has run: performance order or execution request (أمر الأداء / طلب التنفيذ)
  'sanctions_allowed', // art. 34 period after notice of the execution order has run: art. 46 measures may be requested
  'appeal_ends', // last day to appeal the judgment
  'poa_expires', // the client's power of attorney expires
  'limitation_ends', // the claim becomes time-barred
] as const;
export type DeadlineCode = (typeof DEADLINE_CODES)[number];

export interface Deadline {
  code: DeadlineCode;
  /** The case it belongs to; null for a client's power of attorney (one line per power, not per case). */
  caseId: number | null;
  dueOn: string;
  /** Values for the translated label: the date it counts from, the period, and per code what identifies it. */
  params: Record<string, string | number>;
}

/** A client's power of attorney as the calendar needs it. */
export interface PowerOfAttorneyFacts {
  id: number;
  clientId: number;
  number: string;
  expiresOn: string | null;
}

/** What the deadlines of one case rest on: the ladder's facts plus the court dates kept outside the case row. */
export interface DeadlineFacts extends Pick<CaseFacts, 'stage' | 'dueDate' | 'noticeDeliveredOn' | 'demandDeliveredOn'> {
  caseId: number;
  /** The latest recorded judgment's date (a hearing with result 'judgment'); null without one. */
  judgmentOn: string | null;
  /** When the debtor was notified of the execution order (the case's latest 'enforcement' hearing); null before. */
  executionOrderNotifiedOn: string | null;
}

function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** Before the claim is filed (a stage before litigation): the waits that lead to court and limitation still run. */
function beforeFiling(stage: Stage): boolean {
  return stageIndex(stage) < stageIndex('litigation');
}

function periodParams(from: string, p: Period): Record<string, string | number> {
  return { from, days: p.days, unit: p.unit };
}

/**
 * The deadlines of one case, soonest first. Decisions:
 * - The waits (filing after the notice, acting on the demand) matter only until the claim is filed: from litigation on
 *   they are spent. The demand's wait also leads to the execution request of an executive instrument, so it is shown
 *   while the case is at demand or earlier.
 * - Waits, art. 34 and the appeal window use ladder-periods (courtDateAfter): calendar or working days as configured,
 *   and a period ending on a weekend or holiday rolls to the next working day.
 * - Limitation is not rolled (the office must never rely on an extension) and stops mattering once the claim is
 *   filed (filing interrupts it); its params carry the day the ladder starts flagging it (`flagFrom`).
 * - A closed case has no deadlines.
 */
export function caseDeadlines(facts: DeadlineFacts, config: LadderConfig = DEFAULT_LADDER): Deadline[] {
  if (facts.stage === 'closed') return [];
  const out: Deadline[] = [];
  const push = (code: DeadlineCode, dueOn: string | null, params: Record<string, string | number>): void => {
    if (dueOn !== null) out.push({ code, caseId: facts.caseId, dueOn, params });
  };
  if (beforeFiling(facts.stage)) {
    if (facts.noticeDeliveredOn) push('filing_allowed', earliestFilingDate(facts, config), periodParams(facts.noticeDeliveredOn, config.preFilingNotice));
    if (facts.demandDeliveredOn) push('demand_wait_ends', earliestAfterDemandDate(facts, config), periodParams(facts.demandDeliveredOn, config.performanceOrderDemand));
    const limitation = limitationEndsOn(facts, config);
    if (limitation !== null && facts.dueDate !== null) {
      push('limitation_ends', limitation, { from: facts.dueDate, years: config.limitationYears, flagFrom: addDays(limitation, -config.limitationWarnDays) });
    }
  }
  if (facts.executionOrderNotifiedOn && facts.stage === 'enforcement') {
    push('sanctions_allowed', sanctionsEarliestDate(facts.executionOrderNotifiedOn, config), periodParams(facts.executionOrderNotifiedOn, config.enforcementObjection));
  }
  if (facts.judgmentOn) push('appeal_ends', appealEndsOn(facts.judgmentOn, config), periodParams(facts.judgmentOn, config.appealWindow));
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.code.localeCompare(b.code));
}

/**
 * Expiry lines of a client's powers of attorney: only the power that lasts longest matters (an older one is replaced
 * by its renewal), and a power without an expiry date never expires, so the client then has none.
 */
export function poaDeadlines(poas: readonly PowerOfAttorneyFacts[]): Deadline[] {
  const byClient = new Map<number, PowerOfAttorneyFacts[]>();
  for (const p of poas) byClient.set(p.clientId, [...(byClient.get(p.clientId) ?? []), p]);
  const out: Deadline[] = [];
  for (const [clientId, list] of byClient) {
    if (list.some((p) => p.expiresOn === null)) continue;
    const last = list.reduce((a, b) => ((b.expiresOn ?? '') > (a.expiresOn ?? '') ? b : a));
    if (last.expiresOn) out.push({ code: 'poa_expires', caseId: null, dueOn: last.expiresOn, params: { clientId, poaId: last.id, number: last.number } });
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/**
 * How far before a deadline its source date can lie, in calendar days: a deadline due in [from, to] comes from a
 * stored date in [from − max, to − min]. Lets the calendar ask the database for an index range of source dates instead
 * of computing every case. Working-day periods and the roll to a working day are bounded loosely but safely: each
 * week holds at least one working day (validateLadderConfig), and every holiday can add at most one day.
 */
export function sourceWindow(period: Period, config: LadderConfig = DEFAULT_LADDER): { min: number; max: number } {
  const offDays = new Set(config.weekend).size;
  const holidays = config.holidays.length;
  if (period.unit === 'working') {
    // n working days span at most ceil(n / working days a week) whole weeks, one more for a start mid-week, and the holidays.
    return { min: period.days, max: (Math.ceil(period.days / (7 - offDays)) + 1) * 7 + holidays };
  }
  // Calendar days, then the roll over one run of days off: at most the weekend plus every holiday.
  return { min: period.days, max: period.days + offDays + holidays };
}

/** The date `n` working days before `iso` (the day itself never counts): a hearing's preparation is due then. */
export function workingDaysBefore(iso: string, n: number, config: LadderConfig = DEFAULT_LADDER): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Working-day count must be a whole number, 0 or more: ${n}`);
  const opts = { weekend: config.weekend, holidays: config.holidays };
  let day = toEpochDay(iso);
  let remaining = n;
  while (remaining > 0) {
    day -= 1;
    if (isWorkingDay(fromEpochDay(day), opts)) remaining -= 1;
  }
  return fromEpochDay(day);
}

/** Why a date is not a working day, or null when it is one. */
export function nonWorkingReason(iso: string, config: LadderConfig = DEFAULT_LADDER): 'weekend' | 'holiday' | null {
  if (config.weekend.includes(dayOfWeek(iso))) return 'weekend';
  if (config.holidays.includes(iso)) return 'holiday';
  return null;
}

export interface CalendarDay {
  date: string;
  weekday: Weekday;
  hijri: HijriDate;
  weekend: boolean;
  holiday: boolean;
}

/** Largest span the calendar asks for at once: a month view with its leading and trailing weeks fits in six weeks. */
export const MAX_CALENDAR_DAYS = 62;

/** Every day from `from` to `to` inclusive with its Umm al-Qura date and whether the office works on it. */
export function calendarDays(from: string, to: string, config: LadderConfig = DEFAULT_LADDER): CalendarDay[] {
  const span = diffDays(from, to);
  if (span < 0 || span >= MAX_CALENDAR_DAYS) throw new RangeError(`A calendar range is 1-${MAX_CALENDAR_DAYS} days: ${from} … ${to}`);
  const holidays = new Set(config.holidays);
  const out: CalendarDay[] = [];
  for (let i = 0; i <= span; i += 1) {
    const date = addDays(from, i);
    const weekday = dayOfWeek(date);
    out.push({ date, weekday, hijri: gregorianToHijri(date), weekend: config.weekend.includes(weekday), holiday: holidays.has(date) });
  }
  return out;
}

/** The Sunday starting the week of `iso` (Saudi weeks run Sunday–Saturday). */
export function weekStart(iso: string): string {
  return addDays(iso, -dayOfWeek(iso));
}

/** The six-week grid of a month view: from the Sunday on or before the 1st, 42 days. */
export function monthGrid(year: number, month: number): { from: string; to: string } {
  const first = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
  const from = weekStart(first);
  return { from, to: addDays(from, 41) };
}
