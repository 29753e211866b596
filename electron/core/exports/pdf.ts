// A report as a PDF through the app's engine: letterhead, title, period in both calendars, filters, grey charts and tables with totals.
import { createDocument } from '../pdf';
import type { Align, DocumentOptions, RichText, Span, TableColumn } from '../pdf';
import { formatDateTime, formatGregorian, formatHijri, formatMinorUnits, formatNumber, formatDateLong, formatHijriLong } from '../../domain/format';
import { getCurrency, isCurrencyCode, type CurrencyCode } from '../../domain/money';
import { isRatio, sumColumn, sumRatio, totals, type Cell, type Ratio, type ReportColumn, type ReportDocumentModel, type ReportTable } from './model';

const DEFAULT_WEIGHT: Record<ReportColumn['type'], number> = { money: 2.2, int: 1.1, percent: 1.1, date: 1.5, text: 3 };

interface Fmt {
  lang: 'ar' | 'en';
  digits: 'western' | 'arabic';
}

const LABELS = {
  ar: { period: 'الفترة', from: 'من', to: 'إلى', generated: 'أُعدّ في', asOf: 'حتى تاريخ' },
  en: { period: 'Period', from: 'from', to: 'to', generated: 'Generated', asOf: 'As of' },
} as const;

const ltr = (text: string): Span => ({ text, isolate: 'ltr' });

/** A date in both calendars as spans: only the figures are isolated, so the era marks sit on the right side in Arabic. */
export function dualDateSpans(iso: string, f: Fmt): Span[] {
  if (f.lang === 'ar') return [ltr(formatHijri(iso, f)), { text: 'هـ الموافق ' }, ltr(formatGregorian(iso, f)), { text: 'م' }];
  return [{ text: `${formatDateLong(iso, f)} (${formatHijriLong(iso, f)})` }];
}

/** A ratio as a percentage with one decimal, computed in integers (BigInt) so large minor amounts cannot lose digits. */
export function percentText(r: Ratio, f: Fmt): string {
  if (r.den === 0) return '—';
  const tenths = (BigInt(r.num) * 1000n * 2n + BigInt(r.den)) / (BigInt(r.den) * 2n);
  const text = formatNumber(Number(tenths) / 10, f);
  const withDecimal = /[.٫]/.test(text) ? text : `${text}${f.digits === 'arabic' ? '٫' : '.'}${f.digits === 'arabic' ? '٠' : '0'}`;
  return `${withDecimal}%`;
}

function currencyOf(table: ReportTable, col: ReportColumn): CurrencyCode {
  const code = col.currency ?? table.currency;
  if (!code || !isCurrencyCode(code)) throw new Error(`Money column "${col.header}" has no currency`);
  return code;
}

export function cellText(table: ReportTable, col: ReportColumn, v: Cell, f: Fmt): RichText {
  if (v === null) return '';
  switch (col.type) {
    case 'money':
      return typeof v === 'number' ? [ltr(formatMinorUnits(v, getCurrency(currencyOf(table, col)).decimals, f))] : '';
    case 'int':
      return typeof v === 'number' ? [ltr(formatNumber(v, f))] : '';
    case 'percent':
      return isRatio(v) ? [ltr(percentText(v, f))] : '';
    case 'date':
      return typeof v === 'string' && v !== '' ? [ltr(formatGregorian(v, f))] : '';
    case 'text':
      return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
  }
}

/** Figures line up on their units: right-aligned in both languages (the start edge in Arabic, the end in English). */
function alignOf(col: ReportColumn, f: Fmt): Align {
  if (col.type === 'text') return 'start';
  return f.lang === 'ar' ? 'start' : 'end';
}

function totalsRow(table: ReportTable, f: Fmt): RichText[] {
  return table.columns.map((col, i) => {
    if (i === 0) return table.totalsLabel ?? '';
    if (!totals(col)) return '';
    if (col.type === 'percent') return cellText(table, col, sumRatio(table.rows, i), f);
    if (col.type === 'money' || col.type === 'int') return cellText(table, col, sumColumn(table.rows, i), f);
    return '';
  });
}

export interface ReportPdfOptions {
  /** Letterhead, digits and footer: usually letterDocumentOptions(office, lang, digits). */
  document: DocumentOptions;
}

/** The report's PDF bytes. Tables continue across pages under their repeated header; the totals row closes each. */
export async function reportPdf(model: ReportDocumentModel, opts: ReportPdfOptions): Promise<Uint8Array> {
  const f: Fmt = { lang: model.lang, digits: model.digits };
  const L = LABELS[model.lang];
  const doc = createDocument({ ...opts.document, title: model.title });
  doc.heading(model.title, { level: 1, align: 'center' });
  if (model.period) {
    doc.paragraph([{ text: `${L.period}: ${L.from} ` }, ...dualDateSpans(model.period.from, f), { text: ` ${L.to} ` }, ...dualDateSpans(model.period.to, f)], {
      align: 'center',
      size: 10,
      spaceAfter: 1,
    });
  }
  for (const line of model.filters) {
    doc.paragraph([{ text: `${line.label}: `, bold: true }, { text: line.value }], { align: 'start', size: 9.5, spaceAfter: 0, gray: 0.2 });
  }
  doc.paragraph(`${L.generated}: ${formatDateTime(model.generatedAt, f)}`, { align: 'start', size: 8.5, gray: 0.35, spaceBefore: 1, spaceAfter: 1 });
  doc.rule();
  model.sections.forEach((section, si) => {
    doc.heading(section.title, { level: 2 });
    for (const note of section.notes ?? []) doc.paragraph(note, { size: 9, gray: 0.3, spaceAfter: 1.5 });
    for (const chart of section.charts ?? []) {
      if (chart.items.length === 0) continue;
      doc.chart(
        chart.items.map((it) => ({ label: it.label, value: it.value, display: it.display })),
        { kind: chart.kind, title: chart.title },
      );
    }
    for (const table of section.tables) {
      if (table.title) doc.heading(table.title, { level: 3 });
      if (table.rows.length === 0) {
        doc.paragraph(table.emptyText ?? '—', { size: 10, gray: 0.35 });
        continue;
      }
      const columns: TableColumn[] = table.columns.map((col) => ({ header: col.header, width: col.width ?? DEFAULT_WEIGHT[col.type], align: alignOf(col, f) }));
      const rows = table.rows.map((row) => table.columns.map((col, i) => cellText(table, col, row[i] ?? null, f)));
      doc.table(columns, rows, { size: table.columns.length > 7 ? 8 : 9, ...(table.totalsLabel !== undefined ? { totals: totalsRow(table, f) } : {}) });
    }
    if (si < model.sections.length - 1) doc.spacer(2);
  });
  if (model.sections.length === 0) doc.paragraph('—', { align: 'center' });
  return doc.finish();
}
