// Redacting pages of a stored PDF (PDPL erasure): exactly the given pages become the bilingual notice, every other
// page keeps its text, the page count and each page's size stay; checked with qpdf, pdftotext and pdfinfo.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createDocument } from '../../../electron/core/pdf';
import { NOTICE_EN, pdfPageCount, redactPages } from '../../../electron/core/pdf/redact';
import { normalize, pdfText, qpdfCheck, writePdf } from '../pdf/tools';

function pageSizes(path: string): string[] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '99', path], { encoding: 'utf8' });
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/g)].map((m) => m[1] ?? '');
}

describe('redactPages', () => {
  it('replaces only the pages asked for in an A4 document (Arabic text elsewhere intact)', async () => {
    const doc = createDocument({ lang: 'ar' });
    doc.paragraph('الصفحة الأولى لخطاب سلمان').pageBreak().paragraph('الصفحة الثانية لخطاب هيفاء').pageBreak().paragraph('الصفحة الثالثة لخطاب ماجد');
    const original = await doc.finish();
    const out = await redactPages(original, [{ firstPage: 2, pageCount: 1, reference: 'OUT-2026-000042' }], { erasedOn: '2036-01-15' });
    const path = writePdf(out, 'redact-a4');
    expect(qpdfCheck(path).ok).toBe(true);
    expect(await pdfPageCount(out)).toBe(3);
    expect(pageSizes(path)).toEqual(pageSizes(writePdf(original, 'redact-a4-original')));
    expect(normalize(pdfText(path, { first: 1, last: 1 }))).toContain('الصفحة الأولى لخطاب سلمان');
    expect(normalize(pdfText(path, { first: 3, last: 3 }))).toContain('الصفحة الثالثة لخطاب ماجد');
    const notice = normalize(pdfText(path, { first: 2, last: 2 }));
    for (const words of [NOTICE_EN, 'OUT-2026-000042', '2036-01-15', 'محتوى هذه الصفحة']) expect(notice).toContain(words);
    expect(notice).not.toContain('هيفاء');
  });

  it('keeps the size of a page that is not A4 (the notice is scaled onto it)', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (const [i, size] of [[1, [612, 792]], [2, [612, 792]], [3, [420, 595]]] as const) {
      pdf.addPage([...size]).drawText(`Letter page ${i} for Haifa`, { x: 50, y: 300, size: 14, font });
    }
    const out = await redactPages(await pdf.save(), [{ firstPage: 2, pageCount: 2, reference: 'RC-2026-000007' }], { erasedOn: '2036-01-15' });
    const path = writePdf(out, 'redact-letter');
    expect(qpdfCheck(path).ok).toBe(true);
    expect(pageSizes(path)).toEqual(['612 x 792', '612 x 792', '420 x 595']);
    expect(normalize(pdfText(path, { first: 1, last: 1 }))).toContain('Letter page 1 for Haifa');
    for (const page of [2, 3]) {
      const text = normalize(pdfText(path, { first: page, last: page }));
      expect(text).toContain(NOTICE_EN);
      expect(text).toContain('RC-2026-000007');
      expect(text).not.toContain('Haifa');
    }
  });

  it('refuses ranges outside the document or overlapping', async () => {
    const doc = createDocument({ lang: 'en' });
    doc.paragraph('one').pageBreak().paragraph('two');
    const pdf = await doc.finish();
    await expect(redactPages(pdf, [{ firstPage: 2, pageCount: 2, reference: 'X' }], { erasedOn: '2036-01-15' })).rejects.toThrow(RangeError);
    await expect(redactPages(pdf, [{ firstPage: 0, pageCount: 1, reference: 'X' }], { erasedOn: '2036-01-15' })).rejects.toThrow(RangeError);
    await expect(
      redactPages(pdf, [{ firstPage: 1, pageCount: 2, reference: 'X' }, { firstPage: 2, pageCount: 1, reference: 'Y' }], { erasedOn: '2036-01-15' }),
    ).rejects.toThrow(RangeError);
  });
});
