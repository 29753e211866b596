// The cases a report counts: the report filter (client, lawyer/paralegal, instrument, stage, status, currency) and the
// caller's scope (the office, or only the cases where they are the lawyer or the paralegal) as one SQL condition.

import type { Sqlite } from '../../open';

export type ReportScope = { kind: 'office' } | { kind: 'own'; userId: string };

/** The case dimensions of a report filter (the period is each report's own). */
export interface CaseDims {
  clientId: number | null;
  assigneeId: string | null;
  instrumentTypes: readonly string[];
  stages: readonly string[];
  statuses: readonly string[];
  currency: string | null;
}

export type Param = string | number | null;

export interface Condition {
  /** Never empty: '1' when nothing restricts. */
  sql: string;
  params: Param[];
}

function anyOf(column: string, values: readonly string[], where: string[], params: Param[]): void {
  if (values.length === 0) return;
  where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
  params.push(...values);
}

/** The condition on the cases table under alias `k`. */
export function caseCondition(dims: CaseDims, scope: ReportScope, k = 'k'): Condition {
  const where: string[] = [];
  const params: Param[] = [];
  if (scope.kind === 'own') {
    where.push(`(${k}.lawyer_id = ? OR ${k}.paralegal_id = ?)`);
    params.push(scope.userId, scope.userId);
  }
  if (dims.clientId !== null) {
    where.push(`${k}.client_id = ?`);
    params.push(dims.clientId);
  }
  if (dims.assigneeId !== null) {
    where.push(`(${k}.lawyer_id = ? OR ${k}.paralegal_id = ?)`);
    params.push(dims.assigneeId, dims.assigneeId);
  }
  anyOf(`${k}.instrument_type`, dims.instrumentTypes, where, params);
  anyOf(`${k}.stage`, dims.stages, where, params);
  anyOf(`${k}.status`, dims.statuses, where, params);
  if (dims.currency !== null) {
    where.push(`${k}.currency = ?`);
    params.push(dims.currency);
  }
  return { sql: where.length ? where.join(' AND ') : '1', params };
}

/** The balance of a case (claim − paid − discount) under alias `k`. */
export const balanceSql = (k = 'k'): string => `(${k}.claim_minor - ${k}.paid_minor - ${k}.discount_minor)`;

/**
 * The office's percentage fee on a payment row `amount` at `bp` basis points, rounded half away from zero (as
 * percentFee in electron/domain/ledger.ts: a reversal carries exactly the negated fee).
 */
export const percentFeeSql = (amount: string, bp: string): string =>
  `(CASE WHEN ${amount} < 0 THEN -((-${amount} * coalesce(${bp}, 0) + 5000) / 10000) ELSE (${amount} * coalesce(${bp}, 0) + 5000) / 10000 END)`;

/** Why nothing matched: no cases in scope at all, none of the client's, or none matching the filter. */
export function emptyCause(
  sqlite: Sqlite,
  dims: CaseDims,
  scope: ReportScope,
): 'no_cases' | 'client_no_cases' | 'no_match' | null {
  const scoped = caseCondition({ clientId: null, assigneeId: null, instrumentTypes: [], stages: [], statuses: [], currency: null }, scope);
  const any = sqlite.prepare(`SELECT EXISTS (SELECT 1 FROM cases k WHERE ${scoped.sql}) AS x`).get(...scoped.params) as { x: number };
  if (!any.x) return 'no_cases';
  if (dims.clientId !== null) {
    const own = sqlite.prepare(`SELECT EXISTS (SELECT 1 FROM cases k WHERE ${scoped.sql} AND k.client_id = ?) AS x`).get(...scoped.params, dims.clientId) as { x: number };
    if (!own.x) return 'client_no_cases';
  }
  const c = caseCondition(dims, scope);
  const match = sqlite.prepare(`SELECT EXISTS (SELECT 1 FROM cases k WHERE ${c.sql}) AS x`).get(...c.params) as { x: number };
  return match.x ? null : 'no_match';
}
