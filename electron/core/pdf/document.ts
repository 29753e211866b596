// The document builder: A4 pages, flow of blocks, sections with their own page numbering, and saving.
import { PDFDocument, PDFName } from 'pdf-lib';
import type { PDFImage, PDFPage } from 'pdf-lib';
import { addressBlock, codeBoxBlock, headingBlock, paragraphBlock, ruleBlock, signatureBlock } from './blocks';
import { A4, MM, PAGE } from './flow';
import type { Flow } from './flow';
import { loadFontFaces } from './fonts';
import { drawFurniture } from './furniture';
import type { FurnitureContext, PlacedImage } from './furniture';
import { drawTable } from './table';
import { drawChart } from './chart';
import { registerFlateStream } from './streams';
import { createTextRenderer } from './text-draw';
import type { ChartItem, ChartOptions, DocumentOptions, HeadingOptions, ParagraphOptions, RichText, SignatureBlock, TableColumn, TableOptions } from './types';

/** The calls a letter or report is written with. Distances are in mm, font sizes in pt. */
export interface ContentBuilder {
  heading(text: RichText, opts?: HeadingOptions): ContentBuilder;
  paragraph(content: RichText, opts?: ParagraphOptions): ContentBuilder;
  table(columns: readonly TableColumn[], rows: readonly (readonly RichText[])[], opts?: TableOptions): ContentBuilder;
  /** A bar, funnel or column chart in greys, kept on one page. */
  chart(items: readonly ChartItem[], opts: ChartOptions): ContentBuilder;
  spacer(mm: number): ContentBuilder;
  rule(opts?: { gray?: number; width?: number }): ContentBuilder;
  pageBreak(): ContentBuilder;
  signature(block: SignatureBlock): ContentBuilder;
  /** Recipient address in the window-envelope position of the current page. */
  addressBlock(lines: readonly RichText[], opts?: AddressOptions): ContentBuilder;
  /** Reserved QR area with a short code under it. */
  codeBox(code: string, opts?: { label?: RichText; sizeMm?: number }): ContentBuilder;
}

export interface AddressOptions {
  /** Window side; defaults to the start side (right in Arabic). */
  side?: 'left' | 'right';
  /** Lines beside the window on the other side: outgoing number, date, attachments. */
  aside?: readonly RichText[];
}

export interface DocumentBuilder extends ContentBuilder {
  finish(): Promise<Uint8Array>;
}

interface PageEntry {
  readonly page: PDFPage;
  readonly ops: string[];
}

export interface Engine {
  readonly builder: ContentBuilder;
  /** Starts a new section (a letter in a batch): new page, its own "page x of y". */
  startSection(): void;
  /** Pages per section, in order. */
  sectionPages(): number[];
  save(): Promise<Uint8Array>;
}

let documentCounter = 0;

export async function createEngine(opts: DocumentOptions): Promise<Engine> {
  const faces = loadFontFaces(opts.fontsDir);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setProducer('Tahseel');
  doc.setCreator('Tahseel');
  if (opts.title) doc.setTitle(opts.title);
  doc.setLanguage(opts.lang === 'ar' ? 'ar-SA' : 'en');
  const context = doc.context;
  const renderer = createTextRenderer(context, faces, documentCounter++, opts.lang === 'ar');
  const rtl = opts.lang === 'ar';
  const bodySize = opts.size ?? 11;
  // Only the current section's pages keep their operators: a section's pages are written (furniture, fonts,
  // compressed contents) as soon as the next one starts, so a batch holds one letter's strings at a time.
  const pages: PageEntry[] = [];
  /** Pages per section so far (the last one still growing). */
  const counts: number[] = [];
  const bodyTop = (opts.letterhead ? PAGE.bodyTopWithLetterhead : PAGE.bodyTopPlain) * MM;
  let section = 0;
  let current: PageEntry | undefined;
  const logo = await placeLogo();
  const furniture: FurnitureContext = {
    faces,
    renderer,
    lang: opts.lang,
    digits: opts.digits ?? 'western',
    letterhead: opts.letterhead,
    footer: opts.footer ?? [],
    pageNumbers: opts.pageNumbers ?? true,
    logo: logo?.placed,
  };

  const flow: Flow = {
    faces,
    renderer,
    lang: opts.lang,
    digits: opts.digits ?? 'western',
    rtl,
    left: PAGE.side * MM,
    width: A4.width - 2 * PAGE.side * MM,
    y: bodyTop,
    bottom: A4.height - PAGE.bottom * MM,
    ops: () => (current ?? newPage()).ops,
    ensure(height: number): boolean {
      if (!current) {
        newPage();
        return false;
      }
      if (flow.y + height <= flow.bottom || flow.y <= bodyTop + 0.01) return false;
      newPage();
      return true;
    },
    newPage: () => {
      newPage();
    },
    pdfY: (top: number) => A4.height - top,
  };

  function newPage(): PageEntry {
    const page = doc.addPage([A4.width, A4.height]);
    current = { page, ops: [] };
    pages.push(current);
    counts[section] = (counts[section] ?? 0) + 1;
    flow.y = bodyTop;
    return current;
  }

  const builder: ContentBuilder = {
    heading(text, o = {}) {
      headingBlock(flow, text, o, bodySize);
      return builder;
    },
    paragraph(content, o = {}) {
      paragraphBlock(flow, content, o, bodySize);
      return builder;
    },
    table(columns, rows, o = {}) {
      drawTable(flow, columns, rows, o);
      return builder;
    },
    chart(items, o) {
      drawChart(flow, items, o);
      return builder;
    },
    spacer(mm) {
      flow.y += mm * MM;
      return builder;
    },
    rule(o = {}) {
      ruleBlock(flow, o.gray ?? 0.6, o.width ?? 0.6);
      return builder;
    },
    pageBreak() {
      newPage();
      return builder;
    },
    signature(block) {
      signatureBlock(flow, block, bodySize);
      return builder;
    },
    addressBlock(lines, o = {}) {
      flow.ops();
      addressBlock(flow, lines, o.side ?? (rtl ? 'right' : 'left'), o.aside ?? []);
      return builder;
    },
    codeBox(code, o = {}) {
      codeBoxBlock(flow, code, o.label, o.sizeMm ?? 22);
      return builder;
    },
  };

  async function placeLogo(): Promise<{ placed: PlacedImage; image: PDFImage } | undefined> {
    const logo = opts.letterhead?.logo;
    if (!logo) return undefined;
    const image = logo.type === 'png' ? await doc.embedPng(logo.bytes) : await doc.embedJpg(logo.bytes);
    return { placed: { name: 'Im1', width: image.width, height: image.height }, image };
  }

  /** Writes the current section's pages: letterhead, footer and "page x of y", resources, compressed contents. */
  function writeSection(): void {
    // Both faces always exist so every page can name them in its resources.
    const f1 = renderer.fontFor('regular');
    const f2 = renderer.fontFor('bold');
    pages.forEach((entry, i) => {
      const ops = entry.ops;
      drawFurniture(furniture, ops, i + 1, pages.length);
      const node = entry.page.node;
      node.setFontDictionary(PDFName.of(f1.resourceName), f1.ref);
      node.setFontDictionary(PDFName.of(f2.resourceName), f2.ref);
      if (logo) node.setXObject(PDFName.of(logo.placed.name), logo.image.ref);
      node.set(PDFName.of('Contents'), registerFlateStream(context, ops.join('\n')));
      // The strings are no longer needed; letting them go keeps big batches within memory.
      ops.length = 0;
    });
    pages.length = 0;
  }

  async function save(): Promise<Uint8Array> {
    if (counts.length === 0) newPage();
    writeSection();
    await renderer.finish();
    return doc.save({ useObjectStreams: true });
  }

  function sectionPages(): number[] {
    return Array.from({ length: section + 1 }, (_, i) => counts[i] ?? 0);
  }

  function startSection(): void {
    if (counts.length > 0) {
      writeSection();
      section++;
    }
    current = undefined;
    newPage();
  }

  return { builder, startSection, sectionPages, save };
}

/** A single document: build it with the returned calls, then `finish()` for the PDF bytes. */
export function createDocument(opts: DocumentOptions): DocumentBuilder {
  // Calls are recorded and replayed once the (async) engine exists, so the builder stays synchronous.
  const steps: Array<(b: ContentBuilder) => void> = [];
  const record = <A extends unknown[]>(fn: (b: ContentBuilder, ...args: A) => void) => (...args: A): DocumentBuilder => {
    steps.push((b) => fn(b, ...args));
    return doc;
  };
  const doc: DocumentBuilder = {
    heading: record((b, text: RichText, o?: HeadingOptions) => b.heading(text, o)),
    paragraph: record((b, content: RichText, o?: ParagraphOptions) => b.paragraph(content, o)),
    table: record((b, c: readonly TableColumn[], r: readonly (readonly RichText[])[], o?: TableOptions) => b.table(c, r, o)),
    chart: record((b, items: readonly ChartItem[], o: ChartOptions) => b.chart(items, o)),
    spacer: record((b, mm: number) => b.spacer(mm)),
    rule: record((b, o?: { gray?: number; width?: number }) => b.rule(o)),
    pageBreak: record((b) => b.pageBreak()),
    signature: record((b, s: SignatureBlock) => b.signature(s)),
    addressBlock: record((b, lines: readonly RichText[], o?: AddressOptions) => b.addressBlock(lines, o)),
    codeBox: record((b, code: string, o?: { label?: RichText; sizeMm?: number }) => b.codeBox(code, o)),
    async finish() {
      const engine = await createEngine(opts);
      engine.startSection();
      for (const step of steps) step(engine.builder);
      return engine.save();
    },
  };
  return doc;
}
