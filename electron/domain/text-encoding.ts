// How a text file's bytes are encoded, decided from the bytes alone: a byte-order mark, else strict UTF-8, else Windows-1256
// (the Arabic Windows code page old systems still export). Pure: used by the placement import and by document uploads.

export const TEXT_ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1256'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** The encoding of text without asking: a BOM, else strict UTF-8, else Windows-1256; UTF-8 mixed with other bytes is 'mixed'. */
export function detectEncoding(bytes: Uint8Array): TextEncoding | 'mixed' {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  let multibyte = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      multibyte++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  if (invalid === 0) return 'utf-8';
  // Windows-1256 Arabic is rarely valid UTF-8 by accident: a few valid sequences among many invalid bytes are chance.
  if (multibyte > 0 && multibyte * 20 >= invalid) return 'mixed';
  return 'windows-1256';
}
