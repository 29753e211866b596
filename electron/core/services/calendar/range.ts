// The calendar: days with their Hijri labels, hearings, tasks and computed deadlines of one person or the whole office.
//
// Deadlines are not stored; computing them for every open case on each view would scan the office. Each deadline is a
// bounded shift of one stored date (a delivery, a due date, a judgment, a notice of the execution order, a power of
// attorney's expiry), so the calendar asks only for the stored dates that can land in the range (sourceWindow in
// electron/domain/deadlines.ts), computes those cases whole with the pure domain, and keeps what falls in the range.
import { roleHas } from '../../../contract';
import type { CalendarRange, DeadlineRow } from '../../../contract/procedures/calendar';
import { addDays, addYears } from '../../../domain/dates';
import { calendarDays, caseDeadlines, MAX_CALENDAR_DAYS, poaDeadlines, sourceWindow } from '../../../domain/deadlines';
import type { LadderConfig, Period, Stage } from '../../../domain/ladder';
import type { Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import type { Sqlite } from '../../../../db/open';
import { deadlineSources, hearingsInRange, poaSources, tasksInRange, type SourceWindows, type WorkScope } from '../../../../db/queries/calendar';
import { loadLadder } from '../cases/facts';
import { hearingRow, taskRow } from './rows';

type RangeHandlers = Pick<Handlers, 'calendar.range'>;

function window(from: string, to: string, period: Period, ladder: LadderConfig): [string, string] {
  const w = sourceWindow(period, ladder);
  return [addDays(from, -w.max), addDays(to, -w.min)];
}

/** Source-date windows for a range; limitation's one extra day covers 29 February clamped to the 28th. */
export function sourceWindows(from: string, to: string, ladder: LadderConfig): SourceWindows {
  const years = ladder.limitationYears;
  return {
    notice: window(from, to, ladder.preFilingNotice, ladder),
    demand: window(from, to, ladder.performanceOrderDemand, ladder),
    judgment: window(from, to, ladder.appealWindow, ladder),
    execution: window(from, to, ladder.enforcementObjection, ladder),
    due: [addYears(from, -years), addDays(addYears(to, -years), 1)],
  };
}

/** The computed deadlines due in [from, to] for the cases and clients in scope. */
export function deadlinesInRange(sqlite: Sqlite, from: string, to: string, scope: WorkScope, ladder: LadderConfig): DeadlineRow[] {
  const inRange = (d: { dueOn: string }): boolean => d.dueOn >= from && d.dueOn <= to;
  const out: DeadlineRow[] = [];
  for (const c of deadlineSources(sqlite, sourceWindows(from, to, ladder), scope)) {
    const facts = { ...c, caseId: c.id, stage: c.stage as Stage };
    for (const d of caseDeadlines(facts, ladder).filter(inRange)) {
      out.push({ ...d, caseReference: c.reference, debtorName: c.debtorName, clientName: c.clientName });
    }
  }
  const poas = poaSources(sqlite, from, to, scope);
  const clientNames = new Map(poas.map((p) => [p.clientId, p.clientName]));
  for (const d of poaDeadlines(poas).filter(inRange)) {
    out.push({ ...d, caseReference: null, debtorName: null, clientName: clientNames.get(Number(d.params.clientId)) ?? null });
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.code.localeCompare(b.code) || (a.caseId ?? 0) - (b.caseId ?? 0));
}

export const rangeHandlers: RangeHandlers = {
  'calendar.range': (ctx, input) => {
    const me = ctx.user?.id ?? '';
    const wantsOthers = input.office || (input.userId !== null && input.userId !== me);
    if (wantsOthers && !(ctx.user && roleHas(ctx.user.role, 'dashboard.office'))) {
      throw new CoreError('permission.denied', "Seeing another person's or the office's calendar needs dashboard.office");
    }
    const ladder = loadLadder(ctx.db());
    let days;
    try {
      days = calendarDays(input.from, input.to, ladder);
    } catch {
      throw new CoreError('input.invalid', `A calendar range is 1-${MAX_CALENDAR_DAYS} days`, [{ path: 'to', code: 'custom', message: 'validation.max' }]);
    }
    const scope: WorkScope = input.office ? { kind: 'office' } : { kind: 'user', userId: input.userId ?? me };
    const { sqlite } = ctx.open();
    const result: CalendarRange = {
      days,
      hearings: hearingsInRange(sqlite, input.from, input.to, scope).map(hearingRow),
      tasks: tasksInRange(sqlite, input.from, input.to, scope).map(taskRow),
      deadlines: deadlinesInRange(sqlite, input.from, input.to, scope, ladder),
    };
    return result;
  },
};
