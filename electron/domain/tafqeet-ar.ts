// Amount in Arabic words (تفقيط) for letters, receipts and court packs, following the grammar of numbers and counted nouns.
import { getCurrency, splitMajorMinor, type ArabicCountedNoun, type CurrencyCode } from './money';

/*
 * Conventions (Saudi legal and banking writing):
 * - "مائة" not "مئة", and hundreds written as one word: ثلاثمائة، ثمانمائة.
 * - Every number is in the nominative (حالة الرفع), the citation form used after "مبلغ وقدره":
 *   اثنا عشر، اثنتان وعشرون — never the oblique اثني/اثنين.
 * - The accusative tamyeez after 11-99 carries an alif of tanween (ريالاً، ألفاً); a noun ending in
 *   taa marbuta takes none in writing (هللة). No other diacritics are written.
 * - 1 and 2 alone are the noun itself: "ريال واحد" (واحد is written for the currency so the figure
 *   cannot be read as a bare noun), "ريالان"; a scale word alone is "ألف", "ألفان".
 * - 3-10 take the plural noun and the opposite gender: ثلاثة ريالات، ثلاث هللات.
 * - 11-99 take the singular accusative: أحد عشر ريالاً، إحدى عشرة هللة، واحد وعشرون ريالاً.
 * - Round hundreds and every scale word govern a singular genitive: مائة ريال، ألف ريال؛ a dual in
 *   construct drops its ن: مائتا ريال، ألفا ريال، مائتا ألف.
 * - A scale word directly before the currency noun is in construct and so loses its tanween:
 *   أحد عشر ألف ريال; followed by more words it keeps it: أحد عشر ألفاً وخمسمائة ريال.
 * - Hundreds compounded with 1 or 2 write the numeral then the singular: مائة وواحد ريال،
 *   مائة وواحد ألف ريال (the classical "مائة ألف وألف" is correct but unfamiliar in offices, and
 *   "مائة وألف" would read as 1,100). After a higher scale word, 1 and 2 stay nouns: ألف وريال واحد،
 *   مليون وألفا ريال.
 * - Parts join with و attached to the next word; the minor unit follows the major with و; the
 *   phrase closes with "فقط لا غير". Zero is "صفر ريال".
 */

export interface AmountInWordsOptions {
  /** Close with "فقط لا غير" (default true); off when a template supplies its own wording. */
  only?: boolean;
}

type Gender = 'm' | 'f';

/** Scale words are nouns counted like any other, plus the construct dual they need before a noun. */
interface ScaleWord extends ArabicCountedNoun {
  dualConstruct: string;
}

const ONLY = 'فقط لا غير';
const ZERO = 'صفر';

// Index = the number; the forms are those used with a noun of the given gender (3-10 reversed).
const ONES: Readonly<Record<Gender, readonly string[]>> = {
  m: ['', 'واحد', 'اثنان', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة', 'عشرة'],
  f: ['', 'واحدة', 'اثنتان', 'ثلاث', 'أربع', 'خمس', 'ست', 'سبع', 'ثماني', 'تسع', 'عشر'],
};
const TEENS: Readonly<Record<Gender, readonly string[]>> = {
  m: ['أحد عشر', 'اثنا عشر', 'ثلاثة عشر', 'أربعة عشر', 'خمسة عشر', 'ستة عشر', 'سبعة عشر', 'ثمانية عشر', 'تسعة عشر'],
  f: ['إحدى عشرة', 'اثنتا عشرة', 'ثلاث عشرة', 'أربع عشرة', 'خمس عشرة', 'ست عشرة', 'سبع عشرة', 'ثماني عشرة', 'تسع عشرة'],
};
/** Units before a tens word: "واحد وعشرون", "إحدى وعشرون", "ثمان وعشرون". */
const UNITS_BEFORE_TENS: Readonly<Record<Gender, readonly string[]>> = {
  m: ['', 'واحد', 'اثنان', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة'],
  f: ['', 'إحدى', 'اثنتان', 'ثلاث', 'أربع', 'خمس', 'ست', 'سبع', 'ثمان', 'تسع'],
};
const TENS: readonly string[] = ['', '', 'عشرون', 'ثلاثون', 'أربعون', 'خمسون', 'ستون', 'سبعون', 'ثمانون', 'تسعون'];
const HUNDREDS: readonly string[] = [
  '', 'مائة', 'مائتان', 'ثلاثمائة', 'أربعمائة', 'خمسمائة', 'ستمائة', 'سبعمائة', 'ثمانمائة', 'تسعمائة',
];
const TWO_HUNDRED_CONSTRUCT = 'مائتا';

function scale(singular: string, dual: string, plural: string, accusative: string, dualConstruct: string): ScaleWord {
  return { singular, dual, plural, accusative, gender: 'm', dualConstruct };
}

const SCALES: ReadonlyArray<{ size: number; word: ScaleWord }> = [
  { size: 1_000_000_000_000, word: scale('تريليون', 'تريليونان', 'تريليونات', 'تريليوناً', 'تريليونا') },
  { size: 1_000_000_000, word: scale('مليار', 'ملياران', 'مليارات', 'ملياراً', 'مليارا') },
  { size: 1_000_000, word: scale('مليون', 'مليونان', 'ملايين', 'مليوناً', 'مليونا') },
  { size: 1_000, word: scale('ألف', 'ألفان', 'آلاف', 'ألفاً', 'ألفا') },
];

function at(list: readonly string[], index: number): string {
  return list[index] ?? '';
}

/** 1-99 in words, in the forms used with a noun of the given gender. */
function belowHundred(n: number, gender: Gender): string {
  if (n <= 10) return at(ONES[gender], n);
  if (n < 20) return at(TEENS[gender], n - 11);
  const units = n % 10;
  const tens = at(TENS, (n - units) / 10);
  return units === 0 ? tens : `${at(UNITS_BEFORE_TENS[gender], units)} و${tens}`;
}

interface CountOptions {
  /** The counted noun is itself followed by a noun (a scale word before the currency): dual loses ن, no tanween. */
  construct: boolean;
  /** The count stands alone as 1: the currency noun adds "واحد", a scale word does not. */
  sayOne: boolean;
}

/** A count of 1-999 with its noun in the grammatically required form. */
function countNoun(count: number, noun: ArabicCountedNoun & { dualConstruct?: string }, options: CountOptions): string {
  const rest = count % 100;
  const hundreds = (count - rest) / 100;
  if (rest === 0) return `${hundreds === 2 ? TWO_HUNDRED_CONSTRUCT : at(HUNDREDS, hundreds)} ${noun.singular}`;
  let tail: string;
  if (hundreds > 0 && rest <= 2) {
    tail = `${at(ONES[noun.gender], rest)} ${noun.singular}`;
  } else if (rest === 1) {
    tail = options.sayOne ? `${noun.singular} ${at(ONES[noun.gender], 1)}` : noun.singular;
  } else if (rest === 2) {
    tail = options.construct && noun.dualConstruct !== undefined ? noun.dualConstruct : noun.dual;
  } else if (rest <= 10) {
    tail = `${belowHundred(rest, noun.gender)} ${noun.plural}`;
  } else {
    tail = `${belowHundred(rest, noun.gender)} ${options.construct ? noun.singular : noun.accusative}`;
  }
  return hundreds > 0 ? `${at(HUNDREDS, hundreds)} و${tail}` : tail;
}

/** A whole positive number of units of `noun` in words: "خمسة عشر ألفاً وسبعمائة وخمسون ريالاً". */
function countInWords(value: number, noun: ArabicCountedNoun): string {
  const parts: string[] = [];
  let remaining = value;
  for (const { size, word } of SCALES) {
    const units = remaining % size;
    const count = (remaining - units) / size;
    remaining = units;
    if (count > 0) parts.push(countNoun(count, word, { construct: remaining === 0, sayOne: false }));
  }
  if (remaining === 0) return `${parts.join(' و')} ${noun.singular}`;
  parts.push(countNoun(remaining, noun, { construct: false, sayOne: true }));
  return parts.join(' و');
}

/**
 * An amount in minor units in Arabic words: amountInWordsAr(1575050) →
 * "خمسة عشر ألفاً وسبعمائة وخمسون ريالاً وخمسون هللة فقط لا غير".
 */
export function amountInWordsAr(amount: number, code: CurrencyCode = 'SAR', options: AmountInWordsOptions = {}): string {
  const currency = getCurrency(code);
  const { major, minor } = splitMajorMinor(amount, code);
  const parts: string[] = [];
  if (major > 0) parts.push(countInWords(major, currency.nameAr));
  if (minor > 0) parts.push(countInWords(minor, currency.minorNameAr));
  const words = parts.length === 0 ? `${ZERO} ${currency.nameAr.singular}` : parts.join(' و');
  return options.only === false ? words : `${words} ${ONLY}`;
}

/**
 * Any whole count with its noun, for wording beyond money: with { singular: 'يوم', dual: 'يومان',
 * plural: 'أيام', accusative: 'يوماً', gender: 'm' }, 15 gives "خمسة عشر يوماً".
 */
export function countInWordsAr(value: number, noun: ArabicCountedNoun): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError('countInWordsAr needs a non-negative safe integer');
  return value === 0 ? `${ZERO} ${noun.singular}` : countInWords(value, noun);
}
