// The committed icons are what scripts/make-icons.ts draws, and they are valid PNG and ICO files (headers parsed here).
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICO_SIZES, iconFiles } from '../../../scripts/make-icons';

const dir = new URL('../../../resources/icons/', import.meta.url);
const read = (name: string): Buffer => readFileSync(new URL(name, dir));

function parsePng(png: Buffer): { width: number; height: number; colourType: number; bitDepth: number; chunks: string[] } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: string[] = [];
  let offset = 8;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    chunks.push(type);
    if (type === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  expect(offset).toBe(png.length);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  // The pixel data inflates to exactly one filter byte plus width*4 bytes per row.
  expect(inflateSync(Buffer.concat(idat)).length).toBe(height * (width * 4 + 1));
  return { width, height, bitDepth: png.readUInt8(24), colourType: png.readUInt8(25), chunks };
}

describe('icons', () => {
  it('icon.png is a 512×512 RGBA PNG and icon-256.png 256×256', () => {
    expect(parsePng(read('icon.png'))).toEqual({ width: 512, height: 512, bitDepth: 8, colourType: 6, chunks: ['IHDR', 'IDAT', 'IEND'] });
    expect(parsePng(read('icon-256.png'))).toMatchObject({ width: 256, height: 256 });
  });

  it('icon.ico holds 16, 32, 48 (bitmaps) and 256 (PNG) at the offsets its directory says', () => {
    const ico = read('icon.ico');
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    expect(count).toBe(ICO_SIZES.length);
    const seen: number[] = [];
    let expectedOffset = 6 + 16 * count;
    for (let k = 0; k < count; k++) {
      const e = 6 + 16 * k;
      const size = ico.readUInt8(e) === 0 ? 256 : ico.readUInt8(e);
      expect(ico.readUInt8(e + 1) === 0 ? 256 : ico.readUInt8(e + 1)).toBe(size);
      expect(ico.readUInt16LE(e + 4)).toBe(1);
      expect(ico.readUInt16LE(e + 6)).toBe(32);
      const length = ico.readUInt32LE(e + 8);
      const offset = ico.readUInt32LE(e + 12);
      expect(offset).toBe(expectedOffset);
      expectedOffset += length;
      const body = ico.subarray(offset, offset + length);
      if (size === 256) {
        expect(parsePng(body)).toMatchObject({ width: 256, height: 256 });
      } else {
        expect(body.readUInt32LE(0)).toBe(40); // BITMAPINFOHEADER
        expect(body.readInt32LE(4)).toBe(size);
        expect(body.readInt32LE(8)).toBe(size * 2);
        expect(body.readUInt16LE(14)).toBe(32);
        expect(length).toBe(40 + size * size * 4 + Math.ceil(size / 32) * 4 * size);
      }
      seen.push(size);
    }
    expect(expectedOffset).toBe(ico.length);
    expect(seen).toEqual([16, 32, 48, 256]);
  });

  it('the committed files are exactly what the generator draws (run `tsx scripts/make-icons.ts` after changing it)', () => {
    for (const [name, bytes] of Object.entries(iconFiles())) {
      expect(read(name).equals(bytes), name).toBe(true);
    }
  });
});
