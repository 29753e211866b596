// A flat list (cases, debtors, log, payments, the register, rejected import rows) as CSV or XLSX: the CSV in UTF-8 with a
// BOM so Excel reads Arabic, the XLSX streamed row by row (100,000 rows never become one object tree), and every text
// that a spreadsheet would take for a formula neutralised.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { getCurrency, isCurrencyCode, type CurrencyCode } from '../../domain/money';
import { minorToExcel, moneyFormat } from './xlsx';

/** text; money: minor units with the row's currency in `currencyFrom` (another column index); date: ISO; int. */
export interface ListColumn {
  header: string;
  type: 'text' | 'money' | 'date' | 'int';
  /** For money: the column holding each row's currency code (amounts are never shown without it). */
  currencyFrom?: number;
  width?: number;
}

export type ListCell = string | number | null;

export interface ListSheet {
  title: string;
  columns: readonly ListColumn[];
  rows: Iterable<readonly ListCell[]>;
  rtl: boolean;
}

/**
 * A text a spreadsheet would run as a formula (=, +, -, @ first, or a tab/CR that some programs strip before looking):
 * prefixed with an apostrophe-like quote so it stays text (OWASP's CSV injection advice). Numbers are left alone.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function minorText(minor: number, currency: CurrencyCode): string {
  const { decimals } = getCurrency(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(decimals + 1, '0');
  return decimals === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -decimals)}.${abs.slice(-decimals)}`;
}

function rowCurrency(col: ListColumn, row: readonly ListCell[]): CurrencyCode {
  const code = col.currencyFrom !== undefined ? row[col.currencyFrom] : null;
  return typeof code === 'string' && isCurrencyCode(code) ? code : 'SAR';
}

/** CSV (RFC 4180, CRLF) in UTF-8 with a BOM; amounts as plain decimals in the row's currency (no floating point). */
export function listCsv(sheet: ListSheet): { bytes: Buffer; rows: number } {
  const parts: string[] = ['\uFEFF', sheet.columns.map((c) => csvField(neutralise(c.header))).join(','), '\r\n'];
  let n = 0;
  for (const row of sheet.rows) {
    n++;
    const cells = sheet.columns.map((col, i) => {
      const v = row[i] ?? null;
      if (v === null) return '';
      if (col.type === 'money' && typeof v === 'number') return minorText(v, rowCurrency(col, row));
      if (typeof v === 'number') return String(v);
      return csvField(neutralise(v));
    });
    parts.push(cells.join(','), '\r\n');
  }
  return { bytes: Buffer.from(parts.join(''), 'utf8'), rows: n };
}

function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** XLSX through exceljs's streaming writer: a frozen header, right-to-left in Arabic, typed cells. */
export async function listXlsx(sheet: ListSheet): Promise<{ bytes: Buffer; rows: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Tahseel';
  const ws = wb.addWorksheet(sheet.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet', {
    views: [{ state: 'frozen', ySplit: 1, rightToLeft: sheet.rtl }],
  });
  ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width ?? (c.type === 'text' ? 24 : c.type === 'money' ? 16 : 12) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const formats = new Map<CurrencyCode, string>();
  let n = 0;
  for (const row of sheet.rows) {
    n++;
    const values: ExcelJS.CellValue[] = sheet.columns.map((col, i) => {
      const v = row[i] ?? null;
      if (v === null) return null;
      if (col.type === 'money' && typeof v === 'number') return minorToExcel(v, rowCurrency(col, row));
      if (col.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return isoToDate(v);
      if (typeof v === 'number') return v;
      return neutralise(v);
    });
    const r = ws.addRow(values);
    sheet.columns.forEach((col, i) => {
      if (col.type === 'money') {
        const code = rowCurrency(col, row);
        let fmt = formats.get(code);
        if (!fmt) formats.set(code, (fmt = moneyFormat(code)));
        r.getCell(i + 1).numFmt = fmt;
      } else if (col.type === 'date') r.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
    r.commit();
  }
  ws.commit();
  await wb.commit();
  return { bytes: Buffer.concat(chunks), rows: n };
}

export async function writeList(sheet: ListSheet, format: 'csv' | 'xlsx'): Promise<{ bytes: Buffer; rows: number; mime: string }> {
  if (format === 'csv') return { ...listCsv(sheet), mime: 'text/csv' };
  return { ...(await listXlsx(sheet)), mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
