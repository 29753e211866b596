// A report as a PDF through the app's engine: letterhead, title, period in both calendars, filters, grey charts and tables with totals.
import { createDocument } from '../pdf';
import type { Align, DocumentOptions, RichText, Span, TableColumn } from '../pdf';
import { formatDateTime, formatGregorian, formatHijri, formatMinorUnits, formatNumber, formatDateLong, formatHijriLong } from '../../domain/format';
import { getCurrency, isCurrencyCode, type CurrencyCode } from '../../domain/money';
import { isRatio, sumColumn, sumRatio, totals, type Cell, type Ratio, type ReportColumn, type ReportDocumentModel, type ReportTable } from './model';

const DEFAULT_WEIGHT: Record<ReportColumn['type'], number> = { money: 2.2, int: 1.1, decimal: 1.1, percent: 1.1, date: 1.5, text: 3 };

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
    case 'decimal':
      return typeof v === 'number' ? [ltr(formatNumber(Math.round(v * 10) / 10, f))] : '';
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
    if (col.totalCell !== undefined) return cellText(table, col, col.totalCell, f);
    if (!totals(col)) return '';
    if (col.type === 'percent') return cellText(table, col, sumRatio(table.rows, i), f);
    if (col.type === 'money' || col.type === 'int') return cellText(table, col, sumColumn(table.rows, i), f);
    return '';
  });
}

const plain = (t: RichText): string => (typeof t === 'string' ? t : t.map((x) => x.text).join(''));

/**
 * Column weights from the content: a figure never wraps (it has no space to break at), so each figure column gets
 * the width of its widest figure (totals included) or its header's longest word; text columns share the rest by their
 * typical length. The table scales the weights to the page.
 */
function columnWeights(table: ReportTable, rows: readonly (readonly RichText[])[], foot: readonly RichText[] | undefined): number[] {
  return table.columns.map((col, i) => {
    const headerWord = Math.max(...col.header.split(/\s+/).map((w) => w.length));
    if (col.type === 'text') {
      const texts = rows.map((r) => plain(r[i] ?? ''));
      const typical = texts.length === 0 ? 0 : texts.reduce((a, t) => a + t.length, 0) / texts.length;
      // A reference or receipt number has no space to wrap at: the column is at least as wide as the longest such word.
      const longestWord = Math.max(0, ...texts.map((t) => Math.max(...t.split(/\s+/).map((w) => w.length))));
      return Math.max(headerWord, longestWord * 1.15 + 1, Math.min(30, Math.max(8, typical * 0.9)) * (col.width ? col.width / DEFAULT_WEIGHT.text : 1));
    }
    const widest = Math.max(0, ...rows.map((r) => plain(r[i] ?? '').length), foot ? plain(foot[i] ?? '').length : 0);
    return Math.max(widest * 1.08 + 1, headerWord * 0.95, 4);
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
      const rows = table.rows.map((row) => table.columns.map((col, i) => cellText(table, col, row[i] ?? null, f)));
      const foot = table.totalsLabel !== undefined ? totalsRow(table, f) : undefined;
      const weights = columnWeights(table, rows, foot);
      const columns: TableColumn[] = table.columns.map((col, i) => ({ header: col.header, width: weights[i] ?? 1, align: alignOf(col, f) }));
      const size = table.columns.length >= 8 ? 7 : table.columns.length >= 6 ? 8 : 9;
      doc.table(columns, rows, { size, ...(foot ? { totals: foot } : {}) });
    }
    if (si < model.sections.length - 1) doc.spacer(2);
  });
  if (model.sections.length === 0) doc.paragraph('—', { align: 'center' });
  return doc.finish();
}
