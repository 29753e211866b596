// The engine's table block on real PDFs: weighted widths and alignment, RTL column order, the header on every page
// of a long table, and a totals row that closes the table (never alone on a page).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDocument, type RichText, type TableColumn } from '../../../electron/core/pdf';
import { letterhead } from '../../fixtures/pdf/letters';
import { pdfText, qpdfCheck, wordBoxes, writePdf } from './tools';

const ltr = (text: string): RichText => [{ text, isolate: 'ltr' }];
const reverse = (s: string): string => [...s].reverse().join('');
const amount = (minor: number): string => `${Math.floor(minor / 100).toLocaleString('en')}.${String(minor % 100).padStart(2, '0')}`;

function pageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/** Renders page `page` at 60 dpi next to the PDF (for a person to look at) and says whether the PNG was written. */
function renderPage(path: string, page: number): boolean {
  const out = path.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(page), '-l', String(page), path, out]);
  const n = pageCount(path);
  const digits = String(n).length;
  return existsSync(`${out}-${String(page).padStart(digits, '0')}.png`);
}

const rowsOf = (n: number): { cells: RichText[]; minor: number }[] =>
  Array.from({ length: n }, (_, i) => {
    const minor = 1_000_00 + i * 1_234;
    return { minor, cells: [ltr(`TH-2026-${String(i + 1).padStart(6, '0')}`), `مدين رقم ${i + 1}`, ltr(amount(minor))] };
  });

describe('a long Arabic table with a totals row', async () => {
  const rows = rowsOf(120);
  const total = rows.reduce((s, r) => s + r.minor, 0);
  const columns: TableColumn[] = [
    { header: 'رقم الملف', width: 3 },
    { header: 'المدين', width: 4 },
    { header: 'المبلغ', width: 2, align: 'end' },
  ];
  const doc = createDocument({ lang: 'ar', digits: 'western', letterhead });
  doc.heading('بيان الملفات', { level: 2 }).table(
    columns,
    rows.map((r) => r.cells),
    { size: 9, totals: ['الإجمالي', '', ltr(amount(total))] },
  );
  const path = writePdf(await doc.finish(), 'table-totals-ar');
  const pages = pageCount(path);

  it('is a valid PDF spread over several pages', () => {
    expect(qpdfCheck(path)).toMatchObject({ ok: true });
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('repeats the header on every page and keeps every row exactly once, in order', () => {
    const seen: number[] = [];
    for (let p = 1; p <= pages; p++) {
      const text = pdfText(path, { first: p, last: p });
      for (const h of ['رقم الملف', 'المدين', 'المبلغ']) expect(text).toContain(h);
      for (const m of text.matchAll(/TH-2026-(\d{6})/g)) seen.push(Number(m[1]));
    }
    expect(seen).toEqual(rows.map((_, i) => i + 1));
  });

  it('ends with the totals row on the last page, after the last row', () => {
    const last = pdfText(path, { first: pages, last: pages });
    expect(last).toContain('الإجمالي');
    expect(last).toContain(amount(total));
    expect(last.indexOf('TH-2026-000120')).toBeLessThan(last.indexOf(amount(total)));
    expect(pdfText(path, { first: 1, last: pages - 1 })).not.toContain('الإجمالي');
  });

  it('puts the first column at the right and aligns the amounts to the end (left) edge', () => {
    const boxes = wordBoxes(path, 1);
    const x = (word: string): number => boxes.find((b) => b.word === word || b.word === reverse(word))?.xMin ?? NaN;
    expect(x('TH-2026-000001')).toBeGreaterThan(x('مدين'));
    const amounts = boxes.filter((b) => /^\d{1,3}(,\d{3})*\.\d{2}$/.test(b.word));
    expect(amounts.length).toBeGreaterThan(10);
    // End-aligned in an Arabic table: every amount starts near the table's left edge, whatever its width.
    const lefts = amounts.map((b) => b.xMin);
    expect(Math.max(...lefts) - Math.min(...lefts)).toBeLessThan(3);
    expect(renderPage(path, 1)).toBe(true);
    expect(renderPage(path, pages)).toBe(true);
  });
});

describe('an English table', async () => {
  const rows = rowsOf(8).map((r, i) => ({ ...r, cells: [ltr(`TH-2026-${String(i + 1).padStart(6, '0')}`), `Debtor ${i + 1}`, ltr(amount(r.minor))] }));
  const doc = createDocument({ lang: 'en', digits: 'western', letterhead });
  doc.table(
    [
      { header: 'Case', width: 2 },
      { header: 'Debtor', width: 5 },
      { header: 'Amount', width: 2, align: 'end' },
    ],
    rows.map((r) => r.cells),
    { totals: ['Total', '', ltr(amount(rows.reduce((s, r) => s + r.minor, 0)))] },
  );
  const path = writePdf(await doc.finish(), 'table-totals-en');

  it('puts the first column at the left, widths by weight, amounts at the right edge', () => {
    expect(qpdfCheck(path)).toMatchObject({ ok: true });
    const boxes = wordBoxes(path, 1);
    const x = (word: string): number => boxes.find((b) => b.word === word)?.xMin ?? NaN;
    expect(x('Case')).toBeLessThan(x('Debtor'));
    // Debtor's column is 5/9 of the width: the Amount header starts about 7/9 across.
    expect(x('Amount')).toBeGreaterThan(x('Debtor') + 150);
    expect(pdfText(path)).toMatch(/Total\s+8,\d{3}\.\d{2}/);
  });
});
