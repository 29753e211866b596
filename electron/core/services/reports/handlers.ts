// reports.*: each report through its service (scope and permission checked there), and the drill-down.
import type { Handlers } from '../../api/context';
import { pipelineReport } from './pipeline';
import { agingReport } from './aging';
import { recoveryReport } from './recovery';
import { performanceReport } from './performance';
import { courtReport } from './court';
import { feesReport } from './fees';
import { clientStatement } from './statement';
import { drillReport } from './drill';

type ReportHandlers = Pick<
  Handlers,
  'reports.pipeline' | 'reports.aging' | 'reports.recovery' | 'reports.performance' | 'reports.court' | 'reports.fees' | 'reports.statement' | 'reports.drill'
>;

export const reportHandlers: ReportHandlers = {
  'reports.pipeline': (ctx, input) => pipelineReport(ctx, input.filter),
  'reports.aging': (ctx, input) => agingReport(ctx, input.filter),
  'reports.recovery': (ctx, input) => recoveryReport(ctx, input.filter),
  'reports.performance': (ctx, input) => performanceReport(ctx, input.filter),
  'reports.court': (ctx, input) => courtReport(ctx, input.filter),
  'reports.fees': (ctx, input) => feesReport(ctx, input.filter),
  'reports.statement': (ctx, input) => clientStatement(ctx, input.filter),
  'reports.drill': (ctx, input) => drillReport(ctx, input),
};
