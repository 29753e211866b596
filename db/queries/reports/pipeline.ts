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
 *
 * A move does not carry its case's currency, and reading each move's case at random is most of the cost at office
 * scale. So, with no case condition, the moves are counted from the index alone; the currencies other than the most
 * common one (`currencies`, most cases first) are counted from their cases (a narrow range of cases_report and each
 * case's moves); the most common currency is the rest. The caller runs this inside one read transaction.
 */
export function stageMovesIn(
  sqlite: Sqlite,
  from: string,
  to: string,
  dims: CaseDims,
  scope: ReportScope,
  currencies: readonly string[],
): StageMoveRow[] {
  const c = caseCondition(dims, scope);
  const [main, ...others] = currencies;
  if (c.sql !== '1' || main === undefined) {
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
  const all = sqlite
    .prepare(
      `SELECT ? AS currency, m.from_stage AS fromStage, m.to_stage AS toStage, count(*) AS moves,
              coalesce(sum(CASE WHEN m.from_stage IS NULL THEN 0 ELSE m.days_in_from END), 0) AS daysInFrom
         FROM stage_moves m WHERE m.on_date BETWEEN ? AND ?
        GROUP BY m.from_stage, m.to_stage`,
    )
    .all(main, from, to) as StageMoveRow[];
  if (others.length === 0) return all;
  const minority = sqlite
    .prepare(
      `SELECT k.currency, m.from_stage AS fromStage, m.to_stage AS toStage, count(*) AS moves,
              coalesce(sum(CASE WHEN m.from_stage IS NULL THEN 0 ELSE m.days_in_from END), 0) AS daysInFrom
         FROM cases k JOIN stage_moves m ON m.case_id = k.id
        WHERE k.currency IN (${others.map(() => '?').join(', ')}) AND m.on_date BETWEEN ? AND ?
        GROUP BY k.currency, m.from_stage, m.to_stage`,
    )
    .all(...others, from, to) as StageMoveRow[];
  const key = (r: StageMoveRow): string => `${r.fromStage ?? ''}>${r.toStage}`;
  const rest = new Map(all.map((r) => [key(r), { ...r }]));
  for (const r of minority) {
    const m = rest.get(key(r));
    if (!m) throw new Error('stage moves changed while the report was read');
    m.moves -= r.moves;
    m.daysInFrom -= r.daysInFrom;
  }
  return [...minority, ...[...rest.values()].filter((r) => r.moves > 0)];
}
