// Placement files: the fields a column can feed, a first guess at the mapping from headers, and each cell read the way
// offices send it (dd/mm/yyyy, yyyy-mm-dd, Excel serials, Hijri; thousands separators, Arabic-Indic digits).
import { toWesternDigits } from './digits';
import { daysInMonth, fromEpochDay, isIsoDate, toEpochDay } from './dates';
import { hijriToGregorian, isValidHijri } from './hijri';
import { INSTRUMENT_TYPES, type InstrumentType } from './ladder-config';
import { isCurrencyCode, parseAmount, type CurrencyCode } from './money';
import { foldText } from './arabic-text';

/** Fields a column can feed. Several columns may feed debtorName (joined), phones, address and notes. */
export const IMPORT_FIELDS = [
  'debtorName',
  'nationalId',
  'phones',
  'address',
  'city',
  'clientReference',
  'amount',
  'currency',
  'dueDate',
  'instrumentType',
  'instrumentNumber',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Fields fed by several columns: names, addresses and notes are joined; phones listed; dates take the first filled (Gregorian or Hijri column). */
export const MULTI_COLUMN_FIELDS: readonly ImportField[] = ['debtorName', 'phones', 'address', 'notes', 'dueDate'];
export const REQUIRED_FIELDS: readonly ImportField[] = ['debtorName', 'amount'];

/** Which header(s) feed each field, by header text (so a client's next file with other column order still fits). */
export interface ImportMapping {
  columns: Partial<Record<ImportField, string[]>>;
  /** How an ambiguous numeric date like 03/04/2026 is read. */
  dateOrder: 'dmy' | 'mdy';
  /** Used when the file has no currency or instrument column (or the cell is empty). */
  defaultCurrency: CurrencyCode;
  defaultInstrument: InstrumentType;
}

/** Words a header may contain, folded and without the article (ال): a header's words are compared the same way. */
const HEADER_HINTS: Record<ImportField, string[]> = {
  debtorName: ['اسم', 'مدين', 'عميل', 'name', 'debtor', 'customer'],
  nationalId: ['هويه', 'اقامه', 'سجل', 'id', 'iqama', 'national id', 'رقم الهويه', 'سجل تجاري'],
  phones: ['جوال', 'هاتف', 'تلفون', 'phone', 'mobile', 'tel'],
  address: ['عنوان', 'حي', 'شارع', 'address', 'street', 'district'],
  city: ['مدينه', 'city'],
  clientReference: ['مرجع', 'حساب', 'عقد', 'reference', 'ref', 'account', 'رقم حساب', 'رقم عقد'],
  amount: ['مبلغ', 'رصيد', 'مديونيه', 'amount', 'balance', 'principal'],
  currency: ['عمله', 'currency'],
  dueDate: ['تاريخ', 'استحقاق', 'due', 'date'],
  instrumentType: ['نوع سند', 'سند', 'instrument', 'type'],
  instrumentNumber: ['رقم سند', 'رقم فاتوره', 'رقم شيك', 'instrument no', 'invoice no', 'cheque no'],
  notes: ['ملاحظات', 'ملاحظه', 'notes', 'remarks', 'comment'],
};

function fold(s: string): string {
  return foldText(s);
}

/** Folded words without the Arabic article, so "المبلغ" and "مبلغ" compare equal. */
function headerWords(s: string): string[] {
  return fold(s)
    .split(/[\s_\-/().]+/)
    .filter(Boolean)
    .map((w) => (w.startsWith('ال') && w.length > 3 ? w.slice(2) : w));
}

/** A first guess for a file nobody has mapped yet: each header to the field its words suggest (the user corrects it). */
export function guessMapping(headers: readonly string[]): ImportMapping {
  const columns: Partial<Record<ImportField, string[]>> = {};
  // Several-word hints first ("رقم سند" before "سند"), so a header is claimed by the most specific field.
  const hints = IMPORT_FIELDS.flatMap((f) => HEADER_HINTS[f].map((h) => ({ f, words: headerWords(h) }))).sort((a, b) => b.words.length - a.words.length);
  for (const header of headers) {
    const words = headerWords(header);
    if (words.length === 0) continue;
    const has = (w: string): boolean => words.some((x) => x === w || (x.startsWith(w) && /^\d+$/.test(x.slice(w.length))));
    const phrase = ` ${words.join(' ')} `;
    const hit = hints.find((h) => (h.words.length > 1 ? phrase.includes(` ${h.words.join(' ')} `) : has(h.words[0] ?? '')));
    if (!hit) continue;
    const list = columns[hit.f] ?? [];
    if (list.length > 0 && !MULTI_COLUMN_FIELDS.includes(hit.f)) continue;
    columns[hit.f] = [...list, header];
  }
  return { columns, dateOrder: 'dmy', defaultCurrency: 'SAR', defaultInstrument: 'invoice' };
}

/** A cell as read from the file: text, or a number/date where the spreadsheet stored one. */
export type RawCell = string | number | { date: string } | null;

export function cellText(c: RawCell): string {
  if (c === null) return '';
  if (typeof c === 'number') return String(c);
  if (typeof c === 'object') return c.date;
  return c.replace(/\p{Cf}/gu, '').trim();
}

export type DateProblem = 'date_invalid';
export type ValueResult<T, P extends string> = { ok: true; value: T } | { ok: false; reason: P };

/** Excel's 1900 date system: serial 1 is 1900-01-01, with the phantom 29 Feb 1900 (so day 0 is 1899-12-30). */
const EXCEL_EPOCH = toEpochDay('1899-12-30');
const SERIAL_MIN = 367; // 1901-01-01
const SERIAL_MAX = 109_574; // 2199-12-31

export function excelSerialToIso(serial: number): string | null {
  const whole = Math.floor(serial);
  if (whole < SERIAL_MIN || whole > SERIAL_MAX) return null;
  return fromEpochDay(EXCEL_EPOCH + whole);
}

function gregorian(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const NUMERIC_DATE = /^(\d{1,4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,4})$/;
const HIJRI_MARK = /\s*(?:\u0647\u0640*|AH|A\.H\.)\s*$/i;
const GREGORIAN_MARK = /\s*(?:\u0645|AD|CE)\s*$/i;

/**
 * A due date as offices write it: yyyy-mm-dd, dd/mm/yyyy (or mm/dd/yyyy by the mapping's order), an Excel serial, or a
 * Hijri date (a year 1300–1500, with or without هـ) converted through the Umm al-Qura table.
 */
export function parseImportDate(c: RawCell, order: 'dmy' | 'mdy'): ValueResult<string, DateProblem> {
  if (c !== null && typeof c === 'object') return isIsoDate(c.date) ? { ok: true, value: c.date } : { ok: false, reason: 'date_invalid' };
  if (typeof c === 'number') {
    const iso = excelSerialToIso(c);
    return iso ? { ok: true, value: iso } : { ok: false, reason: 'date_invalid' };
  }
  const raw = toWesternDigits(cellText(c));
  const hijriMarked = HIJRI_MARK.test(raw);
  const text = raw.replace(HIJRI_MARK, '').replace(GREGORIAN_MARK, '').replace(/\s+\d{1,2}:\d{2}(:\d{2})?.*$/, '').trim();
  if (/^\d{5}(\.\d+)?$/.test(text)) {
    const iso = excelSerialToIso(Number(text));
    return iso ? { ok: true, value: iso } : { ok: false, reason: 'date_invalid' };
  }
  const m = NUMERIC_DATE.exec(text);
  if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) return { ok: false, reason: 'date_invalid' };
  const a = Number(m[1]);
  const b = Number(m[2]);
  const c3 = Number(m[3]);
  let y: number, mo: number, d: number;
  if (m[1].length === 4) [y, mo, d] = [a, b, c3];
  else if (m[3].length === 4) [y, mo, d] = order === 'dmy' ? [c3, b, a] : [c3, a, b];
  else return { ok: false, reason: 'date_invalid' };
  if (hijriMarked || (y >= 1300 && y <= 1500)) {
    const h = { year: y, month: mo, day: d };
    return isValidHijri(h) ? { ok: true, value: hijriToGregorian(h) } : { ok: false, reason: 'date_invalid' };
  }
  const iso = gregorian(y, mo, d);
  return iso ? { ok: true, value: iso } : { ok: false, reason: 'date_invalid' };
}

export type AmountProblem = 'amount_words' | 'amount_invalid' | 'amount_zero' | 'amount_decimals' | 'amount_negative';

/** An amount in minor units: thousands separators, Arabic-Indic digits, a currency word around it; words are refused. */
export function parseImportAmount(c: RawCell, currency: CurrencyCode): ValueResult<number, AmountProblem> {
  let text = toWesternDigits(cellText(c));
  // A currency written beside the figure ("15,000 ريال", "SAR 1,200.50") is dropped; any other letters mean words.
  text = text.replace(/(ر\.?\s?س\.?|ريال(?:\s*سعودي)?|SAR|SR|USD|EUR|\$)/gi, '').trim();
  if (/\p{L}/u.test(text)) return { ok: false, reason: 'amount_words' };
  const r = parseAmount(text, currency);
  if (!r.ok) {
    if (r.reason === 'negative') return { ok: false, reason: 'amount_negative' };
    if (r.reason === 'too_many_decimals') return { ok: false, reason: 'amount_decimals' };
    return { ok: false, reason: 'amount_invalid' };
  }
  if (r.value <= 0) return { ok: false, reason: 'amount_zero' };
  return { ok: true, value: r.value };
}

const CURRENCY_WORDS: Record<string, CurrencyCode> = { 'ريال': 'SAR', 'ريال سعودي': 'SAR', 'ر.س': 'SAR', 'رس': 'SAR', 'دولار': 'USD', 'يورو': 'EUR', 'درهم': 'AED' };

export function parseImportCurrency(c: RawCell, fallback: CurrencyCode): ValueResult<CurrencyCode, 'currency_unknown'> {
  const t = cellText(c);
  if (t === '') return { ok: true, value: fallback };
  const up = t.toUpperCase();
  if (isCurrencyCode(up)) return { ok: true, value: up };
  const word = CURRENCY_WORDS[t];
  return word ? { ok: true, value: word } : { ok: false, reason: 'currency_unknown' };
}

const INSTRUMENT_WORDS: Record<string, InstrumentType> = {
  'فاتوره': 'invoice', 'فواتير': 'invoice', 'عقد': 'contract', 'قرض': 'loan', 'تمويل': 'loan', 'شيك': 'cheque',
  'سند لامر': 'promissory_note', 'سند': 'promissory_note', 'كمبياله': 'promissory_note', 'حكم': 'judgment',
  'عقد موثق': 'notarised_contract', 'محضر صلح': 'settlement_minute',
  'cheque': 'cheque', 'check': 'cheque', 'promissory note': 'promissory_note', 'note': 'promissory_note',
};

export function parseImportInstrument(c: RawCell, fallback: InstrumentType): ValueResult<InstrumentType, 'instrument_unknown'> {
  const t = fold(cellText(c)).replace(/\s+/g, ' ');
  if (t === '') return { ok: true, value: fallback };
  const key = t.replace(/ /g, '_');
  if ((INSTRUMENT_TYPES as readonly string[]).includes(key)) return { ok: true, value: key as InstrumentType };
  const word = INSTRUMENT_WORDS[t];
  return word ? { ok: true, value: word } : { ok: false, reason: 'instrument_unknown' };
}
