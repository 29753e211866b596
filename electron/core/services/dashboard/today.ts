// The "today" dashboard: every section read from its own index range, with deadlines computed from stored dates.
import type { DashboardSection, DeadlineRow, TodayDashboard } from '../../../contract/procedures/dashboard';
import { DASHBOARD_ROWS } from '../../../contract/procedures/dashboard';
import { addDays, addYears } from '../../../domain/dates';
import type { Stage } from '../../../domain/ladder';
import type { LadderConfig } from '../../../domain/ladder-config';
import { appealEndsOn, limitationEndsOn } from '../../../domain/ladder-periods';
import { PROMISE_GRACE_DAYS } from '../../../domain/promise';
import type { Sqlite } from '../../../../db/open';
import {
  brokenPromises,
  casesDueBetween,
  escalationsDue,
  followUpsDue,
  hearingsSoon,
  nextStepsSoon,
  poaExpiries,
  recentJudgments,
  tasksDue,
  type DashboardWho,
} from '../../../../db/queries/dashboard';
import { moneyFigures } from '../../../../db/queries/dashboard-money';

/** How far ahead each section looks. */
export const HEARINGS_AHEAD_DAYS = 7;
export const DEADLINES_AHEAD_DAYS = 14;
export const POA_AHEAD_DAYS = 30;
/**
 * Hearings whose judgment's appeal window may end in the next 14 days: held from (window in calendar days + a week
 * of slack for working days and a last day rolled past a day off) ago, up to (14 − the window) days from today (the
 * window is at least its number of calendar days). The judgment is taken as given at the hearing, or after it.
 */
function judgmentHearingRange(today: string, ladder: LadderConfig): { since: string; until: string } {
  const w = ladder.appealWindow;
  const longest = (w.unit === 'working' ? Math.ceil((w.days * 7) / 5) : w.days) + 7;
  return { since: addDays(today, -longest), until: addDays(today, DEADLINES_AHEAD_DAYS - w.days) };
}

type Sections = Omit<TodayDashboard, 'today' | 'scope' | 'userId'>;

/**
 * Deadlines in the next 14 days, from what the case stores: the ladder's next step becoming possible (a statutory wait
 * ending: `escalation_due_on`), an appeal window closing (a judgment recorded at a hearing + the ladder's appeal
 * window) and limitation (due date + the ladder's limitation years). Power-of-attorney expiry has its own section.
 */
function deadlines(sqlite: Sqlite, who: DashboardWho, today: string, ladder: LadderConfig): DashboardSection<DeadlineRow> {
  const until = addDays(today, DEADLINES_AHEAD_DAYS);
  const steps = nextStepsSoon(sqlite, who, addDays(today, 1), until, DASHBOARD_ROWS);
  const rows: DeadlineRow[] = steps.rows.map((r) => ({ caseId: r.caseId, reference: r.reference, debtorName: r.debtorName, kind: 'next_step', dueOn: r.dueOn, detail: r.nextStage ?? '' }));
  let count = steps.count;
  const appeals = new Set<string>();
  const held = judgmentHearingRange(today, ladder);
  for (const j of recentJudgments(sqlite, who, held.since, held.until)) {
    const endsOn = appealEndsOn(j.judgmentOn, ladder);
    const key = `${j.caseId}:${endsOn}`;
    if (endsOn < today || endsOn > until || appeals.has(key)) continue;
    appeals.add(key);
    rows.push({ caseId: j.caseId, reference: j.reference, debtorName: j.debtorName, kind: 'appeal', dueOn: endsOn, detail: j.judgmentOn });
    count++;
  }
  // Due dates a day either side of the window (29 February), then the exact rule.
  const L = ladder.limitationYears;
  for (const k of casesDueBetween(sqlite, who, addDays(addYears(today, -L), -1), addDays(addYears(until, -L), 1))) {
    const endsOn = limitationEndsOn({ dueDate: k.dueDate }, ladder);
    if (endsOn === null || endsOn < today || endsOn > until) continue;
    rows.push({ caseId: k.caseId, reference: k.reference, debtorName: k.debtorName, kind: 'limitation', dueOn: endsOn, detail: k.dueDate });
    count++;
  }
  rows.sort((a, b) => (a.dueOn === b.dueOn ? a.caseId - b.caseId : a.dueOn < b.dueOn ? -1 : 1));
  return { count, capped: steps.capped, rows: rows.slice(0, DASHBOARD_ROWS) };
}

/**
 * Every section for one person (`who`) or the whole office (null) on `today` (a Riyadh date); the money figures for
 * `moneyWho` (a partner's own day shows the office's money).
 */
export function todaySections(sqlite: Sqlite, who: DashboardWho, today: string, ladder: LadderConfig, moneyWho: DashboardWho = who): Sections {
  const n = DASHBOARD_ROWS;
  const escalations = escalationsDue(sqlite, who, today, n);
  const poas = poaExpiries(sqlite, who, addDays(today, POA_AHEAD_DAYS));
  return {
    followUps: followUpsDue(sqlite, who, today, n),
    tasks: tasksDue(sqlite, who, today, n),
    // Broken once past its last day: due before today minus the grace days.
    brokenPromises: brokenPromises(sqlite, who, addDays(today, -PROMISE_GRACE_DAYS), n),
    escalations: { count: escalations.count, capped: escalations.capped, rows: escalations.rows.map((r) => ({ ...r, nextStage: r.nextStage as Stage | null })) },
    hearings: hearingsSoon(sqlite, who, today, addDays(today, HEARINGS_AHEAD_DAYS), n),
    deadlines: deadlines(sqlite, who, today, ladder),
    poaExpiries: { count: poas.length, capped: false, rows: poas.slice(0, n).map((p) => ({ ...p, expired: p.expiresOn < today })) },
    money: moneyFigures(sqlite, moneyWho, `${today.slice(0, 7)}-01`, today),
    moneyScope: moneyWho === null ? 'office' : 'person',
  };
}
