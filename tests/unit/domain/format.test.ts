// Display text for numbers, money and dates, in both languages and both digit styles.
import { describe, expect, it } from 'vitest';
import {
  GREGORIAN_MONTHS_AR,
  MINUS_SIGN,
  formatDateLong,
  formatDateTime,
  formatDual,
  formatGregorian,
  formatHijri,
  formatHijriLong,
  formatMinorUnits,
  formatNumber,
  formatWeekday,
  type FormatOptions,
} from '../../../electron/domain/format';

const AR_AR: FormatOptions = { lang: 'ar', digits: 'arabic' };
const AR_WE: FormatOptions = { lang: 'ar', digits: 'western' };
const EN_WE: FormatOptions = { lang: 'en', digits: 'western' };
const EN_AR: FormatOptions = { lang: 'en', digits: 'arabic' };

describe('formatNumber', () => {
  it.each<[number, string, string]>([
    [0, '0', '٠'],
    [-0, '0', '٠'],
    [7, '7', '٧'],
    [999, '999', '٩٩٩'],
    [1000, '1,000', '١٬٠٠٠'],
    [1234567, '1,234,567', '١٬٢٣٤٬٥٦٧'],
    [-1234567, '-1,234,567', '-١٬٢٣٤٬٥٦٧'],
    [1234.5, '1,234.5', '١٬٢٣٤٫٥'],
    [0.25, '0.25', '٠٫٢٥'],
    [-0.5, '-0.5', '-٠٫٥'],
    [100000, '100,000', '١٠٠٬٠٠٠'],
    [Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991', '٩٬٠٠٧٬١٩٩٬٢٥٤٬٧٤٠٬٩٩١'],
    [1e21, '1,000,000,000,000,000,000,000', '١٬٠٠٠٬٠٠٠٬٠٠٠٬٠٠٠٬٠٠٠٬٠٠٠٬٠٠٠'],
    [1e-7, '0.0000001', '٠٫٠٠٠٠٠٠١'],
    [-1.5e-7, '-0.00000015', '-٠٫٠٠٠٠٠٠١٥'],
    [1.25e21, '1,250,000,000,000,000,000,000', '١٬٢٥٠٬٠٠٠٬٠٠٠٬٠٠٠٬٠٠٠٬٠٠٠٬٠٠٠'],
    [0.1 + 0.2, '0.30000000000000004', '٠٫٣٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٤'],
  ])('%d → %s / %s', (n, western, arabic) => {
    expect(formatNumber(n, EN_WE)).toBe(western);
    expect(formatNumber(n, AR_WE)).toBe(western);
    expect(formatNumber(n, AR_AR)).toBe(arabic);
    expect(formatNumber(n, EN_AR)).toBe(arabic);
  });

  it('rejects non-finite numbers', () => {
    expect(() => formatNumber(Number.NaN, EN_WE)).toThrow(RangeError);
    expect(() => formatNumber(Number.POSITIVE_INFINITY, AR_AR)).toThrow(RangeError);
  });
});

describe('formatMinorUnits', () => {
  it('formats SAR halalas in both digit styles', () => {
    expect(formatMinorUnits(1575050, 2, EN_WE)).toBe('15,750.50');
    expect(formatMinorUnits(1575050, 2, AR_WE)).toBe('15,750.50');
    expect(formatMinorUnits(1575050, 2, AR_AR)).toBe('١٥٬٧٥٠٫٥٠');
    expect(formatMinorUnits(1575050, 2, EN_AR)).toBe('١٥٬٧٥٠٫٥٠');
  });

  it.each<[number, number, string, string]>([
    [0, 2, '0.00', '٠٫٠٠'],
    [-0, 2, '0.00', '٠٫٠٠'],
    [1, 2, '0.01', '٠٫٠١'],
    [5, 2, '0.05', '٠٫٠٥'],
    [99, 2, '0.99', '٠٫٩٩'],
    [100, 2, '1.00', '١٫٠٠'],
    [-1, 2, '-0.01', '-٠٫٠١'],
    [-1575050, 2, '-15,750.50', '-١٥٬٧٥٠٫٥٠'],
    [100000000, 2, '1,000,000.00', '١٬٠٠٠٬٠٠٠٫٠٠'],
    [1234567, 3, '1,234.567', '١٬٢٣٤٫٥٦٧'], // KWD fils
    [5, 3, '0.005', '٠٫٠٠٥'],
    [-1000, 3, '-1.000', '-١٫٠٠٠'],
    [1500, 0, '1,500', '١٬٥٠٠'], // JPY-like
    [-7, 0, '-7', '-٧'],
    [123456789, 4, '12,345.6789', '١٢٬٣٤٥٫٦٧٨٩'],
    [Number.MAX_SAFE_INTEGER, 2, '90,071,992,547,409.91', '٩٠٬٠٧١٬٩٩٢٬٥٤٧٬٤٠٩٫٩١'],
    [-Number.MAX_SAFE_INTEGER, 2, '-90,071,992,547,409.91', '-٩٠٬٠٧١٬٩٩٢٬٥٤٧٬٤٠٩٫٩١'],
    [Number.MAX_SAFE_INTEGER, 3, '9,007,199,254,740.991', '٩٬٠٠٧٬١٩٩٬٢٥٤٬٧٤٠٫٩٩١'],
    [Number.MAX_SAFE_INTEGER - 991, 3, '9,007,199,254,740.000', '٩٬٠٠٧٬١٩٩٬٢٥٤٬٧٤٠٫٠٠٠'],
    [Number.MAX_SAFE_INTEGER - 992, 3, '9,007,199,254,739.999', '٩٬٠٠٧٬١٩٩٬٢٥٤٬٧٣٩٫٩٩٩'],
  ])('(%d, %d) → %s / %s', (minor, decimals, western, arabic) => {
    expect(formatMinorUnits(minor, decimals, EN_WE)).toBe(western);
    expect(formatMinorUnits(minor, decimals, AR_WE)).toBe(western);
    expect(formatMinorUnits(minor, decimals, AR_AR)).toBe(arabic);
  });

  it('uses one documented minus sign and no bidi marks', () => {
    expect(MINUS_SIGN).toBe('-');
    expect(formatMinorUnits(-1575050, 2, AR_AR)).not.toMatch(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2212]/);
  });

  it('rejects non-integer or unsafe minor units and bad decimals', () => {
    expect(() => formatMinorUnits(1.5, 2, EN_WE)).toThrow(RangeError);
    expect(() => formatMinorUnits(Number.MAX_SAFE_INTEGER + 1, 2, EN_WE)).toThrow(RangeError);
    expect(() => formatMinorUnits(Number.NaN, 2, EN_WE)).toThrow(RangeError);
    expect(() => formatMinorUnits(100, -1, EN_WE)).toThrow(RangeError);
    expect(() => formatMinorUnits(100, 2.5, EN_WE)).toThrow(RangeError);
    expect(() => formatMinorUnits(100, 9, EN_WE)).toThrow(RangeError);
  });
});

describe('numeric dates', () => {
  it('formats Gregorian dates year first', () => {
    expect(formatGregorian('2026-11-22', EN_WE)).toBe('2026/11/22');
    expect(formatGregorian('2026-11-22', AR_WE)).toBe('2026/11/22');
    expect(formatGregorian('2026-01-05', AR_AR)).toBe('٢٠٢٦/٠١/٠٥');
    expect(formatGregorian('2026-01-05', EN_AR)).toBe('٢٠٢٦/٠١/٠٥');
    expect(() => formatGregorian('2026-02-30', EN_WE)).toThrow(RangeError);
  });

  it('formats Umm al-Qura dates', () => {
    expect(formatHijri('2026-11-22', EN_WE)).toBe('1448/06/12');
    expect(formatHijri('2026-11-22', AR_WE)).toBe('1448/06/12');
    expect(formatHijri('2026-11-22', AR_AR)).toBe('١٤٤٨/٠٦/١٢');
    expect(formatHijri('2026-02-18', EN_WE)).toBe('1447/09/01');
    expect(() => formatHijri('2090-01-01', EN_WE)).toThrow(RangeError);
  });
});

describe('long and dual dates', () => {
  it('spells Gregorian months the Saudi way', () => {
    expect(GREGORIAN_MONTHS_AR.join(' ')).toBe('يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر');
    expect(formatDateLong('2026-11-22', AR_AR)).toBe('٢٢ نوفمبر ٢٠٢٦م');
    expect(formatDateLong('2026-11-22', AR_WE)).toBe('22 نوفمبر 2026م');
    expect(formatDateLong('2026-11-22', EN_WE)).toBe('22 November 2026');
    expect(formatDateLong('2026-01-05', EN_WE)).toBe('5 January 2026');
    expect(formatDateLong('2026-01-05', EN_AR)).toBe('٥ January ٢٠٢٦');
    expect(formatDateLong('2026-05-01', AR_AR)).toBe('١ مايو ٢٠٢٦م');
  });

  it('spells Hijri months', () => {
    expect(formatHijriLong('2026-11-22', AR_AR)).toBe('١٢ جمادى الآخرة ١٤٤٨هـ');
    expect(formatHijriLong('2026-11-22', AR_WE)).toBe('12 جمادى الآخرة 1448هـ');
    expect(formatHijriLong('2026-11-22', EN_WE)).toBe('12 Jumada al-Akhirah 1448 AH');
    expect(formatHijriLong('2026-02-18', EN_WE)).toBe('1 Ramadan 1447 AH');
  });

  it('gives both calendars the way letters print them', () => {
    expect(formatDual('2026-11-22', AR_AR)).toBe('١٤٤٨/٠٦/١٢هـ الموافق ٢٠٢٦/١١/٢٢م');
    expect(formatDual('2026-11-22', AR_WE)).toBe('1448/06/12هـ الموافق 2026/11/22م');
    expect(formatDual('2026-11-22', EN_WE)).toBe('22 November 2026 (12 Jumada al-Akhirah 1448 AH)');
    expect(formatDual('2026-11-22', EN_AR)).toBe('٢٢ November ٢٠٢٦ (١٢ Jumada al-Akhirah ١٤٤٨ AH)');
  });

  it('names weekdays', () => {
    expect(formatWeekday('2026-11-22', AR_AR)).toBe('الأحد');
    expect(formatWeekday('2026-11-27', AR_WE)).toBe('الجمعة');
    expect(formatWeekday('2026-11-28', EN_WE)).toBe('Saturday');
  });
});

describe('formatDateTime', () => {
  it('shows instants in Riyadh time, 24-hour', () => {
    expect(formatDateTime('2026-11-22T11:05:00Z', EN_WE)).toBe('2026/11/22 14:05');
    expect(formatDateTime('2026-11-22T11:05:00Z', AR_WE)).toBe('2026/11/22 14:05');
    expect(formatDateTime('2026-11-22T11:05:00Z', AR_AR)).toBe('٢٠٢٦/١١/٢٢ ١٤:٠٥');
    expect(formatDateTime('2026-11-22T11:05:00Z', EN_AR)).toBe('٢٠٢٦/١١/٢٢ ١٤:٠٥');
    expect(formatDateTime(new Date('2026-11-22T11:05:59.999Z'), EN_WE)).toBe('2026/11/22 14:05');
  });

  it('rolls over at Riyadh midnight and honours explicit offsets', () => {
    expect(formatDateTime('2026-11-22T20:59:00Z', EN_WE)).toBe('2026/11/22 23:59');
    expect(formatDateTime('2026-11-22T21:00:00Z', EN_WE)).toBe('2026/11/23 00:00');
    expect(formatDateTime('2026-12-31T21:00:00Z', EN_WE)).toBe('2027/01/01 00:00');
    expect(formatDateTime('2026-11-22T14:05:00+03:00', EN_WE)).toBe('2026/11/22 14:05');
    expect(formatDateTime('2026-11-22T06:05:00-05:00', EN_WE)).toBe('2026/11/22 14:05');
  });

  it('refuses instants without an offset', () => {
    expect(() => formatDateTime('2026-11-22T11:05:00', EN_WE)).toThrow(RangeError);
  });
});
