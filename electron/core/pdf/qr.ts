// The verification QR code printed on letters: the code's matrix from uqr, drawn as a few merged vector rectangles.
import { encode } from 'uqr';

/** What the QR code says: the prefix tells a scanning app this is a Tahseel letter's verification code. */
export const VERIFY_PREFIX = 'TAHSEEL-VERIFY:';

/** Light modules around the code, as ISO/IEC 18004 asks; scanners need them to find the finder patterns. */
export const QUIET_ZONE = 4;

/**
 * PDF operators for the code in a `size`-pt square whose top-left corner is at (`x`, `top`) in PDF
 * coordinates: a white square (the quiet zone included), then every dark module in one path and one
 * fill. One fill, not one per rectangle, so viewers anti-alias no hairline seams between them.
 */
export function qrOperators(code: string, x: number, top: number, size: number): string {
  const matrix = verificationMatrix(code);
  const module = size / (matrix.length + 2 * QUIET_ZONE);
  const n = (v: number): string => (Math.round(v * 10000) / 10000).toString();
  // Module units from here on, y growing downwards like the matrix rows.
  const rects = moduleRects(matrix).map(([c, r, w, h]) => `${c} ${r} ${w} ${h} re`);
  return [
    `q 1 g ${n(x)} ${n(top - size)} ${n(size)} ${n(size)} re f`,
    `0 g ${n(module)} 0 0 ${n(-module)} ${n(x + QUIET_ZONE * module)} ${n(top - QUIET_ZONE * module)} cm`,
    ...rects,
    'f Q',
  ].join('\n');
}

/** A rectangle in module units: column, row, width, height. */
export type ModuleRect = readonly [number, number, number, number];

/**
 * Dark runs of each row, and a run continued straight down by identical runs in the rows below
 * becomes one taller rectangle (the finder patterns' sides, timing gaps): about a third of the
 * rectangles one per run would take, which keeps a 1,000-letter batch's content streams small.
 */
export function moduleRects(matrix: readonly (readonly boolean[])[]): ModuleRect[] {
  const done: ModuleRect[] = [];
  // Open rectangles keyed by their run's "start,end", waiting to be extended by the next row.
  let open = new Map<string, [number, number, number, number]>();
  matrix.forEach((row, y) => {
    const next = new Map<string, [number, number, number, number]>();
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      const key = `${start},${x}`;
      const above = open.get(key);
      if (above) {
        above[3]++;
        open.delete(key);
        next.set(key, above);
      } else {
        next.set(key, [start, y, x - start + 1, 1]);
      }
    }
    for (const rect of open.values()) done.push(rect);
    open = next;
  });
  for (const rect of open.values()) done.push(rect);
  return done;
}

/**
 * Dark (true) and light modules, rows top to bottom, without the quiet zone. ECC level M, raised
 * to Q or H when the code still fits the same version, so a stamp or fold over it is survivable.
 */
export function verificationMatrix(code: string): boolean[][] {
  return qrMatrix(`${VERIFY_PREFIX}${code}`);
}

/**
 * The same matrix uqr's automatic mask choice gives, about five times faster: uqr spends ~0.35 ms
 * a code trying the eight masks (0.35 s in a 1,000-letter batch). Here uqr encodes once with
 * mask 0, and each other mask is an XOR of the data modules plus its format bits, scored with
 * the same penalty rules (ISO/IEC 18004 §7.8.3, as in Nayuki's encoder that uqr ports).
 */
export function qrMatrix(text: string): boolean[][] {
  const base = encode(text, { ecc: 'M', boostEcc: true, border: 0, maskPattern: 0 });
  const size = base.size;
  const layout = layoutFor(size, base.types);
  const grid = new Uint8Array(size * size);
  base.data.forEach((row, y) => {
    for (let x = 0; x < size; x++) if (row[x]) grid[y * size + x] = 1;
  });
  // The first copy of the format bits, unmasked, starts with the ECC level's two bits.
  const read = layout.format.slice(0, 15).reduce((bits, [at, bit]) => bits | ((grid[at] ?? 0) << bit), 0);
  const eccBits = ((read ^ FORMAT_XOR) >>> 10) >>> 3;
  let best = grid;
  let bestPenalty = Infinity;
  for (let mask = 0; mask < 8; mask++) {
    const candidate = grid.slice();
    const toggle = layout.toggles[mask] ?? new Uint8Array(0);
    for (let k = 0; k < layout.data.length; k++) {
      if (toggle[k]) {
        const at = layout.data[k] ?? 0;
        candidate[at] = (candidate[at] ?? 0) ^ 1;
      }
    }
    const format = formatBits(eccBits, mask);
    for (const [at, bit] of layout.format) candidate[at] = (format >>> bit) & 1;
    const score = penalty(candidate, size);
    if (score < bestPenalty) [best, bestPenalty] = [candidate, score];
  }
  const rows: boolean[][] = [];
  for (let y = 0; y < size; y++) {
    const row: boolean[] = [];
    for (let x = 0; x < size; x++) row.push(best[y * size + x] === 1);
    rows.push(row);
  }
  return rows;
}

const MASKS: readonly ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

const FORMAT_XOR = 0x5412;

/** 15 format bits: ECC level and mask, BCH(15,5) protected, XOR-ed so they are never all light. */
function formatBits(eccBits: number, mask: number): number {
  const data = (eccBits << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  return ((data << 10) | rem) ^ FORMAT_XOR;
}

interface Layout {
  /** Flat indexes of the data modules (the ones masks touch). */
  readonly data: Int32Array;
  /** Per mask, which data modules differ from mask 0 (what turns mask 0 into this mask). */
  readonly toggles: readonly Uint8Array[];
  /** Both copies of the format bits: [flat index, bit], the first copy's 15 first. */
  readonly format: readonly (readonly [number, number])[];
}

const layouts = new Map<number, Layout>();

/** Which modules are data depends only on the version (the size), so it is worked out once per size. */
function layoutFor(size: number, types: readonly (readonly number[])[]): Layout {
  const known = layouts.get(size);
  if (known) return known;
  const data: number[] = [];
  types.forEach((row, y) => row.forEach((type, x) => type === 0 && data.push(y * size + x)));
  const toggles = MASKS.map((mask) =>
    Uint8Array.from(data, (at) => {
      const x = at % size;
      const y = Math.floor(at / size);
      return mask(x, y) !== MASKS[0]?.(x, y) ? 1 : 0;
    }),
  );
  const format: [number, number][] = [];
  const cell = (x: number, y: number, bit: number): void => void format.push([y * size + x, bit]);
  for (let i = 0; i <= 5; i++) cell(8, i, i);
  cell(8, 7, 6);
  cell(8, 8, 7);
  cell(7, 8, 8);
  for (let i = 9; i < 15; i++) cell(14 - i, 8, i);
  for (let i = 0; i < 8; i++) cell(size - 1 - i, 8, i);
  for (let i = 8; i < 15; i++) cell(8, size - 15 + i, i);
  const layout = { data: Int32Array.from(data), toggles, format };
  layouts.set(size, layout);
  return layout;
}

const N1 = 3;
const N2 = 3;
const N3 = 40;
const N4 = 10;

/** A 1:1:3:1:1 dark-light run pattern (newest run first) with four light modules on one side, like a finder's. */
function finderLike(h0: number, n: number, h2: number, h3: number, h4: number, h5: number, h6: number): number {
  if (n === 0 || h2 !== n || h3 !== n * 3 || h4 !== n || h5 !== n) return 0;
  return (h0 >= n * 4 && h6 >= n ? 1 : 0) + (h6 >= n * 4 && h0 >= n ? 1 : 0);
}

/**
 * The mask penalty: runs of five or more (N1), 2×2 blocks (N2), finder-like runs (N3), dark
 * balance (N4). It runs eight times per letter, so the last seven run lengths live in locals
 * h0…h6 (newest first) rather than an array: three times faster. A run touching the border
 * counts the quiet zone beyond it (+ size), as the reference encoder does.
 */
function penalty(g: Uint8Array, size: number): number {
  let result = 0;
  for (let line = 0; line < 2 * size; line++) {
    const step = line < size ? 1 : size;
    let at = line < size ? line * size : line - size;
    let color = 0;
    let run = 0;
    let h0 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0, h5 = 0, h6 = 0;
    for (let i = 0; i < size; i++, at += step) {
      const c = g[at] ?? 0;
      if (c === color) {
        run++;
        if (run === 5) result += N1;
        else if (run > 5) result++;
        continue;
      }
      h6 = h5; h5 = h4; h4 = h3; h3 = h2; h2 = h1; h1 = h0;
      h0 = h1 === 0 ? run + size : run;
      if (color === 0) result += finderLike(h0, h1, h2, h3, h4, h5, h6) * N3;
      color = c;
      run = 1;
    }
    if (color === 1) {
      h6 = h5; h5 = h4; h4 = h3; h3 = h2; h2 = h1; h1 = h0;
      h0 = h1 === 0 ? run + size : run;
      run = 0;
    }
    h6 = h5; h5 = h4; h4 = h3; h3 = h2; h2 = h1; h1 = h0;
    h0 = h1 === 0 ? run + 2 * size : run + size;
    result += finderLike(h0, h1, h2, h3, h4, h5, h6) * N3;
  }
  let dark = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const at = y * size + x;
      const c = g[at] ?? 0;
      dark += c;
      if (x < size - 1 && y < size - 1 && c === g[at + 1] && c === g[at + size] && c === g[at + size + 1]) result += N2;
    }
  }
  const total = size * size;
  return result + (Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1) * N4;
}
