// Money as integer minor units with an ISO currency: the currency table, parsing typed amounts, safe arithmetic, splits and allocation (display lives in format.ts).
import { toWesternDigits } from './digits';

/** A counted noun in the forms Arabic number grammar asks for (see tafqeet-ar). */
export interface ArabicCountedNoun {
  /** Singular nominative/genitive, also after 100s and scale words: "ريال". */
  singular: string;
  /** Dual nominative: "ريالان". */
  dual: string;
  /** Plural after 3-10: "ريالات". */
  plural: string;
  /** Singular accusative (tamyeez) after 11-99: "ريالاً". */
  accusative: string;
  /** Grammatical gender; numbers 3-10 take the opposite gender. */
  gender: 'm' | 'f';
}

export interface EnglishCountedNoun {
  singular: string;
  plural: string;
}

export interface Currency {
  code: CurrencyCode;
  /** Digits after the decimal point: 2 for halalas and cents, 3 for fils and baisa. */
  decimals: number;
  nameAr: ArabicCountedNoun;
  minorNameAr: ArabicCountedNoun;
  nameEn: EnglishCountedNoun;
  minorNameEn: EnglishCountedNoun;
}

export const CURRENCY_CODES = ['SAR', 'USD', 'EUR', 'GBP', 'AED', 'KWD', 'BHD', 'OMR', 'JOD', 'QAR', 'EGP'] as const;
export type CurrencyCode = (typeof CURRENCY_CODES)[number];

function ar(singular: string, dual: string, plural: string, accusative: string, gender: 'm' | 'f'): ArabicCountedNoun {
  return { singular, dual, plural, accusative, gender };
}

function en(singular: string, plural: string): EnglishCountedNoun {
  return { singular, plural };
}

const FILS_AR = ar('فلس', 'فلسان', 'فلوس', 'فلساً', 'm');
const FILS_EN = en('fils', 'fils');
const CENT_AR = ar('سنت', 'سنتان', 'سنتات', 'سنتاً', 'm');
const CENT_EN = en('cent', 'cents');

// Saudi riyals are written bare, as in Saudi letters and judgments; other currencies carry their
// nationality adjective, declined with the noun, so a riyal is never mistaken for another country's.
const CURRENCIES: Readonly<Record<CurrencyCode, Currency>> = {
  SAR: {
    code: 'SAR', decimals: 2,
    nameAr: ar('ريال', 'ريالان', 'ريالات', 'ريالاً', 'm'), minorNameAr: ar('هللة', 'هللتان', 'هللات', 'هللة', 'f'),
    nameEn: en('Saudi riyal', 'Saudi riyals'), minorNameEn: en('halala', 'halalas'),
  },
  USD: {
    code: 'USD', decimals: 2,
    nameAr: ar('دولار أمريكي', 'دولاران أمريكيان', 'دولارات أمريكية', 'دولاراً أمريكياً', 'm'), minorNameAr: CENT_AR,
    nameEn: en('US dollar', 'US dollars'), minorNameEn: CENT_EN,
  },
  EUR: {
    code: 'EUR', decimals: 2,
    nameAr: ar('يورو', 'يوروان', 'يوروات', 'يورو', 'm'), minorNameAr: CENT_AR,
    nameEn: en('euro', 'euros'), minorNameEn: CENT_EN,
  },
  GBP: {
    code: 'GBP', decimals: 2,
    nameAr: ar('جنيه إسترليني', 'جنيهان إسترلينيان', 'جنيهات إسترلينية', 'جنيهاً إسترلينياً', 'm'),
    minorNameAr: ar('بنس', 'بنسان', 'بنسات', 'بنساً', 'm'),
    nameEn: en('pound sterling', 'pounds sterling'), minorNameEn: en('penny', 'pence'),
  },
  AED: {
    code: 'AED', decimals: 2,
    nameAr: ar('درهم إماراتي', 'درهمان إماراتيان', 'دراهم إماراتية', 'درهماً إماراتياً', 'm'), minorNameAr: FILS_AR,
    nameEn: en('UAE dirham', 'UAE dirhams'), minorNameEn: FILS_EN,
  },
  KWD: {
    code: 'KWD', decimals: 3,
    nameAr: ar('دينار كويتي', 'ديناران كويتيان', 'دنانير كويتية', 'ديناراً كويتياً', 'm'), minorNameAr: FILS_AR,
    nameEn: en('Kuwaiti dinar', 'Kuwaiti dinars'), minorNameEn: FILS_EN,
  },
  BHD: {
    code: 'BHD', decimals: 3,
    nameAr: ar('دينار بحريني', 'ديناران بحرينيان', 'دنانير بحرينية', 'ديناراً بحرينياً', 'm'), minorNameAr: FILS_AR,
    nameEn: en('Bahraini dinar', 'Bahraini dinars'), minorNameEn: FILS_EN,
  },
  OMR: {
    code: 'OMR', decimals: 3,
    nameAr: ar('ريال عماني', 'ريالان عمانيان', 'ريالات عمانية', 'ريالاً عمانياً', 'm'),
    minorNameAr: ar('بيسة', 'بيستان', 'بيسات', 'بيسة', 'f'),
    nameEn: en('Omani rial', 'Omani rials'), minorNameEn: en('baisa', 'baisa'),
  },
  JOD: {
    code: 'JOD', decimals: 3,
    nameAr: ar('دينار أردني', 'ديناران أردنيان', 'دنانير أردنية', 'ديناراً أردنياً', 'm'), minorNameAr: FILS_AR,
    nameEn: en('Jordanian dinar', 'Jordanian dinars'), minorNameEn: FILS_EN,
  },
  QAR: {
    code: 'QAR', decimals: 2,
    nameAr: ar('ريال قطري', 'ريالان قطريان', 'ريالات قطرية', 'ريالاً قطرياً', 'm'),
    minorNameAr: ar('درهم', 'درهمان', 'دراهم', 'درهماً', 'm'),
    nameEn: en('Qatari riyal', 'Qatari riyals'), minorNameEn: en('dirham', 'dirhams'),
  },
  EGP: {
    code: 'EGP', decimals: 2,
    nameAr: ar('جنيه مصري', 'جنيهان مصريان', 'جنيهات مصرية', 'جنيهاً مصرياً', 'm'),
    minorNameAr: ar('قرش', 'قرشان', 'قروش', 'قرشاً', 'm'),
    nameEn: en('Egyptian pound', 'Egyptian pounds'), minorNameEn: en('piastre', 'piastres'),
  },
};

/** Narrow a code read from the database or a form. */
export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.prototype.hasOwnProperty.call(CURRENCIES, code);
}

export function getCurrency(code: CurrencyCode): Currency {
  return CURRENCIES[code];
}

/** Minor units in one major unit: 100 for SAR, 1000 for KWD. */
export function minorPerMajor(code: CurrencyCode): number {
  return 10 ** CURRENCIES[code].decimals;
}

// ---------------------------------------------------------------- safe integer arithmetic

function assertMinor(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer of minor units, got ${value}`);
}

/** Whole major units and the remaining minor units of a non-negative amount (15750.50 → 15750 and 50). */
export function splitMajorMinor(amount: number, code: CurrencyCode): { major: number; minor: number } {
  assertMinor(amount, 'amount');
  if (amount < 0) throw new RangeError('splitMajorMinor needs a non-negative amount');
  const per = minorPerMajor(code);
  const minor = amount % per;
  // Exact: the difference is a multiple of `per`, so the quotient is an integer below 2^53.
  return { major: (amount - minor) / per, minor };
}

/** a + b, refusing anything that is not exact. */
export function addMinor(a: number, b: number): number {
  assertMinor(a, 'a');
  assertMinor(b, 'b');
  const sum = a + b;
  assertMinor(sum, 'sum');
  return sum;
}

/** a − b, refusing anything that is not exact. */
export function subtractMinor(a: number, b: number): number {
  return addMinor(a, -b);
}

/** Sum of amounts; throws RangeError rather than lose a halala past Number.MAX_SAFE_INTEGER. */
export function sumMinor(values: readonly number[]): number {
  return values.reduce((total, value) => addMinor(total, value), 0);
}

/**
 * Split a total into n shares that differ by at most one minor unit and always add up to the total;
 * the leftover units go on the first or the last shares (e.g. an instalment plan's last instalment).
 */
export function splitEvenly(total: number, n: number, remainderOn: 'first' | 'last' = 'last'): number[] {
  assertMinor(total, 'total');
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError('splitEvenly needs a positive whole number of shares');
  const magnitude = Math.abs(total);
  const remainder = magnitude % n;
  const base = (magnitude - remainder) / n;
  const shares: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const extra = remainderOn === 'first' ? i < remainder : i >= n - remainder;
    const share = base + (extra ? 1 : 0);
    shares.push(total < 0 && share !== 0 ? -share : share);
  }
  return shares;
}

export interface AllocationBucket<K extends string> {
  key: K;
  /** What is outstanding in this bucket, in minor units. */
  due: number;
}

export interface AllocationResult<K extends string> {
  allocations: Array<{ key: K; amount: number }>;
  /** What remains after every bucket is paid off (an overpayment). */
  leftover: number;
}

/** Pay an amount into buckets in the given order (default office order: costs → fees → principal). */
export function allocate<K extends string>(amount: number, buckets: ReadonlyArray<AllocationBucket<K>>): AllocationResult<K> {
  assertMinor(amount, 'amount');
  if (amount < 0) throw new RangeError('allocate needs a non-negative amount; reversals are separate entries');
  let remaining = amount;
  const allocations = buckets.map(({ key, due }) => {
    assertMinor(due, `due of ${key}`);
    const paid = Math.min(remaining, Math.max(due, 0));
    remaining -= paid;
    return { key, amount: paid };
  });
  return { allocations, leftover: remaining };
}

// ---------------------------------------------------------------- parsing and formatting

export type ParseAmountError = 'empty' | 'not_a_number' | 'too_many_decimals' | 'negative' | 'too_large';
export type ParseAmountResult = { ok: true; value: number } | { ok: false; reason: ParseAmountError };

export interface ParseAmountOptions {
  /** A business cap in minor units (e.g. the largest claim the office accepts); never above MAX_SAFE_INTEGER. */
  maxMinor?: number;
}

/**
 * Integer part with optional thousands groups (",", Arabic "٬", or spaces), then an optional
 * fraction after "." or Arabic "٫". Groups must be exactly three digits so "15,75" is rejected
 * rather than guessed at.
 */
const AMOUNT_PATTERN = /^([0-9]{1,3}(?:[,\u066C \u00A0\u202F\u2009][0-9]{3})*|[0-9]*)(?:[.\u066B]([0-9]*))?$/;
const NEGATIVE_SIGN = /^[-\u2212]|[-\u2212]$/; // a minus may land at the end after a right-to-left copy

/**
 * Parse a typed amount into minor units, without floating point: "15,750.50", "15750.5",
 * "١٥٬٧٥٠٫٥٠". Trailing zeros beyond the currency's decimals are accepted ("1.500" SAR = 150).
 */
export function parseAmount(text: string, code: CurrencyCode, options: ParseAmountOptions = {}): ParseAmountResult {
  // Bidi marks (\p{Cf}) come along when an amount is copied from right-to-left text.
  let body = toWesternDigits(text).replace(/\p{Cf}/gu, '').trim();
  if (body === '') return { ok: false, reason: 'empty' };
  let negative = false;
  if (NEGATIVE_SIGN.test(body)) {
    negative = true;
    body = body.replace(NEGATIVE_SIGN, '').trim();
  } else if (body.startsWith('+')) {
    body = body.slice(1).trim();
  }
  const match = AMOUNT_PATTERN.exec(body);
  const integerPart = (match?.[1] ?? '').replace(/[^0-9]/g, '');
  let fraction = match?.[2] ?? '';
  if (match === null || (integerPart === '' && fraction === '')) return { ok: false, reason: 'not_a_number' };
  const { decimals } = CURRENCIES[code];
  if (fraction.length > decimals) {
    if (/[1-9]/.test(fraction.slice(decimals))) return { ok: false, reason: 'too_many_decimals' };
    fraction = fraction.slice(0, decimals);
  }
  const value = BigInt(`${integerPart}${fraction.padEnd(decimals, '0')}` || '0');
  if (negative && value !== 0n) return { ok: false, reason: 'negative' };
  const cap = Math.min(options.maxMinor ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (value > BigInt(cap)) return { ok: false, reason: 'too_large' };
  return { ok: true, value: Number(value) };
}
