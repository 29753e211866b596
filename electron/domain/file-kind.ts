// What an attached file really is, read from its bytes rather than its name; executables are refused whatever they are called.
import { detectEncoding } from './text-encoding';

export const ACCEPTED_KINDS = ['pdf', 'jpeg', 'png', 'tiff', 'docx', 'xlsx', 'msg', 'eml', 'txt'] as const;
export type FileKind = (typeof ACCEPTED_KINDS)[number];

/**
 * Why a file is refused. 'mismatch' is never returned today: a name claiming another accepted kind is
 * corrected (`renamed`), not refused. It stays in the type so callers already handle it if that rule tightens.
 */
export type FileKindRefusal = 'empty' | 'executable' | 'unsupported' | 'mismatch' | 'corrupt';
export type TextCharset = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';

export type FileKindResult =
  | {
      ok: true;
      kind: FileKind;
      mime: string;
      /** The extension to store the file under: the name's own when it fits the content, else the kind's usual one. */
      ext: string;
      /** The name's extension is missing or claims another type: the content decided, store it under `ext`. */
      renamed: boolean;
      /** How the text is encoded (txt and eml only; Windows-1256 is always txt). */
      charset?: TextCharset;
    }
  | { ok: false; reason: FileKindRefusal };

const KINDS: Record<FileKind, { mime: string; exts: readonly string[] }> = {
  pdf: { mime: 'application/pdf', exts: ['pdf'] },
  jpeg: { mime: 'image/jpeg', exts: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  png: { mime: 'image/png', exts: ['png'] },
  tiff: { mime: 'image/tiff', exts: ['tif', 'tiff'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', exts: ['docx'] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', exts: ['xlsx'] },
  msg: { mime: 'application/vnd.ms-outlook', exts: ['msg'] },
  eml: { mime: 'message/rfc822', exts: ['eml'] },
  txt: { mime: 'text/plain', exts: ['txt', 'text'] },
};

/**
 * Names Windows would run or open with a script host. Refused even when the bytes look harmless:
 * a text file named .js or .bat is still a script once it is saved and double-clicked.
 */
const EXECUTABLE_EXTS = new Set([
  'exe', 'dll', 'bat', 'cmd', 'com', 'scr', 'ps1', 'vbs', 'js', 'msi', 'lnk',
  'pif', 'cpl', 'hta', 'jar', 'jse', 'vbe', 'wsf', 'wsh', 'msp', 'reg', 'scf', 'psm1',
]);

/** True when the app shows the kind inline (PDF viewer, <img>, plain text); TIFF Chromium cannot. */
export function canPreview(kind: FileKind): boolean {
  return kind === 'pdf' || kind === 'jpeg' || kind === 'png' || kind === 'txt';
}

/**
 * A stored text document's words for the preview: decoded with the encoding its bytes are detected in (UTF-8, UTF-16
 * with its mark, or Windows-1256 Arabic), the byte-order mark dropped; null when the bytes are not text. The stored
 * bytes themselves are never changed.
 */
export function decodeTextDocument(bytes: Uint8Array): string | null {
  const kind = detectFileKind(bytes, '');
  if (!kind.ok || kind.kind !== 'txt' || kind.charset === undefined) return null;
  return new TextDecoder(kind.charset).decode(bytes);
}

/** The last extension, lower case; Windows ignores trailing dots and spaces ("x.exe. " runs as x.exe). */
function extensionOf(fileName: string): string {
  const base = fileName.replace(/[. ]+$/, '').split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const EXECUTABLE_MAGIC: readonly (readonly number[])[] = [
  ascii('MZ'), // Windows PE / DOS
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal (and Java classes)
  ascii('#!'), // scripts with an interpreter line
];

const PDF = ascii('%PDF-');
const PDF_EOF = ascii('%%EOF');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IHDR = [0x00, 0x00, 0x00, 0x0d, ...ascii('IHDR')];
const JPEG = [0xff, 0xd8, 0xff];
const TIFF_LE = [0x49, 0x49, 0x2a, 0x00];
const TIFF_BE = [0x4d, 0x4d, 0x00, 0x2a];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function indexOfFrom(bytes: Uint8Array, sig: readonly number[], from: number): number {
  for (let i = Math.max(0, from); i + sig.length <= bytes.length; i++) if (startsWith(bytes, sig, i)) return i;
  return -1;
}

export function detectFileKind(bytes: Uint8Array, fileName: string): FileKindResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  const nameExt = extensionOf(fileName);
  if (EXECUTABLE_EXTS.has(nameExt) || EXECUTABLE_MAGIC.some((sig) => startsWith(bytes, sig))) return { ok: false, reason: 'executable' };
  const found = sniff(bytes, nameExt);
  if (typeof found === 'string') return { ok: false, reason: found };
  const { exts, mime } = KINDS[found.kind];
  const fits = exts.includes(nameExt);
  return { ok: true, kind: found.kind, mime, ext: fits ? nameExt : (exts[0] ?? found.kind), renamed: !fits, ...(found.charset ? { charset: found.charset } : {}) };
}

function sniff(bytes: Uint8Array, nameExt: string): { kind: FileKind; charset?: TextCharset } | FileKindRefusal {
  if (startsWith(bytes, PDF)) {
    // Readers look for the trailer's %%EOF in the last 1 KB; without it the file was cut short.
    return indexOfFrom(bytes, PDF_EOF, bytes.length - 1024) >= 0 ? { kind: 'pdf' } : 'corrupt';
  }
  if (startsWith(bytes, PNG)) return startsWith(bytes, PNG_IHDR, 8) ? { kind: 'png' } : 'corrupt';
  if (startsWith(bytes, JPEG)) return { kind: 'jpeg' };
  if (startsWith(bytes, TIFF_LE) || startsWith(bytes, TIFF_BE)) return { kind: 'tiff' };
  if (startsWith(bytes, ZIP_LOCAL)) {
    const names = zipEntryNames(bytes);
    if (!names) return 'corrupt';
    if (names.has('word/document.xml')) return { kind: 'docx' };
    if (names.has('xl/workbook.xml')) return { kind: 'xlsx' };
    return 'unsupported';
  }
  // Word and Excel 97–2003 files are compound files too; only Outlook messages are accepted.
  if (startsWith(bytes, OLE)) return nameExt === 'msg' ? { kind: 'msg' } : 'unsupported';
  const text = decodeText(bytes);
  if (text === 'empty') return 'empty';
  if (!text) return readsAsArabic1256(bytes) ? { kind: 'txt', charset: 'windows-1256' } : 'unsupported';
  return { kind: text.charset !== 'utf-16le' && text.charset !== 'utf-16be' && looksLikeEmail(text.head) ? 'eml' : 'txt', charset: text.charset };
}

// ZIP: the end-of-central-directory record says where the central directory is; its entries carry the names.

const EOCD = [0x50, 0x4b, 0x05, 0x06];
const ZIP64_LOCATOR = [0x50, 0x4b, 0x06, 0x07];
const ZIP64_EOCD = [0x50, 0x4b, 0x06, 0x06];
const CENTRAL_ENTRY = [0x50, 0x4b, 0x01, 0x02];

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) + u16(b, at + 2) * 0x10000);
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;

/** Entry names (lower case, as OPC part names compare) from the central directory, or null when it cannot be read. */
export function zipEntryNames(bytes: Uint8Array): Set<string> | null {
  // The record is 22 bytes plus a comment of up to 65,535; search backwards so a comment cannot fake it.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (startsWith(bytes, EOCD, i) && i + 22 + u16(bytes, i + 20) <= bytes.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = u16(bytes, eocd + 10);
  let size = u32(bytes, eocd + 12);
  let offset = u32(bytes, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (!startsWith(bytes, ZIP64_LOCATOR, locator)) return null;
    const z = u64(bytes, locator + 8);
    if (!startsWith(bytes, ZIP64_EOCD, z)) return null;
    count = u64(bytes, z + 32);
    size = u64(bytes, z + 40);
    offset = u64(bytes, z + 48);
  }
  if (offset + size > bytes.length) return null;
  const names = new Set<string>();
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > offset + size || !startsWith(bytes, CENTRAL_ENTRY, at)) return null;
    const nameLength = u16(bytes, at + 28);
    const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (next > offset + size) return null;
    names.add(String.fromCharCode(...bytes.subarray(at + 46, at + 46 + nameLength)).toLowerCase());
    at = next;
  }
  return names;
}

// Text: strict UTF-8 (no NUL), UTF-16 announced by its byte-order mark, or Arabic in Windows-1256; mostly printable each way.

/** Control characters other than tab, line feed, form feed and carriage return (and DEL, C1). */
const isControl = (cp: number): boolean => (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0c && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f);

/** At most one character in a hundred may be a control character (a stray escape or form of bell). */
const mostlyPrintable = (controls: number, chars: number): boolean => controls * 100 <= chars;

function decodeText(bytes: Uint8Array): { charset: TextCharset; head: string } | 'empty' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, false);
  const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  if (start === bytes.length) return 'empty';
  let controls = 0;
  let chars = 0;
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      if (b === 0) return null;
      if (isControl(b)) controls++;
      chars++;
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return null;
    let cp = b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if ((len === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (len === 4 && (cp < 0x10000 || cp > 0x10ffff))) return null;
    if (isControl(cp)) controls++;
    chars++;
    i += len;
  }
  if (!mostlyPrintable(controls, chars)) return null;
  return { charset: 'utf-8', head: latinHead(bytes, start) };
}

function decodeUtf16(bytes: Uint8Array, le: boolean): { charset: TextCharset; head: string } | 'empty' | null {
  if (bytes.length === 2) return 'empty';
  if (bytes.length % 2 !== 0) return null;
  const unit = (at: number): number => (le ? u16(bytes, at) : ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0));
  let controls = 0;
  let chars = 0;
  for (let i = 2; i < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const low = i + 2 < bytes.length ? unit(i + 2) : 0;
      if (low < 0xdc00 || low > 0xdfff) return null;
      i += 2;
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      return null;
    } else if (u === 0 || isControl(u)) {
      controls++;
    }
    chars++;
  }
  return mostlyPrintable(controls, chars) ? { charset: le ? 'utf-16le' : 'utf-16be', head: '' } : null;
}

/** Which bytes 0x80–0xFF are Arabic letters, digits or punctuation in Windows-1256 (read from the platform's decoder once). */
let arabic1256: boolean[] | null = null;
function arabicIn1256(): boolean[] {
  if (arabic1256 === null) {
    const decoder = new TextDecoder('windows-1256');
    arabic1256 = Array.from({ length: 128 }, (_, i) => {
      const cp = decoder.decode(Uint8Array.of(0x80 + i)).codePointAt(0) ?? 0;
      return cp >= 0x0600 && cp <= 0x06ff;
    });
  }
  return arabic1256;
}

/**
 * Text that is not UTF-8 is read as Windows-1256 (exports of old Arabic systems) when the shared detection says so,
 * it has no NUL and is mostly printable, and most of its non-ASCII characters are Arabic: binary junk and text in
 * other single-byte code pages stay refused.
 */
function readsAsArabic1256(bytes: Uint8Array): boolean {
  if (detectEncoding(bytes) !== 'windows-1256') return false;
  const arabic = arabicIn1256();
  let controls = 0;
  let high = 0;
  let arabicChars = 0;
  for (const b of bytes) {
    if (b === 0) return false;
    if (b < 0x80) {
      if (isControl(b)) controls++;
    } else {
      high++;
      if (arabic[b - 0x80] === true) arabicChars++;
    }
  }
  return mostlyPrintable(controls, bytes.length) && arabicChars * 2 > high;
}

/** The first 64 KB as one char per byte: enough for a message's header block, which is ASCII by RFC 5322. */
function latinHead(bytes: Uint8Array, start: number): string {
  let s = '';
  const end = Math.min(bytes.length, start + 65536);
  for (let i = start; i < end; i += 8192) s += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 8192)));
  return s;
}

const HEADER = /^([!-9;-~]+):[ \t]?(.*)$/;
const MAIL_HEADERS = new Set(['from', 'to', 'subject', 'date', 'received', 'mime-version']);

/** RFC 5322 headers from the first line up to a blank line: at least two, one of them a mail header. */
function looksLikeEmail(head: string): boolean {
  const lines = head.split(/\r?\n/);
  // A cut at 64 KB leaves a partial last line; judge only whole lines.
  if (head.length >= 65536) lines.pop();
  let headers = 0;
  let mail = false;
  for (const [i, line] of lines.entries()) {
    if (line === '') return headers >= 2 && mail;
    if (/^[ \t]/.test(line)) {
      if (i === 0) return false; // folded continuation of a header
      continue;
    }
    const m = HEADER.exec(line);
    if (!m) return false;
    headers++;
    if (MAIL_HEADERS.has((m[1] ?? '').toLowerCase())) mail = true;
  }
  // Headers only, no body: still a message.
  return headers >= 2 && mail;
}
