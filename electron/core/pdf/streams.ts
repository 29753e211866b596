// Flate-compressed PDF streams through Node's native zlib (several times faster than pdf-lib's pako).
import { deflateSync } from 'node:zlib';
import { PDFRawStream } from 'pdf-lib';
import type { PDFContext, PDFRef } from 'pdf-lib';

export function registerFlateStream(context: PDFContext, contents: string | Uint8Array, extra: Record<string, number> = {}): PDFRef {
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents;
  const compressed = deflateSync(bytes, { level: 6 });
  const dict = context.obj({ Filter: 'FlateDecode', Length: compressed.length, ...extra });
  return context.register(PDFRawStream.of(dict, new Uint8Array(compressed.buffer, compressed.byteOffset, compressed.length)));
}
