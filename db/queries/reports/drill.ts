// The cases behind a report's figure: each figure's per-case source `(case_id, contribution)` written with the same
// conditions as the report's aggregate, paged by case id (keyset), with the total over every page.
import type { Sqlite } from '../../open';
import { decodeCursor, encodeCursor } from '../pagination';
import { balanceSql, caseCondition, type CaseDims, type Param, type ReportScope } from './filter';
import { agingBucketParams, agingBucketSql, agingCondition } from './aging';
import { ADVANCE_SQL, COLLECTOR_SQL, CONTACT_SQL } from './performance';
import { feeItemsSql, type FeeItemColumn } from './fees';

/** A figure's cases: a SELECT of (case_id, contribution), one row per case. */
export interface DrillSource {
  sql: string;
  params: Param[];
}

/** Cases matching `extra` (under alias k) with `value` as each one's contribution. */
export function casesSource(dims: CaseDims, scope: ReportScope, extra: string[], extraParams: Param[], value = '1'): DrillSource {
  const c = caseCondition(dims, scope);
  return {
    sql: `SELECT k.id AS case_id, ${value} AS contribution FROM cases k WHERE ${[...extra, c.sql].join(' AND ')}`,
    params: [...extraParams, ...c.params],
  };
}

/** Rows of `table` (alias `t`, joined to the case k by `t.case_id`) matching `extra`, counted or summed per case. */
export function eventsSource(dims: CaseDims, scope: ReportScope, table: string, extra: string[], extraParams: Param[], value = 'count(*)'): DrillSource {
  const c = caseCondition(dims, scope);
  return {
    sql: `SELECT t.case_id AS case_id, ${value} AS contribution FROM ${table} t JOIN cases k ON k.id = t.case_id
           WHERE ${[...extra, c.sql].join(' AND ')} GROUP BY t.case_id`,
    params: [...extraParams, ...c.params],
  };
}

export function stageMovesSource(dims: CaseDims, scope: ReportScope, from: string, to: string, column: 'from' | 'to', stage: string | null, currency: string): DrillSource {
  const extra = ['t.on_date BETWEEN ? AND ?', 'k.currency = ?'];
  const params: Param[] = [from, to, currency];
  if (stage !== null) {
    extra.push(`t.${column}_stage = ?`);
    params.push(stage);
  } else if (column === 'from') extra.push('t.from_stage IS NOT NULL');
  return eventsSource(dims, scope, 'stage_moves', extra, params);
}

export function agingSource(dims: CaseDims, scope: ReportScope, asOf: string, currency: string, clientId: number | null, bucket: number | null, value: string): DrillSource {
  const extra = [agingCondition(), 'k.currency = ?'];
  const params: Param[] = [asOf, currency];
  if (clientId !== null) {
    extra.push('k.client_id = ?');
    params.push(clientId);
  }
  if (bucket !== null) {
    extra.push(`${agingBucketSql()} = ?`);
    params.push(...agingBucketParams(asOf), bucket);
  }
  return casesSource(dims, scope, extra, params, value);
}


export function paymentsSource(dims: CaseDims, scope: ReportScope, from: string, to: string, currency: string | null, more: string[] = [], moreParams: Param[] = [], value = 'sum(t.amount_minor)'): DrillSource {
  const extra = ['t.on_date BETWEEN ? AND ?', ...more];
  const params: Param[] = [from, to, ...moreParams];
  if (currency !== null) {
    extra.push('k.currency = ?');
    params.push(currency);
  }
  return eventsSource(dims, scope, 'payments', extra, params, value);
}

/** Per-person measures: who did it (or, for collections, who the case counts for). */
export function performanceSource(
  dims: CaseDims,
  scope: ReportScope,
  p: { from: string; to: string; fromAt: string; toAt: string },
  measure: 'contacts' | 'promisesMade' | 'promisesKept' | 'lettersSent' | 'casesAdvanced' | 'collected',
  who: { all: true } | { all: false; userId: string | null },
  currency: string | null,
): DrillSource {
  const person = (column: string): { extra: string[]; params: Param[] } =>
    who.all ? { extra: [], params: [] } : who.userId === null ? { extra: [`${column} IS NULL`], params: [] } : { extra: [`${column} = ?`], params: [who.userId] };
  switch (measure) {
    case 'contacts': {
      const w = person('t.user_id');
      return eventsSource(dims, scope, 'communications', ['t.occurred_at >= ? AND t.occurred_at < ?', CONTACT_SQL.replaceAll('c.', 't.'), ...w.extra], [p.fromAt, p.toAt, ...w.params]);
    }
    case 'promisesMade':
    case 'promisesKept': {
      const w = person('t.created_by');
      const kept = measure === 'promisesKept' ? ["t.state = 'kept'"] : [];
      return eventsSource(dims, scope, 'promises', ['t.created_at >= ? AND t.created_at < ?', 't.cancelled_at IS NULL', ...kept, ...w.extra], [p.fromAt, p.toAt, ...w.params]);
    }
    case 'lettersSent': {
      const w = person('t.created_by');
      return eventsSource(dims, scope, 'letters', ['t.sent_on BETWEEN ? AND ?', 't.voided_at IS NULL', ...w.extra], [p.from, p.to, ...w.params]);
    }
    case 'casesAdvanced': {
      const w = person('t.by_user_id');
      return eventsSource(dims, scope, 'stage_moves', ['t.on_date BETWEEN ? AND ?', ADVANCE_SQL.replaceAll('m.', 't.'), ...w.extra], [p.from, p.to, ...w.params]);
    }
    case 'collected': {
      const w = person(COLLECTOR_SQL);
      return paymentsSource(dims, scope, p.from, p.to, currency, w.extra, w.params);
    }
  }
}

/** A fee item column summed per case (see feeItemsSql), of one currency and optionally one client. */
export function feesSource(dims: CaseDims, scope: ReportScope, from: string, to: string, currency: string, clientId: number | null, measure: FeeItemColumn | 'due'): DrillSource {
  const items = feeItemsSql(dims, scope, from, to);
  const value = measure === 'due' ? 'sum(i.officeToDate) - sum(i.feesToDate) - sum(i.remittedToDate)' : `sum(i.${measure})`;
  return {
    sql: `SELECT i.case_id AS case_id, ${value} AS contribution FROM (${items.sql}) i
           WHERE i.currency = ?${clientId === null ? '' : ' AND i.client_id = ?'} GROUP BY i.case_id`,
    params: [...items.params, currency, ...(clientId === null ? [] : [clientId])],
  };
}

export interface DrillCaseRow {
  caseId: number;
  reference: string;
  clientReference: string;
  clientName: string;
  debtorName: string;
  stage: string;
  status: string;
  instrumentType: string;
  currency: string;
  claimMinor: number;
  paidMinor: number;
  balanceMinor: number;
  openedOn: string;
  dueDate: string | null;
  lawyerName: string | null;
  contribution: number;
}

/** One keyset page of the source's cases (by case id) and the total over all of them. */
export function drillPage(
  sqlite: Sqlite,
  source: DrillSource,
  cursor: string | null,
  limit: number,
): { rows: DrillCaseRow[]; nextCursor: string | null; total: { cases: number; value: number } } {
  const total = sqlite
    .prepare(`SELECT count(*) AS cases, coalesce(sum(s.contribution), 0) AS value FROM (${source.sql}) s`)
    .get(...source.params) as { cases: number; value: number };
  const after = decodeCursor(cursor);
  const rows = sqlite
    .prepare(
      `SELECT k.id AS caseId, k.reference, k.client_reference AS clientReference, c.name_ar AS clientName, k.debtor_name AS debtorName,
              k.stage, k.status, k.instrument_type AS instrumentType, k.currency, k.claim_minor AS claimMinor, k.paid_minor AS paidMinor,
              ${balanceSql()} AS balanceMinor, k.opened_on AS openedOn, k.due_date AS dueDate, u.display_name AS lawyerName,
              s.contribution
         FROM (${source.sql}) s JOIN cases k ON k.id = s.case_id JOIN clients c ON c.id = k.client_id LEFT JOIN users u ON u.id = k.lawyer_id
        WHERE s.case_id > ? ORDER BY s.case_id LIMIT ?`,
    )
    .all(...source.params, after ? after[1] : 0, limit + 1) as DrillCaseRow[];
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: more && last ? encodeCursor([null, last.caseId]) : null, total };
}

