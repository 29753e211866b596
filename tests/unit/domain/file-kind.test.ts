// Content sniffing of attachments: real byte layouts built here (ZIP directories, PNG chunks, PE/ELF headers), names that lie.
import { closeSync, openSync, readSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ACCEPTED_KINDS, canPreview, detectFileKind, zipEntryNames } from '../../../electron/domain/file-kind';
import { samplePng } from '../../fixtures/pdf/png';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const cat = (...parts: readonly (Uint8Array | readonly number[])[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const le16 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff];
const le32 = (n: number): number[] => [...le16(n & 0xffff), ...le16(n >>> 16)];
const le64 = (n: number): number[] => [...le32(n % 0x1_0000_0000), ...le32(Math.floor(n / 0x1_0000_0000))];

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A real ZIP with stored (uncompressed) entries: local headers, central directory, end record. */
function zip(entries: Readonly<Record<string, string>>, opts: { comment?: string; zip64?: boolean } = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const n = enc(name);
    const data = enc(content);
    const crc = crc32(data);
    const common = [...le16(20), ...le16(0), ...le16(0), ...le16(0), ...le16(0x21), ...le32(crc), ...le32(data.length), ...le32(data.length), ...le16(n.length), ...le16(0)];
    const local = cat([0x50, 0x4b, 0x03, 0x04], common, n, data);
    centrals.push(cat([0x50, 0x4b, 0x01, 0x02], le16(20), common, le16(0), le16(0), le16(0), le32(0), le32(offset), n));
    locals.push(local);
    offset += local.length;
  }
  const directory = cat(...centrals);
  const comment = enc(opts.comment ?? '');
  const count = Object.keys(entries).length;
  if (!opts.zip64) {
    return cat(...locals, directory, [0x50, 0x4b, 0x05, 0x06], le16(0), le16(0), le16(count), le16(count), le32(directory.length), le32(offset), le16(comment.length), comment);
  }
  const z64At = offset + directory.length;
  const z64 = cat([0x50, 0x4b, 0x06, 0x06], le64(44), le16(45), le16(45), le32(0), le32(0), le64(count), le64(count), le64(directory.length), le64(offset));
  const locator = cat([0x50, 0x4b, 0x06, 0x07], le32(0), le64(z64At), le32(1));
  const end = cat([0x50, 0x4b, 0x05, 0x06], le16(0), le16(0), le16(0xffff), le16(0xffff), le32(0xffffffff), le32(0xffffffff), le16(comment.length), comment);
  return cat(...locals, directory, z64, locator, end);
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const docx = (): Uint8Array => zip({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' });
const xlsx = (): Uint8Array => zip({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': '<Relationships/>', 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': '<worksheet/>' });

async function pdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  return doc.save();
}

/** A minimal little-endian TIFF: header, one IFD with width/height, no strips needed to be recognised. */
const tiff = (order: 'II' | 'MM'): Uint8Array =>
  order === 'II' ? cat([0x49, 0x49, 0x2a, 0x00], le32(8), le16(0), le32(0)) : cat([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0]);
const jpeg = cat([0xff, 0xd8, 0xff, 0xe0], le16(0x1000), enc('JFIF\0'), new Uint8Array(64), [0xff, 0xd9]);
/** An OLE compound file header (what .msg, .doc and .xls all start with). */
const ole = cat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Uint8Array(504));

/** A PE header as Windows writes it: the DOS stub, e_lfanew at 0x3C, "PE\0\0" there. */
const pe = (() => {
  const b = new Uint8Array(256);
  b.set(enc('MZ'), 0);
  b.set(le32(0x80), 0x3c);
  b.set([0x50, 0x45, 0, 0, 0x64, 0x86], 0x80);
  return b;
})();

/** The first 4 KB of the Node binary running this test: a real ELF or Mach-O executable. */
function nodeBinaryHead(): Uint8Array {
  const fd = openSync(process.execPath, 'r');
  try {
    const b = new Uint8Array(4096);
    readSync(fd, b, 0, b.length, 0);
    return b;
  } finally {
    closeSync(fd);
  }
}

const email = [
  'Received: from mail.example.sa (mail.example.sa [192.0.2.1])',
  '\tby mx.aamal-law.sa with ESMTPS id 123; Sun, 15 Mar 2026 10:00:00 +0300',
  'MIME-Version: 1.0',
  'From: =?UTF-8?B?2LTYsdmD2Kkg2KfZhNij2YHZgg==?= <billing@horizon.sa>',
  'To: info@aamal-law.sa',
  'Subject: Re: TH-2026-000123',
  'Date: Sun, 15 Mar 2026 10:00:00 +0300',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'نؤكد استلام الإنذار وسنسدد خلال أسبوع.',
  '',
].join('\r\n');

describe('detectFileKind — accepted kinds, named truthfully', () => {
  it('reads a real PDF', async () => {
    expect(detectFileKind(await pdf(), 'عقد التوريد.pdf')).toEqual({ ok: true, kind: 'pdf', mime: 'application/pdf', ext: 'pdf', renamed: false });
  });

  it.each([
    ['jpeg', jpeg, 'scan.jpg', 'image/jpeg', 'jpg'],
    ['jpeg', jpeg, 'scan.JPEG', 'image/jpeg', 'jpeg'],
    ['png', samplePng(), 'logo.png', 'image/png', 'png'],
    ['tiff', tiff('II'), 'fax.tif', 'image/tiff', 'tif'],
    ['tiff', tiff('MM'), 'fax.tiff', 'image/tiff', 'tiff'],
    ['docx', docx(), 'contract.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
    ['xlsx', xlsx(), 'statement.XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['msg', ole, 'reply.msg', 'application/vnd.ms-outlook', 'msg'],
  ] as const)('reads %s (%s)', (kind, bytes, name, mime, ext) => {
    expect(detectFileKind(bytes, name)).toEqual({ ok: true, kind, mime, ext, renamed: false });
  });

  it('reads an email with folded headers and an Arabic body', () => {
    expect(detectFileKind(enc(email), 'reply.eml')).toEqual({ ok: true, kind: 'eml', mime: 'message/rfc822', ext: 'eml', renamed: false, charset: 'utf-8' });
  });

  it('reads an email with LF line ends and no body', () => {
    expect(detectFileKind(enc('From: a@b.sa\nTo: c@d.sa\nSubject: hi\n'), 'm.eml')).toMatchObject({ ok: true, kind: 'eml' });
  });

  it.each([
    ['UTF-8 Arabic', enc('ملاحظات الجلسة: تم تأجيل القضية إلى 2026-04-01.\n')],
    ['UTF-8 with BOM', cat([0xef, 0xbb, 0xbf], enc('ملاحظة\r\n'))],
    ['ASCII with tabs and a form feed', enc('a\tb\fc\r\n')],
    ['emoji (4-byte UTF-8)', enc('تم 👍\n')],
  ])('reads text: %s', (_label, bytes) => {
    expect(detectFileKind(bytes, 'notes.txt')).toEqual({ ok: true, kind: 'txt', mime: 'text/plain', ext: 'txt', renamed: false, charset: 'utf-8' });
  });

  it('reads UTF-16 text with either byte-order mark', () => {
    const text = 'ملاحظة 1\r\n';
    const units = [...text].map((c) => c.charCodeAt(0));
    const le = cat([0xff, 0xfe], units.flatMap(le16));
    const be = cat([0xfe, 0xff], units.flatMap((u) => [u >>> 8, u & 0xff]));
    expect(detectFileKind(le, 'n.txt')).toMatchObject({ ok: true, kind: 'txt', charset: 'utf-16le' });
    expect(detectFileKind(be, 'n.txt')).toMatchObject({ ok: true, kind: 'txt', charset: 'utf-16be' });
    // A surrogate pair (an emoji) is fine; a lone surrogate is not text.
    expect(detectFileKind(cat([0xff, 0xfe], le16(0xd83d), le16(0xdc4d), le16(0x41)), 'n.txt')).toMatchObject({ ok: true, kind: 'txt' });
    expect(detectFileKind(cat([0xff, 0xfe], le16(0xd83d), le16(0x41)), 'n.txt')).toEqual({ ok: false, reason: 'unsupported' });
    expect(detectFileKind(cat([0xff, 0xfe], le16(0x41), [0x42]), 'n.txt')).toEqual({ ok: false, reason: 'unsupported' });
  });

  it('lists the accepted kinds and which of them Chromium shows inline', () => {
    expect([...ACCEPTED_KINDS]).toEqual(['pdf', 'jpeg', 'png', 'tiff', 'docx', 'xlsx', 'msg', 'eml', 'txt']);
    expect(ACCEPTED_KINDS.filter(canPreview)).toEqual(['pdf', 'jpeg', 'png', 'txt']);
  });
});

describe('detectFileKind — the content decides, not the name', () => {
  it('stores a PNG named .pdf as a PNG', () => {
    expect(detectFileKind(samplePng(), 'invoice.pdf')).toEqual({ ok: true, kind: 'png', mime: 'image/png', ext: 'png', renamed: true });
  });

  it.each([
    [docx, 'contract.xlsx', 'docx'],
    [xlsx, 'statement.docx', 'xlsx'],
    [() => jpeg, 'photo.png', 'jpeg'],
    [() => enc('just some notes\n'), 'notes.pdf', 'txt'],
    [() => enc(email), 'reply.txt', 'eml'],
    [() => enc('plain text, Tcl message catalogue style\n'), 'it.msg', 'txt'],
    [() => samplePng(), 'scan', 'png'],
  ] as const)('%#: %s is %s', (make, name, kind) => {
    expect(detectFileKind(make(), name)).toMatchObject({ ok: true, kind, renamed: true });
  });

  it('gives a file without an extension the kind’s usual one', () => {
    expect(detectFileKind(jpeg, 'IMG_0042')).toMatchObject({ ext: 'jpg', renamed: true });
    expect(detectFileKind(tiff('II'), 'fax')).toMatchObject({ ext: 'tif', renamed: true });
  });
});

describe('detectFileKind — refused', () => {
  it('refuses an empty file (and one that is only a byte-order mark)', () => {
    expect(detectFileKind(new Uint8Array(0), 'a.pdf')).toEqual({ ok: false, reason: 'empty' });
    expect(detectFileKind(new Uint8Array([0xef, 0xbb, 0xbf]), 'a.txt')).toEqual({ ok: false, reason: 'empty' });
    expect(detectFileKind(new Uint8Array([0xff, 0xfe]), 'a.txt')).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([
    ['a PE executable renamed .pdf', pe, 'invoice.pdf'],
    ['a bare MZ header', enc('MZ\x90\0'), 'x.png'],
    ['the Node binary (ELF or Mach-O)', nodeBinaryHead(), 'report.docx'],
    ['an ELF header', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), 'notes.txt'],
    ['Mach-O 32-bit big-endian', new Uint8Array([0xfe, 0xed, 0xfa, 0xce, 0, 0, 0, 7]), 'a.jpg'],
    ['Mach-O 64-bit big-endian', new Uint8Array([0xfe, 0xed, 0xfa, 0xcf, 0, 0, 0, 7]), 'a.jpg'],
    ['Mach-O 32-bit little-endian', new Uint8Array([0xce, 0xfa, 0xed, 0xfe, 7, 0, 0, 0]), 'a.jpg'],
    ['Mach-O 64-bit little-endian', new Uint8Array([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 0]), 'a.jpg'],
    ['a Mach-O universal binary', new Uint8Array([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2]), 'a.tif'],
    ['a shell script', enc('#!/bin/sh\nrm -rf ~\n'), 'notes.txt'],
  ])('refuses %s', (_label, bytes, name) => {
    expect(detectFileKind(bytes, name)).toEqual({ ok: false, reason: 'executable' });
  });

  it.each(['setup.exe', 'x.DLL', 'run.bat', 'run.cmd', 'x.com', 'screensaver.scr', 'a.ps1', 'a.vbs', 'a.js', 'setup.msi', 'contract.pdf.lnk', 'invoice.pdf.exe', 'x.exe.', 'x.exe  ', 'a.hta', 'C:\\Users\\x\\a.jar'])(
    'refuses the script or program name %j whatever the bytes',
    (name) => {
      expect(detectFileKind(enc('hello\n'), name)).toEqual({ ok: false, reason: 'executable' });
      expect(detectFileKind(samplePng(), name)).toEqual({ ok: false, reason: 'executable' });
    },
  );

  it('refuses a PDF cut short (no %%EOF in its last kilobyte)', async () => {
    const whole = await pdf();
    const cut = whole.subarray(0, whole.length - 10);
    expect(detectFileKind(cut, 'a.pdf')).toEqual({ ok: false, reason: 'corrupt' });
    // %%EOF followed by a little padding is still whole; one buried deeper than 1 KB is not enough.
    expect(detectFileKind(cat(whole, enc('\r\n\0\0')), 'a.pdf')).toMatchObject({ ok: true, kind: 'pdf' });
    expect(detectFileKind(cat(whole, new Uint8Array(2000)), 'a.pdf')).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('refuses a PNG signature without its IHDR chunk', () => {
    const png = samplePng();
    const broken = png.slice();
    broken.set(enc('IDAT'), 12);
    expect(detectFileKind(broken, 'a.png')).toEqual({ ok: false, reason: 'corrupt' });
    expect(detectFileKind(png.subarray(0, 8), 'a.png')).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('refuses a ZIP that is neither a Word nor an Excel file, and one whose directory is damaged', () => {
    expect(detectFileKind(zip({ 'readme.txt': 'hi', 'word.xml': '<x/>' }), 'contract.docx')).toEqual({ ok: false, reason: 'unsupported' });
    // The name must be an entry's name, not text inside another entry.
    expect(detectFileKind(zip({ 'notes.txt': 'see word/document.xml' }), 'a.docx')).toEqual({ ok: false, reason: 'unsupported' });
    const d = docx();
    expect(detectFileKind(d.subarray(0, d.length - 30), 'contract.docx')).toEqual({ ok: false, reason: 'corrupt' });
    const badOffset = d.slice();
    badOffset.set(le32(d.length), d.length - 6);
    expect(detectFileKind(badOffset, 'contract.docx')).toEqual({ ok: false, reason: 'corrupt' });
  });

  it.each(['letter.doc', 'sheet.xls', 'letter.docx', 'noext'])('refuses an OLE compound file named %j (only .msg is accepted)', (name) => {
    expect(detectFileKind(ole, name)).toEqual({ ok: false, reason: 'unsupported' });
  });

  it('reads text that is not UTF-8 as Windows-1256 when it is Arabic (exports of old systems); always as txt', () => {
    // "ملاحظة" CR LF, and an old export's header line with a Persian letter (0x81 پ) and the Arabic comma (0xA1).
    expect(detectFileKind(new Uint8Array([0xe3, 0xe1, 0xc7, 0xcd, 0xd9, 0xc9, 0x0d, 0x0a]), 'note.txt')).toEqual({
      ok: true,
      kind: 'txt',
      mime: 'text/plain',
      ext: 'txt',
      renamed: false,
      charset: 'windows-1256',
    });
    expect(detectFileKind(cat(enc('From: a\r\nTo: b\r\n\r\n'), [0xc7, 0xe1, 0x20, 0x81, 0xa1]), 'mail.eml')).toMatchObject({ ok: true, kind: 'txt', charset: 'windows-1256', renamed: true });
    // A UTF-8 lead byte cut short reads as "aط" in Windows-1256: Arabic text, accepted.
    expect(detectFileKind(new Uint8Array([0x61, 0xd8]), 'n.txt')).toMatchObject({ ok: true, kind: 'txt', charset: 'windows-1256' });
  });

  it.each([
    ['UTF-8 with a NUL', enc('abc\0def')],
    ['an overlong UTF-8 slash (not Arabic in Windows-1256 either)', new Uint8Array([0x61, 0xc0, 0xaf])],
    ['an encoded UTF-16 surrogate', new Uint8Array([0x61, 0xed, 0xa0, 0x80])],
    ['a truncated sequence (not Arabic in Windows-1256 either)', new Uint8Array([0x61, 0xe2, 0x82])],
    ['Latin-1 text (é is not Arabic)', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0xe9])],
    ['Windows-1256 Arabic with a NUL', new Uint8Array([0xe3, 0xe1, 0xc7, 0x00, 0xcd, 0xd9])],
    ['Windows-1256 Arabic among control characters', new Uint8Array([0xe3, 0xe1, 0x01, 0x02, 0xc7, 0xcd, 0x1b, 0xd9])],
    ['UTF-8 Arabic mixed with Windows-1256', cat(enc('أحمد سعيد محمد\n'), [0xd3, 0xda, 0xed, 0xcf])],
    ['mostly control characters', enc('\x01\x02\x03\x1b[0m text')],
    ['random binary', Uint8Array.from({ length: 512 }, (_, i) => (i * 2654435761) >>> 24)],
    ['random binary without a NUL', Uint8Array.from({ length: 512 }, (_, i) => ((i * 2654435761) >>> 24) || 1)],
    ['a GIF', enc('GIF89a\x01\0\x01\0\0\0\0;')],
  ])('refuses %s', (_label, bytes) => {
    expect(detectFileKind(bytes, 'file.txt')).toEqual({ ok: false, reason: 'unsupported' });
  });

  it('tells a message from text that merely has a colon', () => {
    expect(detectFileKind(enc('Note: pay by Sunday\n\nthanks'), 'a.eml')).toMatchObject({ kind: 'txt' });
    expect(detectFileKind(enc('X-Mailer: a\nX-Other: b\n\nbody'), 'a.eml')).toMatchObject({ kind: 'txt' });
    expect(detectFileKind(enc(' folded: first\nFrom: a\nTo: b\n\n'), 'a.eml')).toMatchObject({ kind: 'txt' });
    expect(detectFileKind(enc('From a@b Sat Jan  3 01:05:34 1996\nFrom: a\nTo: b\n\n'), 'a.eml')).toMatchObject({ kind: 'txt' });
    expect(detectFileKind(enc('Subject: x\nnot a header line\n\n'), 'a.eml')).toMatchObject({ kind: 'txt' });
  });
});

describe('zipEntryNames', () => {
  it('reads the names from the central directory', () => {
    expect(zipEntryNames(docx())).toEqual(new Set(['[content_types].xml', '_rels/.rels', 'word/document.xml']));
  });

  it('finds the end record behind an archive comment, even one that mentions the signature', () => {
    const z = zip({ 'xl/workbook.xml': '<workbook/>' }, { comment: 'made by PK\x05\x06 tools' });
    expect(zipEntryNames(z)).toEqual(new Set(['xl/workbook.xml']));
    expect(detectFileKind(z, 'a.xlsx')).toMatchObject({ ok: true, kind: 'xlsx' });
  });

  it('follows a ZIP64 end record', () => {
    expect(detectFileKind(zip({ 'word/document.xml': '<w/>' }, { zip64: true }), 'a.docx')).toMatchObject({ ok: true, kind: 'docx' });
  });

  it('compares part names without case, as OPC does', () => {
    expect(detectFileKind(zip({ 'Word/Document.xml': '<w/>' }), 'a.docx')).toMatchObject({ ok: true, kind: 'docx' });
  });
});
