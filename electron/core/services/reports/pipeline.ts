// The stage pipeline: cases and outstanding per stage now, entered/left and average days in stage over the period.
import type { PipelineReport, PipelineRow, PipelineTotal, ReportFilter } from '../../../contract/procedures/reports';
import { STAGES, type Stage } from '../../../domain/ladder';
import type { Ctx } from '../../api/context';
import { stageFlows, stagesNow } from '../../../../db/queries/reports/pipeline';
import { asCurrency, dimsOf, getOrAdd, metaOf, reportScope, sortedSections } from './common';

interface Acc {
  currency: string;
  rows: Map<Stage, PipelineRow & { daysSum: number }>;
}

const avg = (sum: number, n: number): number | null => (n === 0 ? null : Math.round((sum / n) * 10) / 10);

export function pipelineReport(ctx: Ctx, filter: ReportFilter): PipelineReport {
  const scope = reportScope(ctx, 'pipeline');
  const { sqlite } = ctx.open();
  const dims = dimsOf(filter);
  const byCurrency = new Map<string, Acc>();
  const row = (currency: string, stage: Stage): PipelineRow & { daysSum: number } => {
    const acc = getOrAdd(byCurrency, currency, () => ({ currency, rows: new Map<Stage, PipelineRow & { daysSum: number }>() }));
    return getOrAdd<Stage, PipelineRow & { daysSum: number }>(acc.rows, stage, () => ({
      stage,
      cases: 0,
      outstandingMinor: 0,
      entered: 0,
      left: 0,
      avgDaysInStage: null,
      daysSum: 0,
      drill: { report: 'pipeline', currency: asCurrency(currency), stage },
    }));
  };
  let found = false;
  const now = stagesNow(sqlite, dims, scope);
  // Currencies by number of cases, most first (stageFlows counts the most common one as the rest).
  const counts = new Map<string, number>();
  for (const r of now) counts.set(r.currency, (counts.get(r.currency) ?? 0) + r.cases);
  const currencies = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
  for (const r of now) {
    const x = row(r.currency, r.stage as Stage);
    x.cases += r.cases;
    x.outstandingMinor += r.outstandingMinor;
    found = true;
  }
  const flows = stageFlows(sqlite, filter.from, filter.to, dims, scope, currencies);
  for (const f of flows.entered) {
    row(f.currency, f.stage as Stage).entered += f.moves;
    found = true;
  }
  for (const f of flows.left) {
    const out = row(f.currency, f.stage as Stage);
    out.left += f.moves;
    out.daysSum += f.days;
    found = true;
  }
  const sections = sortedSections(byCurrency).map((acc) => {
    // Every stage of the ladder, in order, so the funnel has no gaps.
    const rows: PipelineRow[] = STAGES.map((stage) => {
      const { daysSum, ...r } = row(acc.currency, stage);
      return { ...r, avgDaysInStage: avg(daysSum, r.left) };
    });
    let daysSum = 0;
    for (const stage of STAGES) daysSum += row(acc.currency, stage).daysSum;
    const total: PipelineTotal = {
      cases: rows.reduce((s, r) => s + r.cases, 0),
      outstandingMinor: rows.reduce((s, r) => s + r.outstandingMinor, 0),
      entered: rows.reduce((s, r) => s + r.entered, 0),
      left: rows.reduce((s, r) => s + r.left, 0),
      avgDaysInStage: null,
      drill: { report: 'pipeline', currency: asCurrency(acc.currency), stage: null },
    };
    total.avgDaysInStage = avg(daysSum, total.left);
    return { currency: acc.currency, rows, total };
  });
  return { ...metaOf(sqlite, ctx, filter, scope, byCurrency.keys(), found), sections };
}
