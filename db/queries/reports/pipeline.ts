// The stage pipeline: cases and outstanding per stage now, and the stage moves of a period.
import type { Sqlite } from '../../open';
import { balanceSql, caseCondition, type CaseDims, type ReportScope } from './filter';

export interface StageNowRow {
  currency: string;
  stage: string;
  cases: number;
  outstandingMinor: number;
}

/** One pass over the matching cases. */
export function stagesNow(sqlite: Sqlite, dims: CaseDims, scope: ReportScope): StageNowRow[] {
  const c = caseCondition(dims, scope);
  return sqlite
    .prepare(
      `SELECT k.currency, k.stage, count(*) AS cases, coalesce(sum(${balanceSql()}), 0) AS outstandingMinor
         FROM cases k WHERE ${c.sql} GROUP BY k.currency, k.stage`,
    )
    .all(...c.params) as StageNowRow[];
}

export interface StageMoveRow {
  currency: string;
  fromStage: string | null;
  toStage: string;
  moves: number;
  /** Days in `fromStage` summed over the moves (from the move before, or the case's opening). */
  daysInFrom: number;
}

/**
 * One pass over the period's moves (a range of the covering index stage_moves_period) of the matching cases, per
 * currency and (from, to). The days a move's case spent in its from-stage are stored on the move (days_in_from).
 */
export function stageMovesIn(sqlite: Sqlite, from: string, to: string, dims: CaseDims, scope: ReportScope): StageMoveRow[] {
  const c = caseCondition(dims, scope);
  return sqlite
    .prepare(
      `SELECT k.currency, m.from_stage AS fromStage, m.to_stage AS toStage, count(*) AS moves,
              coalesce(sum(CASE WHEN m.from_stage IS NULL THEN 0 ELSE m.days_in_from END), 0) AS daysInFrom
         FROM stage_moves m JOIN cases k ON k.id = m.case_id
        WHERE m.on_date BETWEEN ? AND ? AND ${c.sql}
        GROUP BY k.currency, m.from_stage, m.to_stage`,
    )
    .all(from, to, ...c.params) as StageMoveRow[];
}
