// Recovery of the cases placed in the period (per client, per instrument type, per month placed) and collections per month.
import type { CollectionsRow, RecoveryReport, RecoveryRow, RecoverySection, ReportFilter } from '../../../contract/procedures/reports';
import type { InstrumentType } from '../../../domain/ladder';
import type { Ctx } from '../../api/context';
import { collectionsByMonth, placedCells } from '../../../../db/queries/reports/recovery';
import { asCurrency, dimsOf, getOrAdd, metaOf, monthsOf, reportScope } from './common';

/** collected ÷ placed in basis points, rounded down; integers only (no floating point on money). */
export function rateBp(collected: number, placed: number): number | null {
  if (placed <= 0) return null;
  return Math.floor((collected * 10_000) / placed);
}

type Key = Pick<RecoveryRow, 'clientId' | 'clientName' | 'instrumentType' | 'month'>;

function emptyRow(currency: string, key: Key): RecoveryRow {
  return {
    ...key,
    cases: 0,
    placedMinor: 0,
    collectedMinor: 0,
    rateBp: null,
    drill: { report: 'recovery', currency: asCurrency(currency), clientId: key.clientId, instrumentType: key.instrumentType, month: key.month },
  };
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function recoveryReport(ctx: Ctx, filter: ReportFilter): RecoveryReport {
  const scope = reportScope(ctx, 'recovery');
  const { sqlite } = ctx.open();
  const dims = dimsOf(filter);
  interface Acc {
    byClient: Map<number, RecoveryRow>;
    byInstrument: Map<string, RecoveryRow>;
    byMonth: Map<string, RecoveryRow>;
    total: RecoveryRow;
  }
  const acc = new Map<string, Acc>();
  const cells = placedCells(sqlite, filter.from, filter.to, dims, scope);
  for (const c of cells) {
    const a = getOrAdd(acc, c.currency, () => ({
      byClient: new Map<number, RecoveryRow>(),
      byInstrument: new Map<string, RecoveryRow>(),
      byMonth: new Map<string, RecoveryRow>(),
      total: emptyRow(c.currency, { clientId: null, clientName: '', instrumentType: null, month: null }),
    }));
    const rows: RecoveryRow[] = [
      getOrAdd(a.byClient, c.clientId, () => emptyRow(c.currency, { clientId: c.clientId, clientName: c.clientName, instrumentType: null, month: null })),
      getOrAdd(a.byInstrument, c.instrumentType, () =>
        emptyRow(c.currency, { clientId: null, clientName: '', instrumentType: c.instrumentType as InstrumentType, month: null }),
      ),
      getOrAdd(a.byMonth, c.month, () => emptyRow(c.currency, { clientId: null, clientName: '', instrumentType: null, month: c.month })),
      a.total,
    ];
    for (const r of rows) {
      r.cases += c.cases;
      r.placedMinor += c.placedMinor;
      r.collectedMinor += c.collectedMinor;
    }
  }
  const withRate = (r: RecoveryRow): RecoveryRow => ({ ...r, rateBp: rateBp(r.collectedMinor, r.placedMinor) });
  const sections: RecoverySection[] = [...acc.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([currency, a]) => ({
      currency,
      byClient: [...a.byClient.values()].sort((x, y) => byText(x.clientName, y.clientName) || (x.clientId ?? 0) - (y.clientId ?? 0)).map(withRate),
      byInstrument: [...a.byInstrument.values()].sort((x, y) => byText(x.instrumentType ?? '', y.instrumentType ?? '')).map(withRate),
      byMonth: [...a.byMonth.values()].sort((x, y) => byText(x.month ?? '', y.month ?? '')).map(withRate),
      total: withRate(a.total),
    }));

  // Collections: every month of the period, zero where nothing came in.
  const months = monthsOf(filter.from, filter.to);
  const coll = new Map<string, Map<string, { collectedMinor: number; payments: number }>>();
  for (const r of collectionsByMonth(sqlite, filter.from, filter.to, dims, scope)) {
    getOrAdd(coll, r.currency, () => new Map<string, { collectedMinor: number; payments: number }>()).set(r.month, { collectedMinor: r.collectedMinor, payments: r.payments });
  }
  const collections = [...coll.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([currency, byMonth]) => {
      const cur = asCurrency(currency);
      const rows: CollectionsRow[] = months.map((month) => ({
        month,
        collectedMinor: byMonth.get(month)?.collectedMinor ?? 0,
        payments: byMonth.get(month)?.payments ?? 0,
        drill: { report: 'collections', currency: cur, month },
      }));
      const total: CollectionsRow = {
        month: null,
        collectedMinor: rows.reduce((s, r) => s + r.collectedMinor, 0),
        payments: rows.reduce((s, r) => s + r.payments, 0),
        drill: { report: 'collections', currency: cur, month: null },
      };
      return { currency, rows, total };
    });
  const currencies = [...acc.keys(), ...coll.keys()];
  return { ...metaOf(sqlite, ctx, filter, scope, currencies, cells.length > 0 || coll.size > 0), sections, collections };
}
