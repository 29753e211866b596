// Bidi runs: isolates keep dates and references intact, brackets mirror, pieces come out in visual order.
import { describe, expect, it } from 'vitest';
import { prepareParagraph, visualOrder } from '../../../electron/core/pdf/bidi';
import { loadFontFaces } from '../../../electron/core/pdf/fonts';
import { layoutParagraph } from '../../../electron/core/pdf/paragraph';
import type { RichText } from '../../../electron/core/pdf/types';

const visual = (spans: Parameters<typeof prepareParagraph>[0], dir: 'rtl' | 'ltr'): string => {
  const p = prepareParagraph(spans, dir);
  return visualOrder(p, 0, p.text.length)
    .map((i) => p.mirrored.get(i) ?? p.text[i])
    .join('')
    .replace(/[\u2066-\u2069]/g, '');
};

/** Text of each laid-out piece, left to right, in logical order inside the piece. */
const pieces = (content: RichText, dir: 'rtl' | 'ltr', width = 1000): string[][] => {
  const faces = loadFontFaces();
  const para = layoutParagraph(faces, content, { size: 11, bold: false, align: 'start', lineHeight: 1.5, dir }, width);
  return para.lines.map((line) =>
    line.pieces.map((piece) => {
      const texts = piece.run.glyphs.map((g) => g.text.replace(/[\u200e\u200f]/g, ''));
      return piece.level & 1 ? texts.map((t) => [...t].reverse().join('')).reverse().join('') : texts.join('');
    }),
  );
};

describe('bidi', () => {
  it('keeps an isolated date in order inside Arabic', () => {
    expect(visual([{ text: 'بتاريخ ' }, { text: '2026-03-15', isolate: 'ltr' }, { text: ' انتهى' }], 'rtl')).toBe('ىهتنا 2026-03-15 خيراتب');
  });

  it('keeps a reference with brackets right in an RTL paragraph', () => {
    // Logical "(TH-2026-000123)" after Arabic: the brackets are mirrored so they still enclose it.
    expect(visual([{ text: 'الملف (' }, { text: 'TH-2026-000123', isolate: 'ltr' }, { text: ')' }], 'rtl')).toBe('(TH-2026-000123) فلملا');
  });

  it('lays out pieces in visual order with numbers left to right', () => {
    const [line] = pieces([{ text: 'المبلغ ' }, { text: '15,750.50', isolate: 'ltr' }, { text: ' ريال' }], 'rtl');
    expect(line).toEqual(['ريال', '15,750.50', 'المبلغ']);
  });

  it('keeps an isolated IBAN as one unbreakable piece', () => {
    const lines = pieces([{ text: 'رقم ' }, { text: 'SA03 8000 0000 6080 1016 7519', isolate: 'ltr' }], 'rtl', 180);
    expect(lines.flat()).toContain('SA03 8000 0000 6080 1016 7519');
  });

  it('reads English left to right', () => {
    expect(pieces('Page 1 of 3', 'ltr')).toEqual([['Page', '1', 'of', '3']]);
  });

  it('maps a lam-alef ligature glyph to both letters', () => {
    const [line] = pieces('الاستشارات', 'rtl');
    expect(line).toEqual(['الاستشارات']);
  });
});
