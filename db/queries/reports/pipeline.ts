// The stage pipeline: cases and outstanding per stage now, and the stage moves of a period.
import type { Sqlite } from '../../open';
import { balanceSql, caseCondition, type CaseDims, type Param, type ReportScope } from './filter';

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

export interface StageFlowRow {
  currency: string;
  stage: string;
  /** Moves into the stage (entered) or out of it (left). */
  moves: number;
  /** Left: days in the stage summed over the moves out (from the move before, or the case's opening); entered: 0. */
  days: number;
}

export interface StageFlows {
  entered: StageFlowRow[];
  left: StageFlowRow[];
}

/**
 * The period's moves into and out of each stage of the matching cases, per currency. The days a move's case spent in
 * the stage it left are stored on the move (days_in_from).
 *
 * A move does not carry its case's currency, and reading each move's case at random is most of the cost at office
 * scale, as is sorting a year's moves into groups. So, with no case condition, the office's moves stream from
 * stage_moves_to and stage_moves_from in stage order (no case rows, no sort); the currencies other than the most
 * common one (`currencies`, most cases first) are counted from their cases (a narrow range of cases_report and each
 * case's moves), and the most common currency is the rest. The caller runs this inside one read transaction.
 */
export function stageFlows(
  sqlite: Sqlite,
  from: string,
  to: string,
  dims: CaseDims,
  scope: ReportScope,
  currencies: readonly string[],
): StageFlows {
  const c = caseCondition(dims, scope);
  const [main, ...others] = currencies;
  const viaCases = (where: string, params: Param[]): StageFlows => ({
    entered: sqlite
      .prepare(
        `SELECT k.currency, m.to_stage AS stage, count(*) AS moves, 0 AS days FROM stage_moves m JOIN cases k ON k.id = m.case_id
          WHERE m.on_date BETWEEN ? AND ? AND ${where} GROUP BY k.currency, m.to_stage`,
      )
      .all(from, to, ...params) as StageFlowRow[],
    left: sqlite
      .prepare(
        `SELECT k.currency, m.from_stage AS stage, count(*) AS moves, coalesce(sum(m.days_in_from), 0) AS days
           FROM stage_moves m JOIN cases k ON k.id = m.case_id
          WHERE m.on_date BETWEEN ? AND ? AND m.from_stage IS NOT NULL AND ${where} GROUP BY k.currency, m.from_stage`,
      )
      .all(from, to, ...params) as StageFlowRow[],
  });
  if (c.sql !== '1' || main === undefined) return viaCases(c.sql, c.params);
  const all: StageFlows = {
    entered: sqlite
      .prepare(
        `SELECT ? AS currency, m.to_stage AS stage, count(*) AS moves, 0 AS days FROM stage_moves m INDEXED BY stage_moves_to
          WHERE m.on_date BETWEEN ? AND ? GROUP BY m.to_stage`,
      )
      .all(main, from, to) as StageFlowRow[],
    left: sqlite
      .prepare(
        `SELECT ? AS currency, m.from_stage AS stage, count(*) AS moves, coalesce(sum(m.days_in_from), 0) AS days
           FROM stage_moves m INDEXED BY stage_moves_from
          WHERE m.from_stage IS NOT NULL AND m.on_date BETWEEN ? AND ? GROUP BY m.from_stage`,
      )
      .all(main, from, to) as StageFlowRow[],
  };
  if (others.length === 0) return all;
  const minority = viaCases(`k.currency IN (${others.map(() => '?').join(', ')})`, others);
  const rest = (list: StageFlowRow[], minus: StageFlowRow[]): StageFlowRow[] => {
    const byStage = new Map(list.map((r) => [r.stage, { ...r }]));
    for (const r of minus) {
      const m = byStage.get(r.stage);
      if (!m) throw new Error('stage moves changed while the report was read');
      m.moves -= r.moves;
      m.days -= r.days;
    }
    return [...minus, ...[...byStage.values()].filter((r) => r.moves > 0)];
  };
  return { entered: rest(all.entered, minority.entered), left: rest(all.left, minority.left) };
}
