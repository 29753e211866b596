// What every report shares: who may see what (the office or only their own cases), the period as dates and instants,
// the months of a period, and the report's meta (currencies, why it is empty).
import { roleHas } from '../../../contract';
import type { ReportEmptyReason, ReportFilter, ReportKind, ReportMeta } from '../../../contract/procedures/reports';
import { addDays, todayIso } from '../../../domain/dates';
import type { CurrencyCode } from '../../../domain/money';
import type { Ctx } from '../../api/context';
import { CoreError } from '../../errors';
import type { Sqlite } from '../../../../db/open';
import { emptyCause, type CaseDims, type ReportScope } from '../../../../db/queries/reports/filter';

/** Reports an accountant (reports.money) may see: the money ones. */
const MONEY_REPORTS: readonly ReportKind[] = ['recovery', 'collections', 'fees', 'statement'];

/**
 * The caller's scope for a report: reports.office sees the office; reports.money the office's money reports;
 * reports.own only the cases where the caller is the lawyer or the paralegal. Anyone else is refused.
 */
export function reportScope(ctx: Ctx, kind: ReportKind): ReportScope {
  const user = ctx.user;
  if (!user) throw new CoreError('auth.required', 'Sign in first');
  if (roleHas(user.role, 'reports.office')) return { kind: 'office' };
  if (roleHas(user.role, 'reports.money') && MONEY_REPORTS.includes(kind)) return { kind: 'office' };
  if (roleHas(user.role, 'reports.own') && !['fees', 'statement'].includes(kind)) return { kind: 'own', userId: user.id };
  throw new CoreError('permission.denied', `The role ${user.role} may not see the ${kind} report`);
}

export function dimsOf(filter: ReportFilter): CaseDims {
  return filter;
}

export interface Period {
  from: string;
  to: string;
  /** [fromAt, toAt): the period's days in Riyadh as UTC instants, for columns stored as timestamps. */
  fromAt: string;
  toAt: string;
}

const riyadhMidnight = (day: string): string => new Date(`${day}T00:00:00+03:00`).toISOString();

export function periodOf(filter: ReportFilter): Period {
  return { from: filter.from, to: filter.to, fromAt: riyadhMidnight(filter.from), toAt: riyadhMidnight(addDays(filter.to, 1)) };
}

/** Every month (YYYY-MM) the period touches, in order. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m === 13) {
      m = 1;
      y++;
    }
  }
  return out;
}

export function today(ctx: Ctx): string {
  return todayIso(ctx.core.now());
}

/**
 * The meta of a report: `hasFigures` says whether anything the report counts was found; when not, the reason is the
 * first of: nothing in scope, the client has no cases, the filter matches nothing, nothing in the period.
 */
export function metaOf(sqlite: Sqlite, ctx: Ctx, filter: ReportFilter, scope: ReportScope, currencies: Iterable<string>, hasFigures: boolean): ReportMeta {
  let empty: ReportEmptyReason | null = null;
  if (!hasFigures) empty = emptyCause(sqlite, dimsOf(filter), scope) ?? 'nothing_in_period';
  return { filter, asOf: today(ctx), scope: scope.kind, currencies: [...new Set(currencies)].sort(), empty };
}

/** Sorted currency sections from a map keyed by currency. */
export function sortedSections<T extends { currency: string }>(map: Map<string, T>): T[] {
  return [...map.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}

export function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

/** A currency read back from the database (written only through the contract's currency schema). */
export const asCurrency = (c: string): CurrencyCode => c as CurrencyCode;
