// The QR matrix is exactly uqr's (mask choice included) and the merged rectangles cover exactly its dark modules.
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { QUIET_ZONE, VERIFY_PREFIX, moduleRects, qrMatrix, qrOperators, verificationMatrix } from '../../../electron/core/pdf/qr';

/** Deterministic texts of every length up to 180: alphanumeric, byte-mode with Arabic, and mixed, so versions 1–10 and every mask appear. */
function texts(): string[] {
  const alpha = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-:';
  const bytes = 'abcdefghijklmnopqrstuvwxyzملف١٢٣';
  const out: string[] = [];
  for (let len = 1; len <= 180; len += 1) {
    for (const [k, chars] of [alpha, bytes].entries()) {
      out.push(Array.from({ length: len }, (_, i) => chars[(i * 7 + len * 13 + k) % chars.length]).join(''));
    }
  }
  return out;
}

describe('qrMatrix', () => {
  it('equals uqr’s automatic mask choice for every text', () => {
    const masks = new Set<number>();
    const versions = new Set<number>();
    for (const text of texts()) {
      const reference = encode(text, { ecc: 'M', boostEcc: true, border: 0 });
      masks.add(reference.maskPattern);
      versions.add(reference.version);
      expect(qrMatrix(text), text).toEqual(reference.data);
    }
    expect([...masks].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Math.max(...versions)).toBeGreaterThanOrEqual(7); // version information blocks included
  });

  it('encodes the prefixed verification code in a version 2 symbol', () => {
    const matrix = verificationMatrix('K7Q2-M9XD-4TFA');
    expect(matrix).toEqual(encode(`${VERIFY_PREFIX}K7Q2-M9XD-4TFA`, { ecc: 'M', boostEcc: true, border: 0 }).data);
    expect(matrix).toHaveLength(25);
  });
});

describe('moduleRects', () => {
  it('covers every dark module once and no light one', () => {
    for (const code of ['K7Q2-M9XD-4TFA', 'V7K-92QX', 'A', 'TH-2026-000123/abc']) {
      const matrix = verificationMatrix(code);
      const painted = matrix.map((row) => row.map(() => 0));
      for (const [c, r, w, h] of moduleRects(matrix)) {
        for (let y = r; y < r + h; y++) for (let x = c; x < c + w; x++) painted[y]![x]! += 1;
      }
      expect(painted).toEqual(matrix.map((row) => row.map((dark) => (dark ? 1 : 0))));
    }
  });

  it('merges runs across rows: fewer rectangles than row runs', () => {
    const matrix = verificationMatrix('K7Q2-M9XD-4TFA');
    const runs = matrix.reduce((n, row) => n + row.filter((dark, x) => dark && !row[x - 1]).length, 0);
    const dark = matrix.flat().filter(Boolean).length;
    expect(moduleRects(matrix).length).toBeLessThan(runs);
    expect(runs).toBeLessThan(dark);
  });
});

describe('qrOperators', () => {
  it('paints the square white, then all dark modules in one path scaled to fit with the quiet zone', () => {
    const ops = qrOperators('K7Q2-M9XD-4TFA', 100, 300, 66);
    const lines = ops.split('\n');
    expect(lines[0]).toBe('q 1 g 100 234 66 66 re f');
    const module = 66 / (25 + 2 * QUIET_ZONE);
    expect(lines[1]).toBe(`0 g ${module} 0 0 ${-module} ${100 + 4 * module} ${300 - 4 * module} cm`);
    expect(lines.at(-1)).toBe('f Q');
    expect(lines.slice(2, -1).every((l) => /^\d+ \d+ \d+ \d+ re$/.test(l))).toBe(true);
    expect(ops.match(/\bf\b/g)).toHaveLength(2);
  });
});
