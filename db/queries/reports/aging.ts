// Aging of outstanding balances: days from the due date (or the opening when a case has none) to a day, in buckets.
import type { Sqlite } from '../../open';
import { addDays } from '../../../electron/domain/dates';
import { balanceSql, caseCondition, type CaseDims, type ReportScope } from './filter';

/**
 * The bucket (0–5: 0–30, 31–60, 61–90, 91–180, 181–365, over 365 days since due) of a case under alias `k`, as date
 * comparisons against the bucket edges (agingBucketParams, bound in this order): no date arithmetic per row.
 */
export const agingBucketSql = (k = 'k'): string => `(CASE
  WHEN coalesce(${k}.due_date, ${k}.opened_on) >= ? THEN 0
  WHEN coalesce(${k}.due_date, ${k}.opened_on) >= ? THEN 1
  WHEN coalesce(${k}.due_date, ${k}.opened_on) >= ? THEN 2
  WHEN coalesce(${k}.due_date, ${k}.opened_on) >= ? THEN 3
  WHEN coalesce(${k}.due_date, ${k}.opened_on) >= ? THEN 4
  ELSE 5 END)`;
/** The earliest due date of each bucket but the last, for a day: due on or after `asOf − 30` is at most 30 days old. */
export const agingBucketParams = (asOf: string): string[] => [30, 60, 90, 180, 365].map((days) => addDays(asOf, -days));

/** The cases an aging report counts: a positive balance, opened by the day. */
export function agingCondition(k = 'k'): string {
  return `${k}.claim_minor > ${k}.paid_minor + ${k}.discount_minor AND ${k}.opened_on <= ?`;
}

export interface AgingCellRow {
  currency: string;
  clientId: number;
  clientName: string;
  bucket: number;
  cases: number;
  outstandingMinor: number;
}

/** One pass over the matching cases, per currency, client and bucket. */
export function agingCells(sqlite: Sqlite, asOf: string, dims: CaseDims, scope: ReportScope): AgingCellRow[] {
  const c = caseCondition(dims, scope);
  return sqlite
    .prepare(
      `SELECT a.currency, a.clientId, cl.name_ar AS clientName, a.bucket, a.cases, a.outstandingMinor
         FROM (SELECT k.currency, k.client_id AS clientId, ${agingBucketSql()} AS bucket, count(*) AS cases,
                      sum(${balanceSql()}) AS outstandingMinor
                 FROM cases k WHERE ${agingCondition()} AND ${c.sql}
                GROUP BY k.currency, k.client_id, bucket) a
         JOIN clients cl ON cl.id = a.clientId
        ORDER BY a.currency, cl.name_ar, a.clientId, a.bucket`,
    )
    .all(...agingBucketParams(asOf), asOf, ...c.params) as AgingCellRow[];
}
