// Line breaking: greedy, only at spaces, long words alone on their line.
import { describe, expect, it } from 'vitest';
import { breakLines } from '../../../electron/core/pdf/line-break';

const words = (...widths: number[]) => widths.map((width, i) => ({ width, gapBefore: i === 0 ? 0 : 5 }));

describe('breakLines', () => {
  it('fills lines greedily and never splits a word', () => {
    expect(breakLines(words(30, 30, 30, 30), 70)).toEqual([
      { from: 0, to: 2, width: 65 },
      { from: 2, to: 4, width: 65 },
    ]);
  });

  it('puts a word wider than the line on its own line', () => {
    expect(breakLines(words(10, 200, 10), 100).map((l) => [l.from, l.to])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it('returns nothing for no words and one line when everything fits', () => {
    expect(breakLines([], 100)).toEqual([]);
    expect(breakLines(words(10, 10), 100)).toEqual([{ from: 0, to: 2, width: 25 }]);
  });
});
