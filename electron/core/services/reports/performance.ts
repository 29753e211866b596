// Performance per person over the period: contacts, promises made and kept, letters sent, cases advanced, collected.
import type { PerformanceReport, PerformanceRow, ReportFilter } from '../../../contract/procedures/reports';
import type { Ctx } from '../../api/context';
import { people, performanceRaw } from '../../../../db/queries/reports/performance';
import { dimsOf, getOrAdd, metaOf, periodOf, reportScope } from './common';

const COUNTS = ['contacts', 'promisesMade', 'promisesKept', 'lettersSent', 'casesAdvanced'] as const;

function emptyRow(userId: string | null, name: string, role: string | null, all = false): PerformanceRow {
  return {
    userId,
    name,
    role,
    contacts: 0,
    promisesMade: 0,
    promisesKept: 0,
    lettersSent: 0,
    casesAdvanced: 0,
    collected: [],
    drill: { report: 'performance', currency: null, userId, all },
  };
}

function addMoney(list: { currency: string; minor: number }[], currency: string, minor: number): void {
  const found = list.find((m) => m.currency === currency);
  if (found) found.minor += minor;
  else {
    list.push({ currency, minor });
    list.sort((a, b) => (a.currency < b.currency ? -1 : 1));
  }
}

export function performanceReport(ctx: Ctx, filter: ReportFilter): PerformanceReport {
  const scope = reportScope(ctx, 'performance');
  const { sqlite } = ctx.open();
  const raw = performanceRaw(sqlite, periodOf(filter), dimsOf(filter), scope);
  const names = new Map(people(sqlite).map((p) => [p.id, p]));
  const rows = new Map<string | null, PerformanceRow>();
  const row = (userId: string | null): PerformanceRow =>
    getOrAdd(rows, userId, () => {
      const p = userId === null ? undefined : names.get(userId);
      return emptyRow(userId, p?.name ?? '', p?.role ?? null);
    });
  for (const measure of COUNTS) for (const r of raw[measure]) row(r.userId)[measure] += r.n;
  for (const r of raw.collected) addMoney(row(r.userId).collected, r.currency, r.minor);
  // Own scope: only the caller's own row (their figures on their own cases).
  let list = [...rows.values()];
  if (scope.kind === 'own') list = list.filter((r) => r.userId === scope.userId);
  // People by name; the row of actions with no person last.
  list.sort((a, b) => (a.userId === null ? 1 : b.userId === null ? -1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const total = emptyRow(null, '', null, true);
  // In the own scope the total is the caller's row.
  if (scope.kind === 'own') total.drill = { ...total.drill, userId: scope.userId, all: false };
  for (const r of list) {
    for (const m of COUNTS) total[m] += r[m];
    for (const c of r.collected) addMoney(total.collected, c.currency, c.minor);
  }
  const currencies = list.flatMap((r) => r.collected.map((c) => c.currency));
  return { ...metaOf(sqlite, ctx, filter, scope, currencies, list.length > 0), rows: list, total };
}
