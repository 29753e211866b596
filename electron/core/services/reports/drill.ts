// The cases behind any figure: the spec names the report, the row and the column; the source repeats the report's own
// conditions per case, so the drill's total equals the figure.
import type { DrillResult, DrillRow, DrillSpec, ReportFilter } from '../../../contract/procedures/reports';
import { AGING_BUCKETS } from '../../../contract/procedures/reports';
import type { CaseStatus, InstrumentType, Stage } from '../../../domain/ladder';
import { addDays } from '../../../domain/dates';
import type { Ctx } from '../../api/context';
import { CoreError } from '../../errors';
import { balanceSql, type CaseDims, type ReportScope } from '../../../../db/queries/reports/filter';
import {
  agingSource,
  casesSource,
  drillPage,
  eventsSource,
  feesSource,
  paymentsSource,
  performanceSource,
  stageMovesSource,
  type DrillSource,
} from '../../../../db/queries/reports/drill';
import { dimsOf, periodOf, reportScope, today } from './common';
import { COURT_DAYS_AHEAD } from './court';

function needCurrency(currency: string | null): string {
  if (currency === null) throw new CoreError('input.invalid', 'An amount is drilled in one currency', [{ path: 'spec.currency', code: 'custom', message: 'validation.required' }]);
  return currency;
}

function courtCases(dims: CaseDims, scope: ReportScope, court: string | null, stages: string[], value = '1', currency: string | null = null): DrillSource {
  const extra = [`k.stage IN (${stages.map(() => '?').join(', ')})`];
  const params: (string | number)[] = [...stages];
  if (court !== null) {
    extra.push('trim(k.court) = ?');
    params.push(court);
  }
  if (currency !== null) {
    extra.push('k.currency = ?');
    params.push(currency);
  }
  return casesSource(dims, scope, extra, params, value);
}

/** The per-case source of a figure. Exported for the tests. */
export function drillSource(ctx: Ctx, filter: ReportFilter, spec: DrillSpec, scope: ReportScope): { source: DrillSource; currency: string | null } {
  const dims = dimsOf(filter);
  const { from, to } = filter;
  switch (spec.report) {
    case 'pipeline': {
      if (spec.measure === 'entered' || spec.measure === 'left') {
        return { source: stageMovesSource(dims, scope, from, to, spec.measure === 'entered' ? 'to' : 'from', spec.stage, spec.currency), currency: null };
      }
      const extra = ['k.currency = ?', ...(spec.stage === null ? [] : ['k.stage = ?'])];
      const params = [spec.currency, ...(spec.stage === null ? [] : [spec.stage])];
      return spec.measure === 'cases'
        ? { source: casesSource(dims, scope, extra, params), currency: null }
        : { source: casesSource(dims, scope, extra, params, balanceSql()), currency: spec.currency };
    }
    case 'aging': {
      const bucket = spec.bucket === null ? null : AGING_BUCKETS.indexOf(spec.bucket);
      const value = spec.measure === 'cases' ? '1' : balanceSql();
      return { source: agingSource(dims, scope, to, spec.currency, spec.clientId, bucket, value), currency: spec.measure === 'cases' ? null : spec.currency };
    }
    case 'recovery': {
      const extra = ['k.opened_on BETWEEN ? AND ?', 'k.currency = ?'];
      const params: (string | number)[] = [from, to, spec.currency];
      if (spec.clientId !== null) {
        extra.push('k.client_id = ?');
        params.push(spec.clientId);
      }
      if (spec.instrumentType !== null) {
        extra.push('k.instrument_type = ?');
        params.push(spec.instrumentType);
      }
      if (spec.month !== null) {
        extra.push('substr(k.opened_on, 1, 7) = ?');
        params.push(spec.month);
      }
      const value = spec.measure === 'cases' ? '1' : spec.measure === 'placed' ? 'k.claim_minor' : 'k.paid_minor';
      return { source: casesSource(dims, scope, extra, params, value), currency: spec.measure === 'cases' ? null : spec.currency };
    }
    case 'collections': {
      const more = spec.month === null ? [] : ['substr(t.on_date, 1, 7) = ?'];
      const value = spec.measure === 'collected' ? 'sum(t.amount_minor)' : 'count(*)';
      return {
        source: paymentsSource(dims, scope, from, to, spec.currency, more, spec.month === null ? [] : [spec.month], value),
        currency: spec.measure === 'collected' ? spec.currency : null,
      };
    }
    case 'performance': {
      const currency = spec.measure === 'collected' ? needCurrency(spec.currency) : null;
      const who = spec.all ? ({ all: true } as const) : ({ all: false, userId: spec.userId } as const);
      // In the own scope a person sees only their own figures.
      if (scope.kind === 'own' && (spec.all || spec.userId !== scope.userId)) {
        throw new CoreError('permission.denied', "Only a partner sees other people's figures");
      }
      return { source: performanceSource(dims, scope, periodOf(filter), spec.measure, who, currency), currency };
    }
    case 'court': {
      if (spec.measure === 'hearings') {
        const start = today(ctx);
        const extra = ['t.on_date BETWEEN ? AND ?', ...(spec.court === null ? [] : ['trim(t.court) = ?'])];
        return { source: eventsSource(dims, scope, 'hearings', extra, [start, addDays(start, COURT_DAYS_AHEAD), ...(spec.court === null ? [] : [spec.court])]), currency: null };
      }
      if (spec.measure === 'outstanding') {
        const currency = needCurrency(spec.currency);
        return { source: courtCases(dims, scope, spec.court, ['litigation', 'enforcement'], balanceSql(), currency), currency };
      }
      const stages = spec.measure === 'cases' ? ['litigation', 'enforcement'] : [spec.measure];
      return { source: courtCases(dims, scope, spec.court, stages), currency: null };
    }
    case 'fees': {
      return { source: feesSource(dims, scope, from, to, spec.currency, spec.clientId, spec.measure), currency: spec.currency };
    }
    case 'statement': {
      if (filter.clientId !== spec.clientId) {
        throw new CoreError('input.invalid', "The figure is another client's", [{ path: 'spec.clientId', code: 'custom', message: 'validation.invalid' }]);
      }
      switch (spec.measure) {
        case 'cases':
        case 'outstanding':
        case 'balance': {
          const extra = ['k.currency = ?', ...(spec.stage === null ? [] : ['k.stage = ?'])];
          const params = [spec.currency, ...(spec.stage === null ? [] : [spec.stage])];
          return spec.measure === 'cases'
            ? { source: casesSource(dims, scope, extra, params), currency: null }
            : { source: casesSource(dims, scope, extra, params, balanceSql()), currency: spec.currency };
        }
        case 'placed':
          return { source: casesSource(dims, scope, ['k.opened_on BETWEEN ? AND ?', 'k.currency = ?'], [from, to, spec.currency], 'k.claim_minor'), currency: spec.currency };
        default:
          return { source: feesSource(dims, scope, from, to, spec.currency, spec.clientId, spec.measure), currency: spec.currency };
      }
    }
  }
}

export function drillReport(ctx: Ctx, input: { filter: ReportFilter; spec: DrillSpec; cursor: string | null; limit: number }): DrillResult {
  const scope = reportScope(ctx, input.spec.report);
  const { source, currency } = drillSource(ctx, input.filter, input.spec, scope);
  const page = drillPage(ctx.open().sqlite, source, input.cursor, input.limit);
  const rows: DrillRow[] = page.rows.map((r) => ({
    ...r,
    stage: r.stage as Stage,
    status: r.status as CaseStatus,
    instrumentType: r.instrumentType as InstrumentType,
  }));
  return { rows, nextCursor: page.nextCursor, total: { ...page.total, currency } };
}
