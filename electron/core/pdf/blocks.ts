// Flow blocks other than tables: paragraphs, headings, rules, signature, window-envelope address and short-code box.
import { MM, hLine } from './flow';
import type { Flow } from './flow';
import { layoutParagraph } from './paragraph';
import type { LaidParagraph } from './paragraph';
import { qrOperators } from './qr';
import { drawParagraph } from './text-draw';
import type { HeadingOptions, ParagraphOptions, RichText, SignatureBlock } from './types';

export function drawLaid(flow: Flow, para: LaidParagraph, left: number, gray: number | undefined): void {
  para.lines.forEach((line) => {
    flow.ensure(para.lineHeight);
    const ops = flow.ops();
    if (gray !== undefined) ops.push(`q ${gray} g`);
    flow.renderer.drawLine(ops, line, para.size, left, flow.pdfY(flow.y + para.baseline));
    if (gray !== undefined) ops.push('Q');
    flow.y += para.lineHeight;
  });
}

export function paragraphBlock(flow: Flow, content: RichText, opts: ParagraphOptions, bodySize: number): void {
  const indent = (opts.indent ?? 0) * MM;
  const dir = opts.dir ?? (flow.rtl ? 'rtl' : 'ltr');
  const para = layoutParagraph(
    flow.faces,
    content,
    { size: opts.size ?? bodySize, bold: opts.bold ?? false, align: opts.align ?? 'justify', lineHeight: opts.lineHeight ?? 1.6, dir },
    flow.width - indent,
  );
  flow.y += (opts.spaceBefore ?? 0) * MM;
  // The indent is on the start edge: the right in an RTL paragraph.
  const rtl = dir === 'rtl' || (dir === 'auto' && flow.rtl);
  drawLaid(flow, para, rtl ? flow.left : flow.left + indent, opts.gray);
  flow.y += (opts.spaceAfter ?? 2.5) * MM;
}

const HEADING_SIZES = { 1: 16, 2: 13.5, 3: 12 } as const;

export function headingBlock(flow: Flow, content: RichText, opts: HeadingOptions, bodySize: number): void {
  const level = opts.level ?? 1;
  const para = layoutParagraph(
    flow.faces,
    content,
    { size: HEADING_SIZES[level], bold: true, align: opts.align ?? 'start', lineHeight: 1.4, dir: flow.rtl ? 'rtl' : 'ltr' },
    flow.width,
  );
  flow.y += (level === 1 ? 4 : 3) * MM;
  // Keep a heading with the first lines of what follows it.
  flow.ensure(para.lines.length * para.lineHeight + 3 * bodySize * 1.6);
  drawLaid(flow, para, flow.left, undefined);
  flow.y += 2 * MM;
}

export function ruleBlock(flow: Flow, gray: number, width: number): void {
  flow.ensure(4 * MM);
  flow.y += 2 * MM;
  hLine(flow.ops(), flow.left, flow.left + flow.width, flow.pdfY(flow.y), gray, width);
  flow.y += 2 * MM;
}

function blockX(flow: Flow, align: 'start' | 'end' | 'center', width: number): number {
  if (align === 'center') return flow.left + (flow.width - width) / 2;
  const right = (align === 'start') === flow.rtl;
  return right ? flow.left + flow.width - width : flow.left;
}

/** Name, title and extra lines under an empty space for signature and stamp; never split across pages. */
export function signatureBlock(flow: Flow, sig: SignatureBlock, bodySize: number): void {
  const width = 90 * MM;
  const dir = flow.rtl ? 'rtl' : 'ltr';
  const parts: LaidParagraph[] = [layoutParagraph(flow.faces, sig.name, { size: bodySize, bold: true, align: 'center', lineHeight: 1.5, dir }, width)];
  for (const line of [sig.title, ...(sig.lines ?? [])]) {
    if (line !== undefined) parts.push(layoutParagraph(flow.faces, line, { size: bodySize - 1, bold: false, align: 'center', lineHeight: 1.5, dir }, width));
  }
  const space = (sig.space ?? 18) * MM;
  const height = space + parts.reduce((h, p) => h + p.lines.length * p.lineHeight, 0);
  flow.ensure(height + 4 * MM);
  flow.y += 4 * MM + space;
  const x = blockX(flow, sig.align ?? 'end', width);
  for (const p of parts) drawLaid(flow, p, x, undefined);
}

function drawLines(flow: Flow, lines: readonly RichText[], x: number, top: number, width: number): void {
  let y = top;
  for (const line of lines) {
    const p = layoutParagraph(flow.faces, line, { size: 10.5, bold: false, align: 'start', lineHeight: 1.45, dir: flow.rtl ? 'rtl' : 'ltr' }, width);
    drawParagraph(flow.ops(), flow.renderer, p, x, flow.pdfY(y));
    y += p.lines.length * p.lineHeight;
  }
}

/**
 * The address sits where a DL window envelope shows it: 46 mm from the top, 20 mm from the
 * side, 85 × 35 mm. `aside` (outgoing number, date, attachments) goes on the other side at the
 * same height. Drawn on the current page; the flow continues below both.
 */
export function addressBlock(flow: Flow, lines: readonly RichText[], side: 'left' | 'right', aside: readonly RichText[]): void {
  const width = 85 * MM;
  const top = 46 * MM;
  const x = side === 'right' ? flow.left + flow.width - width : flow.left;
  drawLines(flow, lines, x + 3 * MM, top + 3 * MM, width - 6 * MM);
  const asideWidth = flow.width - width - 8 * MM;
  drawLines(flow, aside, side === 'right' ? flow.left : flow.left + flow.width - asideWidth, top + 3 * MM, asideWidth);
  flow.y = Math.max(flow.y, top + 35 * MM + 4 * MM);
}

/** The letter's verification QR code (quiet zone included in `sizeMm`) with its short code under it. */
export function codeBoxBlock(flow: Flow, code: string, label: RichText | undefined, sizeMm: number): void {
  const size = sizeMm * MM;
  const caption = layoutParagraph(flow.faces, [{ text: code, isolate: 'ltr' }], { size: 8.5, bold: true, align: 'center', lineHeight: 1.3, dir: 'ltr' }, size + 20 * MM);
  const labelPara = label ? layoutParagraph(flow.faces, label, { size: 7.5, bold: false, align: 'center', lineHeight: 1.3, dir: flow.rtl ? 'rtl' : 'ltr' }, size + 20 * MM) : undefined;
  const height = size + caption.lineHeight + (labelPara ? labelPara.lines.length * labelPara.lineHeight : 0) + 4 * MM;
  flow.ensure(height);
  flow.y += 2 * MM;
  const x = blockX(flow, 'end', size + 20 * MM);
  flow.ops().push(qrOperators(code, x + 10 * MM, flow.pdfY(flow.y), size));
  flow.y += size + 1;
  drawLaid(flow, caption, x, undefined);
  if (labelPara) drawLaid(flow, labelPara, x, 0.35);
  flow.y += 2 * MM;
}
