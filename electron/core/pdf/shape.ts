// Shapes one single-direction run with fontkit and remembers the result: glyphs, advances and what each glyph reads as.
import type { FontFace } from './fonts';
import { unmirror } from './bidi';
import { GenerationalCache } from './cache';

export interface ShapedGlyph {
  readonly gid: number;
  /** The characters this glyph stands for, in the order extractors should meet them (see glyphText). */
  readonly text: string;
  /** Advance, offsets and font width in 1/1000 em. */
  readonly advance: number;
  readonly dx: number;
  readonly dy: number;
  readonly fontWidth: number;
}

export interface ShapedRun {
  readonly glyphs: readonly ShapedGlyph[];
  /** Total advance in 1/1000 em. */
  readonly width: number;
  readonly rtl: boolean;
}

// Shaping is the costly step and letters repeat the same words endlessly, so results are kept
// per process (they don't depend on the document); bounded so a huge batch can't grow it forever.
// A letter's own words (names, amounts, codes) never repeat: a 1,000-letter batch shapes ~11,000 runs, which at
// 50,000 were all kept (11 MB of live heap at its peak); now at most 5,000, the common words kept.
const cache = new GenerationalCache<string, ShapedRun>(2_500);

/**
 * Text for one glyph as extractors need it. Glyphs of an RTL run sit in visual order and
 * pdftotext / pdf.js reverse RTL text back to logical order, so a ligature's letters are stored
 * reversed (lam-alef "لا" → "ال") to come out right after that reversal, and a mirrored bracket
 * reads as the bracket that was typed.
 */
function glyphText(codePoints: readonly number[], rtl: boolean): string {
  if (codePoints.length === 0) return '';
  const chars = codePoints.map((c) => String.fromCodePoint(c));
  if (!rtl) return chars.join('');
  if (chars.length === 1) return unmirror(chars[0] ?? '');
  return chars.reverse().join('');
}

/** `text` is already mirrored where needed; it must not contain spaces or bidi controls. */
export function shapeRun(face: FontFace, text: string, rtl: boolean): ShapedRun {
  const key = `${face.name}${rtl ? 'R' : 'L'}${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const run = face.font.layout(text, undefined, undefined, undefined, rtl ? 'rtl' : 'ltr');
  const scale = 1000 / face.unitsPerEm;
  const glyphs: ShapedGlyph[] = [];
  let width = 0;
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i];
    const advance = (pos?.xAdvance ?? glyph.advanceWidth) * scale;
    glyphs.push({
      gid: glyph.id,
      text: glyphText(glyph.codePoints, rtl),
      advance,
      dx: (pos?.xOffset ?? 0) * scale,
      dy: (pos?.yOffset ?? 0) * scale,
      fontWidth: Math.round(glyph.advanceWidth * scale),
    });
    width += advance;
  });
  const shaped: ShapedRun = { glyphs, width, rtl };
  cache.set(key, shaped);
  return shaped;
}
