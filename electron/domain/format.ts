// The one place the app turns numbers, money and dates into display text, in Arabic or English, Western or Arabic-Indic digits.
import { dayOfWeek, localDateTime, parseIsoDate } from './dates';
import { applyDigits, type DigitStyle } from './digits';
import { gregorianToHijri, hijriMonthName } from './hijri';

export interface FormatOptions {
  lang: 'ar' | 'en';
  digits: DigitStyle;
}

/**
 * Sign of negative amounts: ASCII hyphen-minus rather than U+2212, because it survives copy-paste into Excel,
 * bank portals and Najiz forms as a number, and every font the app embeds in PDFs has it. Placed before the digits;
 * bidi isolation of the whole figure is the caller's job.
 */
export const MINUS_SIGN = '-';

/** Largest number of decimals a currency can have here (ISO 4217 uses at most 4). */
export const MAX_CURRENCY_DECIMALS = 8;

export const GREGORIAN_MONTHS_AR: readonly string[] = [
  'يناير',
  'فبراير',
  'مارس',
  'أبريل',
  'مايو',
  'يونيو',
  'يوليو',
  'أغسطس',
  'سبتمبر',
  'أكتوبر',
  'نوفمبر',
  'ديسمبر',
];

export const GREGORIAN_MONTHS_EN: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const WEEKDAYS_AR: readonly string[] = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];
export const WEEKDAYS_EN: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// Separators follow the digit shapes, not the language: Arabic-Indic digits take the Arabic separators (٬ ٫),
// Western digits take , and . even in the Arabic UI, which is how Saudi banks and courts print them.
function separators(digits: DigitStyle): { group: string; decimal: string } {
  return digits === 'arabic' ? { group: '\u066c', decimal: '\u066b' } : { group: ',', decimal: '.' };
}

function groupThousands(intDigits: string, group: string): string {
  let out = '';
  for (let end = intDigits.length; end > 0; end -= 3) {
    const chunk = intDigits.slice(Math.max(0, end - 3), end);
    out = out === '' ? chunk : `${chunk}${group}${out}`;
  }
  return out;
}

function assemble(negative: boolean, intDigits: string, fraction: string, opts: FormatOptions): string {
  const sep = separators(opts.digits);
  const body = groupThousands(intDigits, sep.group) + (fraction === '' ? '' : sep.decimal + fraction);
  return applyDigits((negative ? MINUS_SIGN : '') + body, opts.digits);
}

// Plain decimal digits of |n|: the shortest round-trip form JavaScript prints, with exponent notation (1e-7, 1e+21)
// written out by moving the decimal point, so no binary noise appears.
function plainDigits(abs: number): { intDigits: string; fraction: string } {
  const [mantissa = '0', exponent = '0'] = String(abs).split('e');
  const [whole = '0', part = ''] = mantissa.split('.');
  const digits = whole + part;
  const point = whole.length + Number(exponent);
  const padded = point <= 0 ? '0'.repeat(1 - point) + digits : digits.padEnd(point, '0');
  const at = Math.max(point, 1);
  return { intDigits: padded.slice(0, at).replace(/^0+(?=\d)/, ''), fraction: padded.slice(at).replace(/0+$/, '') };
}

/** A count or plain number with thousands grouping: 1234567.5 → 1,234,567.5 / ١٬٢٣٤٬٥٦٧٫٥. Money goes through formatMinorUnits. */
export function formatNumber(n: number, opts: FormatOptions): string {
  if (!Number.isFinite(n)) throw new RangeError(`Cannot format a non-finite number: ${n}`);
  const { intDigits, fraction } = plainDigits(Math.abs(n));
  const isZero = /^0*$/.test(intDigits + fraction);
  return assemble(n < 0 && !isZero, intDigits, fraction, opts);
}

/**
 * An amount held as integer minor units, shown with all currency decimals: (1575050, 2) → 15,750.50 / ١٥٬٧٥٠٫٥٠.
 * BigInt division keeps it exact up to Number.MAX_SAFE_INTEGER.
 */
export function formatMinorUnits(minor: number, currencyDecimals: number, opts: FormatOptions): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Minor units must be a safe integer: ${minor}`);
  if (!Number.isInteger(currencyDecimals) || currencyDecimals < 0 || currencyDecimals > MAX_CURRENCY_DECIMALS) {
    throw new RangeError(`Currency decimals must be an integer 0-${MAX_CURRENCY_DECIMALS}: ${currencyDecimals}`);
  }
  const abs = BigInt(Math.abs(minor));
  const unit = 10n ** BigInt(currencyDecimals);
  const fraction = currencyDecimals === 0 ? '' : (abs % unit).toString().padStart(currencyDecimals, '0');
  return assemble(minor < 0, (abs / unit).toString(), fraction, opts);
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Gregorian date as 2026/11/22 (year first in both languages, as Saudi forms print it). */
export function formatGregorian(iso: string, opts: FormatOptions): string {
  const { year, month, day } = parseIsoDate(iso);
  return applyDigits(`${String(year).padStart(4, '0')}/${two(month)}/${two(day)}`, opts.digits);
}

/** Umm al-Qura date of a Gregorian ISO date as 1448/06/12 (no era mark; formatDual adds it). */
export function formatHijri(iso: string, opts: FormatOptions): string {
  const { year, month, day } = gregorianToHijri(iso);
  return applyDigits(`${year}/${two(month)}/${two(day)}`, opts.digits);
}

/** Gregorian date with the month name: ar ٢٢ نوفمبر ٢٠٢٦م (م marks it Gregorian beside Hijri dates), en 22 November 2026. */
export function formatDateLong(iso: string, opts: FormatOptions): string {
  const { year, month, day } = parseIsoDate(iso);
  const text =
    opts.lang === 'ar'
      ? `${day} ${GREGORIAN_MONTHS_AR[month - 1] ?? ''} ${year}م`
      : `${day} ${GREGORIAN_MONTHS_EN[month - 1] ?? ''} ${year}`;
  return applyDigits(text, opts.digits);
}

/** Umm al-Qura date with the month name: ar ١٢ جمادى الآخرة ١٤٤٨هـ, en 12 Jumada al-Akhirah 1448 AH. */
export function formatHijriLong(iso: string, opts: FormatOptions): string {
  const { year, month, day } = gregorianToHijri(iso);
  const text =
    opts.lang === 'ar'
      ? `${day} ${hijriMonthName(month, 'ar')} ${year}هـ`
      : `${day} ${hijriMonthName(month, 'en')} ${year} AH`;
  return applyDigits(text, opts.digits);
}

/**
 * Both calendars, as letters carry them. ar: ١٤٤٨/٠٦/١٢هـ الموافق ٢٠٢٦/١١/٢٢م; en: 22 November 2026 (12 Jumada al-Akhirah 1448 AH)
 * — English readers get the Gregorian date first and spelled out, since numeric Hijri dates mean little to them.
 */
export function formatDual(iso: string, opts: FormatOptions): string {
  if (opts.lang === 'ar') return `${formatHijri(iso, opts)}هـ الموافق ${formatGregorian(iso, opts)}م`;
  return `${formatDateLong(iso, opts)} (${formatHijriLong(iso, opts)})`;
}

/** Day name of a date: الأحد / Sunday. */
export function formatWeekday(iso: string, opts: FormatOptions): string {
  const names = opts.lang === 'ar' ? WEEKDAYS_AR : WEEKDAYS_EN;
  return names[dayOfWeek(iso)] ?? '';
}

/** A UTC instant (ISO string with Z or an offset, or a Date) as Riyadh wall-clock time, 24-hour: 2026/11/22 14:05. */
export function formatDateTime(isoInstant: string | Date, opts: FormatOptions): string {
  const local = localDateTime(isoInstant, 'Asia/Riyadh');
  return `${formatGregorian(local.date, opts)} ${applyDigits(`${two(local.hour)}:${two(local.minute)}`, opts.digits)}`;
}
