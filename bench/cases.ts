// Case metrics through the real router: list pages (first and deep), search, queue, case page.
import type { CoreApp } from '../electron/core/app';
import { call } from './factory/office';
import { median, p95, round, timed } from './stats';

interface ListPage {
  rows: { id: number }[];
  nextCursor: string | null;
}

/** Filter/sort combinations an office uses every day. */
const LIST_QUERIES: { filter?: Record<string, unknown>; sort?: string; dir?: string }[] = [
  {},
  { sort: 'reference', dir: 'asc' },
  { filter: { stages: ['follow_up'] } },
  { filter: { stages: ['demand', 'litigation'] }, sort: 'claim', dir: 'desc' },
  { filter: { statuses: ['active'] }, sort: 'nextActionOn', dir: 'asc' },
  { filter: { instrumentTypes: ['promissory_note'] }, sort: 'openedOn' },
  { filter: { minClaimMinor: 10_000_000, maxClaimMinor: 30_000_000 }, sort: 'claim', dir: 'asc' },
  { filter: { clientId: 3 }, sort: 'openedOn' },
  { filter: { tag: 'عاجل' }, sort: 'openedOn' },
  { filter: { nextActionFrom: '2026-11-01', nextActionTo: '2026-11-30' }, sort: 'nextActionOn', dir: 'asc' },
  { sort: 'debtor', dir: 'asc' },
  // The balance column: the largest balances first, and what is still owed at a stage.
  { sort: 'balance', dir: 'desc' },
  { filter: { balance: 'open', stages: ['demand'] }, sort: 'balance', dir: 'desc' },
  { filter: { balance: 'paid' }, sort: 'openedOn' },
];

export const SEARCH_QUERIES = ['احمد', 'محمد عبدالله', 'القحطاني', 'عبد الرحمن الشهري', 'نوره', 'شركه الخليج', '000123', 'TH-2026-0001', 'CR-00042', '0551000123', '+966 50 100 0777', 'Khan', 'مصرف الانماء', '1010000'];

export async function caseMetrics(core: CoreApp, token: string, lawyerId: string): Promise<Record<string, number>> {
  const listMs: number[] = [];
  const balanceMs: number[] = [];
  for (const q of [...LIST_QUERIES, { filter: { assigneeId: lawyerId }, sort: 'openedOn' }]) {
    let cursor: string | null = null;
    // The first page, then 20 pages deep by keyset: both must be fast.
    for (let page = 0; page <= 20; page++) {
      const r = await timed(() => call<ListPage>(core, 'cases.list', { ...q, cursor, limit: 50 }, token));
      if (page === 0 || page === 20 || page % 5 === 0) {
        listMs.push(r.ms);
        if (q.sort === 'balance' || q.filter?.balance !== undefined) balanceMs.push(r.ms);
      }
      cursor = r.value.nextCursor;
      if (!cursor) break;
    }
  }
  const searchMs: number[] = [];
  for (let round_ = 0; round_ < 3; round_++) {
    for (const query of SEARCH_QUERIES) searchMs.push((await timed(() => call(core, 'search.global', { query }, token))).ms);
  }
  const queueMs: number[] = [];
  for (let i = 0; i < 10; i++) queueMs.push((await timed(() => call(core, 'cases.escalationQueue', { limit: 50 }, token))).ms);
  const some = await call<ListPage>(core, 'cases.list', { limit: 200, sort: 'reference', dir: 'desc' }, token);
  const pageMs: number[] = [];
  for (const row of some.rows.slice(0, 60)) pageMs.push((await timed(() => call(core, 'cases.get', { id: row.id }, token))).ms);
  return {
    case_list_page_p95_ms: round(p95(listMs)),
    // The balance sorts and filters alone (also in the figure above).
    case_list_balance_p95_ms: round(p95(balanceMs)),
    search_p95_ms: round(p95(searchMs)),
    escalation_queue_ms: round(median(queueMs)),
    case_page_ms: round(p95(pageMs)),
  };
}
