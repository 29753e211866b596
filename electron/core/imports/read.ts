// Reading a placement file into a table: what it is (by its bytes), how its text is encoded, CSV or the first XLSX sheet.
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { detectFileKind } from '../../domain/file-kind';
import { detectEncoding, TEXT_ENCODINGS, type TextEncoding } from '../../domain/text-encoding';
import type { RawCell } from '../../domain/import-values';
import { CoreError } from '../errors';

export const IMPORT_ENCODINGS = TEXT_ENCODINGS;
export type ImportEncoding = TextEncoding;
export { detectEncoding };

/** Rows a file may have: beyond this it is refused before its rows are held in memory (split the file). */
export const MAX_IMPORT_ROWS = 100_000;
/** Bytes a placement file may have (a 100,000-row CSV with long addresses is well under this). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export interface ImportTable {
  kind: 'csv' | 'xlsx';
  /** The encoding the text was read with ('' for XLSX, which is always UTF-8 inside). */
  encoding: ImportEncoding | '';
  /** What detection found (the user may have overridden it). */
  detected: ImportEncoding | '';
  /** Unique, non-empty header texts (a blank header becomes "Column N", a repeated one "Name (2)"). */
  headers: string[];
  /** Data rows (the header row excluded), each as long as the headers; `line` is the row's number in the file. */
  rows: { line: number; cells: RawCell[] }[];
}

export function decodeText(bytes: Buffer, encoding: ImportEncoding): string {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return iconv.decode(bytes, 'utf-8', { stripBOM: true });
    case 'utf-16le':
      return iconv.decode(bytes, 'utf-16le', { stripBOM: true });
    case 'utf-16be':
      return iconv.decode(bytes, 'utf-16be', { stripBOM: true });
    case 'windows-1256':
      return iconv.decode(bytes, 'win1256');
  }
}

/** The delimiter of the header line: the most frequent of , ; tab outside quotes (Excel in Arabic locales saves ;). */
function guessDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const line = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = -1;
  for (const d of [',', ';', '\t']) {
    let n = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === d) n++;
    }
    if (n > bestCount) [best, bestCount] = [d, n];
  }
  return best;
}

/** RFC 4180 CSV: quoted fields may hold the delimiter, quotes ("") and line breaks. Stops (refuses) past the row limit. */
export function parseCsv(text: string, maxRows: number): { line: number; cells: string[] }[] {
  const d = guessDelimiter(text);
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = (): void => {
    cells.push(field);
    field = '';
    if (!(cells.length === 1 && cells[0]?.trim() === '')) {
      if (rows.length > maxRows) throw new CoreError('imports.too_many_rows', 'The file has too many rows', { max: maxRows - 1 });
      rows.push({ line: rowLine, cells });
    }
    cells = [];
    rowLine = line;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === d) {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRow();
    } else field += ch;
  }
  if (field !== '' || cells.length > 0) endRow();
  return rows;
}

/** Count line breaks cheaply, so a huge file is refused before it is split into fields. */
function roughLineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function uniqueHeaders(raw: RawCell[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((c, i) => {
    let h = (typeof c === 'string' ? c : c === null ? '' : typeof c === 'number' ? String(c) : c.date).replace(/\p{Cf}/gu, '').trim();
    if (h === '') h = `Column ${i + 1}`;
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n > 1 ? `${h} (${n})` : h;
  });
}

function toTable(kind: 'csv' | 'xlsx', encoding: ImportEncoding | '', detected: ImportEncoding | '', all: { line: number; cells: RawCell[] }[]): ImportTable {
  const header = all[0];
  if (!header) throw new CoreError('imports.empty', 'The file is empty');
  const headers = uniqueHeaders(header.cells);
  const rows = all
    .slice(1)
    .map((r) => ({ line: r.line, cells: headers.map((_, i) => r.cells[i] ?? null) }))
    .filter((r) => r.cells.some((c) => c !== null && !(typeof c === 'string' && c.trim() === '')));
  if (rows.length === 0) throw new CoreError('imports.header_only', 'The file has a header row but no data rows');
  return { kind, encoding, detected, headers, rows };
}

function excelCell(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) {
    // exceljs gives dates at UTC midnight of the serial's day (plus any time of day): the day is the UTC date.
    return Number.isNaN(v.getTime()) ? null : { date: v.toISOString().slice(0, 10) };
  }
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return excelCell(v.result);
  if ('text' in v) return String(v.text);
  if ('error' in v) return null;
  return null;
}

/** The first worksheet, streamed row by row (a 50,000-row file never becomes one object tree); refused past the limit. */
async function readXlsx(bytes: Buffer, maxRows: number): Promise<{ line: number; cells: RawCell[] }[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const rows: { line: number; cells: RawCell[] }[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      if (rows.length > maxRows) throw new CoreError('imports.too_many_rows', 'The file has too many rows', { max: maxRows - 1 });
      const values = row.values as ExcelJS.CellValue[];
      const cells: RawCell[] = [];
      for (let c = 1; c < values.length; c++) cells.push(excelCell(values[c]));
      rows.push({ line: row.number, cells });
    }
    break; // only the first sheet
  }
  return rows;
}

/** Read a placement file; every refusal carries an `imports.*` code the screen translates. */
export async function readImportFile(bytes: Buffer, fileName: string, override: ImportEncoding | null): Promise<ImportTable> {
  if (bytes.length === 0) throw new CoreError('imports.empty', 'The file is empty');
  if (bytes.length > MAX_IMPORT_BYTES) throw new CoreError('imports.too_large', 'The file is too large', { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 });
  const kind = detectFileKind(bytes, fileName);
  if (kind.ok && kind.kind === 'xlsx') return toTable('xlsx', '', '', await readXlsx(bytes, MAX_IMPORT_ROWS + 1));
  if (kind.ok && kind.kind !== 'txt' && kind.kind !== 'eml') throw new CoreError('imports.not_table', 'This file is not a CSV or Excel file', { kind: kind.kind });
  if (!kind.ok && kind.reason === 'empty') throw new CoreError('imports.empty', 'The file is empty');
  if (!kind.ok && kind.reason !== 'unsupported') throw new CoreError('imports.not_table', 'This file is not a CSV or Excel file', { kind: kind.reason });
  const detected = detectEncoding(bytes);
  // Text that is neither UTF-8 nor UTF-16 may still be Windows-1256 CSV; binary (NUL bytes) is not a table.
  if (!kind.ok && detected !== 'utf-16le' && detected !== 'utf-16be' && bytes.subarray(0, 65536).includes(0)) {
    throw new CoreError('imports.not_table', 'This file is not a CSV or Excel file', { kind: 'binary' });
  }
  if (detected === 'mixed' && !override) throw new CoreError('imports.mixed_encoding', 'Parts of the file are in different encodings');
  const encoding = override ?? (detected === 'mixed' ? 'utf-8' : detected);
  const text = decodeText(bytes, encoding);
  if (text.trim() === '') throw new CoreError('imports.empty', 'The file is empty');
  if (roughLineCount(text) > MAX_IMPORT_ROWS + 1) throw new CoreError('imports.too_many_rows', 'The file has too many rows', { max: MAX_IMPORT_ROWS });
  return toTable('csv', encoding, detected === 'mixed' ? '' : detected, parseCsv(text, MAX_IMPORT_ROWS + 1));
}
