// Amount in English words for bilingual letters and receipts: "Fifteen thousand seven hundred fifty Saudi riyals and fifty halalas only".
import { getCurrency, splitMajorMinor, type CurrencyCode, type EnglishCountedNoun } from './money';

/*
 * Conventions: no "and" inside a number (the cheque style "seven hundred fifty"), hyphenated
 * tens ("twenty-one"), "and" only between the major and minor units, singular noun for exactly one,
 * the first letter capitalised, closing with "only".
 */

export interface AmountInWordsOptions {
  /** Close with "only" (default true). */
  only?: boolean;
}

const ONES: readonly string[] = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS: readonly string[] = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: ReadonlyArray<{ size: number; word: string }> = [
  { size: 1_000_000_000_000, word: 'trillion' },
  { size: 1_000_000_000, word: 'billion' },
  { size: 1_000_000, word: 'million' },
  { size: 1_000, word: 'thousand' },
];

function at(list: readonly string[], index: number): string {
  return list[index] ?? '';
}

function belowThousand(n: number): string {
  const rest = n % 100;
  const hundreds = (n - rest) / 100;
  const words: string[] = [];
  if (hundreds > 0) words.push(`${at(ONES, hundreds)} hundred`);
  if (rest > 0 && rest < 20) words.push(at(ONES, rest));
  if (rest >= 20) {
    const units = rest % 10;
    const tens = at(TENS, (rest - units) / 10);
    words.push(units === 0 ? tens : `${tens}-${at(ONES, units)}`);
  }
  return words.join(' ');
}

/** A non-negative whole number in English words: 15750 → "fifteen thousand seven hundred fifty". */
export function numberInWordsEn(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError('numberInWordsEn needs a non-negative safe integer');
  if (value === 0) return at(ONES, 0);
  const words: string[] = [];
  let remaining = value;
  for (const { size, word } of SCALES) {
    const units = remaining % size;
    const count = (remaining - units) / size;
    remaining = units;
    if (count > 0) words.push(`${belowThousand(count)} ${word}`);
  }
  if (remaining > 0) words.push(belowThousand(remaining));
  return words.join(' ');
}

function countNoun(count: number, noun: EnglishCountedNoun): string {
  return `${numberInWordsEn(count)} ${count === 1 ? noun.singular : noun.plural}`;
}

/** An amount in minor units in English words, e.g. 1575050 SAR → "Fifteen thousand seven hundred fifty Saudi riyals and fifty halalas only". */
export function amountInWordsEn(amount: number, code: CurrencyCode = 'SAR', options: AmountInWordsOptions = {}): string {
  const currency = getCurrency(code);
  const { major, minor } = splitMajorMinor(amount, code);
  const parts: string[] = [];
  if (major > 0) parts.push(countNoun(major, currency.nameEn));
  if (minor > 0) parts.push(countNoun(minor, currency.minorNameEn));
  const words = parts.length === 0 ? `zero ${currency.nameEn.plural}` : parts.join(' and ');
  const sentence = options.only === false ? words : `${words} only`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
