// Greedy line breaking over measured words: breaks only at spaces, never inside a word.

export interface BreakItem {
  /** Width of the word itself. */
  readonly width: number;
  /** Width of the spaces between the previous word and this one (ignored at a line start). */
  readonly gapBefore: number;
}

/** Words `[from, to)` on one line, and the line's natural width. */
export interface LineRange {
  readonly from: number;
  readonly to: number;
  readonly width: number;
}

/**
 * First-fit, which is what readers of letters expect and is linear in the number of words.
 * A word wider than the line gets a line of its own rather than being cut.
 */
export function breakLines(items: readonly BreakItem[], maxWidth: number): LineRange[] {
  const lines: LineRange[] = [];
  let from = 0;
  let width = 0;
  const tolerance = 0.01;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item) continue;
    if (i === from) {
      width = item.width;
      continue;
    }
    const next = width + item.gapBefore + item.width;
    if (next > maxWidth + tolerance) {
      lines.push({ from, to: i, width });
      from = i;
      width = item.width;
    } else {
      width = next;
    }
  }
  if (from < items.length) lines.push({ from, to: items.length, width });
  return lines;
}
