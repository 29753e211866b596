// The report workbook read back with exceljs: sheets per section, typed cells, exact totals, currency formats, RTL and frozen headers.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatMinorUnits } from '../../../electron/domain/format';
import { minorToExcel, moneyFormat, reportWorkbook, sheetName } from '../../../electron/core/exports/xlsx';
import type { ReportDocumentModel } from '../../../electron/core/exports/model';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function resultOf(v: ExcelJS.CellValue): unknown {
  return v !== null && typeof v === 'object' && 'formula' in v ? v.result : v;
}

// Amounts chosen so that float addition of the major values drifts (0.1 + 0.2 style) while the integer sum does not.
const sarRows = [
  ['شركة الراجحي', 10, 10, 1_000_000_01, { num: 5_000_00, den: 1_000_000_01 }, '2026-01-31'],
  ['Al Noor Trading', 3, 3, 20, { num: 10, den: 20 }, '2026-02-28'],
  ['عميل ثالث', 7, 7, 10, { num: 0, den: 10 }, '2026-03-01'],
] as const;

function model(lang: 'ar' | 'en'): ReportDocumentModel {
  return {
    lang,
    digits: 'western',
    title: lang === 'ar' ? 'أعمار الديون' : 'Aging',
    period: { from: '2026-01-01', to: '2026-12-31' },
    filters: [{ label: lang === 'ar' ? 'العميل' : 'Client', value: lang === 'ar' ? 'الكل' : 'All' }],
    generatedAt: '2026-11-22T10:00:00.000Z',
    sections: [
      {
        title: lang === 'ar' ? 'ريال سعودي' : 'Saudi riyal',
        notes: ['note'],
        tables: [
          {
            title: 'SAR',
            currency: 'SAR',
            columns: [
              { header: lang === 'ar' ? 'العميل' : 'Client', type: 'text' },
              { header: lang === 'ar' ? 'القضايا' : 'Cases', type: 'int' },
              { header: 'dup', type: 'int', total: false },
              { header: lang === 'ar' ? 'المتبقي' : 'Outstanding', type: 'money' },
              { header: '%', type: 'percent' },
              { header: lang === 'ar' ? 'التاريخ' : 'Date', type: 'date' },
            ],
            rows: sarRows.map((r) => [...r]),
            totalsLabel: lang === 'ar' ? 'الإجمالي' : 'Total',
          },
        ],
      },
      {
        title: 'KWD',
        tables: [
          {
            currency: 'KWD',
            columns: [
              { header: 'Client', type: 'text' },
              { header: 'Outstanding', type: 'money' },
            ],
            rows: [
              ['a', 1_234_567],
              ['b', 1],
            ],
            totalsLabel: 'Total',
          },
          { currency: 'KWD', columns: [{ header: 'x', type: 'text' }], rows: [], emptyText: 'Nothing in this period' },
        ],
      },
    ],
  };
}

describe('report workbook', () => {
  it('writes one right-to-left sheet per section with typed cells and exact totals (Arabic)', async () => {
    const wb = await readBack(await reportWorkbook(model('ar')));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['ريال سعودي', 'KWD']);
    const ws = wb.getWorksheet('ريال سعودي');
    if (!ws) throw new Error('missing sheet');
    const view = ws.views[0];
    expect(view?.rightToLeft).toBe(true);
    expect(view?.state).toBe('frozen');
    // Title, filters, the note, the table's caption, then the header: frozen below the header.
    const header = 5;
    expect(view && 'ySplit' in view ? view.ySplit : 0).toBe(header);
    expect(ws.getCell(header, 1).value).toBe('العميل');
    expect(ws.getCell(2, 1).text).toContain('الفترة');
    expect(ws.getCell(2, 1).text).toContain('2026/01/01م');

    const data = sarRows.map((_, i) => ws.getRow(header + 1 + i));
    data.forEach((row, i) => {
      const src = sarRows[i];
      if (!src) throw new Error('row');
      expect(row.getCell(1).value).toBe(src[0]);
      expect(row.getCell(2).value).toBe(src[1]);
      expect(typeof row.getCell(4).value).toBe('number');
      expect(row.getCell(4).value).toBe(src[3] / 100);
      expect(row.getCell(4).numFmt).toBe(moneyFormat('SAR'));
      expect(row.getCell(5).value).toBeCloseTo(src[4].num / src[4].den, 12);
      expect(row.getCell(6).value).toBeInstanceOf(Date);
      expect((row.getCell(6).value as Date).toISOString().slice(0, 10)).toBe(src[5]);
      expect(row.getCell(6).numFmt).toBe('yyyy/mm/dd');
    });
    const total = ws.getRow(header + 1 + sarRows.length);
    expect(total.getCell(1).value).toBe('الإجمالي');
    const moneyTotal = total.getCell(4).value;
    expect(moneyTotal).toMatchObject({ formula: `SUM(D${header + 1}:D${header + 3})` });
    // The cached total is the exact integer sum divided once: 1,000,000.31.
    expect(resultOf(moneyTotal)).toBe(1_000_000_31 / 100);
    expect((resultOf(moneyTotal) as number).toFixed(2)).toBe(formatMinorUnits(1_000_000_31, 2, { lang: 'en', digits: 'western' }).replace(/,/g, ''));
    expect(resultOf(total.getCell(2).value)).toBe(20);
    expect(total.getCell(3).value).toBeNull();
    // Σnum ÷ Σden, not the average of the three rates.
    expect(total.getCell(5).value).toBeCloseTo((5_000_00 + 10) / (1_000_000_01 + 20 + 10), 12);
    // The sum of the rows' values equals the totals row (to the currency's decimals).
    const rowSum = data.reduce((s, row) => s + Math.round((row.getCell(4).value as number) * 100), 0);
    expect(rowSum).toBe(1_000_000_31);
  });

  it('uses each currency’s decimals and says why a table is empty (English, left to right)', async () => {
    const wb = await readBack(await reportWorkbook(model('en')));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Saudi riyal', 'KWD']);
    expect(wb.getWorksheet('Saudi riyal')?.views[0]?.rightToLeft).toBe(false);
    const ws = wb.getWorksheet('KWD');
    if (!ws) throw new Error('missing sheet');
    expect(ws.getCell(3, 1).value).toBe('Client');
    expect(ws.getCell(4, 2).value).toBe(1234.567);
    expect(ws.getCell(4, 2).numFmt).toBe('#,##0.000 "KWD";-#,##0.000 "KWD"');
    expect(resultOf(ws.getCell(6, 2).value)).toBe(1234.568);
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(c.text)));
    expect(texts).toContain('Nothing in this period');
  });

  it('keeps minor units exact at the edge and names sheets as Excel allows', () => {
    for (const minor of [0, 1, 5, 10, 99, 101, 1_999, 123_456_789, 9_007_199_254_740_99]) {
      expect(minorToExcel(minor, 'SAR').toFixed(2)).toBe(formatMinorUnits(minor, 2, { lang: 'en', digits: 'western' }).replace(/,/g, ''));
      expect(minorToExcel(minor, 'KWD').toFixed(3)).toBe(formatMinorUnits(minor, 3, { lang: 'en', digits: 'western' }).replace(/,/g, ''));
    }
    expect(() => minorToExcel(1.5, 'SAR')).toThrow(RangeError);
    const taken = new Set<string>();
    expect(sheetName('a/b:c', taken)).toBe('a b c');
    expect(sheetName('A/B:C', taken)).toBe('A B C (2)');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
  });
});
