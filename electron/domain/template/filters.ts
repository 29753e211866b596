// Filters and the printing of one field value as spans: which filter fits which type, and how values keep their order in bidi text.
import { applyDigits } from '../digits';
import { formatDateLong, formatGregorian, formatHijri, formatHijriLong, formatMinorUnits, formatNumber, type FormatOptions } from '../format';
import { isIsoDate } from '../dates';
import { getCurrency, isCurrencyCode } from '../money';
import { amountInWords } from '../tafqeet';
import type { FieldType, FieldValue, MoneyValue } from './fields';
import type { FilterCall } from './parse';

/** Structurally the PDF engine's Span (electron/core/pdf/types.ts); the domain cannot import core. */
export interface Span {
  text: string;
  bold?: boolean;
  isolate?: 'ltr' | 'rtl' | 'auto';
}

export type FormatFilter = 'money' | 'words' | 'hijri' | 'gregorian' | 'dual' | 'long' | 'digits' | 'days';
export type FilterName = FormatFilter | 'default';

// Which types each filter reads. `default` supplies text when the value is empty, so it fits every printable type.
const FILTER_TYPES: ReadonlyMap<string, readonly FieldType[]> = new Map<FilterName, readonly FieldType[]>([
  ['money', ['money']],
  ['words', ['money']],
  ['hijri', ['date']],
  ['gregorian', ['date']],
  ['dual', ['date']],
  ['long', ['date']],
  ['digits', ['code', 'number']],
  ['days', ['number']],
  ['default', ['text', 'code', 'date', 'money', 'number']],
]);

export const FILTER_NAMES: readonly FilterName[] = ['money', 'words', 'hijri', 'gregorian', 'dual', 'long', 'digits', 'days', 'default'];

export function isFilterName(name: string): name is FilterName {
  return FILTER_TYPES.has(name);
}

export function filterFits(name: FilterName, type: FieldType): boolean {
  return FILTER_TYPES.get(name)?.includes(type) ?? false;
}

/** Only `default` takes an argument (the text); the others take none. */
export function filterTakesArg(name: FilterName): boolean {
  return name === 'default';
}

/** The letter's language and digit shapes. */
export type RenderOptions = FormatOptions;

export function isMoney(value: FieldValue): value is MoneyValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isSafeInteger(value.minor) &&
    typeof value.currency === 'string'
  );
}

/** The value as its field type expects it, or null when it is missing or of the wrong shape (printed as nothing). */
export function typedValue(type: FieldType, value: FieldValue): FieldValue {
  switch (type) {
    case 'text':
    case 'code':
      return typeof value === 'string' && value.trim() !== '' ? value : null;
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? value : null;
    case 'money':
      return isMoney(value) ? value : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
  }
}

/** Truth of a condition: true, non-empty text, a date, money ≠ 0, a number ≠ 0. */
export function isTruthy(type: FieldType, value: FieldValue): boolean {
  const v = typedValue(type, value);
  if (v === null || v === undefined || v === false) return false;
  if (typeof v === 'number') return v !== 0;
  if (isMoney(v)) return v.minor !== 0;
  return true;
}

const ltr = (text: string): Span => ({ text, isolate: 'ltr' });

// Text values are isolated only when they hold letters of the other direction (an English name in an
// Arabic letter): that is where order can break. Same-script text stays unisolated so a long address
// can still wrap, since the engine never breaks a line inside an isolate.
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const LTR_LETTER = /[A-Za-z\u00c0-\u024f]/;

function textSpan(text: string, lang: 'ar' | 'en'): Span {
  const foreign = lang === 'ar' ? LTR_LETTER.test(text) : RTL_LETTER.test(text);
  return foreign ? { text, isolate: 'auto' } : { text };
}

function moneySpans(m: MoneyValue, opts: RenderOptions): Span[] {
  const known = isCurrencyCode(m.currency) ? getCurrency(m.currency) : undefined;
  const figure = ltr(formatMinorUnits(m.minor, known?.decimals ?? 2, opts));
  // Saudi letters write "15,750.50 ريال"; English ones "SAR 15,750.50".
  if (opts.lang === 'ar') return [figure, { text: ` ${known?.nameAr.singular ?? m.currency}` }];
  return [{ text: `${m.currency} ` }, figure];
}

function wordsSpans(m: MoneyValue, opts: RenderOptions): Span[] {
  if (!isCurrencyCode(m.currency) || m.minor < 0) return [];
  return [{ text: amountInWords(m.minor, m.currency, opts.lang) }];
}

// Numeric dates are isolated LTR with the era mark left to the template («{{today | hijri}}هـ»): an
// isolate holding Arabic letters would put the mark on the wrong side.
function dateSpans(iso: string, filter: FormatFilter | undefined, opts: RenderOptions): Span[] {
  switch (filter) {
    case 'hijri':
      return [ltr(formatHijri(iso, opts))];
    case 'long':
      return [{ text: formatDateLong(iso, opts) }];
    case 'dual':
      if (opts.lang === 'ar') return [ltr(formatHijri(iso, opts)), { text: 'هـ الموافق ' }, ltr(formatGregorian(iso, opts)), { text: 'م' }];
      return [{ text: `${formatDateLong(iso, opts)} (${formatHijriLong(iso, opts)})` }];
    default:
      return [ltr(formatGregorian(iso, opts))];
  }
}

/**
 * A count of days with its noun in the right number: «يوم واحد», «يومان», «7 أيام», «15 يوماً», «100 يوم»;
 * "1 day", "15 days". Letters let the office change the deadline, so the noun cannot be typed in the template.
 */
function daysSpans(n: number, opts: RenderOptions): Span[] {
  if (opts.lang === 'en') return [ltr(formatNumber(n, opts)), { text: Math.abs(n) === 1 ? ' day' : ' days' }];
  if (n === 1) return [{ text: 'يوم واحد' }];
  if (n === 2) return [{ text: 'يومان' }];
  const rest = Math.abs(n) % 100;
  const noun = rest >= 3 && rest <= 10 ? 'أيام' : rest >= 11 ? 'يوماً' : 'يوم';
  return [ltr(formatNumber(n, opts)), { text: ` ${noun}` }];
}

function formatted(type: FieldType, value: NonNullable<FieldValue>, filter: FormatFilter | undefined, opts: RenderOptions): Span[] {
  if (type === 'money' && isMoney(value)) return filter === 'words' ? wordsSpans(value, opts) : moneySpans(value, opts);
  if (type === 'date' && typeof value === 'string') return dateSpans(value, filter, opts);
  if (type === 'number' && typeof value === 'number') return filter === 'days' ? daysSpans(value, opts) : [ltr(formatNumber(value, opts))];
  // Codes print as typed (IBANs, references and CRs keep Latin digits, as banks and Najiz print them) unless `| digits`.
  if (type === 'code' && typeof value === 'string') return [ltr(filter === 'digits' ? applyDigits(value, opts.digits) : value)];
  if (type === 'text' && typeof value === 'string') return [textSpan(value, opts.lang)];
  return [];
}

/**
 * A field's spans after its filters; [] when empty. Filters that do not fit the type are ignored
 * here (validation refuses them); out-of-range values (a Hijri date outside the table) print as
 * the plain ISO date rather than throwing.
 */
export function valueSpans(type: FieldType, raw: FieldValue, filters: readonly FilterCall[], opts: RenderOptions): Span[] {
  const fallback = filters.find((f) => f.name === 'default');
  const format = filters.find((f): f is FilterCall & { name: FormatFilter } => f.name !== 'default' && isFilterName(f.name) && filterFits(f.name, type));
  const value = typedValue(type, raw);
  let spans: Span[] = [];
  if (value !== null && value !== undefined) {
    try {
      spans = formatted(type, value, format?.name, opts);
    } catch {
      spans = typeof value === 'string' ? [ltr(value)] : [];
    }
  }
  if (spans.every((s) => s.text.trim() === '') && fallback?.arg) return [{ text: fallback.arg }];
  return spans;
}
