// `tsx scripts/make-icons.ts`: draws Tahseel's icon (a teal tile with a white «ت» and a gold rule) in pure Node and
// writes resources/icons/icon.png (512), icon-256.png and icon.ico (16/32/48/256). Deterministic: same bytes every run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
const TEAL_TOP: Rgb = [0x14, 0x76, 0x72];
const TEAL_BOTTOM: Rgb = [0x0a, 0x4a, 0x48];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const GOLD: Rgb = [0xd9, 0xae, 0x4e];

export const ICO_SIZES = [16, 32, 48, 256] as const;

/** Signed distance (in the same units) from p to a rounded rectangle centred at c with half-size h and radius r. */
function roundedRectDistance(px: number, py: number, cx: number, cy: number, hx: number, hy: number, r: number): number {
  const qx = Math.abs(px - cx) - (hx - r);
  const qy = Math.abs(py - cy) - (hy - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

interface StrokePoint {
  x: number;
  y: number;
  r: number;
}

/**
 * The body of «ت» as a reed pen leaves it: a short upright tooth on the right, then a wide, shallow boat that is
 * thickest at its floor and thins to a raised flick on the left. Deliberately asymmetric, so with its two dots it
 * reads as a letter and not as a face. Sampled once per size as a polyline with a radius per point.
 */
function tehBody(small: boolean): StrokePoint[] {
  const scale = small ? 1.35 : 1;
  const points: StrokePoint[] = [];
  // The tooth: from its top down to where the bowl starts.
  for (let k = 0; k <= 8; k++) {
    const u = k / 8;
    points.push({ x: 0.74 - 0.006 * u, y: 0.4 + 0.11 * u, r: 0.026 * scale });
  }
  // The bowl: a cubic Bézier from the tooth's foot to the left tip.
  const p0 = [0.734, 0.51];
  const p1 = [0.73, 0.68];
  const p2 = [0.33, 0.7];
  const p3 = [0.2, 0.45];
  const steps = 80;
  for (let k = 1; k <= steps; k++) {
    const u = k / steps;
    const a = (1 - u) ** 3;
    const b = 3 * (1 - u) ** 2 * u;
    const c = 3 * (1 - u) * u ** 2;
    const d = u ** 3;
    const x = a * (p0[0] ?? 0) + b * (p1[0] ?? 0) + c * (p2[0] ?? 0) + d * (p3[0] ?? 0);
    const y = a * (p0[1] ?? 0) + b * (p1[1] ?? 0) + c * (p2[1] ?? 0) + d * (p3[1] ?? 0);
    // Thick through the floor, a pen-width taper toward the left tip.
    const r = (0.016 + 0.04 * Math.sin(Math.PI * Math.min(u * 1.15, 1)) ** 0.8) * scale;
    points.push({ x, y, r: Math.max(r, 0.026 * scale * (1 - u)) });
  }
  return points;
}

function strokeDistance(px: number, py: number, stroke: readonly StrokePoint[]): number {
  let best = Infinity;
  for (let i = 1; i < stroke.length; i++) {
    const a = stroke[i - 1];
    const b = stroke[i];
    if (a === undefined || b === undefined) continue;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.min(Math.max(((px - a.x) * dx + (py - a.y) * dy) / len2, 0), 1);
    const d = Math.hypot(px - (a.x + t * dx), py - (a.y + t * dy)) - (a.r + (b.r - a.r) * t);
    if (d < best) best = d;
  }
  return best;
}

/** The icon as straight (non-premultiplied) RGBA, `size`×`size`. */
export function renderIcon(size: number): Uint8Array {
  const small = size <= 32;
  const out = new Uint8Array(size * size * 4);
  const body = tehBody(small);
  const dot = small ? 0.07 : 0.047;
  // Side by side above the bowl, the right one a touch higher, as a hand writes them.
  const dots = small
    ? [
        { x: 0.39, y: 0.3 },
        { x: 0.6, y: 0.28 },
      ]
    : [
        { x: 0.42, y: 0.33 },
        { x: 0.56, y: 0.315 },
      ];
  const margin = size >= 48 ? 0.035 : 0.0;
  const px = 1 / size; // one pixel in unit coordinates: distances divided by it give pixel coverage
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const x = (i + 0.5) / size;
      const y = (j + 0.5) / size;
      const tile = roundedRectDistance(x, y, 0.5, 0.5, 0.5 - margin, 0.5 - margin, 0.2);
      const alpha = coverage(tile, px);
      if (alpha === 0) continue;
      const g = (y - margin) / (1 - 2 * margin);
      let colour = mix(TEAL_TOP, TEAL_BOTTOM, Math.min(Math.max(g, 0), 1));
      if (!small) {
        const rule = roundedRectDistance(x, y, 0.5, 0.8, 0.15, 0.014, 0.014);
        colour = mix(colour, GOLD, coverage(rule, px));
      }
      let glyph = coverage(strokeDistance(x, y, body), px);
      for (const d of dots) {
        // Pen dots are rhombi, not circles.
        glyph = Math.max(glyph, coverage((Math.abs(x - d.x) + Math.abs(y - d.y) - dot) / Math.SQRT2, px));
      }
      colour = mix(colour, WHITE, glyph);
      const o = (j * size + i) * 4;
      out[o] = colour[0];
      out[o + 1] = colour[1];
      out[o + 2] = colour[2];
      out[o + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

function coverage(distance: number, pixel: number): number {
  return Math.min(Math.max(0.5 - distance / pixel, 0), 1);
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [Math.round(a[0] + (b[0] - a[0]) * t), Math.round(a[1] + (b[1] - a[1]) * t), Math.round(a[2] + (b[2] - a[2]) * t)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG (filter 0 on every row; zlib does the work). */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, adaptive filters, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** A 32-bit BMP icon image (BITMAPINFOHEADER, bottom-up BGRA, then the 1-bit AND mask). */
function encodeIcoBitmap(rgba: Uint8Array, size: number): Buffer {
  const header = Buffer.alloc(40);
  const maskStride = Math.ceil(size / 32) * 4;
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR image + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskStride * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskStride * size);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y; // bottom-up
    for (let x = 0; x < size; x++) {
      const s = (y * size + x) * 4;
      const d = (row * size + x) * 4;
      pixels[d] = rgba[s + 2] ?? 0;
      pixels[d + 1] = rgba[s + 1] ?? 0;
      pixels[d + 2] = rgba[s] ?? 0;
      pixels[d + 3] = rgba[s + 3] ?? 0;
      if ((rgba[s + 3] ?? 0) === 0) {
        const byte = row * maskStride + (x >> 3);
        mask[byte] = (mask[byte] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

/**
 * A Windows .ico. Sizes below 256 are stored as 32-bit bitmaps and 256 as PNG: the layout Windows' own tools
 * write, read by Explorer, rcedit (which stamps the exe) and NSIS alike, where all-PNG icons are not read everywhere.
 */
export function encodeIco(images: ReadonlyArray<{ size: number; rgba: Uint8Array }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const bodies = images.map(({ size, rgba }) => (size >= 256 ? encodePng(rgba, size, size) : encodeIcoBitmap(rgba, size)));
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  images.forEach(({ size }, k) => {
    const body = bodies[k] ?? Buffer.alloc(0);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(body.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += body.length;
    entries.push(entry);
  });
  return Buffer.concat([header, ...entries, ...bodies]);
}

/** Everything the generator writes, by file name under resources/icons. */
export function iconFiles(): Record<string, Buffer> {
  return {
    'icon.png': encodePng(renderIcon(512), 512, 512),
    'icon-256.png': encodePng(renderIcon(256), 256, 256),
    'icon.ico': encodeIco(ICO_SIZES.map((size) => ({ size, rgba: renderIcon(size) }))),
  };
}

function main(): void {
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icons');
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(iconFiles())) {
    writeFileSync(join(dir, name), bytes);
    console.log(`wrote resources/icons/${name} (${bytes.length} bytes)`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
