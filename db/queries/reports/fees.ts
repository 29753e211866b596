// Fees and remittances per client, with the ledger's definitions (electron/core/services/ledger, electron/domain/ledger.ts):
// the percentage fee on every payment row (rounded half away from zero, direct payments to the client included), a fixed
// fee for each case's first arrival at a stage the client's agreement charges (agreed in SAR), and the remittances that
// stand (not void). Every figure is the sum of per-case items (feeItemsSql), so a figure and its drill-down agree.
import type { Sqlite } from '../../open';
import { caseCondition, percentFeeSql, type CaseDims, type Param, type ReportScope } from './filter';

/** Fixed per-stage fees are agreed in SAR (as the ledger). */
export const STAGE_FEE_CURRENCY = 'SAR';

/** The client's fixed fee for `stage` (a positive integer in its agreement's JSON), else 0. */
const stageFeeSql = (json: string, stage: string): string =>
  `(CASE WHEN json_valid(${json}) AND json_type(${json}, '$.' || ${stage}) = 'integer' AND json_extract(${json}, '$.' || ${stage}) > 0
         THEN json_extract(${json}, '$.' || ${stage}) ELSE 0 END)`;

export const FEE_ITEM_COLUMNS = [
  'collected',
  'officeCollected',
  'feesEarned',
  'remitted',
  'officeToDate',
  'feesToDate',
  'remittedToDate',
] as const;
export type FeeItemColumn = (typeof FEE_ITEM_COLUMNS)[number];

/**
 * Per-case fee items up to the period's end: (case_id, client_id, currency, …FEE_ITEM_COLUMNS). Payment rows; each
 * case's first arrival at a charged stage (SAR); and the items of standing remittances whose period ended by then
 * (net = what was received by the office − the fee, as the remittance's own net). Binds: from ×4, to, cond, to, cond,
 * from, to, cond.
 */
export function feeItemsSql(dims: CaseDims, scope: ReportScope, from: string, to: string): { sql: string; params: Param[] } {
  const c = caseCondition(dims, scope);
  const fee = percentFeeSql('p.amount_minor', 'cl.fee_percent_bp');
  const stageFee = stageFeeSql('cl.fee_fixed_per_stage', 'a.stage');
  const sql = `
    SELECT p.case_id, k.client_id, k.currency,
           CASE WHEN p.on_date >= ? THEN p.amount_minor ELSE 0 END AS collected,
           CASE WHEN p.on_date >= ? AND p.received_by = 'office' THEN p.amount_minor ELSE 0 END AS officeCollected,
           CASE WHEN p.on_date >= ? THEN ${fee} ELSE 0 END AS feesEarned,
           0 AS remitted,
           CASE WHEN p.received_by = 'office' THEN p.amount_minor ELSE 0 END AS officeToDate,
           ${fee} AS feesToDate,
           0 AS remittedToDate
      FROM payments p JOIN cases k ON k.id = p.case_id JOIN clients cl ON cl.id = k.client_id
     WHERE p.on_date <= ? AND ${c.sql}
    UNION ALL
    SELECT a.case_id, k.client_id, '${STAGE_FEE_CURRENCY}', 0, 0, CASE WHEN a.on_date >= ? THEN ${stageFee} ELSE 0 END, 0, 0, ${stageFee}, 0
      FROM (SELECT m.case_id, m.to_stage AS stage, min(m.on_date) AS on_date FROM stage_moves m
             WHERE m.case_id IN (SELECT k.id FROM cases k JOIN clients cl ON cl.id = k.client_id
                                  WHERE cl.fee_fixed_per_stage NOT IN ('', '{}') AND ${c.sql})
             GROUP BY m.case_id, m.to_stage) a
      JOIN cases k ON k.id = a.case_id JOIN clients cl ON cl.id = k.client_id
     WHERE a.on_date <= ? AND ${stageFee} > 0
    UNION ALL
    SELECT ri.case_id, k.client_id, r.currency, 0, 0, 0,
           CASE WHEN r.period_to >= ? THEN (CASE WHEN ri.kind = 'payment' AND p.received_by = 'office' THEN ri.amount_minor ELSE 0 END) - ri.fee_minor ELSE 0 END,
           0, 0,
           (CASE WHEN ri.kind = 'payment' AND p.received_by = 'office' THEN ri.amount_minor ELSE 0 END) - ri.fee_minor
      FROM remittances r JOIN remittance_items ri ON ri.remittance_id = r.id JOIN cases k ON k.id = ri.case_id
      LEFT JOIN payments p ON p.id = ri.payment_id
     WHERE r.state <> 'void' AND r.period_to <= ? AND ${c.sql}`;
  return { sql, params: [from, from, from, to, ...c.params, from, ...c.params, to, from, to, ...c.params] };
}

export interface FeesCellRow {
  clientId: number;
  clientName: string;
  currency: string;
  collectedMinor: number;
  officeCollectedMinor: number;
  feesEarnedMinor: number;
  remittedMinor: number;
  dueMinor: number;
}

/** The fee items summed per client and currency (in the period, and owed to the client at its end). */
export function feesCells(sqlite: Sqlite, from: string, to: string, dims: CaseDims, scope: ReportScope): FeesCellRow[] {
  const items = feeItemsSql(dims, scope, from, to);
  const only = dims.currency === null ? '' : 'WHERE i.currency = ?';
  return sqlite
    .prepare(
      `SELECT i.client_id AS clientId, cl.name_ar AS clientName, i.currency,
              sum(i.collected) AS collectedMinor, sum(i.officeCollected) AS officeCollectedMinor, sum(i.feesEarned) AS feesEarnedMinor,
              sum(i.remitted) AS remittedMinor, sum(i.officeToDate) - sum(i.feesToDate) - sum(i.remittedToDate) AS dueMinor
         FROM (${items.sql}) i JOIN clients cl ON cl.id = i.client_id ${only}
        GROUP BY i.client_id, i.currency
        ORDER BY i.currency, cl.name_ar, i.client_id`,
    )
    .all(...items.params, ...(dims.currency === null ? [] : [dims.currency])) as FeesCellRow[];
}
