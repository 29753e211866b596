// One letter cut out of a batch's merged PDF: valid, the right pages, the same text as those pages of the batch, the same bytes every time.
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { extractPages, renderLetters } from '../../../electron/core/pdf';
import type { ContentBuilder } from '../../../electron/core/pdf';
import { arabicOptions, demandData, demandLetter } from '../../fixtures/pdf/letters';
import { pdfText, qpdfCheck, writePdf } from './tools';

const debtors = ['شركة الأفق للتجارة المحدودة', 'مؤسسة الريان للمقاولات', 'محمد بن سعد القحطاني', 'شركة الواحة للخدمات اللوجستية', 'عبدالرحمن بن فهد العتيبي'];

/** The third letter runs to two pages, so ranges are not all one page long. */
function letter(i: number): (doc: ContentBuilder) => void {
  const demand = demandLetter({ ...demandData, debtor: debtors[i] ?? demandData.debtor, reference: `TH-2026-00010${i}` });
  return (doc) => {
    demand(doc);
    if (i === 2) doc.pageBreak().paragraph('ملحق: كشف حساب المديونية مرفق بهذا الإنذار.');
  };
}

describe('extractPages', async () => {
  const merged = await renderLetters(arabicOptions, [0, 1, 2, 3, 4].map(letter));
  const mergedPath = writePdf(merged.pdf, 'batch-5');

  it('the batch has the expected ranges', () => {
    expect(merged.letters).toEqual([
      { firstPage: 1, pageCount: 1 },
      { firstPage: 2, pageCount: 1 },
      { firstPage: 3, pageCount: 2 },
      { firstPage: 5, pageCount: 1 },
      { firstPage: 6, pageCount: 1 },
    ]);
  });

  it.each([0, 1, 2, 3, 4])('letter %i: qpdf-clean, its page count, the same text as its pages of the batch', async (i) => {
    const range = merged.letters[i]!;
    const bytes = await extractPages(merged.pdf, range.firstPage, range.pageCount);
    const path = writePdf(bytes, `letter-${i}`);
    expect(qpdfCheck(path)).toMatchObject({ ok: true });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(range.pageCount);
    const text = pdfText(path);
    expect(text).toBe(pdfText(mergedPath, { first: range.firstPage, last: range.firstPage + range.pageCount - 1 }));
    // Logical Arabic (ligatures included) and the letter's own debtor and reference.
    expect(text).toContain('مكتب الأعمال للمحاماة والاستشارات القانونية');
    expect(text).toContain(debtors[i]);
    expect(text).toContain(`الموضوع: إنذار بالسداد — ملف رقم TH-2026-00010${i}`);
    for (const [j, other] of debtors.entries()) if (j !== i) expect(text).not.toContain(other);
  });

  it('keeps the title and language, writes no dates, and gives the same bytes every time', async () => {
    const a = await extractPages(merged.pdf, 3, 2);
    const b = await extractPages(merged.pdf.slice(), 3, 2);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const doc = await PDFDocument.load(a, { updateMetadata: false });
    expect(doc.getTitle()).toBe('إنذار بالسداد');
    expect(doc.getProducer()).toBe('Tahseel');
    expect(doc.getCreationDate()).toBeUndefined();
    expect(doc.getModificationDate()).toBeUndefined();
    expect(doc.catalog.toString()).toContain('/Lang');
  });

  it('refuses a range outside the document with a RangeError', async () => {
    for (const [first, count] of [[0, 1], [1, 0], [6, 2], [7, 1], [1.5, 1], [-1, 3], [1, Number.NaN]] as const) {
      await expect(extractPages(merged.pdf, first, count)).rejects.toThrow(RangeError);
    }
    await expect(extractPages(merged.pdf, 1, 6)).resolves.toBeInstanceOf(Uint8Array);
  });

  it('refuses bytes that are not a PDF, and is not poisoned by them', async () => {
    await expect(extractPages(new TextEncoder().encode('not a pdf'), 1, 1)).rejects.toThrow();
    await expect(extractPages(merged.pdf, 1, 1)).resolves.toBeInstanceOf(Uint8Array);
  });
});
