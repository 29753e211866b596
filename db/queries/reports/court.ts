// Court and deadlines: hearings ahead on the matching cases, and cases in litigation and enforcement by court.
import type { Sqlite } from '../../open';
import { balanceSql, caseCondition, type CaseDims, type ReportScope } from './filter';

export interface CourtHearingRaw {
  hearingId: number;
  caseId: number;
  reference: string;
  debtorName: string;
  clientName: string;
  court: string;
  circuit: string;
  onDate: string;
  atTime: string | null;
  type: string;
}

/** Hearings on days in [from, to] (hearings_date) of the matching cases. */
export function hearingsAhead(sqlite: Sqlite, from: string, to: string, dims: CaseDims, scope: ReportScope): CourtHearingRaw[] {
  const c = caseCondition(dims, scope);
  return sqlite
    .prepare(
      `SELECT h.id AS hearingId, h.case_id AS caseId, k.reference, k.debtor_name AS debtorName, cl.name_ar AS clientName,
              h.court, h.circuit, h.on_date AS onDate, h.at_time AS atTime, h.type
         FROM hearings h JOIN cases k ON k.id = h.case_id JOIN clients cl ON cl.id = k.client_id
        WHERE h.on_date BETWEEN ? AND ? AND ${c.sql}
        ORDER BY h.on_date, coalesce(h.at_time, '99:99'), h.id`,
    )
    .all(from, to, ...c.params) as CourtHearingRaw[];
}

/** Of the given cases, those matching the filter (to keep the calendar's computed deadlines of the report's cases). */
export function matchingCaseIds(sqlite: Sqlite, ids: readonly number[], dims: CaseDims, scope: ReportScope): Set<number> {
  const out = new Set<number>();
  const c = caseCondition(dims, scope);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = sqlite
      .prepare(`SELECT k.id FROM cases k WHERE k.id IN (${chunk.map(() => '?').join(', ')}) AND ${c.sql}`)
      .all(...chunk, ...c.params) as { id: number }[];
    for (const r of rows) out.add(r.id);
  }
  return out;
}

export interface CourtCellRow {
  court: string;
  stage: 'litigation' | 'enforcement';
  currency: string;
  cases: number;
  outstandingMinor: number;
}

/** One pass over the matching cases in litigation or enforcement (cases_stage), per court, stage and currency. */
export function courtCells(sqlite: Sqlite, dims: CaseDims, scope: ReportScope): CourtCellRow[] {
  const c = caseCondition(dims, scope);
  return sqlite
    .prepare(
      `SELECT trim(k.court) AS court, k.stage, k.currency, count(*) AS cases, coalesce(sum(${balanceSql()}), 0) AS outstandingMinor
         FROM cases k WHERE k.stage IN ('litigation', 'enforcement') AND ${c.sql}
        GROUP BY trim(k.court), k.stage, k.currency`,
    )
    .all(...c.params) as CourtCellRow[];
}
