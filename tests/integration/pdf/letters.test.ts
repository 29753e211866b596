// Real PDFs checked with qpdf and poppler: extracted text is the logical text, tables repeat headers, pages are numbered.
import { describe, expect, it } from 'vitest';
import { createDocument, renderLetters, renderLettersSeparately } from '../../../electron/core/pdf';
import { arabicOptions, demandData, demandLetter, englishLetter, englishOptions, letterhead } from '../../fixtures/pdf/letters';
import { samplePng } from '../../fixtures/pdf/png';
import { pdfFonts, pdfText, qpdfCheck, wordBoxes, writePdf } from './tools';

const reverse = (s: string): string => [...s].reverse().join('');

describe('Arabic demand letter', async () => {
  const doc = createDocument({ ...arabicOptions, letterhead: { ...letterhead, logo: { bytes: samplePng(), type: 'png' } } });
  demandLetter()(doc);
  const path = writePdf(await doc.finish(), 'demand-ar');
  const text = pdfText(path);

  it('passes qpdf --check', () => {
    expect(qpdfCheck(path)).toMatchObject({ ok: true });
  });

  it('extracts the sentences as typed, ligatures included', () => {
    for (const phrase of [
      'مكتب الأعمال للمحاماة والاستشارات القانونية',
      'السلام عليكم ورحمة الله وبركاته،',
      'الموضوع: إنذار بالسداد — ملف رقم TH-2026-000123',
      'بمبلغ وقدره 15,750.50 ريال (خمسة عشر ألفاً وسبعمائة وخمسون ريالاً وخمسون هللة فقط لا غير)،',
      'وذلك بموجب عقد التوريد (ملف رقم 123) المؤرخ في 2026-01-10، والمستحق السداد بتاريخ 2026-03-15.',
      'حساب موكلنا رقم (آيبان) SA03 8000 0000 6080 1016 7519 لدى مصرف الراجحي،',
      'دون جدوى، فإننا ننذركم',
      'للاستفسار: +966 11 234 5678 — info@aamal-law.sa، مع ذكر رقم الملف TH-2026-000123.',
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it('keeps numbers, dates and references unreversed in -layout mode too', () => {
    const layout = pdfText(path, { layout: true });
    for (const token of ['2026-03-15', 'TH-2026-000123', '15,750.50', 'SA03 8000 0000 6080 1016 7519', '(ملف رقم 123)', 'الاستشارات', 'لا غير']) {
      expect(layout).toContain(token);
    }
  });

  it('numbers its pages in Arabic-Indic digits', () => {
    expect(text).toContain('صفحة ١ من ١');
  });

  it('embeds each font once, subset', () => {
    const fonts = pdfFonts(path);
    expect(fonts).toHaveLength(2);
    for (const name of fonts) expect(name).toMatch(/^[A-Z]{6}\+Vazirmatn-(Regular|Bold)$/);
  });
});

describe('English letter', async () => {
  const doc = createDocument(englishOptions);
  englishLetter(doc);
  const path = writePdf(await doc.finish(), 'demand-en');

  it('reads left to right with numbers intact', () => {
    expect(qpdfCheck(path).ok).toBe(true);
    const text = pdfText(path);
    expect(text).toContain('Acting for Palm Finance Co. under power of attorney no. 448112233, we notify you');
    expect(text).toContain('2026-03-15. Please pay the full amount within 15 days into account\nSA03 8000 0000 6080 1016 7519 (Al Rajhi Bank)');
    expect(text).toContain('Page 1 of 1');
    expect(text).toContain('مكتب الأعمال للمحاماة والاستشارات القانونية');
  });
});

describe('tables and pagination', async () => {
  const rows = Array.from({ length: 50 }, (_, i) => [`دفعة رقم ${i + 1}`, [{ text: `2026-03-${String((i % 28) + 1).padStart(2, '0')}`, isolate: 'ltr' as const }], [{ text: `${(i + 1) * 100}.00`, isolate: 'ltr' as const }]]);
  const doc = createDocument({ lang: 'ar', digits: 'arabic', letterhead });
  doc.heading('كشف الدفعات', { level: 1 }).table(
    [
      { header: 'البيان', width: 3 },
      { header: 'التاريخ', width: 2, align: 'center' },
      { header: 'المبلغ', width: 2, align: 'end' },
    ],
    rows,
  );
  const path = writePdf(await doc.finish(), 'table-ar');

  it('spans pages, repeats the header and numbers pages "صفحة ١ من ٢"', () => {
    expect(qpdfCheck(path).ok).toBe(true);
    const page1 = pdfText(path, { first: 1, last: 1 });
    const page2 = pdfText(path, { first: 2, last: 2 });
    expect(page1).toContain('صفحة ١ من ٢');
    expect(page2).toContain('صفحة ٢ من ٢');
    for (const header of ['البيان', 'التاريخ', 'المبلغ']) expect(page2).toContain(header);
    expect(page2).toContain('دفعة رقم 50');
    expect(page2).toContain('5000.00');
  });

  it('puts the first column at the right in an Arabic table', () => {
    const boxes = wordBoxes(path, 2);
    const x = (word: string): number => boxes.find((b) => b.word === reverse(word) || b.word === word)?.xMin ?? NaN;
    expect(x('البيان')).toBeGreaterThan(x('التاريخ'));
    expect(x('التاريخ')).toBeGreaterThan(x('المبلغ'));
  });
});

describe('batch printing', () => {
  const letters = Array.from({ length: 5 }, (_, i) => demandLetter({ ...demandData, reference: `TH-2026-00012${i}`, amount: `1${i},000.00` }));

  it('merges letters with fonts embedded once and per-letter page numbers', async () => {
    const merged = await renderLetters(arabicOptions, letters);
    const path = writePdf(merged.pdf, 'batch');
    expect(qpdfCheck(path).ok).toBe(true);
    expect(pdfFonts(path)).toHaveLength(2);
    expect(merged.letters.map((l) => l.firstPage)).toEqual([1, 2, 3, 4, 5]);
    const page3 = pdfText(path, { first: 3, last: 3 });
    expect(page3).toContain('TH-2026-000122');
    expect(page3).toContain('12,000.00');
    expect(page3).toContain('صفحة ١ من ١');
  });

  it('renders each letter as its own PDF', async () => {
    const separate = await renderLettersSeparately(arabicOptions, letters.slice(0, 2));
    expect(separate).toHaveLength(2);
    const path = writePdf(separate[1] ?? new Uint8Array(), 'letter-2');
    expect(qpdfCheck(path).ok).toBe(true);
    expect(pdfText(path)).toContain('TH-2026-000121');
  });
});
