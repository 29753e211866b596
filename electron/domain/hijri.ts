// Hijri (Umm al-Qura) dates from a committed month-length table, identical in Node, Chromium and Electron whatever their ICU.
import { fromEpochDay, toEpochDay } from './dates';
import { toWesternDigits } from './digits';
import { UMALQURA_FIRST_EPOCH_DAY, UMALQURA_FIRST_YEAR, UMALQURA_MONTH_LENGTHS } from './hijri-table';

/** A Hijri date (month 1 = Muharram … 12 = Dhu al-Hijjah). */
export interface HijriDate {
  year: number;
  month: number;
  day: number;
}

/** First and last Hijri years the table covers. */
export const HIJRI_MIN_YEAR = UMALQURA_FIRST_YEAR;
export const HIJRI_MAX_YEAR = UMALQURA_FIRST_YEAR + UMALQURA_MONTH_LENGTHS.length - 1;

// monthStarts[i] is the epoch day of the first day of the i-th month of the table; the last entry closes the table.
const monthStarts: readonly number[] = (() => {
  const starts = [UMALQURA_FIRST_EPOCH_DAY];
  let day = UMALQURA_FIRST_EPOCH_DAY;
  for (const year of UMALQURA_MONTH_LENGTHS) {
    for (const bit of year) {
      day += bit === '1' ? 30 : 29;
      starts.push(day);
    }
  }
  return starts;
})();

function startAt(index: number): number {
  const start = monthStarts[index];
  if (start === undefined) throw new RangeError(`Hijri month index out of table: ${index}`);
  return start;
}

/** First and last Gregorian dates the table covers (1 Muharram 1356 … 29/30 Dhu al-Hijjah 1500). */
export const HIJRI_MIN_GREGORIAN = fromEpochDay(startAt(0));
export const HIJRI_MAX_GREGORIAN = fromEpochDay(startAt(monthStarts.length - 1) - 1);

const RANGE_TEXT = `Hijri ${HIJRI_MIN_YEAR}-${HIJRI_MAX_YEAR} (${HIJRI_MIN_GREGORIAN} to ${HIJRI_MAX_GREGORIAN})`;

export const HIJRI_MONTHS_AR: readonly string[] = [
  'محرم',
  'صفر',
  'ربيع الأول',
  'ربيع الآخر',
  'جمادى الأولى',
  'جمادى الآخرة',
  'رجب',
  'شعبان',
  'رمضان',
  'شوال',
  'ذو القعدة',
  'ذو الحجة',
];

export const HIJRI_MONTHS_EN: readonly string[] = [
  'Muharram',
  'Safar',
  'Rabi al-Awwal',
  'Rabi al-Akhir',
  'Jumada al-Ula',
  'Jumada al-Akhirah',
  'Rajab',
  "Sha'ban",
  'Ramadan',
  'Shawwal',
  "Dhu al-Qa'dah",
  'Dhu al-Hijjah',
];

/** Name of a Hijri month (1-12) in Arabic or English. */
export function hijriMonthName(month: number, lang: 'ar' | 'en'): string {
  const name = (lang === 'ar' ? HIJRI_MONTHS_AR : HIJRI_MONTHS_EN)[month - 1];
  if (name === undefined || !Number.isInteger(month)) throw new RangeError(`Hijri month must be 1-12: ${month}`);
  return name;
}

function yearInTable(year: number): boolean {
  return Number.isInteger(year) && year >= HIJRI_MIN_YEAR && year <= HIJRI_MAX_YEAR;
}

/** 29 or 30; throws RangeError for a month outside 1-12 or a year outside the table. */
export function hijriMonthLength(year: number, month: number): 29 | 30 {
  if (!yearInTable(year)) throw new RangeError(`Hijri year ${year} is outside the supported range ${RANGE_TEXT}`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Hijri month must be 1-12: ${month}`);
  return UMALQURA_MONTH_LENGTHS[year - HIJRI_MIN_YEAR]?.[month - 1] === '1' ? 30 : 29;
}

/** Whether the date exists in the Umm al-Qura calendar and lies inside the table. */
export function isValidHijri(date: HijriDate): boolean {
  const { year, month, day } = date;
  if (!yearInTable(year) || !Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day)) return false;
  return day >= 1 && day <= hijriMonthLength(year, month);
}

/** Umm al-Qura date of an ISO Gregorian date; throws RangeError outside the table or for an invalid ISO date. */
export function gregorianToHijri(iso: string): HijriDate {
  const day = toEpochDay(iso);
  if (day < startAt(0) || day >= startAt(monthStarts.length - 1)) {
    throw new RangeError(`Date ${iso} is outside the supported range ${RANGE_TEXT}`);
  }
  // Binary search for the last month starting on or before the day.
  let lo = 0;
  let hi = monthStarts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (startAt(mid) <= day) lo = mid;
    else hi = mid - 1;
  }
  return { year: HIJRI_MIN_YEAR + Math.floor(lo / 12), month: (lo % 12) + 1, day: day - startAt(lo) + 1 };
}

/** ISO Gregorian date (YYYY-MM-DD) of an Umm al-Qura date; throws RangeError if it does not exist or is outside the table. */
export function hijriToGregorian(date: HijriDate): string {
  const { year, month, day } = date;
  if (!yearInTable(year)) throw new RangeError(`Hijri year ${year} is outside the supported range ${RANGE_TEXT}`);
  if (!isValidHijri(date)) throw new RangeError(`Not a valid Umm al-Qura date: ${year}/${month}/${day}`);
  return fromEpochDay(startAt((year - HIJRI_MIN_YEAR) * 12 + month - 1) + day - 1);
}

// Direction marks and Arabic letter mark often ride along when Arabic text is pasted.
const BIDI_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
// Trailing era marker: هـ / ه (with or without tatweel, optional space) or AH.
const ERA_SUFFIX = /\s*(?:\u0647\u0640*|AH|A\.H\.)\s*$/i;
const HIJRI_INPUT = /^(\d{1,4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,4})$/;

/**
 * Read a typed Hijri date: year first (1448/06/12) or day first (12/06/1448), Western or Arabic-Indic digits,
 * separators / - or ., optional trailing هـ. Returns null unless it is a valid date inside the table.
 */
export function parseHijriInput(text: string): HijriDate | null {
  const cleaned = toWesternDigits(text.replace(BIDI_MARKS, '')).trim().replace(ERA_SUFFIX, '');
  const m = HIJRI_INPUT.exec(cleaned);
  if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) return null;
  let date: HijriDate;
  if (m[1].length === 4 && m[3].length <= 2) {
    date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  } else if (m[3].length === 4 && m[1].length <= 2) {
    date = { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  } else {
    return null;
  }
  return isValidHijri(date) ? date : null;
}
