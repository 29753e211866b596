// Turns laid-out lines into content-stream operators, with per-document CIDs and extraction marks.
import type { PDFContext } from 'pdf-lib';
import { bidiClass } from './bidi';
import { GenerationalCache } from './cache';
import { fmt } from './flow';
import { cidHex, createEmbeddedFont } from './font-embed';
import type { EmbeddedFont } from './font-embed';
import type { FaceName, FontFaces } from './fonts';
import type { LaidLine, LaidParagraph, LaidPiece } from './paragraph';
import type { ShapedGlyph, ShapedRun } from './shape';
import { utf16Hex } from './tounicode';

const RLM = '\u200f';
const LRM = '\u200e';

/** One TJ operand placed at (x, y) from the piece origin, in 1/1000 em. */
interface Chunk {
  readonly x: number;
  readonly y: number;
  readonly tj: string;
  /** Marked-content operator opening before this chunk / EMC after it. */
  readonly open?: string;
  readonly close?: boolean;
}

export interface TextRenderer {
  readonly fonts: ReadonlyMap<FaceName, EmbeddedFont>;
  fontFor(face: FaceName): EmbeddedFont;
  /** Appends operators drawing `line` with its left edge at x and baseline at y (PDF coordinates). */
  drawLine(ops: string[], line: LaidLine, size: number, x: number, y: number): void;
  /** Writes the font objects once all pages are drawn. */
  finish(): Promise<void>;
}


/**
 * What one glyph should extract as. Extractors (poppler's pdftotext, pdf.js) rebuild logical order
 * from visual order with a simple rule: scanning the line, runs of RTL letters are reversed and
 * other runs kept, where neutral characters join whichever run reaches them first and separators
 * (، : , . /) count as digits. That puts spaces and punctuation on the wrong side of numbers and
 * Latin words ("وقدره  15,750.50ريال", "جدوى ،فإننا"). Invisible marks of the right direction
 * stop a run exactly where the bidi algorithm ended it:
 * - RTL paragraphs: an RLM before a left-to-right piece whose left neighbour is right-to-left,
 *   and before separators inside right-to-left text;
 * - LTR paragraphs: an LRM after a right-to-left piece whose right neighbour is left-to-right.
 * The marks follow the document's language, not the paragraph's, because the extractor's scan
 * follows the page's majority direction. (In an English page, an Arabic line holding numbers
 * still extracts with its numbers misplaced: poppler's LTR scan always reads digits as LTR.)
 */
function glyphTextFor(text: string, index: number, count: number, piece: LaidPiece, pageRtl: boolean): string {
  if (!text) return text;
  const rtl = (piece.level & 1) === 1;
  if (pageRtl) {
    if (!rtl && index === 0 && piece.boundaryLeft) return `${RLM}${text}`;
    if (rtl && isSeparator(text)) return `${RLM}${text}`;
    return text;
  }
  if (rtl && index === count - 1 && piece.boundaryRight) return `${text}${LRM}`;
  return text;
}

function isSeparator(text: string): boolean {
  if (text.length !== 1) return false;
  const t = bidiClass(text);
  return t === 'CS' || t === 'ES' || t === 'ET';
}

/** Groups each base glyph with the zero-width marks (harakat) positioned on it. */
function clusters(run: ShapedRun): ShapedGlyph[][] {
  const out: ShapedGlyph[][] = [];
  const isMark = (g: ShapedGlyph): boolean => g.advance === 0 && (g.dx !== 0 || g.dy !== 0 || g.fontWidth === 0);
  let pending: ShapedGlyph[] = [];
  for (const g of run.glyphs) {
    if (isMark(g)) {
      // In an RTL run marks come before their base (the run is reversed); in LTR after it.
      const prev = out[out.length - 1];
      if (!run.rtl && prev) prev.push(g);
      else pending.push(g);
      continue;
    }
    out.push([...pending, g]);
    pending = [];
  }
  if (pending.length) out.push(pending);
  return out;
}

function buildChunks(font: EmbeddedFont, run: ShapedRun, piece: LaidPiece, paragraphRtl: boolean): Chunk[] {
  const chunks: Chunk[] = [];
  let parts: string[] = [];
  let hex = '';
  let chunkX = 0;
  let pen = 0;
  const flush = (): void => {
    if (hex) parts.push(`<${hex}>`);
    if (parts.length) chunks.push({ x: chunkX, y: 0, tj: `[${parts.join(' ')}]` });
    hex = '';
    parts = [];
  };
  const count = run.glyphs.length;
  let index = 0;
  for (const cluster of clusters(run)) {
    if (cluster.length === 1 && cluster[0]) {
      const g = cluster[0];
      const cid = cidHex(font.cid(g.gid, glyphTextFor(g.text, index++, count, piece, paragraphRtl)));
      if (!hex && !parts.length) chunkX = pen;
      hex += cid;
      // TJ advances by the font's own width; kerning from GPOS is the difference.
      const adjust = Math.round(g.fontWidth - g.advance);
      if (adjust !== 0) {
        parts.push(`<${hex}>`, String(adjust));
        hex = '';
      }
      pen += g.advance;
      continue;
    }
    // A base with its harakat: each glyph placed on its own, and the cluster's text given once
    // as ActualText so extractors don't split the overlapping mark off as a separate word.
    flush();
    let actual = '';
    const start = chunks.length;
    for (const g of cluster) {
      actual += glyphTextFor(g.text, index++, count, piece, paragraphRtl);
      chunks.push({ x: pen + g.dx, y: g.dy, tj: `[<${cidHex(font.cid(g.gid, g.text))}>]` });
      pen += g.advance;
    }
    const first = chunks[start];
    if (first) chunks[start] = { ...first, open: `/Span <</ActualText <FEFF${utf16Hex(actual)}>>> BDC` };
    const lastChunk = chunks[chunks.length - 1];
    if (lastChunk) chunks[chunks.length - 1] = { ...lastChunk, close: true };
    chunkX = pen;
  }
  flush();
  return chunks;
}

// Operands per shaped run, kept for the document (a letter's words repeat on every letter of a batch). Bounded:
// the names, amounts, addresses and codes of 1,000 letters made ~11,000 runs that never repeat (10 MB of live heap
// at the batch's peak), against ~230 in the template's own words. A glyph's CID never changes within a document,
// so an operand built again is the same.
const CHUNK_GENERATION = 1_000;

export function createTextRenderer(context: PDFContext, faces: FontFaces, docIndex: number, pageRtl: boolean): TextRenderer {
  const fonts = new Map<FaceName, EmbeddedFont>();
  const chunkCache = new GenerationalCache<ShapedRun, Chunk[][]>(CHUNK_GENERATION);

  function fontFor(face: FaceName): EmbeddedFont {
    let font = fonts.get(face);
    if (!font) {
      const resource = face === 'regular' ? 'F1' : 'F2';
      // Subset tags only need to differ between fonts of one file; derive them from a counter.
      const tag = `TH${String.fromCharCode(65 + (docIndex % 26))}${String.fromCharCode(65 + ((docIndex / 26) % 26))}${face === 'regular' ? 'RA' : 'BA'}`;
      font = createEmbeddedFont(context, faces[face], resource, tag);
      fonts.set(face, font);
    }
    return font;
  }

  function chunksFor(font: EmbeddedFont, piece: LaidPiece, paragraphRtl: boolean): Chunk[] {
    const run = piece.run;
    let entry = chunkCache.get(run);
    if (!entry) {
      entry = [];
      chunkCache.set(run, entry);
    }
    const slot = (piece.boundaryLeft ? 1 : 0) + (piece.boundaryRight ? 2 : 0) + (paragraphRtl ? 4 : 0);
    let chunks = entry[slot];
    if (!chunks) {
      chunks = buildChunks(font, run, piece, paragraphRtl);
      entry[slot] = chunks;
    }
    return chunks;
  }

  function drawLine(ops: string[], line: LaidLine, size: number, x: number, y: number): void {
    if (!line.pieces.length) return;
    let current = '';
    ops.push('BT');
    for (const piece of line.pieces) {
      const font = fontFor(piece.face);
      const tf = `/${font.resourceName} ${fmt(size)} Tf`;
      if (tf !== current) {
        ops.push(tf);
        current = tf;
      }
      const px = x + line.offset + piece.x;
      for (const chunk of chunksFor(font, piece, pageRtl)) {
        if (chunk.open) ops.push(chunk.open);
        ops.push(`1 0 0 1 ${fmt(px + (chunk.x * size) / 1000)} ${fmt(y + (chunk.y * size) / 1000)} Tm ${chunk.tj} TJ`);
        if (chunk.close) ops.push('EMC');
      }
    }
    ops.push('ET');
  }

  async function finish(): Promise<void> {
    for (const font of fonts.values()) await font.write();
  }

  return { fonts, fontFor, drawLine, finish };
}

/** Draws a whole paragraph with its top-left box corner at (x, top) in PDF coordinates. */
export function drawParagraph(ops: string[], renderer: TextRenderer, para: LaidParagraph, x: number, top: number): void {
  para.lines.forEach((line, i) => {
    renderer.drawLine(ops, line, para.size, x, top - i * para.lineHeight - para.baseline);
  });
}
