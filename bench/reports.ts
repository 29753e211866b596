// Report metrics through the real router: the partner's pipeline, aging and recovery for the whole office over a year.
import type { CoreApp } from '../electron/core/app';
import { addDays } from '../electron/domain/dates';
import { call } from './factory/office';
import { median, round, timed } from './stats';

/** What a partner opens first: the three office-wide reports for the last year, one after the other. */
async function partnerReports(core: CoreApp, token: string, today: string): Promise<void> {
  const filter = { from: addDays(today, -364), to: today };
  await call(core, 'reports.pipeline', { filter }, token);
  await call(core, 'reports.aging', { filter }, token);
  await call(core, 'reports.recovery', { filter }, token);
}

/**
 * `partner_report_ms`: the median of 5 runs after a warm-up. `partner_report_cpu_ms`: the process's CPU time per run
 * (the same work), which says what the wall time would be on a quiet machine when others share the CPU.
 */
export async function reportMetrics(core: CoreApp, token: string, today: string): Promise<Record<string, number>> {
  await partnerReports(core, token, today); // warm the statements and the page cache, as a partner's second look
  const ms: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < 5; i++) ms.push((await timed(() => partnerReports(core, token, today))).ms);
  const used = process.cpuUsage(cpu);
  return { partner_report_ms: round(median(ms)), partner_report_cpu_ms: round((used.user + used.system) / 1000 / 5) };
}
