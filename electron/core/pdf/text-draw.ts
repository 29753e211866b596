// Turns laid-out lines into content-stream operators, with per-document CIDs and extraction marks.
import type { PDFContext } from 'pdf-lib';
import { strongClassOf } from './bidi';
import { fmt } from './flow';
import { cidHex, createEmbeddedFont } from './font-embed';
import type { EmbeddedFont } from './font-embed';
import type { FaceName, FontFaces } from './fonts';
import type { LaidLine, LaidParagraph, LaidPiece } from './paragraph';
import type { ShapedRun } from './shape';

const RLM = '\u200f';
const LRM = '\u200e';

/** One TJ operand placed at (x, y) from the piece origin, in 1/1000 em. */
interface Chunk {
  readonly x: number;
  readonly y: number;
  readonly tj: string;
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
 * Extractors (poppler's pdftotext, pdf.js) rebuild logical order from visual order with a
 * simple rule: runs of RTL letters are reversed, everything else is read left to right. A
 * bracket or colon at an RTL level that touches a number or Latin word would be swept into that
 * LTR run ("(ملف رقم 123)" → "(ملف رقم )123"). On lines mixing both directions we give such edge
 * punctuation invisible marks of its own direction (RLM/LRM) so it stays where the bidi
 * algorithm put it. Pure one-direction lines get no marks at all, so searching them stays plain.
 */
function glyphTextFor(text: string, rtl: boolean, first: boolean, last: boolean, piece: LaidPiece): string {
  if (!text) return text;
  const variant = process.env['TH_MARKS'] ?? 'edges';
  if (variant === 'neutral') {
    if ((!first && !last) || strongClassOf(text) !== 'N') return text;
    const mark = rtl ? RLM : LRM;
    return `${mark}${text}${mark}`;
  }
  if (variant === 'both') {
    let t = text;
    if (first && piece.boundaryLeft) t = `${rtl ? LRM : RLM}${t}`;
    if (last && piece.boundaryRight) t = `${t}${rtl ? LRM : RLM}`;
    return t;
  }
  if (!rtl && first && piece.boundaryLeft) return `${RLM}${text}`;
  if (rtl && last && piece.boundaryRight) return `${text}${LRM}`;
  return text;
}

function buildChunks(font: EmbeddedFont, run: ShapedRun, piece: LaidPiece): Chunk[] {
  const chunks: Chunk[] = [];
  let hex = '';
  let parts: string[] = [];
  let chunkX = 0;
  let pen = 0;
  const flush = (): void => {
    if (hex) parts.push(`<${hex}>`);
    if (parts.length) chunks.push({ x: chunkX, y: 0, tj: `[${parts.join(' ')}]` });
    hex = '';
    parts = [];
  };
  const last = run.glyphs.length - 1;
  run.glyphs.forEach((g, i) => {
    const cid = cidHex(font.cid(g.gid, glyphTextFor(g.text, run.rtl, i === 0, i === last, piece)));
    if (g.dx !== 0 || g.dy !== 0) {
      // Positioned marks (harakat) get their own placement; rare in letters, so kept simple.
      flush();
      chunks.push({ x: pen + g.dx, y: g.dy, tj: `[<${cid}>]` });
      pen += g.advance;
      chunkX = pen;
      return;
    }
    if (!hex && !parts.length) chunkX = pen;
    hex += cid;
    // TJ advances by the font's own width; kerning from GPOS is the difference.
    const adjust = Math.round(g.fontWidth - g.advance);
    if (adjust !== 0) {
      parts.push(`<${hex}>`, String(adjust));
      hex = '';
    }
    pen += g.advance;
  });
  flush();
  return chunks;
}

export function createTextRenderer(context: PDFContext, faces: FontFaces, docIndex: number): TextRenderer {
  const fonts = new Map<FaceName, EmbeddedFont>();
  const chunkCache = new Map<ShapedRun, Chunk[][]>();

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

  function chunksFor(font: EmbeddedFont, piece: LaidPiece): Chunk[] {
    const run = piece.run;
    let entry = chunkCache.get(run);
    if (!entry) {
      entry = [];
      chunkCache.set(run, entry);
    }
    const slot = (piece.boundaryLeft ? 1 : 0) + (piece.boundaryRight ? 2 : 0);
    let chunks = entry[slot];
    if (!chunks) {
      chunks = buildChunks(font, run, piece);
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
      for (const chunk of chunksFor(font, piece)) {
        ops.push(`1 0 0 1 ${fmt(px + (chunk.x * size) / 1000)} ${fmt(y + (chunk.y * size) / 1000)} Tm ${chunk.tj} TJ`);
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
