// The neutral report model both exporters (Excel and PDF) draw from: sections of tables with typed columns, totals and charts.
import type { CurrencyCode } from '../../domain/money';

/**
 * How a column's cells are held and shown:
 * - money: integer minor units of the table's (or column's) currency — never a float;
 * - int: a whole count;
 * - decimal: a measured figure such as average days (shown with one decimal, never totalled by default);
 * - percent: a ratio {num, den} (e.g. collected ÷ placed, both in minor units), so a total is Σnum ÷ Σden, never a sum of rates;
 * - date: an ISO date 'YYYY-MM-DD';
 * - text: a string.
 */
export type ColumnType = 'money' | 'int' | 'decimal' | 'percent' | 'date' | 'text';

export interface Ratio {
  num: number;
  den: number;
}

export type Cell = string | number | Ratio | null;

export interface ReportColumn {
  header: string;
  type: ColumnType;
  /** Relative width (PDF) and the Excel width in characters; a default per type otherwise. */
  width?: number;
  /** A money column in another currency than its table's. */
  currency?: CurrencyCode;
  /** Whether the totals row adds this column up (money and int) or divides the sums (percent). Default: yes for those types. */
  total?: boolean;
  /** The totals row's cell when it is not a sum (e.g. the average days over every row's cases, from the report). */
  totalCell?: Cell;
}

export interface ReportTable {
  /** A caption above the table (e.g. the currency: amounts are never summed across currencies). */
  title?: string;
  /** Currency of the money columns. Required when a column is money without its own currency. */
  currency?: CurrencyCode;
  columns: readonly ReportColumn[];
  rows: readonly (readonly Cell[])[];
  /** Label of the totals row (in the first column); no totals row when absent. */
  totalsLabel?: string;
  /** Shown instead of an empty table: why there is nothing (an empty period, nothing matches…). */
  emptyText?: string;
}

export interface ChartItem {
  label: string;
  /** Bar length: minor units or a count; never negative. */
  value: number;
  /** The figure written beside the bar (already formatted). */
  display: string;
}

export interface ReportChart {
  /** bars: horizontal bars; funnel: centred bars narrowing down (the stage pipeline); columns: vertical bars (per month). */
  kind: 'bars' | 'funnel' | 'columns';
  title: string;
  items: readonly ChartItem[];
}

export interface ReportSection {
  /** The sheet's name and the section's heading. */
  title: string;
  /** Lines under the heading (what the figures mean). */
  notes?: readonly string[];
  charts?: readonly ReportChart[];
  tables: readonly ReportTable[];
}

export interface ReportFilterLine {
  label: string;
  value: string;
}

export interface ReportDocumentModel {
  lang: 'ar' | 'en';
  digits: 'western' | 'arabic';
  title: string;
  /** The period as ISO dates (each exporter writes them in both calendars); absent for reports of "now". */
  period?: { from: string; to: string };
  filters: readonly ReportFilterLine[];
  /** ISO instant the report was produced at. */
  generatedAt: string;
  sections: readonly ReportSection[];
}

/** Sums a money or int column exactly (integers below 2^53); a non-integer is a bug upstream, not something to round. */
export function sumColumn(rows: readonly (readonly Cell[])[], index: number): number {
  let total = 0;
  for (const row of rows) {
    const v = row[index];
    if (typeof v !== 'number') continue;
    if (!Number.isSafeInteger(v)) throw new RangeError(`Column ${index} holds a non-integer ${v}`);
    total += v;
    if (!Number.isSafeInteger(total)) throw new RangeError(`Column ${index} overflows`);
  }
  return total;
}

/** Σnum and Σden of a percent column: the total rate is their quotient. */
export function sumRatio(rows: readonly (readonly Cell[])[], index: number): Ratio {
  let num = 0;
  let den = 0;
  for (const row of rows) {
    const v = row[index];
    if (v === null || typeof v !== 'object') continue;
    num += v.num;
    den += v.den;
  }
  return { num, den };
}

export function isRatio(v: Cell): v is Ratio {
  return v !== null && typeof v === 'object';
}

export function totals(col: ReportColumn): boolean {
  return col.total ?? (col.type === 'money' || col.type === 'int' || col.type === 'percent');
}
