// Calendar arithmetic on ISO date-only strings (YYYY-MM-DD): validation, day counts, Saudi working days, today in Riyadh.

/** A Gregorian calendar date as numbers (month 1-12). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Day of week as in Date#getUTCDay: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Saudi weekend: Friday and Saturday (working week Sunday–Thursday). */
export const SAUDI_WEEKEND: readonly Weekday[] = [5, 6];

export interface WorkingDayOptions {
  /** Weekend days (0 = Sunday); defaults to SAUDI_WEEKEND. */
  weekend?: readonly number[];
  /** Office holidays as ISO dates. */
  holidays?: ReadonlySet<string> | readonly string[];
}

// Riyadh has kept UTC+3 with no daylight saving since 1947, so a fixed offset is exact for any date the app sees
// and does not depend on the ICU time-zone data shipped with Node, Chromium or Electron.
export const RIYADH_OFFSET_MINUTES = 180;
const FIXED_OFFSETS: Readonly<Record<string, number>> = {
  'Asia/Riyadh': RIYADH_OFFSET_MINUTES,
  UTC: 0,
  'Etc/UTC': 0,
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Whether a Gregorian year is a leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a Gregorian month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function splitIso(text: string): CalendarDate | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Strict check for a real ISO date-only string: 2026-02-28 yes, 2026-02-30 / 2026-2-28 / 2026-02-28T00:00 no. */
export function isIsoDate(text: string): boolean {
  return splitIso(text) !== null;
}

/** Split a strict ISO date into numbers; throws RangeError if it is not one. */
export function parseIsoDate(text: string): CalendarDate {
  const date = splitIso(text);
  if (!date) throw new RangeError(`Not a valid ISO date (YYYY-MM-DD): "${text}"`);
  return date;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Compose an ISO date from numbers; throws RangeError if the date does not exist. */
export function toIsoDate(date: CalendarDate): string {
  const text = `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
  if (!Number.isInteger(date.year) || !Number.isInteger(date.month) || !Number.isInteger(date.day) || !isIsoDate(text)) {
    throw new RangeError(`Not a valid calendar date: ${date.year}-${date.month}-${date.day}`);
  }
  return text;
}

// Integer-only conversions (H. Hinnant's days_from_civil / civil_from_days) so results never depend on Date or time zones.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(epochDay: number): CalendarDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days since 1970-01-01 (negative before it). */
export function toEpochDay(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  return daysFromCivil(year, month, day);
}

/** ISO date of a day count since 1970-01-01; throws RangeError outside years 0001-9999. */
export function fromEpochDay(epochDay: number): string {
  if (!Number.isSafeInteger(epochDay)) throw new RangeError(`Epoch day must be an integer: ${epochDay}`);
  const date = civilFromDays(epochDay);
  if (date.year < MIN_YEAR || date.year > MAX_YEAR) throw new RangeError(`Date out of range (years 0001-9999): day ${epochDay}`);
  return toIsoDate(date);
}

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be an integer: ${n}`);
}

/** The date n days later (n may be negative). */
export function addDays(iso: string, n: number): string {
  assertInteger(n, 'Day count');
  return fromEpochDay(toEpochDay(iso) + n);
}

/** Days from `from` to `to`: positive when `to` is later (diffDays('2026-01-01', '2026-01-31') === 30). */
export function diffDays(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((toEpochDay(iso) + 4) % 7) + 7) % 7) as Weekday;
}

/** Whether the date falls on a weekend day (Saudi Friday and Saturday by default). */
export function isWeekend(iso: string, weekend: readonly number[] = SAUDI_WEEKEND): boolean {
  return weekend.includes(dayOfWeek(iso));
}

interface WorkingCalendar {
  weekend: readonly number[];
  holidays: ReadonlySet<string>;
}

function workingCalendar(opts: WorkingDayOptions): WorkingCalendar {
  const weekend = opts.weekend ?? SAUDI_WEEKEND;
  for (const d of weekend) {
    if (!Number.isInteger(d) || d < 0 || d > 6) throw new RangeError(`Weekend day must be 0-6 (0 = Sunday): ${d}`);
  }
  // Without at least one working weekday, addWorkingDays would never finish.
  if (new Set(weekend).size >= 7) throw new RangeError('The weekend cannot cover all seven days');
  const holidays = opts.holidays ?? [];
  return { weekend, holidays: holidays instanceof Set ? holidays : new Set(holidays) };
}

function isWorkingIn(iso: string, cal: WorkingCalendar): boolean {
  return !cal.weekend.includes(dayOfWeek(iso)) && !cal.holidays.has(iso);
}

/** Whether the date is neither a weekend day nor a listed holiday. */
export function isWorkingDay(iso: string, opts: WorkingDayOptions = {}): boolean {
  return isWorkingIn(iso, workingCalendar(opts));
}

/**
 * The n-th working day after `iso` (the start day itself never counts, whether or not it is a working day).
 * n = 0 returns `iso` unchanged.
 */
export function addWorkingDays(iso: string, n: number, opts: WorkingDayOptions = {}): string {
  assertInteger(n, 'Working-day count');
  if (n < 0) throw new RangeError(`Working-day count must not be negative: ${n}`);
  const cal = workingCalendar(opts);
  let day = toEpochDay(iso);
  let remaining = n;
  while (remaining > 0) {
    day += 1;
    if (isWorkingIn(fromEpochDay(day), cal)) remaining -= 1;
  }
  return fromEpochDay(day);
}

/** The date itself if it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(iso: string, opts: WorkingDayOptions = {}): string {
  const cal = workingCalendar(opts);
  let day = toEpochDay(iso);
  while (!isWorkingIn(fromEpochDay(day), cal)) day += 1;
  return fromEpochDay(day);
}

/** Same day n months later (n may be negative), clamped to the month's end: 2026-01-31 + 1 → 2026-02-28. */
export function addMonths(iso: string, n: number): string {
  assertInteger(n, 'Month count');
  const { year, month, day } = parseIsoDate(iso);
  const index = year * 12 + (month - 1) + n;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  if (newYear < MIN_YEAR || newYear > MAX_YEAR) throw new RangeError(`Date out of range (years 0001-9999): ${iso} + ${n} months`);
  return toIsoDate({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

/** Same day n years later, 29 February clamped to 28 February in common years. */
export function addYears(iso: string, n: number): string {
  assertInteger(n, 'Year count');
  return addMonths(iso, n * 12);
}

/** Milliseconds since the Unix epoch of a UTC instant string that carries Z or an explicit offset. */
export function parseInstant(instant: string | Date): number {
  // Strings without an offset would be read in the machine's local zone, which differs between offices.
  const ms = typeof instant === 'string' ? (ISO_INSTANT.test(instant) ? Date.parse(instant) : Number.NaN) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a valid ISO instant with Z or an offset: "${String(instant)}"`);
  return ms;
}

function offsetMinutesAt(ms: number, timeZone: string): number {
  const fixed = FIXED_OFFSETS[timeZone];
  if (fixed !== undefined) return fixed;
  // Other zones may observe daylight saving; only they fall back to the platform's time-zone data.
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - Math.floor(ms / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/** Wall-clock date and time of an instant in a time zone (Asia/Riyadh by default). */
export function localDateTime(
  instant: string | Date,
  timeZone = 'Asia/Riyadh',
): { date: string; hour: number; minute: number; second: number } {
  const ms = parseInstant(instant);
  const localMs = ms + offsetMinutesAt(ms, timeZone) * MINUTE_MS;
  const epochDay = Math.floor(localMs / DAY_MS);
  const msOfDay = localMs - epochDay * DAY_MS;
  return {
    date: fromEpochDay(epochDay),
    hour: Math.floor(msOfDay / 3_600_000),
    minute: Math.floor((msOfDay % 3_600_000) / MINUTE_MS),
    second: Math.floor((msOfDay % MINUTE_MS) / 1000),
  };
}

/** Today's ISO date in the office's time zone (Asia/Riyadh, UTC+3, by default). */
export function todayIso(now: Date = new Date(), timeZone = 'Asia/Riyadh'): string {
  return localDateTime(now, timeZone).date;
}
