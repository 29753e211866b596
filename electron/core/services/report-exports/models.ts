// Each money report (pipeline, aging, recovery and collections, fees) as the neutral export model: one section per
// currency, tables whose totals rows are the sums of their rows, and the charts the screens show.
import type { AgingReport, FeesReport, PipelineReport, RecoveryReport, RecoveryRow, ReportEmptyReason } from '../../../contract/procedures/reports';
import { AGING_BUCKETS } from '../../../contract/procedures/reports';
import { formatMinorUnits } from '../../../domain/format';
import { getCurrency, isCurrencyCode, type CurrencyCode } from '../../../domain/money';
import type { ReportColumn, ReportSection, ReportTable } from '../../exports/model';
import type { Words } from './words';

export function currencyOf(code: string): CurrencyCode {
  if (!isCurrencyCode(code)) throw new Error(`Unknown currency ${code}`);
  return code;
}

export function moneyText(W: Words, minor: number, currency: string): string {
  return formatMinorUnits(minor, getCurrency(currencyOf(currency)).decimals, W);
}

export function emptyText(W: Words, reason: ReportEmptyReason | null, scope: 'office' | 'own'): string {
  if (reason === null) return W.w.r.empty.table;
  if (reason === 'no_cases' && scope === 'own') return W.w.r.empty.no_cases_own;
  return W.w.r.empty[reason];
}

/** A report with nothing to show: one section that says why. */
export function emptySection(W: Words, title: string, reason: ReportEmptyReason | null, scope: 'office' | 'own'): ReportSection {
  return { title, tables: [{ columns: [{ header: title, type: 'text' }], rows: [], emptyText: emptyText(W, reason, scope) }] };
}

function sectionTitle(W: Words, currency: string): string {
  return W.fill(W.w.r.in_currency, { currency: W.label(W.w.cases.currencies, currency) });
}

export function pipelineSections(W: Words, r: PipelineReport): ReportSection[] {
  const c = W.w.r.col;
  const stages = W.w.cases.stages as Record<string, string>;
  if (r.sections.length === 0) return [emptySection(W, W.w.r.titles.pipeline, r.empty, r.scope)];
  return r.sections.map((s) => {
    const columns: ReportColumn[] = [
      { header: c.stage, type: 'text', width: 2.4 },
      { header: c.cases, type: 'int' },
      { header: c.outstanding, type: 'money' },
      { header: c.entered, type: 'int' },
      { header: c.left, type: 'int' },
      { header: c.avg_days, type: 'decimal', total: false, totalCell: s.total.avgDaysInStage },
    ];
    return {
      title: sectionTitle(W, s.currency),
      notes: [W.w.r.notes.pipeline],
      charts: [
        {
          kind: 'funnel',
          title: W.w.r.charts.funnel,
          items: s.rows.filter((x) => x.stage !== 'closed').map((x) => ({ label: W.label(stages, x.stage), value: x.cases, display: W.num(x.cases) })),
        },
      ],
      tables: [
        {
          currency: currencyOf(s.currency),
          columns,
          rows: s.rows.map((x) => [W.label(stages, x.stage), x.cases, x.outstandingMinor, x.entered, x.left, x.avgDaysInStage]),
          totalsLabel: W.w.r.total,
        },
      ],
    };
  });
}

export function agingSections(W: Words, r: AgingReport): ReportSection[] {
  const c = W.w.r.col;
  if (r.sections.length === 0) return [emptySection(W, W.w.r.titles.aging, r.empty, r.scope)];
  return r.sections.map((s) => {
    const currency = currencyOf(s.currency);
    const amounts: ReportTable = {
      title: c.outstanding,
      currency,
      columns: [{ header: c.client, type: 'text', width: 3 }, ...AGING_BUCKETS.map((b) => ({ header: W.bucket(b), type: 'money' as const, width: 1.8 })), { header: c.total, type: 'money', width: 2 }],
      rows: s.rows.map((x) => [x.clientName, ...AGING_BUCKETS.map((b) => x.buckets[b].outstandingMinor), x.total.outstandingMinor]),
      totalsLabel: W.w.r.total,
    };
    const counts: ReportTable = {
      title: W.w.r.sections.cases_count,
      currency,
      columns: [{ header: c.client, type: 'text', width: 3 }, ...AGING_BUCKETS.map((b) => ({ header: W.bucket(b), type: 'int' as const, width: 1.4 })), { header: c.total, type: 'int', width: 1.4 }],
      rows: s.rows.map((x) => [x.clientName, ...AGING_BUCKETS.map((b) => x.buckets[b].cases), x.total.cases]),
      totalsLabel: W.w.r.total,
    };
    return {
      title: sectionTitle(W, s.currency),
      notes: [W.w.r.notes.aging],
      charts: [
        {
          kind: 'bars',
          title: W.w.r.charts.aging,
          items: AGING_BUCKETS.map((b) => {
            const minor = s.rows.reduce((sum, x) => sum + x.buckets[b].outstandingMinor, 0);
            return { label: W.bucket(b), value: minor, display: moneyText(W, minor, s.currency) };
          }),
        },
      ],
      tables: [amounts, counts],
    };
  });
}

function recoveryTable(W: Words, currency: CurrencyCode, title: string, first: string, rows: RecoveryRow[], name: (x: RecoveryRow) => string): ReportTable {
  const c = W.w.r.col;
  return {
    title,
    currency,
    columns: [
      { header: first, type: 'text', width: 3 },
      { header: c.cases, type: 'int' },
      { header: c.placed, type: 'money' },
      { header: c.collected, type: 'money' },
      { header: c.rate, type: 'percent' },
    ],
    rows: rows.map((x) => [name(x), x.cases, x.placedMinor, x.collectedMinor, { num: x.collectedMinor, den: x.placedMinor }]),
    totalsLabel: W.w.r.total,
  };
}

export function recoverySections(W: Words, r: RecoveryReport): ReportSection[] {
  const c = W.w.r.col;
  const instruments = W.w.cases.instruments as Record<string, string>;
  const out: ReportSection[] = r.sections.map((s) => {
    const currency = currencyOf(s.currency);
    return {
      title: sectionTitle(W, s.currency),
      notes: [W.w.r.notes.recovery],
      charts: [
        {
          kind: 'bars',
          title: W.w.r.charts.recovery,
          items: s.byClient.slice(0, 15).map((x) => ({
            label: x.clientName,
            value: x.rateBp ?? 0,
            display: x.rateBp === null ? '—' : `${W.num(Math.floor(x.rateBp / 10) / 10)}%`,
          })),
        },
      ],
      tables: [
        recoveryTable(W, currency, W.w.r.sections.by_client, c.client, s.byClient, (x) => x.clientName),
        recoveryTable(W, currency, W.w.r.sections.by_instrument, c.instrument, s.byInstrument, (x) => W.label(instruments, x.instrumentType)),
        recoveryTable(W, currency, W.w.r.sections.by_month, c.month_placed, s.byMonth, (x) => (x.month ? W.month(x.month) : '')),
      ],
    };
  });
  for (const s of r.collections) {
    out.push({
      title: `${W.w.r.sections.collections} — ${W.label(W.w.cases.currencies, s.currency)}`,
      notes: [W.w.r.notes.collections],
      charts: [
        {
          kind: 'columns',
          title: W.w.r.charts.collections,
          items: s.rows.map((x) => ({ label: x.month ? W.month(x.month) : '', value: Math.max(0, x.collectedMinor), display: moneyText(W, x.collectedMinor, s.currency) })),
        },
      ],
      tables: [
        {
          currency: currencyOf(s.currency),
          columns: [
            { header: c.month, type: 'text', width: 2.5 },
            { header: c.payments, type: 'int' },
            { header: c.collected, type: 'money' },
          ],
          rows: s.rows.map((x) => [x.month ? W.month(x.month) : '', x.payments, x.collectedMinor]),
          totalsLabel: W.w.r.total,
        },
      ],
    });
  }
  if (out.length === 0) return [emptySection(W, W.w.r.titles.recovery, r.empty, r.scope)];
  return out;
}

export function feesSections(W: Words, r: FeesReport): ReportSection[] {
  const c = W.w.r.col;
  if (r.sections.length === 0) return [emptySection(W, W.w.r.titles.fees, r.empty, r.scope)];
  return r.sections.map((s) => ({
    title: sectionTitle(W, s.currency),
    notes: [W.w.r.notes.fees],
    charts: [
      {
        kind: 'bars',
        title: W.w.r.charts.fees,
        items: s.rows.slice(0, 15).map((x) => ({ label: x.clientName, value: Math.max(0, x.feesEarnedMinor), display: moneyText(W, x.feesEarnedMinor, s.currency) })),
      },
    ],
    tables: [
      {
        currency: currencyOf(s.currency),
        columns: [
          { header: c.client, type: 'text', width: 3 },
          { header: c.collected, type: 'money' },
          { header: c.office_collected, type: 'money' },
          { header: c.fees_earned, type: 'money' },
          { header: c.remitted, type: 'money' },
          { header: c.due, type: 'money' },
        ],
        rows: s.rows.map((x) => [x.clientName, x.collectedMinor, x.officeCollectedMinor, x.feesEarnedMinor, x.remittedMinor, x.dueMinor]),
        totalsLabel: W.w.r.total,
      },
    ],
  }));
}
