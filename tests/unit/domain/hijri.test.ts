// Umm al-Qura conversions: the committed table against ICU for every day it covers, plus anchors and input parsing.
import { describe, expect, it } from 'vitest';
import { addDays, diffDays } from '../../../electron/domain/dates';
import {
  HIJRI_MAX_GREGORIAN,
  HIJRI_MAX_YEAR,
  HIJRI_MIN_GREGORIAN,
  HIJRI_MIN_YEAR,
  HIJRI_MONTHS_AR,
  HIJRI_MONTHS_EN,
  gregorianToHijri,
  hijriMonthLength,
  hijriMonthName,
  hijriToGregorian,
  isValidHijri,
  parseHijriInput,
} from '../../../electron/domain/hijri';
import { UMALQURA_MONTH_LENGTHS } from '../../../electron/domain/hijri-table';

describe('Umm al-Qura table', () => {
  it('covers 1356-1500 AH, 1937-03-14 to 2077-11-16', () => {
    expect(HIJRI_MIN_YEAR).toBe(1356);
    expect(HIJRI_MAX_YEAR).toBe(1500);
    expect(HIJRI_MIN_GREGORIAN).toBe('1937-03-14');
    expect(HIJRI_MAX_GREGORIAN).toBe('2077-11-16');
    expect(UMALQURA_MONTH_LENGTHS).toHaveLength(145);
  });

  it('has twelve 29/30-day months and 354 or 355 days in every year', () => {
    for (const row of UMALQURA_MONTH_LENGTHS) {
      expect(row).toMatch(/^[01]{12}$/);
      const days = 12 * 29 + row.replace(/0/g, '').length;
      expect([354, 355]).toContain(days);
    }
  });

  it('matches ICU islamic-umalqura and round-trips on every day it covers', () => {
    // ICU is the reference only in this test; the app itself never asks Intl for Hijri dates.
    const icu = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    const total = diffDays(HIJRI_MIN_GREGORIAN, HIJRI_MAX_GREGORIAN) + 1;
    const start = Date.UTC(1937, 2, 14);
    let mismatches = 0;
    let firstMismatch = '';
    let iso = HIJRI_MIN_GREGORIAN;
    for (let i = 0; i < total; i += 1) {
      const parts = icu.formatToParts(new Date(start + i * 86_400_000));
      const num = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
      const h = gregorianToHijri(iso);
      const ok =
        h.year === num('year') && h.month === num('month') && h.day === num('day') && hijriToGregorian(h) === iso;
      if (!ok) {
        mismatches += 1;
        if (firstMismatch === '') firstMismatch = `${iso} → ${JSON.stringify(h)}`;
      }
      iso = addDays(iso, 1);
    }
    const tableDays = UMALQURA_MONTH_LENGTHS.length * 12 * 29 + UMALQURA_MONTH_LENGTHS.join('').replace(/0/g, '').length;
    expect(total).toBe(tableDays);
    expect(total).toBe(51_383);
    expect(firstMismatch).toBe('');
    expect(mismatches).toBe(0);
  });
});

describe('independence from ICU', () => {
  it('converts with Intl.DateTimeFormat unavailable', () => {
    const original = Intl.DateTimeFormat;
    try {
      Object.defineProperty(Intl, 'DateTimeFormat', {
        configurable: true,
        writable: true,
        value: () => {
          throw new Error('Intl used');
        },
      });
      expect(gregorianToHijri('2026-11-22')).toEqual({ year: 1448, month: 6, day: 12 });
      expect(hijriToGregorian({ year: 1447, month: 9, day: 1 })).toBe('2026-02-18');
    } finally {
      Object.defineProperty(Intl, 'DateTimeFormat', { configurable: true, writable: true, value: original });
    }
  });
});

describe('anchors', () => {
  it('2026-11-22 is 12 Jumada al-Akhirah (month 6) 1448', () => {
    expect(gregorianToHijri('2026-11-22')).toEqual({ year: 1448, month: 6, day: 12 });
    expect(hijriToGregorian({ year: 1448, month: 6, day: 12 })).toBe('2026-11-22');
  });

  it('1 Ramadan 1447 is 2026-02-18', () => {
    expect(hijriToGregorian({ year: 1447, month: 9, day: 1 })).toBe('2026-02-18');
    expect(gregorianToHijri('2026-02-18')).toEqual({ year: 1447, month: 9, day: 1 });
    expect(gregorianToHijri('2026-02-17')).toEqual({ year: 1447, month: 8, day: 29 });
  });

  it('the table edges', () => {
    expect(gregorianToHijri('1937-03-14')).toEqual({ year: 1356, month: 1, day: 1 });
    expect(gregorianToHijri('2077-11-16')).toEqual({ year: 1500, month: 12, day: hijriMonthLength(1500, 12) });
    expect(hijriToGregorian({ year: 1356, month: 1, day: 1 })).toBe('1937-03-14');
  });
});

describe('month lengths and validity', () => {
  it('rejects day 30 in a 29-day month and accepts it in a 30-day month', () => {
    expect(hijriMonthLength(1447, 8)).toBe(29); // Sha'ban 1447 ends 2026-02-17
    expect(isValidHijri({ year: 1447, month: 8, day: 29 })).toBe(true);
    expect(isValidHijri({ year: 1447, month: 8, day: 30 })).toBe(false);
    expect(() => hijriToGregorian({ year: 1447, month: 8, day: 30 })).toThrow(RangeError);
    const thirty = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => hijriMonthLength(1447, m) === 30);
    expect(thirty).toBeDefined();
    expect(isValidHijri({ year: 1447, month: thirty ?? 1, day: 30 })).toBe(true);
  });

  it('rejects impossible parts', () => {
    expect(isValidHijri({ year: 1448, month: 0, day: 1 })).toBe(false);
    expect(isValidHijri({ year: 1448, month: 13, day: 1 })).toBe(false);
    expect(isValidHijri({ year: 1448, month: 1, day: 0 })).toBe(false);
    expect(isValidHijri({ year: 1448, month: 1, day: 1.5 })).toBe(false);
    expect(isValidHijri({ year: 1448.5, month: 1, day: 1 })).toBe(false);
    expect(isValidHijri({ year: 1355, month: 12, day: 1 })).toBe(false);
    expect(isValidHijri({ year: 1501, month: 1, day: 1 })).toBe(false);
    expect(() => hijriMonthLength(1448, 13)).toThrow(RangeError);
  });
});

describe('out of range', () => {
  it('throws RangeError with the supported range in the message', () => {
    expect(() => gregorianToHijri('1937-03-13')).toThrow(/outside the supported range Hijri 1356-1500/);
    expect(() => gregorianToHijri('2077-11-17')).toThrow(RangeError);
    expect(() => hijriToGregorian({ year: 1501, month: 1, day: 1 })).toThrow(/Hijri year 1501 is outside/);
    expect(() => hijriToGregorian({ year: 1355, month: 12, day: 29 })).toThrow(RangeError);
    expect(() => hijriMonthLength(1600, 1)).toThrow(RangeError);
  });

  it('throws RangeError for a malformed Gregorian date', () => {
    expect(() => gregorianToHijri('2026-02-30')).toThrow(RangeError);
    expect(() => gregorianToHijri('22/11/2026')).toThrow(RangeError);
  });
});

describe('month names', () => {
  it('names all twelve months in Arabic and English', () => {
    expect(HIJRI_MONTHS_AR).toHaveLength(12);
    expect(HIJRI_MONTHS_EN).toHaveLength(12);
    expect(hijriMonthName(6, 'ar')).toBe('جمادى الآخرة');
    expect(hijriMonthName(6, 'en')).toBe('Jumada al-Akhirah');
    expect(hijriMonthName(9, 'ar')).toBe('رمضان');
    expect(hijriMonthName(1, 'en')).toBe('Muharram');
    expect(hijriMonthName(12, 'ar')).toBe('ذو الحجة');
    expect(() => hijriMonthName(0, 'en')).toThrow(RangeError);
    expect(() => hijriMonthName(13, 'ar')).toThrow(RangeError);
  });
});

describe('parseHijriInput', () => {
  const expected = { year: 1448, month: 6, day: 12 };
  it.each([
    '1448/06/12',
    '12/06/1448',
    '١٤٤٨/٠٦/١٢',
    '١٢/٠٦/١٤٤٨',
    '1448/6/12',
    '12/6/1448',
    '1448-06-12',
    '12.06.1448',
    '1448/06/12هـ',
    '1448/06/12 هـ',
    '١٤٤٨/٠٦/١٢هـ',
    '١٢/٠٦/١٤٤٨ هـ',
    '1448/06/12ه',
    '  1448 / 06 / 12  ',
    '\u200f١٤٤٨/٠٦/١٢هـ\u200f',
    '۱۴۴۸/۰۶/۱۲',
    '1448/06/12 AH',
  ])('reads %j', (text) => {
    expect(parseHijriInput(text)).toEqual(expected);
  });

  it.each([
    '',
    'هـ',
    '1448/06',
    '1448/13/01',
    '1447/08/30',
    '1448/06/31',
    '12/06/48',
    '48/06/12',
    '1448/06/12/1',
    '1448/06/12 م',
    '1501/01/01',
    'abc',
    '1448//12',
  ])('rejects %j', (text) => {
    expect(parseHijriInput(text)).toBeNull();
  });
});
