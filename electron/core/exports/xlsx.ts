// A report as an Excel workbook (exceljs): one sheet per section, typed cells, currency formats, frozen headers, RTL in Arabic.
import ExcelJS from 'exceljs';
import { formatDateTime, formatDual } from '../../domain/format';
import { getCurrency, isCurrencyCode, type CurrencyCode } from '../../domain/money';
import { isRatio, sumColumn, sumRatio, totals, type Cell, type ReportColumn, type ReportDocumentModel, type ReportTable } from './model';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const DEFAULT_WIDTH: Record<ReportColumn['type'], number> = { money: 18, int: 11, decimal: 11, percent: 11, date: 13, text: 24 };

/**
 * Minor units as the number Excel stores. The division happens once, at the edge, on an exact integer: IEEE division
 * rounds correctly, so the result is the double nearest the decimal amount — the same double Excel itself stores when
 * someone types "15750.50". Totals are summed in integers first and divided once, so no drift accumulates; amounts up to
 * 2^53 minor units keep every displayed decimal.
 */
export function minorToExcel(minor: number, currency: CurrencyCode): number {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Minor units must be a safe integer: ${minor}`);
  return minor / 10 ** getCurrency(currency).decimals;
}

/** `#,##0.00 "SAR"` with the currency's own decimals (3 for KWD, BHD, OMR, JOD); negatives with a minus sign. */
export function moneyFormat(currency: CurrencyCode): string {
  const d = getCurrency(currency).decimals;
  const body = d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0';
  return `${body} "${currency}";-${body} "${currency}"`;
}

const DATE_FORMAT = 'yyyy/mm/dd';
const PERCENT_FORMAT = '0.0%';
const INT_FORMAT = '#,##0';
const DECIMAL_FORMAT = '#,##0.0';

/** Excel's sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  // UTC midnight: exceljs turns it into a whole serial day, so the sheet shows the same date in any time zone.
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

function columnCurrency(table: ReportTable, col: ReportColumn): CurrencyCode {
  const code = col.currency ?? table.currency;
  if (!code || !isCurrencyCode(code)) throw new Error(`Money column "${col.header}" has no currency`);
  return code;
}

function cellValue(table: ReportTable, col: ReportColumn, v: Cell): ExcelJS.CellValue {
  if (v === null) return null;
  switch (col.type) {
    case 'money':
      return typeof v === 'number' ? minorToExcel(v, columnCurrency(table, col)) : null;
    case 'int':
    case 'decimal':
      return typeof v === 'number' ? v : null;
    case 'percent':
      return isRatio(v) ? (v.den === 0 ? null : v.num / v.den) : null;
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? isoToDate(v) : null;
    case 'text':
      return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
  }
}

function numFmt(table: ReportTable, col: ReportColumn): string | undefined {
  switch (col.type) {
    case 'money':
      return moneyFormat(columnCurrency(table, col));
    case 'int':
      return INT_FORMAT;
    case 'decimal':
      return DECIMAL_FORMAT;
    case 'percent':
      return PERCENT_FORMAT;
    case 'date':
      return DATE_FORMAT;
    case 'text':
      return undefined;
  }
}

function displayLength(v: ExcelJS.CellValue): number {
  if (typeof v === 'string') return v.length;
  if (typeof v === 'number') return Math.abs(v).toFixed(2).length + Math.floor(Math.log10(Math.abs(v) + 1) / 3) + 5;
  return 10;
}

/** Writes one table from `startRow`; returns the header's row number and the next free row. */
function writeTable(ws: ExcelJS.Worksheet, table: ReportTable, startRow: number, widths: number[]): { headerRow: number; nextRow: number } {
  let r = startRow;
  if (table.title) {
    const caption = ws.getCell(r, 1);
    caption.value = table.title;
    caption.font = { bold: true, size: 12 };
    r++;
  }
  const headerRow = r;
  table.columns.forEach((col, i) => {
    const cell = ws.getCell(r, i + 1);
    cell.value = col.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: col.type === 'text' ? undefined : 'center' };
    widths[i] = Math.max(widths[i] ?? 0, col.width ?? DEFAULT_WIDTH[col.type], Math.min(40, col.header.length + 2));
  });
  r++;
  if (table.rows.length === 0 && table.emptyText) {
    ws.getCell(r, 1).value = table.emptyText;
    ws.getCell(r, 1).font = { italic: true, color: { argb: 'FF595959' } };
    return { headerRow, nextRow: r + 1 };
  }
  const firstData = r;
  for (const row of table.rows) {
    table.columns.forEach((col, i) => {
      const cell = ws.getCell(r, i + 1);
      const value = cellValue(table, col, row[i] ?? null);
      cell.value = value;
      const fmt = numFmt(table, col);
      if (fmt) cell.numFmt = fmt;
      if (col.type === 'text') widths[i] = Math.max(widths[i] ?? 0, Math.min(50, displayLength(value) + 2));
    });
    r++;
  }
  const lastData = r - 1;
  if (table.totalsLabel !== undefined) {
    table.columns.forEach((col, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.font = { bold: true };
      cell.fill = TOTAL_FILL;
      cell.border = { top: THIN, bottom: THIN };
      const fmt = numFmt(table, col);
      if (fmt && col.type !== 'date') cell.numFmt = fmt;
      if (i === 0) {
        cell.value = table.totalsLabel ?? '';
        return;
      }
      if (col.totalCell !== undefined) {
        cell.value = cellValue(table, col, col.totalCell);
        return;
      }
      if (!totals(col)) return;
      const letter = ws.getColumn(i + 1).letter;
      const range = `${letter}${firstData}:${letter}${lastData}`;
      if (col.type === 'money') {
        // A formula, so the sheet stays live when rows are edited; its cached result is the exact integer sum.
        const result = minorToExcel(sumColumn(table.rows, i), columnCurrency(table, col));
        cell.value = table.rows.length > 0 ? { formula: `SUM(${range})`, result } : 0;
      } else if (col.type === 'int') {
        const result = sumColumn(table.rows, i);
        cell.value = table.rows.length > 0 ? { formula: `SUM(${range})`, result } : 0;
      } else if (col.type === 'percent') {
        // The total rate is Σnum ÷ Σden, not a sum or an average of the rows' rates.
        const s = sumRatio(table.rows, i);
        cell.value = s.den === 0 ? null : s.num / s.den;
      }
    });
    r++;
  }
  return { headerRow, nextRow: r };
}

function headerLines(model: ReportDocumentModel, labels: XlsxLabels): string {
  const parts: string[] = [];
  if (model.period) {
    const opts = { lang: model.lang, digits: model.digits };
    parts.push(`${labels.period}: ${formatDual(model.period.from, opts)} — ${formatDual(model.period.to, opts)}`);
  }
  for (const f of model.filters) parts.push(`${f.label}: ${f.value}`);
  parts.push(`${labels.generated}: ${formatDateTime(model.generatedAt, { lang: model.lang, digits: model.digits })}`);
  return parts.join('  ·  ');
}

export interface XlsxLabels {
  period: string;
  generated: string;
}

const LABELS: Record<'ar' | 'en', XlsxLabels> = {
  ar: { period: 'الفترة', generated: 'أُعدّ في' },
  en: { period: 'Period', generated: 'Generated' },
};

/** The workbook's bytes: each section a sheet whose first table's header row stays frozen while scrolling. */
export async function reportWorkbook(model: ReportDocumentModel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tahseel';
  wb.title = model.title;
  wb.created = new Date(model.generatedAt);
  wb.modified = wb.created;
  // The totals are formulas with their results cached; a spreadsheet recalculates them anyway when it opens the file.
  wb.calcProperties.fullCalcOnLoad = true;
  const rtl = model.lang === 'ar';
  const labels = LABELS[model.lang];
  const taken = new Set<string>();
  for (const section of model.sections) {
    const ws = wb.addWorksheet(sheetName(section.title, taken), {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const title = ws.getCell(1, 1);
    title.value = `${model.title} — ${section.title}`;
    title.font = { bold: true, size: 14 };
    ws.getCell(2, 1).value = headerLines(model, labels);
    ws.getCell(2, 1).font = { color: { argb: 'FF404040' } };
    let r = 3;
    for (const note of section.notes ?? []) {
      ws.getCell(r, 1).value = note;
      ws.getCell(r, 1).font = { italic: true, color: { argb: 'FF404040' } };
      r++;
    }
    const widths: number[] = [];
    let frozenAt = 0;
    section.tables.forEach((table, ti) => {
      const { headerRow, nextRow } = writeTable(ws, table, r, widths);
      if (ti === 0) frozenAt = headerRow;
      r = nextRow + 1;
    });
    widths.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    ws.views = [frozenAt > 0 ? { state: 'frozen', ySplit: frozenAt, rightToLeft: rtl, activeCell: `A${frozenAt + 1}` } : { state: 'normal', rightToLeft: rtl }];
    if (frozenAt > 0) ws.pageSetup.printTitlesRow = `${frozenAt}:${frozenAt}`;
  }
  if (model.sections.length === 0) wb.addWorksheet(model.title.slice(0, 31) || 'Report', { views: [{ rightToLeft: rtl }] });
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
