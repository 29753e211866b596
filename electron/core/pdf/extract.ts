// One letter's pages cut out of a batch's merged PDF, exactly as printed (same content streams, same fonts).
import { createHash } from 'node:crypto';
import { PDFDocument, PDFName, ParseSpeeds } from 'pdf-lib';

/**
 * Parsed batches, most recent last. Opening a 1,000-letter batch costs ~110 ms and copying one
 * letter out ~16 ms, and a user going through a batch's letters opens the same file again and
 * again: keep the last two parsed (a few MB each). Keyed by content, so a changed blob never hits.
 */
const parsed: Array<{ key: string; doc: Promise<PDFDocument> }> = [];
const CACHE_SIZE = 2;

function parsedBatch(pdf: Uint8Array): Promise<PDFDocument> {
  const key = createHash('sha256').update(pdf).digest('hex');
  const at = parsed.findIndex((p) => p.key === key);
  if (at >= 0) {
    const [hit] = parsed.splice(at, 1);
    if (hit) {
      parsed.push(hit);
      return hit.doc;
    }
  }
  // Parse from a copy: pdf-lib keeps views into the buffer, and the caller may reuse theirs.
  const doc = PDFDocument.load(pdf.slice(), { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const entry = { key, doc };
  parsed.push(entry);
  if (parsed.length > CACHE_SIZE) parsed.shift();
  // A file that fails to parse is not kept.
  doc.catch(() => {
    const i = parsed.indexOf(entry);
    if (i >= 0) parsed.splice(i, 1);
  });
  return doc;
}

/**
 * A PDF of pages `firstPage` … `firstPage + pageCount - 1` (1-based) of `pdf`. The pages keep their
 * fonts with their ToUnicode maps, so the text extracts as it does from the batch. No new producer
 * or dates are written: the same pages give the same bytes every time.
 */
export async function extractPages(pdf: Uint8Array, firstPage: number, pageCount: number): Promise<Uint8Array> {
  if (!Number.isInteger(firstPage) || !Number.isInteger(pageCount) || firstPage < 1 || pageCount < 1) {
    throw new RangeError(`Pages ${firstPage}+${pageCount}: the first page and the count must be whole numbers from 1`);
  }
  const source = await parsedBatch(pdf);
  const total = source.getPageCount();
  if (firstPage + pageCount - 1 > total) {
    throw new RangeError(`Pages ${firstPage}–${firstPage + pageCount - 1} are past the end of a ${total}-page PDF`);
  }
  const out = await PDFDocument.create({ updateMetadata: false });
  const pages = await out.copyPages(source, Array.from({ length: pageCount }, (_, i) => firstPage - 1 + i));
  for (const page of pages) out.addPage(page);
  // The batch's title, producer and language stay with the letter (the language for screen readers).
  copyDocumentInfo(source, out);
  return out.save({ useObjectStreams: true });
}

/** A PDF made from another keeps its title, producer, creator and language. */
export function copyDocumentInfo(source: PDFDocument, out: PDFDocument): void {
  const title = source.getTitle();
  if (title !== undefined) out.setTitle(title);
  const producer = source.getProducer();
  if (producer !== undefined) out.setProducer(producer);
  const creator = source.getCreator();
  if (creator !== undefined) out.setCreator(creator);
  const lang = source.catalog.get(PDFName.of('Lang'));
  if (lang) out.catalog.set(PDFName.of('Lang'), lang);
}
