// Unicode bidi for one paragraph: logical text with isolates, embedding levels, mirroring and per-line visual order.
import bidiFactory from 'bidi-js';
import type { EmbeddingLevels } from 'bidi-js';
import type { Span } from './types';

const bidi = bidiFactory();

export type Direction = 'rtl' | 'ltr';

const LRI = '\u2066';
const RLI = '\u2067';
const FSI = '\u2068';
const PDI = '\u2069';

export interface BidiParagraph {
  /** Logical text, with isolate controls around spans that asked for them. */
  readonly text: string;
  readonly levels: Uint8Array;
  readonly embedding: EmbeddingLevels;
  /** 1 where the character is bold. */
  readonly bold: Uint8Array;
  /** Replacement characters for brackets etc. at odd (RTL) levels. */
  readonly mirrored: ReadonlyMap<number, string>;
  readonly baseLevel: number;
}

/** True for the invisible controls we insert; they shape the order but are never drawn. */
export function isBidiControl(ch: string): boolean {
  return /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/.test(ch);
}

/**
 * Builds the logical string for a list of spans. Isolated spans (dates, references, IBANs,
 * amounts) are wrapped in LRI/RLI/FSI…PDI so the UBA treats each as one neutral unit: its inside
 * keeps its own order and its neighbours can't pull it apart.
 */
export function prepareParagraph(spans: readonly Span[], dir: Direction): BidiParagraph {
  let text = '';
  const boldFlags: number[] = [];
  for (const span of spans) {
    const b = span.bold ? 1 : 0;
    const open = span.isolate === 'ltr' ? LRI : span.isolate === 'rtl' ? RLI : span.isolate === 'auto' ? FSI : '';
    const body = open ? span.text.replace(/[\u2066-\u2069]/g, '') : span.text;
    const piece = open ? `${open}${body}${PDI}` : body;
    text += piece;
    for (let i = 0; i < piece.length; i++) boldFlags.push(b);
  }
  const result = bidi.getEmbeddingLevels(text, dir);
  const mirrored = bidi.getMirroredCharactersMap(text, result.levels);
  return {
    text,
    levels: result.levels,
    embedding: result,
    bold: Uint8Array.from(boldFlags),
    mirrored,
    baseLevel: dir === 'rtl' ? 1 : 0,
  };
}

/** Logical indices of `[start, end)` in visual order, left to right (rule L2, with L1 for the line end). */
export function visualOrder(p: BidiParagraph, start: number, end: number): number[] {
  const order: number[] = [];
  for (let i = start; i < end; i++) order.push(i);
  if (end - start < 2) return order;
  // Segments rather than getReorderedIndices: the latter allocates the whole paragraph per line.
  for (const [segStart, segEnd] of bidi.getReorderSegments(p.text, p.embedding, start, end - 1)) {
    if (segStart === undefined || segEnd === undefined) continue;
    let a = segStart - start;
    let b = segEnd - start;
    while (a < b) {
      const t = order[a] ?? 0;
      order[a] = order[b] ?? 0;
      order[b] = t;
      a++;
      b--;
    }
  }
  return order;
}

/** The character to shape at index `i`: the mirrored form at RTL levels. */
export function shapedChar(p: BidiParagraph, i: number): string {
  return p.mirrored.get(i) ?? p.text[i] ?? '';
}

/** Undo mirroring for extraction: a mirrored glyph must still read as the character that was typed. */
export function unmirror(ch: string): string {
  return bidi.getMirroredCharacter(ch) ?? ch;
}

/** The bidi class name of one character (L, R, AL, EN, CS, ON…). */
export function bidiClass(ch: string): string {
  return bidi.getBidiCharTypeName(ch);
}

/** Paragraph direction a caller's text would get on its own (for 'auto'). */
export function detectDirection(text: string): Direction {
  for (const ch of text) {
    const t = bidi.getBidiCharTypeName(ch);
    if (t === 'R' || t === 'AL') return 'rtl';
    if (t === 'L') return 'ltr';
  }
  return 'ltr';
}
