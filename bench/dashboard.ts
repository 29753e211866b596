// Dashboard and timeline metrics through the real router: the today screen for the busiest person and for the office,
// and a case's full history over 200 cases.
import type { CoreApp } from '../electron/core/app';
import { call } from './factory/office';
import { median, p95, round, timed } from './stats';

interface Listed {
  rows: { id: number }[];
  total: number;
}

/** The person with the most cases (as lawyer or paralegal): the heaviest "me" dashboard. */
export async function busiestUser(core: CoreApp, token: string): Promise<{ id: string; cases: number }> {
  const users = await call<{ id: string; role: string }[]>(core, 'users.list', {}, token);
  let best = { id: '', cases: -1 };
  for (const u of users.filter((x) => ['partner', 'lawyer', 'paralegal'].includes(x.role))) {
    const { total } = await call<Listed>(core, 'cases.list', { filter: { assigneeId: u.id }, limit: 1 }, token);
    if (total > best.cases) best = { id: u.id, cases: total };
  }
  return best;
}

/** `count` cases spread evenly over the office (the seed numbers them 1…N). */
export async function sampleCaseIds(core: CoreApp, token: string, count: number): Promise<number[]> {
  const { total } = await call<Listed>(core, 'cases.list', { limit: 1 }, token);
  return Array.from({ length: Math.min(count, total) }, (_, i) => 1 + Math.floor((i * total) / Math.min(count, total)));
}

export async function dashboardMetrics(core: CoreApp, token: string): Promise<Record<string, number>> {
  const busiest = (await busiestUser(core, token)).id;
  const caseIds = await sampleCaseIds(core, token, 200);
  const runs = async (input: unknown): Promise<number> => {
    await call(core, 'dashboard.today', input, token); // warm the statements and the pages
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) ms.push((await timed(() => call(core, 'dashboard.today', input, token))).ms);
    return median(ms);
  };
  const userMs = await runs({ scope: 'user', userId: busiest });
  const officeMs = await runs({ scope: 'office' });
  const timelineMs: number[] = [];
  let items = 0;
  for (const caseId of caseIds) {
    const r = await timed(() => call<unknown[]>(core, 'cases.timeline', { caseId }, token));
    timelineMs.push(r.ms);
    items += r.value.length;
  }
  return {
    dashboard_ms: round(Math.max(userMs, officeMs)),
    dashboard_user_ms: round(userMs),
    dashboard_office_ms: round(officeMs),
    case_timeline_p95_ms: round(p95(timelineMs)),
    case_timeline_items_avg: round(items / Math.max(1, caseIds.length), 1),
  };
}
