// The report PDF on real tools: qpdf-clean, title, period in both calendars, filters, a long table that continues under
// its repeated header with the totals row at its end, and charts drawn as vector shapes (no images).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportPdf, percentText } from '../../../electron/core/exports/pdf';
import type { ReportDocumentModel } from '../../../electron/core/exports/model';
import { formatMinorUnits } from '../../../electron/domain/format';
import { letterhead } from '../../fixtures/pdf/letters';
import { pdfText, qpdfCheck, writePdf } from '../pdf/tools';

function pageCount(path: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
}

/** Renders every page at 60 dpi into `SHOTS` (when set) for a person to look at. */
function render(path: string, name: string): void {
  const dir = process.env.SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', ['-r', '60', '-png', path, `${dir}/${name}`]);
}

const clients = ['شركة الراجحي للتمويل', 'البنك الأهلي', 'شركة الاتصالات', 'مؤسسة النور التجارية', 'Al Noor Trading'];
const rows = Array.from({ length: 70 }, (_, i) => [
  `${clients[i % clients.length] ?? ''} ${i + 1}`,
  (i % 9) + 1,
  1_000_00 + i * 12_345 + (i % 7),
  { num: (i * 37) % 100, den: 100 },
  `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
]);
const expectedTotal = rows.reduce((s, r) => s + (r[2] as number), 0);

function model(lang: 'ar' | 'en'): ReportDocumentModel {
  const ar = lang === 'ar';
  return {
    lang,
    digits: 'western',
    title: ar ? 'تقرير أعمار الديون' : 'Aging report',
    period: { from: '2026-01-01', to: '2026-11-22' },
    filters: [
      { label: ar ? 'العميل' : 'Client', value: ar ? 'جميع العملاء' : 'All clients' },
      { label: ar ? 'العملة' : 'Currency', value: 'SAR' },
    ],
    generatedAt: '2026-11-22T09:30:00.000Z',
    sections: [
      {
        title: ar ? 'ريال سعودي (SAR)' : 'Saudi riyal (SAR)',
        notes: [ar ? 'الأرصدة القائمة حسب الأيام منذ الاستحقاق.' : 'Outstanding balances by days since due.'],
        charts: [
          {
            kind: 'funnel',
            title: ar ? 'مسار المراحل' : 'Stage pipeline',
            items: [
              { label: ar ? 'استلام' : 'Intake', value: 120, display: '120' },
              { label: ar ? 'مطالبة ودية' : 'Amicable', value: 80, display: '80' },
              { label: ar ? 'إنذار' : 'Notice', value: 45, display: '45' },
              { label: ar ? 'تقاضٍ' : 'Litigation', value: 20, display: '20' },
              { label: ar ? 'تنفيذ' : 'Enforcement', value: 0, display: '0' },
            ],
          },
          {
            kind: 'bars',
            title: ar ? 'أعمار الديون' : 'Aging',
            items: [
              { label: '0–30', value: 500_00, display: '500.00' },
              { label: '31–60', value: 1_250_00, display: '1,250.00' },
              { label: '> 365', value: 90_00, display: '90.00' },
            ],
          },
          {
            kind: 'columns',
            title: ar ? 'التحصيل الشهري' : 'Collections per month',
            items: Array.from({ length: 12 }, (_, m) => ({ label: `2026-${String(m + 1).padStart(2, '0')}`, value: (m % 5) * 1000, display: String((m % 5) * 10) })),
          },
        ],
        tables: [
          {
            title: 'SAR',
            currency: 'SAR',
            columns: [
              { header: ar ? 'العميل' : 'Client', type: 'text' },
              { header: ar ? 'القضايا' : 'Cases', type: 'int' },
              { header: ar ? 'المتبقي' : 'Outstanding', type: 'money' },
              { header: ar ? 'نسبة التحصيل' : 'Recovery', type: 'percent' },
              { header: ar ? 'تاريخ الاستحقاق' : 'Due', type: 'date' },
            ],
            rows,
            totalsLabel: ar ? 'الإجمالي' : 'Total',
          },
          { currency: 'SAR', title: 'USD', columns: [{ header: 'x', type: 'text' }], rows: [], emptyText: ar ? 'لا شيء في هذه الفترة' : 'Nothing in this period' },
        ],
      },
    ],
  };
}

describe('report PDF', () => {
  it.each(['ar', 'en'] as const)('%s: valid, titled, dated in both calendars, the table over several pages with its totals', async (lang) => {
    const bytes = await reportPdf(model(lang), { document: { lang, digits: 'western', letterhead } });
    const path = writePdf(bytes, `report-${lang}`);
    render(path, `report-${lang}`);
    expect(qpdfCheck(path)).toMatchObject({ ok: true });
    const pages = pageCount(path);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = pdfText(path);
    const first = pdfText(path, { first: 1, last: 1 });
    if (lang === 'ar') {
      expect(first).toContain('تقرير أعمار الديون');
      expect(first).toContain('1447/07/12');
      expect(first).toContain('2026/01/01');
      expect(first).toContain('جميع العملاء');
      expect(text).toContain('لا شيء في هذه الفترة');
    } else {
      expect(first).toContain('Aging report');
      expect(first).toContain('1 January 2026');
      expect(first).toContain('1447 AH');
      expect(text).toContain('Nothing in this period');
    }
    // The header on every page the table runs on, each row once, the total at the end.
    const header = lang === 'ar' ? 'المتبقي' : 'Outstanding';
    for (let p = 2; p <= pages; p++) expect(pdfText(path, { first: p, last: p })).toContain(header);
    const lines = text.split('\n').map((l) => l.trim());
    // (In an English page, poppler extracts an Arabic name that holds digits with the digits moved: see pdf/README.md.)
    for (const r of rows.filter((row) => lang === 'ar' || !/[\u0600-\u06ff]/.test(row[0] as string))) {
      expect(lines.filter((l) => l === r[0])).toHaveLength(1);
    }
    const total = formatMinorUnits(expectedTotal, 2, { lang: 'en', digits: 'western' });
    expect(pdfText(path, { first: pages, last: pages })).toContain(total);
    // Charts are vector drawings: the file carries no image XObject.
    expect(execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).split('\n').filter((l) => /^\s*\d+/.test(l))).toHaveLength(0);
  });

  it('writes rates from integer ratios without losing digits', () => {
    const f = { lang: 'en', digits: 'western' } as const;
    expect(percentText({ num: 1, den: 3 }, f)).toBe('33.3%');
    expect(percentText({ num: 2, den: 3 }, f)).toBe('66.7%');
    expect(percentText({ num: 1, den: 1 }, f)).toBe('100.0%');
    expect(percentText({ num: 0, den: 0 }, f)).toBe('—');
    expect(percentText({ num: 9_007_199_254_740_991, den: 9_007_199_254_740_991 }, f)).toBe('100.0%');
    expect(percentText({ num: 1, den: 8 }, { lang: 'ar', digits: 'arabic' })).toBe('١٢٫٥%');
  });
});
