// Lays out one paragraph: bidi levels, shaped pieces per word, line breaks, visual order and alignment per line.
import { detectDirection, isBidiControl, prepareParagraph, shapedChar, visualOrder } from './bidi';
import type { BidiParagraph, Direction } from './bidi';
import type { FaceName, FontFaces } from './fonts';
import { GenerationalCache } from './cache';
import { breakLines } from './line-break';
import { shapeRun } from './shape';
import type { ShapedRun } from './shape';
import type { Align, RichText, Span } from './types';

export interface LaidPiece {
  /** Left edge, in pt from the line's left edge. */
  readonly x: number;
  readonly run: ShapedRun;
  readonly face: FaceName;
  readonly level: number;
  /** The visual neighbour on this side has the other direction (see text-draw's extraction marks). */
  readonly boundaryLeft: boolean;
  readonly boundaryRight: boolean;
}

export interface LaidLine {
  readonly pieces: readonly LaidPiece[];
  /** Offset of the line's left edge inside the box, after alignment. */
  readonly offset: number;
  readonly width: number;
  /** Both directions on one line: extraction needs marks around edge punctuation (see text-draw). */
  readonly mixed: boolean;
  /** Paragraph direction. */
  readonly rtl: boolean;
}

export interface LaidParagraph {
  readonly lines: readonly LaidLine[];
  readonly size: number;
  readonly lineHeight: number;
  /** Distance from a line's top to its baseline, in pt. */
  readonly baseline: number;
}

export interface LayoutStyle {
  size: number;
  bold: boolean;
  align: Align;
  lineHeight: number;
  dir: Direction | 'auto';
}

interface Piece {
  start: number;
  end: number;
  level: number;
  face: FaceName;
  run: ShapedRun;
}

interface Word {
  start: number;
  end: number;
  pieces: Piece[];
  width: number;
  gapBefore: number;
}

const SPACE = ' ';

export function toSpans(text: RichText): readonly Span[] {
  return typeof text === 'string' ? [{ text }] : text;
}

/** Splits spans at hard line breaks; each line is its own bidi paragraph. */
function splitHardLines(spans: readonly Span[]): Span[][] {
  const lines: Span[][] = [[]];
  for (const span of spans) {
    const parts = span.text.replace(/\r\n?/g, '\n').split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]?.push({ ...span, text: part.replace(/\t/g, SPACE) });
    });
  }
  return lines;
}

function collectWords(p: BidiParagraph, faces: FontFaces, size: number, boldAll: boolean, spaceWidth: number): Word[] {
  const words: Word[] = [];
  const text = p.text;
  let i = 0;
  let spaces = 0;
  while (i < text.length) {
    if (text[i] === SPACE) {
      spaces++;
      i++;
      continue;
    }
    const start = i;
    // Spaces inside an isolate (an IBAN, a phone number) neither break nor stretch.
    let depth = 0;
    while (i < text.length && (text[i] !== SPACE || depth > 0)) {
      const ch = text[i] ?? '';
      if (ch === '\u2066' || ch === '\u2067' || ch === '\u2068') depth++;
      else if (ch === '\u2069') depth = Math.max(0, depth - 1);
      i++;
    }
    const pieces: Piece[] = [];
    let j = start;
    while (j < i) {
      if (isBidiControl(text[j] ?? '')) {
        j++;
        continue;
      }
      const level = p.levels[j] ?? 0;
      const bold = boldAll || p.bold[j] === 1;
      const pieceStart = j;
      let shaped = '';
      while (j < i && !isBidiControl(text[j] ?? '') && (p.levels[j] ?? 0) === level && (boldAll || p.bold[j] === 1) === bold) {
        shaped += shapedChar(p, j);
        j++;
      }
      const face: FaceName = bold ? 'bold' : 'regular';
      pieces.push({ start: pieceStart, end: j, level, face, run: shapeRun(faces[face], shaped, (level & 1) === 1) });
    }
    const width = pieces.reduce((sum, piece) => sum + (piece.run.width * size) / 1000, 0);
    if (pieces.length > 0) words.push({ start, end: i, pieces, width, gapBefore: words.length === 0 ? 0 : spaces * spaceWidth });
    spaces = 0;
  }
  return words;
}

function layoutLine(
  p: BidiParagraph,
  words: readonly Word[],
  size: number,
  spaceWidth: number,
  extraPerSpace: number,
): { pieces: LaidPiece[]; width: number; mixed: boolean } {
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return { pieces: [], width: 0, mixed: false };
  const pieceOf = new Map<number, Piece>();
  for (const word of words) for (const piece of word.pieces) for (let i = piece.start; i < piece.end; i++) pieceOf.set(i, piece);
  const order = visualOrder(p, first.start, last.end);
  const pieces: LaidPiece[] = [];
  const placed = new Set<Piece>();
  let x = 0;
  let hasOdd = false;
  let hasEven = false;
  for (const idx of order) {
    const piece = pieceOf.get(idx);
    if (piece) {
      // A piece's characters are contiguous in visual order; place it on its first one.
      if (placed.has(piece)) continue;
      placed.add(piece);
      pieces.push({ x, run: piece.run, face: piece.face, level: piece.level, boundaryLeft: false, boundaryRight: false });
      if (piece.level & 1) hasOdd = true;
      else hasEven = true;
      x += (piece.run.width * size) / 1000;
    } else if (p.text[idx] === SPACE) {
      x += spaceWidth + extraPerSpace;
    }
  }
  const marked = pieces.map((piece, i) => {
    const parity = piece.level & 1;
    const left = pieces[i - 1];
    const right = pieces[i + 1];
    return {
      ...piece,
      boundaryLeft: left !== undefined && (left.level & 1) !== parity,
      boundaryRight: right !== undefined && (right.level & 1) !== parity,
    };
  });
  return { pieces: marked, width: x, mixed: hasOdd && hasEven };
}

function alignOffset(align: Align, rtl: boolean, width: number, maxWidth: number, lastLine: boolean): number {
  const free = maxWidth - width;
  const effective = align === 'justify' ? (lastLine ? 'start' : 'justify') : align;
  if (effective === 'justify') return 0;
  if (effective === 'center') return free / 2;
  const toRight = (effective === 'start') === rtl;
  return toRight ? free : 0;
}

// Letters in a batch repeat most paragraphs word for word (and the letterhead and footer on every
// page), so finished layouts are kept per process; they hold no per-document state. Bounded at 1,000 (two
// generations of 500: the paragraphs every letter repeats stay, the personal ones pass through): a batch's
// personal paragraphs never repeat, and 5,000 of them held ~15 MB more at the batch's peak.
const layoutCache = new GenerationalCache<string, LaidParagraph>(500);

export function layoutParagraph(faces: FontFaces, content: RichText, style: LayoutStyle, maxWidth: number): LaidParagraph {
  const key = `${faces.regular.font.postscriptName ?? ''}|${style.size}|${style.bold ? 1 : 0}|${style.align}|${style.lineHeight}|${style.dir}|${maxWidth.toFixed(2)}|${
    typeof content === 'string' ? content : JSON.stringify(content)
  }`;
  const hit = layoutCache.get(key);
  if (hit) return hit;
  const laid = layoutUncached(faces, content, style, maxWidth);
  layoutCache.set(key, laid);
  return laid;
}

function layoutUncached(faces: FontFaces, content: RichText, style: LayoutStyle, maxWidth: number): LaidParagraph {
  const { size } = style;
  const spaceWidth = (shapeRun(faces.regular, SPACE, false).width * size) / 1000;
  const lines: LaidLine[] = [];
  for (const spans of splitHardLines(toSpans(content))) {
    const plain = spans.map((s) => s.text).join('');
    const dir: Direction = style.dir === 'auto' ? detectDirection(plain) : style.dir;
    if (!plain.trim()) {
      lines.push({ pieces: [], offset: 0, width: 0, mixed: false, rtl: dir === 'rtl' });
      continue;
    }
    const p = prepareParagraph(spans, dir);
    const words = collectWords(p, faces, size, style.bold, spaceWidth);
    const ranges = breakLines(words, maxWidth);
    ranges.forEach((range, n) => {
      const lineWords = words.slice(range.from, range.to);
      const lastLine = n === ranges.length - 1;
      let extra = 0;
      if (style.align === 'justify' && !lastLine) {
        let spaces = 0;
        for (let i = 1; i < lineWords.length; i++) spaces += (lineWords[i]?.gapBefore ?? 0) / spaceWidth;
        if (spaces > 0) extra = Math.max(0, (maxWidth - range.width) / spaces);
        // A line left short by an unbreakable isolate (an IBAN) would get gaping spaces; past
        // twice the normal space it reads better ragged, and extractors don't see columns.
        if (extra > 2 * spaceWidth) extra = -1;
      }
      const ragged = extra < 0;
      const laid = layoutLine(p, lineWords, size, spaceWidth, ragged ? 0 : extra);
      lines.push({ ...laid, rtl: dir === 'rtl', offset: alignOffset(style.align, dir === 'rtl', laid.width, maxWidth, lastLine || ragged) });
    });
  }
  const face = faces.regular;
  const lineHeight = size * style.lineHeight;
  const glyphHeight = ((face.ascent - face.descent) * size) / 1000;
  const baseline = (lineHeight - glyphHeight) / 2 + (face.ascent * size) / 1000;
  return { lines, size, lineHeight, baseline };
}
