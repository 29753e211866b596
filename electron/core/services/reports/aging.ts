// Aging of outstanding balances per client and in total, by days since due at the period's end.
import { AGING_BUCKETS, type AgingBucket, type AgingCell, type AgingReport, type AgingRow, type ReportFilter } from '../../../contract/procedures/reports';
import type { Ctx } from '../../api/context';
import { agingCells } from '../../../../db/queries/reports/aging';
import { asCurrency, dimsOf, getOrAdd, metaOf, reportScope } from './common';

const emptyBuckets = (): Record<AgingBucket, AgingCell> =>
  Object.fromEntries(AGING_BUCKETS.map((b) => [b, { cases: 0, outstandingMinor: 0 }])) as Record<AgingBucket, AgingCell>;

function add(row: AgingRow, bucket: AgingBucket, cases: number, minor: number): void {
  row.buckets[bucket].cases += cases;
  row.buckets[bucket].outstandingMinor += minor;
  row.total.cases += cases;
  row.total.outstandingMinor += minor;
}

export function agingReport(ctx: Ctx, filter: ReportFilter): AgingReport {
  const scope = reportScope(ctx, 'aging');
  const { sqlite } = ctx.open();
  // Rows come ordered by currency, client name and id: the map keeps that order.
  const sections = new Map<string, { rows: Map<number, AgingRow>; total: AgingRow }>();
  const cells = agingCells(sqlite, filter.to, dimsOf(filter), scope);
  for (const c of cells) {
    const currency = asCurrency(c.currency);
    const bucket = AGING_BUCKETS[c.bucket] ?? 'd365_plus';
    const s = getOrAdd(sections, c.currency, () => ({
      rows: new Map<number, AgingRow>(),
      total: { clientId: null, clientName: '', buckets: emptyBuckets(), total: { cases: 0, outstandingMinor: 0 }, drill: { report: 'aging' as const, currency, clientId: null, bucket: null } },
    }));
    const row = getOrAdd(s.rows, c.clientId, () => ({
      clientId: c.clientId,
      clientName: c.clientName,
      buckets: emptyBuckets(),
      total: { cases: 0, outstandingMinor: 0 },
      drill: { report: 'aging' as const, currency, clientId: c.clientId, bucket: null },
    }));
    add(row, bucket, c.cases, c.outstandingMinor);
    add(s.total, bucket, c.cases, c.outstandingMinor);
  }
  return {
    ...metaOf(sqlite, ctx, filter, scope, sections.keys(), cells.length > 0),
    sections: [...sections.entries()].map(([currency, s]) => ({ currency, rows: [...s.rows.values()], total: s.total })),
  };
}
