// reports.*: each report through its service (scope and permission checked there), and the drill-down.
import type { Ctx, Handlers } from '../../api/context';
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

/** A report's queries see one snapshot of the office (one read transaction), so its tables agree with each other. */
function snapshot<T>(ctx: Ctx, read: () => T): T {
  return ctx.open().sqlite.transaction(read)();
}

export const reportHandlers: ReportHandlers = {
  'reports.pipeline': (ctx, input) => snapshot(ctx, () => pipelineReport(ctx, input.filter)),
  'reports.aging': (ctx, input) => snapshot(ctx, () => agingReport(ctx, input.filter)),
  'reports.recovery': (ctx, input) => snapshot(ctx, () => recoveryReport(ctx, input.filter)),
  'reports.performance': (ctx, input) => snapshot(ctx, () => performanceReport(ctx, input.filter)),
  'reports.court': (ctx, input) => snapshot(ctx, () => courtReport(ctx, input.filter)),
  'reports.fees': (ctx, input) => snapshot(ctx, () => feesReport(ctx, input.filter)),
  'reports.statement': (ctx, input) => snapshot(ctx, () => clientStatement(ctx, input.filter)),
  'reports.drill': (ctx, input) => snapshot(ctx, () => drillReport(ctx, input)),
};
