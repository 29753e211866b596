// Cells of placement files read the way offices write them, and the first guess of a mapping from the headers.
import { describe, expect, it } from 'vitest';
import { excelSerialToIso, guessMapping, parseImportAmount, parseImportCurrency, parseImportDate, parseImportInstrument } from '../../../electron/domain/import-values';
import { hijriToGregorian } from '../../../electron/domain/hijri';

describe('dates', () => {
  it('reads ISO, day-first and month-first dates, Excel serials and date cells', () => {
    expect(parseImportDate('2025-01-31', 'dmy')).toEqual({ ok: true, value: '2025-01-31' });
    expect(parseImportDate('03/04/2026', 'dmy')).toEqual({ ok: true, value: '2026-04-03' });
    expect(parseImportDate('03/04/2026', 'mdy')).toEqual({ ok: true, value: '2026-03-04' });
    expect(parseImportDate('٠٣/٠٤/٢٠٢٦', 'dmy')).toEqual({ ok: true, value: '2026-04-03' });
    expect(parseImportDate('15.03.2025 00:00', 'dmy')).toEqual({ ok: true, value: '2025-03-15' });
    expect(parseImportDate(45700, 'dmy')).toEqual({ ok: true, value: '2025-02-12' });
    expect(parseImportDate('45700', 'dmy')).toEqual({ ok: true, value: '2025-02-12' });
    expect(parseImportDate({ date: '2025-06-01' }, 'dmy')).toEqual({ ok: true, value: '2025-06-01' });
    expect(excelSerialToIso(1)).toBeNull();
    expect(excelSerialToIso(44927)).toBe('2023-01-01');
  });

  it('reads Hijri dates by their year or their هـ, through Umm al-Qura', () => {
    const expected = hijriToGregorian({ year: 1446, month: 9, day: 10 });
    expect(parseImportDate('1446/09/10', 'dmy')).toEqual({ ok: true, value: expected });
    expect(parseImportDate('10/09/1446', 'dmy')).toEqual({ ok: true, value: expected });
    expect(parseImportDate('١٤٤٦/٠٩/١٠هـ', 'dmy')).toEqual({ ok: true, value: expected });
    expect(parseImportDate('1446/13/01', 'dmy')).toEqual({ ok: false, reason: 'date_invalid' });
  });

  it('refuses what is not a date', () => {
    for (const bad of ['31/02/2025', '2025-13-01', 'غداً', '12/12', '99999999', '']) expect(parseImportDate(bad, 'dmy').ok).toBe(false);
  });
});

describe('amounts', () => {
  it('reads separators, Arabic-Indic digits, a currency beside the figure and spreadsheet numbers, in minor units', () => {
    expect(parseImportAmount('15,750.50', 'SAR')).toEqual({ ok: true, value: 1_575_050 });
    expect(parseImportAmount('٢٣٬٤٠٠٫٧٥', 'SAR')).toEqual({ ok: true, value: 2_340_075 });
    expect(parseImportAmount('1,200 ريال', 'SAR')).toEqual({ ok: true, value: 120_000 });
    expect(parseImportAmount('SAR 99.9', 'SAR')).toEqual({ ok: true, value: 9_990 });
    expect(parseImportAmount(12500.5, 'SAR')).toEqual({ ok: true, value: 1_250_050 });
    expect(parseImportAmount('1.250', 'KWD')).toEqual({ ok: true, value: 1_250 });
  });

  it('refuses words, zero, negatives, too many decimals and garbage with their own reasons', () => {
    expect(parseImportAmount('خمسة آلاف ريال', 'SAR')).toEqual({ ok: false, reason: 'amount_words' });
    expect(parseImportAmount('five thousand', 'SAR')).toEqual({ ok: false, reason: 'amount_words' });
    expect(parseImportAmount('0', 'SAR')).toEqual({ ok: false, reason: 'amount_zero' });
    expect(parseImportAmount('-100', 'SAR')).toEqual({ ok: false, reason: 'amount_negative' });
    expect(parseImportAmount('10.555', 'SAR')).toEqual({ ok: false, reason: 'amount_decimals' });
    expect(parseImportAmount('15,75', 'SAR')).toEqual({ ok: false, reason: 'amount_invalid' });
  });
});

describe('currencies, instruments and the mapping guess', () => {
  it('reads currency codes and words, and instrument names in Arabic and English', () => {
    expect(parseImportCurrency('ريال', 'USD')).toEqual({ ok: true, value: 'SAR' });
    expect(parseImportCurrency('usd', 'SAR')).toEqual({ ok: true, value: 'USD' });
    expect(parseImportCurrency('', 'SAR')).toEqual({ ok: true, value: 'SAR' });
    expect(parseImportCurrency('دينار', 'SAR').ok).toBe(false);
    expect(parseImportInstrument('سند لأمر', 'invoice')).toEqual({ ok: true, value: 'promissory_note' });
    expect(parseImportInstrument('Cheque', 'invoice')).toEqual({ ok: true, value: 'cheque' });
    expect(parseImportInstrument('فاتورة', 'loan')).toEqual({ ok: true, value: 'invoice' });
    expect(parseImportInstrument('', 'loan')).toEqual({ ok: true, value: 'loan' });
    expect(parseImportInstrument('شيء آخر', 'loan').ok).toBe(false);
  });

  it('guesses fields from Arabic and English headers, several columns where a field takes them', () => {
    const m = guessMapping(['الاسم الأول', 'اسم العائلة', 'رقم الهوية', 'الجوال', 'جوال 2', 'المدينة', 'رقم الحساب', 'المبلغ', 'تاريخ الاستحقاق', 'نوع السند', 'ملاحظات']);
    expect(m.columns).toEqual({
      debtorName: ['الاسم الأول', 'اسم العائلة'],
      nationalId: ['رقم الهوية'],
      phones: ['الجوال', 'جوال 2'],
      city: ['المدينة'],
      clientReference: ['رقم الحساب'],
      amount: ['المبلغ'],
      dueDate: ['تاريخ الاستحقاق'],
      instrumentType: ['نوع السند'],
      notes: ['ملاحظات'],
    });
    expect(guessMapping(['Customer Name', 'National ID', 'Mobile1', 'Mobile2', 'Balance', 'Account']).columns).toEqual({
      debtorName: ['Customer Name'],
      nationalId: ['National ID'],
      phones: ['Mobile1', 'Mobile2'],
      amount: ['Balance'],
      clientReference: ['Account'],
    });
  });
});
