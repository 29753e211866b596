// Embeds one font face into one PDF: our own CID numbering, a subset font file, widths and a ToUnicode CMap.
import { PDFNumber, PDFString } from 'pdf-lib';
import type { PDFContext, PDFRef } from 'pdf-lib';
import type { FontFace } from './fonts';
import { registerFlateStream } from './streams';
import { buildToUnicodeCMap } from './tounicode';

/**
 * Why not pdf-lib's embedFont: its ToUnicode maps each glyph to the code points fontkit
 * remembers, in logical order, one mapping per glyph. Extractors read RTL glyphs in visual order
 * and reverse them, so a lam-alef ligature mapped to "لا" comes back as "ال" (الاستشارات →
 * االستشارات), and a mirrored bracket can only map to one character. We hand out our own CIDs,
 * one per (glyph, text it stands for), so each occurrence can say exactly what it means, and
 * CIDToGIDMap points every CID at the subset glyph.
 */
export interface EmbeddedFont {
  readonly face: FontFace;
  readonly resourceName: string;
  readonly ref: PDFRef;
  /** The CID that draws glyph `gid` and extracts as `text`. */
  cid(gid: number, text: string): number;
  /** Writes the font objects; call once, after every page is drawn. */
  write(): Promise<void>;
}

export function createEmbeddedFont(context: PDFContext, face: FontFace, resourceName: string, tag: string): EmbeddedFont {
  const ref = context.nextRef();
  const byKey = new Map<string, number>();
  // CID 0 is .notdef by convention.
  const gids: number[] = [0];
  const texts: string[] = [''];
  const scale = 1000 / face.unitsPerEm;

  function cid(gid: number, text: string): number {
    const key = `${gid}|${text}`;
    const known = byKey.get(key);
    if (known !== undefined) return known;
    const next = gids.length;
    gids.push(gid);
    texts.push(text);
    byKey.set(key, next);
    return next;
  }

  async function write(): Promise<void> {
    const subset = face.font.createSubset();
    const cidToGid = new Uint8Array(gids.length * 2);
    const widths: number[] = [];
    for (let c = 0; c < gids.length; c++) {
      const gid = gids[c] ?? 0;
      const newGid = subset.includeGlyph(gid);
      cidToGid[c * 2] = newGid >> 8;
      cidToGid[c * 2 + 1] = newGid & 0xff;
      widths.push(Math.round(face.font.getGlyph(gid).advanceWidth * scale));
    }
    const fontFile = await encodeSubset(subset);
    const baseFont = `${tag}+${face.font.postscriptName ?? 'Vazirmatn'}`;
    const fontFileRef = registerFlateStream(context, fontFile, { Length1: fontFile.length });
    const bbox = face.font.bbox;
    const descriptorRef = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: baseFont,
        // Symbolic (4): glyphs are addressed by CID, not a standard Latin encoding.
        Flags: 4,
        FontBBox: [bbox.minX * scale, bbox.minY * scale, bbox.maxX * scale, bbox.maxY * scale].map(Math.round),
        ItalicAngle: 0,
        Ascent: Math.round(face.ascent),
        Descent: Math.round(face.descent),
        CapHeight: Math.round((face.font.capHeight || face.font.ascent) * scale),
        StemV: face.name === 'bold' ? 140 : 80,
        FontFile2: fontFileRef,
      }),
    );
    const cidToGidRef = registerFlateStream(context, cidToGid);
    const cidFontRef = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: baseFont,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptorRef,
        DW: 1000,
        W: context.obj([0, widths.map((w) => PDFNumber.of(w))]),
        CIDToGIDMap: cidToGidRef,
      }),
    );
    const toUnicodeRef = registerFlateStream(context, buildToUnicodeCMap(texts));
    context.assign(
      ref,
      context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: baseFont,
        Encoding: 'Identity-H',
        DescendantFonts: [cidFontRef],
        ToUnicode: toUnicodeRef,
      }),
    );
  }

  return { face, resourceName, ref, cid, write };
}

function encodeSubset(subset: ReturnType<FontFace['font']['createSubset']>): Promise<Uint8Array> {
  return new Promise((resolvePromise) => {
    const parts: Uint8Array[] = [];
    subset
      .encodeStream()
      .on('data', (bytes) => parts.push(bytes))
      .on('end', () => {
        let length = 0;
        for (const p of parts) length += p.length;
        const out = new Uint8Array(length);
        let at = 0;
        for (const p of parts) {
          out.set(p, at);
          at += p.length;
        }
        resolvePromise(out);
      });
  });
}

/** Hex for a CID inside a TJ string (Identity-H: two bytes per CID). */
export function cidHex(cid: number): string {
  return cid.toString(16).padStart(4, '0');
}
