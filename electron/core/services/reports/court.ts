// Court and deadlines: hearings and computed deadlines in the next 30 days, cases in litigation and enforcement by court.
import type { CourtDeadlineRow, CourtReport, CourtRow, ReportFilter } from '../../../contract/procedures/reports';
import { addDays } from '../../../domain/dates';
import type { Ctx } from '../../api/context';
import { courtCells, hearingsAhead, matchingCaseIds } from '../../../../db/queries/reports/court';
import { loadLadder } from '../cases/facts';
import { deadlinesInRange } from '../calendar/range';
import { asCurrency, dimsOf, getOrAdd, metaOf, reportScope, today } from './common';

export const COURT_DAYS_AHEAD = 30;

function emptyRow(court: string | null): CourtRow {
  return { court: court ?? '', litigation: 0, enforcement: 0, outstanding: [], drill: { report: 'court', currency: null, court } };
}

function addMoney(list: { currency: string; minor: number }[], currency: string, minor: number): void {
  const found = list.find((m) => m.currency === currency);
  if (found) found.minor += minor;
  else {
    list.push({ currency, minor });
    list.sort((a, b) => (a.currency < b.currency ? -1 : 1));
  }
}

/** The case dimensions other than the client narrow the cases; a client's power of attorney is the client's, not a case's. */
function poaApplies(filter: ReportFilter): boolean {
  return filter.assigneeId === null && filter.instrumentTypes.length === 0 && filter.stages.length === 0 && filter.statuses.length === 0 && filter.currency === null;
}

export function courtReport(ctx: Ctx, filter: ReportFilter): CourtReport {
  const scope = reportScope(ctx, 'court');
  const { sqlite } = ctx.open();
  const dims = dimsOf(filter);
  const from = today(ctx);
  const to = addDays(from, COURT_DAYS_AHEAD);
  const hearings = hearingsAhead(sqlite, from, to, dims, scope);
  // The calendar's computed deadlines (reused as they are), kept to the report's cases.
  const all = deadlinesInRange(sqlite, from, to, scope.kind === 'own' ? { kind: 'user', userId: scope.userId } : { kind: 'office' }, loadLadder(ctx.db()));
  const caseIds = [...new Set(all.flatMap((d) => (d.caseId === null ? [] : [d.caseId])))];
  const keep = matchingCaseIds(sqlite, caseIds, dims, scope);
  const deadlines: CourtDeadlineRow[] = all
    .filter((d) =>
      d.caseId !== null ? keep.has(d.caseId) : poaApplies(filter) && (filter.clientId === null || Number(d.params.clientId) === filter.clientId),
    )
    .map((d) => ({ code: d.code, caseId: d.caseId, reference: d.caseReference, debtorName: d.debtorName, clientName: d.clientName, dueOn: d.dueOn, params: d.params }));

  const rows = new Map<string, CourtRow>();
  const total = emptyRow(null);
  const cells = courtCells(sqlite, dims, scope);
  for (const c of cells) {
    const r = getOrAdd(rows, c.court, () => emptyRow(c.court));
    for (const x of [r, total]) {
      x[c.stage] += c.cases;
      addMoney(x.outstanding, asCurrency(c.currency), c.outstandingMinor);
    }
  }
  const byCourt = [...rows.values()].sort((a, b) => b.litigation + b.enforcement - (a.litigation + a.enforcement) || (a.court < b.court ? -1 : 1));
  const currencies = byCourt.flatMap((r) => r.outstanding.map((o) => o.currency));
  const found = hearings.length > 0 || deadlines.length > 0 || cells.length > 0;
  return {
    ...metaOf(sqlite, ctx, filter, scope, currencies, found),
    ahead: { from, to },
    hearings,
    deadlines,
    hearingsDrill: { report: 'court', currency: null, court: null },
    byCourt,
    total,
  };
}
