// A stored PDF with some of its pages replaced by a redaction notice (PDPL erasure): a letter's pages inside its
// batch's merged file, a whole single letter or a receipt. Every other page is copied untouched (same content
// streams and fonts, so the other letters of a batch keep their text); the page count and order never change, so
// the register's page ranges stay true.
import { PDFDocument, ParseSpeeds, type PDFPage } from 'pdf-lib';
import { createDocument } from './document';
import { copyDocumentInfo } from './extract';

/** Pages `firstPage` … `firstPage + pageCount - 1` (1-based) are replaced by a notice naming `reference`. */
export interface RedactionRange {
  firstPage: number;
  pageCount: number;
  /** The letter's or receipt's number, printed on the notice. */
  reference: string;
}

export interface RedactionNotice {
  /** The day of the erasure (YYYY-MM-DD). */
  erasedOn: string;
  fontsDir?: string;
}

export const NOTICE_AR = 'محتوى هذه الصفحة مُحي وفق نظام حماية البيانات الشخصية';
export const NOTICE_EN = 'Content erased under the Personal Data Protection Law';

/** One notice page per range, in the range order: Arabic first, then English, the number and the day. */
async function noticePages(ranges: readonly RedactionRange[], notice: RedactionNotice): Promise<PDFDocument> {
  const doc = createDocument({ lang: 'ar', pageNumbers: false, title: NOTICE_EN, ...(notice.fontsDir ? { fontsDir: notice.fontsDir } : {}) });
  ranges.forEach((r, i) => {
    if (i > 0) doc.pageBreak();
    doc
      .spacer(70)
      .heading(NOTICE_AR, { level: 2, align: 'center' })
      .paragraph(NOTICE_EN, { dir: 'ltr', align: 'center', size: 13, bold: true, spaceAfter: 10 })
      .paragraph([{ text: 'الرقم: ' }, { text: r.reference, isolate: 'ltr' }], { align: 'center' })
      .paragraph([{ text: 'Number: ' }, { text: r.reference, isolate: 'ltr' }], { dir: 'ltr', align: 'center', spaceAfter: 4 })
      .paragraph([{ text: 'تاريخ المحو: ' }, { text: notice.erasedOn, isolate: 'ltr' }], { align: 'center' })
      .paragraph([{ text: 'Erased on: ' }, { text: notice.erasedOn, isolate: 'ltr' }], { dir: 'ltr', align: 'center' });
  });
  return PDFDocument.load(await doc.finish(), { updateMetadata: false });
}

/** How many pages a PDF has. */
export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf.slice(), { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest })).getPageCount();
}

function sameSize(a: PDFPage, b: PDFPage): boolean {
  const x = a.getSize();
  const y = b.getSize();
  return Math.abs(x.width - y.width) < 0.5 && Math.abs(x.height - y.height) < 0.5;
}

/**
 * `pdf` with exactly the pages of `ranges` replaced by a notice page of the same size. Ranges must not overlap and
 * must lie inside the document.
 */
export async function redactPages(pdf: Uint8Array, ranges: readonly RedactionRange[], notice: RedactionNotice): Promise<Uint8Array> {
  const source = await PDFDocument.load(pdf.slice(), { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const total = source.getPageCount();
  const rangeOf = new Map<number, number>(); // 0-based page → range index
  ranges.forEach((r, ri) => {
    if (!Number.isInteger(r.firstPage) || !Number.isInteger(r.pageCount) || r.firstPage < 1 || r.pageCount < 1 || r.firstPage + r.pageCount - 1 > total) {
      throw new RangeError(`Pages ${r.firstPage}+${r.pageCount} are not inside a ${total}-page PDF`);
    }
    for (let p = r.firstPage - 1; p < r.firstPage - 1 + r.pageCount; p++) {
      if (rangeOf.has(p)) throw new RangeError(`Page ${p + 1} is in two redaction ranges`);
      rangeOf.set(p, ri);
    }
  });
  const notices = await noticePages(ranges, notice);
  const out = await PDFDocument.create({ updateMetadata: false });
  const indices = Array.from({ length: total }, (_, i) => i);
  const keep = indices.filter((i) => !rangeOf.has(i));
  const redacted = indices.filter((i) => rangeOf.has(i));
  // One copy call per source, so the fonts the pages share are copied once.
  const kept = await out.copyPages(source, keep);
  const copiedNotices = await out.copyPages(notices, redacted.map((i) => rangeOf.get(i) ?? 0));
  const embedded = new Map<number, Awaited<ReturnType<PDFDocument['embedPage']>>>();
  let k = 0;
  let n = 0;
  for (const i of indices) {
    if (!rangeOf.has(i)) {
      const page = kept[k++];
      if (page) out.addPage(page);
      continue;
    }
    const original = source.getPage(i);
    const page = copiedNotices[n++];
    if (page && sameSize(page, original)) {
      out.addPage(page);
      continue;
    }
    // A page of another size (the app prints A4; an older or outside file may not): the notice scaled onto a page
    // of the original's size.
    const ri = rangeOf.get(i) ?? 0;
    let form = embedded.get(ri);
    if (!form) embedded.set(ri, (form = await out.embedPage(notices.getPage(ri))));
    const { width, height } = original.getSize();
    const scale = Math.min(width / form.width, height / form.height);
    const fresh = out.addPage([width, height]);
    fresh.drawPage(form, { x: (width - form.width * scale) / 2, y: (height - form.height * scale) / 2, xScale: scale, yScale: scale });
  }
  copyDocumentInfo(source, out);
  return out.save({ useObjectStreams: true });
}
