// Pure text helpers for the template editor: the placeholder a pick inserts, where a problem's line and column are, the formats a field offers.
import type { FieldType } from '../../../electron/domain/template/fields';
import type { FormatFilter } from '../../../electron/domain/template/filters';

/** Formats offered in the picker for a field type; the first is what a pick inserts unless another is chosen. */
export function formatsFor(type: string): ('plain' | FormatFilter)[] {
  switch (type as FieldType) {
    case 'money':
      return ['money', 'words'];
    case 'date':
      return ['dual', 'hijri', 'gregorian', 'long'];
    default:
      return ['plain'];
  }
}

export function placeholderText(path: string, format: 'plain' | FormatFilter): string {
  return format === 'plain' ? `{{${path}}}` : `{{${path} | ${format}}}`;
}

/** Offset in the text of a 1-based line and column (UTF-16 code units, as the parser counts them). */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf('\n', offset);
  const lineEnd = end < 0 ? text.length : end;
  return Math.min(offset + Math.max(column - 1, 0), lineEnd);
}

/** The text with `insert` replacing start..end, and where the cursor goes after it. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; cursor: number } {
  const a = Math.max(0, Math.min(start, text.length));
  const b = Math.max(a, Math.min(end, text.length));
  return { text: text.slice(0, a) + insert + text.slice(b), cursor: a + insert.length };
}

/** The first line where two texts differ, for the "changed by someone else" dialog. */
export function firstDifference(mine: string, theirs: string): { line: number; mine: string; theirs: string } | null {
  const a = mine.split('\n');
  const b = theirs.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return { line: i + 1, mine: a[i] ?? '', theirs: b[i] ?? '' };
  }
  return null;
}
