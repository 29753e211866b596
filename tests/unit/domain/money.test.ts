// Money in integer minor units: currency table, parsing typed amounts, safe sums, even splits and allocation.
import { describe, expect, it } from 'vitest';
import {
  addMinor,
  allocate,
  CURRENCY_CODES,
  getCurrency,
  isCurrencyCode,
  minorPerMajor,
  parseAmount,
  splitEvenly,
  splitMajorMinor,
  subtractMinor,
  sumMinor,
} from '../../../electron/domain/money';

describe('currency table', () => {
  it('knows the decimals of the office currencies', () => {
    expect(CURRENCY_CODES).toEqual(['SAR', 'USD', 'EUR', 'GBP', 'AED', 'KWD', 'BHD', 'OMR', 'JOD', 'QAR', 'EGP']);
    for (const code of ['KWD', 'BHD', 'OMR', 'JOD'] as const) expect(getCurrency(code).decimals).toBe(3);
    for (const code of ['SAR', 'USD', 'EUR', 'GBP', 'AED', 'QAR', 'EGP'] as const) expect(getCurrency(code).decimals).toBe(2);
    expect(minorPerMajor('SAR')).toBe(100);
    expect(minorPerMajor('KWD')).toBe(1000);
  });

  it('gives every currency all the noun forms tafqeet needs', () => {
    for (const code of CURRENCY_CODES) {
      const { nameAr, minorNameAr, nameEn, minorNameEn } = getCurrency(code);
      for (const noun of [nameAr, minorNameAr]) {
        expect([noun.singular, noun.dual, noun.plural, noun.accusative].every((form) => form.length > 0)).toBe(true);
      }
      expect(nameEn.plural.length > 0 && minorNameEn.plural.length > 0).toBe(true);
    }
    expect(getCurrency('SAR').minorNameAr).toMatchObject({ singular: 'هللة', gender: 'f' });
  });

  it('narrows codes read from storage', () => {
    expect(isCurrencyCode('SAR')).toBe(true);
    expect(isCurrencyCode('sar')).toBe(false);
    expect(isCurrencyCode('toString')).toBe(false);
    expect(isCurrencyCode('JPY')).toBe(false);
  });
});

describe('parseAmount', () => {
  it.each([
    ['15,750.50', 1_575_050],
    ['15750.5', 1_575_050],
    ['15750.50', 1_575_050],
    ['15750', 1_575_000],
    ['  15 750.50 ', 1_575_050],
    ['١٥٬٧٥٠٫٥٠', 1_575_050],
    ['١٥٧٥٠٫٥', 1_575_050],
    ['۱۵۷۵۰.۵', 1_575_050],
    ['1,000,000', 100_000_000],
    ['0.01', 1],
    ['.5', 50],
    ['5.', 500],
    ['0', 0],
    ['-0', 0],
    ['+12.30', 1_230],
    ['1.500', 150], // zeros beyond the currency's decimals change nothing
    ['\u200F15,750.50\u200E', 1_575_050],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('SAR %j → %d halalas', (text, value) => {
    expect(parseAmount(text, 'SAR')).toEqual({ ok: true, value });
  });

  it('uses the currency decimals', () => {
    expect(parseAmount('1.234', 'KWD')).toEqual({ ok: true, value: 1_234 });
    expect(parseAmount('1.2', 'KWD')).toEqual({ ok: true, value: 1_200 });
    expect(parseAmount('1.2345', 'KWD')).toEqual({ ok: false, reason: 'too_many_decimals' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not_a_number'],
    ['.', 'not_a_number'],
    ['15,75', 'not_a_number'], // a malformed group is refused, not guessed
    ['15.750,50', 'not_a_number'],
    ['1,0000', 'not_a_number'],
    ['12a', 'not_a_number'],
    ['1e5', 'not_a_number'],
    ['SAR 100', 'not_a_number'],
    ['--5', 'not_a_number'],
    ['1.2.3', 'not_a_number'],
    ['15.505', 'too_many_decimals'],
    ['0.001', 'too_many_decimals'],
    ['-5', 'negative'],
    ['−5.00', 'negative'],
    ['5-', 'negative'],
    ['90071992547409.92', 'too_large'],
    ['99999999999999999999', 'too_large'],
  ] as const)('SAR %j → %s', (text, reason) => {
    expect(parseAmount(text, 'SAR')).toEqual({ ok: false, reason });
  });

  it('applies a business cap', () => {
    expect(parseAmount('1,000,000.00', 'SAR', { maxMinor: 100_000_000 })).toEqual({ ok: true, value: 100_000_000 });
    expect(parseAmount('1,000,000.01', 'SAR', { maxMinor: 100_000_000 })).toEqual({ ok: false, reason: 'too_large' });
  });
});

describe('safe arithmetic', () => {
  it('adds, subtracts and sums exactly', () => {
    expect(addMinor(1_575_050, 50)).toBe(1_575_100);
    expect(subtractMinor(100, 250)).toBe(-150);
    expect(sumMinor([])).toBe(0);
    expect(sumMinor([10, 20, 30])).toBe(60);
    expect(sumMinor([Number.MAX_SAFE_INTEGER - 1, 1])).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses overflow and non-integers', () => {
    expect(() => addMinor(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1, -1])).toThrow(RangeError);
    expect(() => addMinor(0.1, 0.2)).toThrow(RangeError);
    expect(() => sumMinor([1, Number.NaN])).toThrow(RangeError);
  });

  it('splits an amount into major and minor units', () => {
    expect(splitMajorMinor(1_575_050, 'SAR')).toEqual({ major: 15_750, minor: 50 });
    expect(splitMajorMinor(1_234_567, 'KWD')).toEqual({ major: 1_234, minor: 567 });
    expect(splitMajorMinor(Number.MAX_SAFE_INTEGER, 'SAR')).toEqual({ major: 90_071_992_547_409, minor: 91 });
    expect(() => splitMajorMinor(-1, 'SAR')).toThrow(RangeError);
  });
});

describe('splitEvenly', () => {
  it('puts the remainder on the last or first shares', () => {
    expect(splitEvenly(1_000, 3)).toEqual([333, 333, 334]);
    expect(splitEvenly(1_000, 3, 'last')).toEqual([333, 333, 334]);
    expect(splitEvenly(1_000, 3, 'first')).toEqual([334, 333, 333]);
    expect(splitEvenly(1_001, 4, 'first')).toEqual([251, 250, 250, 250]);
    expect(splitEvenly(1_003, 4, 'last')).toEqual([250, 251, 251, 251]);
    expect(splitEvenly(2, 5)).toEqual([0, 0, 0, 1, 1]);
    expect(splitEvenly(0, 3)).toEqual([0, 0, 0]);
    expect(splitEvenly(-1_000, 3)).toEqual([-333, -333, -334]);
  });

  it('always sums exactly to the total, even at the edge of safe integers', () => {
    for (const total of [1, 7, 99, 1_575_050, 123_456_789, Number.MAX_SAFE_INTEGER]) {
      for (const n of [1, 2, 3, 7, 12, 36, 60]) {
        for (const side of ['first', 'last'] as const) {
          const shares = splitEvenly(total, n, side);
          expect(shares).toHaveLength(n);
          expect(shares.reduce((a, b) => BigInt(a) + BigInt(b), 0n)).toBe(BigInt(total));
          expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('refuses nonsense', () => {
    expect(() => splitEvenly(100, 0)).toThrow(RangeError);
    expect(() => splitEvenly(100, 1.5)).toThrow(RangeError);
    expect(() => splitEvenly(1.5, 2)).toThrow(RangeError);
  });
});

describe('allocate', () => {
  const buckets = [
    { key: 'costs', due: 50_000 },
    { key: 'fees', due: 100_000 },
    { key: 'principal', due: 1_000_000 },
  ] as const;

  it('pays buckets in order: costs, then fees, then principal', () => {
    expect(allocate(120_000, buckets)).toEqual({
      allocations: [
        { key: 'costs', amount: 50_000 },
        { key: 'fees', amount: 70_000 },
        { key: 'principal', amount: 0 },
      ],
      leftover: 0,
    });
    expect(allocate(30_000, buckets).allocations.map((a) => a.amount)).toEqual([30_000, 0, 0]);
  });

  it('returns an overpayment as leftover', () => {
    const result = allocate(1_200_000, buckets);
    expect(result.allocations.map((a) => a.amount)).toEqual([50_000, 100_000, 1_000_000]);
    expect(result.leftover).toBe(50_000);
  });

  it('skips empty buckets and conserves the amount', () => {
    const result = allocate(75_000, [{ key: 'costs', due: 0 }, { key: 'fees', due: 25_000 }, { key: 'principal', due: 10_000 }]);
    expect(result).toEqual({
      allocations: [{ key: 'costs', amount: 0 }, { key: 'fees', amount: 25_000 }, { key: 'principal', amount: 10_000 }],
      leftover: 40_000,
    });
    expect(allocate(0, buckets).allocations.every((a) => a.amount === 0)).toBe(true);
    expect(allocate(500, []).leftover).toBe(500);
  });

  it('refuses negative or fractional amounts', () => {
    expect(() => allocate(-1, buckets)).toThrow(RangeError);
    expect(() => allocate(10.5, buckets)).toThrow(RangeError);
    expect(() => allocate(10, [{ key: 'fees', due: 1.5 }])).toThrow(RangeError);
  });
});
