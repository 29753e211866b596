// Fees earned, remitted and due per client (the ledger's definitions; see db/queries/reports/fees.ts).
import type { FeesReport, FeesRow, ReportFilter } from '../../../contract/procedures/reports';
import type { Ctx } from '../../api/context';
import { feesCells } from '../../../../db/queries/reports/fees';
import { asCurrency, dimsOf, getOrAdd, metaOf, reportScope } from './common';

function emptyRow(currency: string, clientId: number | null, clientName: string): FeesRow {
  return {
    clientId,
    clientName,
    collectedMinor: 0,
    officeCollectedMinor: 0,
    feesEarnedMinor: 0,
    remittedMinor: 0,
    dueMinor: 0,
    drill: { report: 'fees', currency: asCurrency(currency), clientId },
  };
}

const FIGURES = ['collectedMinor', 'officeCollectedMinor', 'feesEarnedMinor', 'remittedMinor', 'dueMinor'] as const;

export function feesReport(ctx: Ctx, filter: ReportFilter): FeesReport {
  const scope = reportScope(ctx, 'fees');
  const { sqlite } = ctx.open();
  const sections = new Map<string, { rows: FeesRow[]; total: FeesRow }>();
  // Ordered by currency, client name and id.
  const cells = feesCells(sqlite, filter.from, filter.to, dimsOf(filter), scope);
  for (const c of cells) {
    const s = getOrAdd(sections, c.currency, () => ({ rows: [], total: emptyRow(c.currency, null, '') }));
    const row = emptyRow(c.currency, c.clientId, c.clientName);
    for (const f of FIGURES) {
      row[f] = c[f];
      s.total[f] += c[f];
    }
    s.rows.push(row);
  }
  return {
    ...metaOf(sqlite, ctx, filter, scope, sections.keys(), cells.length > 0),
    sections: [...sections.entries()].map(([currency, s]) => ({ currency, ...s })),
  };
}
