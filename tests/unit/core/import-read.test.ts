// Reading placement text: the encoding from the bytes, and CSV fields with quotes, delimiters and line breaks inside.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { detectEncoding, parseCsv } from '../../../electron/core/imports/read';

describe('encodings', () => {
  it('tells BOMs, strict UTF-8, Windows-1256 and a mix apart', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf-8-bom');
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toBe('utf-16le');
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x41]))).toBe('utf-16be');
    expect(detectEncoding(Buffer.from('اسم المدين,المبلغ', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('name,amount', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(iconv.encode('اسم المدين,المبلغ\nسعيد,200', 'win1256'))).toBe('windows-1256');
    expect(detectEncoding(Buffer.concat([Buffer.from('أحمد,100\n', 'utf8'), iconv.encode('سعيد,200\n', 'win1256')]))).toBe('mixed');
  });
});

describe('CSV', () => {
  it('keeps quoted delimiters, doubled quotes and line breaks, with the row numbers of the file', () => {
    const rows = parseCsv('a,b,c\r\n"x, y","he said ""no""","line1\nline2"\r\n\r\nlast,2,3', 100);
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x, y', 'he said "no"', 'line1\nline2'] },
      { line: 5, cells: ['last', '2', '3'] },
    ]);
  });

  it('takes the header line delimiter: semicolons (Arabic Excel) and tabs (Unicode text)', () => {
    expect(parseCsv('a;b\n1,5;2', 10)[1]?.cells).toEqual(['1,5', '2']);
    expect(parseCsv('a\tb\n1\t2', 10)[1]?.cells).toEqual(['1', '2']);
  });

  it('refuses more rows than the limit', () => {
    expect(() => parseCsv('a\n1\n2\n3\n', 2)).toThrow(/too many rows/);
  });
});
