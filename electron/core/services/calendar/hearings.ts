// Hearings: create (a weekend or holiday needs a reason), record a result — with a next date, the next hearing and its preparation task in the same transaction;
// a judgment also marks the case as having one (the ladder's guard to enforcement) — and lists.
import type { HearingRow, TaskRow } from '../../../contract/procedures/calendar';
import { diffDays, todayIso } from '../../../domain/dates';
import { nonWorkingReason, workingDaysBefore } from '../../../domain/deadlines';
import { formatDual, type FormatOptions } from '../../../domain/format';
import type { LadderConfig } from '../../../domain/ladder';
import type { AuditChange, Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import type { Db, Sqlite } from '../../../../db/open';
import { hearingsForCase, hearingsInRange, insertHearing, updateHearingVersioned } from '../../../../db/queries/calendar';
import { getCase, setDerivedColumns, updateCaseVersioned } from '../../../../db/queries/cases';
import { loadLadder } from '../cases/facts';
import { caseEscalation } from '../promises/standing';
import { caseWorker, hearingRow, requireHearing, requireOpenCase } from './rows';
import { createTask } from './tasks';

type HearingHandlers = Pick<Handlers, 'hearings.create' | 'hearings.recordResult' | 'hearings.forCase' | 'hearings.list'>;

/** Longest span hearings.list answers at once. */
const MAX_LIST_DAYS = 366;

/** A weekend day or office holiday is refused without a reason; on a working day any reason given is dropped. */
function checkWorkingDay(date: string, reason: string, ladder: LadderConfig, field: string): string {
  const why = nonWorkingReason(date, ladder);
  if (why === null) return '';
  if (reason.trim() === '') throw new CoreError('hearings.non_working_day', `${date} is a ${why}`, { date, why, field });
  return reason.trim();
}

function prepTitle(date: string, court: string, opts: FormatOptions): string {
  const when = formatDual(date, opts);
  if (opts.lang === 'en') return `Prepare for the hearing of ${when}${court ? ` — ${court}` : ''}`;
  return `التحضير لجلسة ${when}${court ? ` — ${court}` : ''}`;
}

function row(sqlite: Sqlite, id: number): HearingRow {
  return hearingRow(requireHearing(sqlite, id));
}

function insert(db: Db, values: Parameters<typeof insertHearing>[1]): number {
  return insertHearing(db, values).id;
}

/**
 * A hearing's result 'judgment' (حكم; the adverse outcome is 'dismissed', رد الدعوى) is the judgment the case's
 * has_judgment fact stands for: set it, bump the case's version and recompute its queue columns, in the caller's
 * transaction; answers the audit entry, or null when the case already had it. Nothing else on the case changes: the
 * ladder still waits for a person to move it to enforcement. Once set it stays: a result is never re-recorded, and
 * only the lawyer unticks it on the case form (an audited, deliberate edit), so a later mistake cannot silently
 * take away the ground an enforcement request was filed on.
 */
function markJudgment(db: Db, caseId: number, hearingId: number, judgmentOn: string, now: string, today: string, ladder: LadderConfig): AuditChange | null {
  const k = getCase(db, caseId);
  if (!k || k.hasJudgment) return null;
  if (!updateCaseVersioned(db, k.id, k.version, { hasJudgment: true, updatedAt: now })) return null;
  const updated = getCase(db, k.id);
  if (updated) setDerivedColumns(db, k.id, caseEscalation(db, updated, today, ladder));
  return { entity: 'case', entityId: String(k.id), before: { hasJudgment: false }, after: { hasJudgment: true, hearingId, judgmentOn } };
}

export const hearingHandlers: HearingHandlers = {
  'hearings.create': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const { sqlite } = ctx.open();
    return ctx.write((db) => {
      const k = requireOpenCase(db, input.caseId);
      const reason = checkWorkingDay(input.onDate, input.nonWorkingReason, loadLadder(db), 'onDate');
      const values = { ...input, court: input.court || k.court, circuit: input.circuit || k.circuit, nonWorkingReason: reason };
      const id = insert(db, { ...values, createdBy: ctx.user?.id ?? null, createdAt: now });
      return { result: row(sqlite, id), audit: { entity: 'hearing', entityId: String(id), after: values } };
    });
  },

  'hearings.recordResult': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const today = todayIso(ctx.core.now());
    const { sqlite } = ctx.open();
    return ctx.write((db) => {
      const h = requireHearing(sqlite, input.id);
      if (h.version !== input.version) throw new CoreError('conflict.stale', 'The hearing was changed by someone else', hearingRow(h));
      if (h.result !== '') throw new CoreError('hearings.result_recorded', 'The result is already recorded', hearingRow(h));
      const ladder = loadLadder(db);
      const patch = {
        result: input.result,
        resultNotes: input.notes,
        judgmentOn: input.result === 'judgment' ? (input.judgmentOn ?? h.onDate) : null,
        nextHearingId: null as number | null,
      };
      const audit = [];
      let task: TaskRow | null = null;
      if (input.nextDate !== null) {
        if (diffDays(h.onDate, input.nextDate) <= 0) throw new CoreError('hearings.next_before', 'The next hearing must come after this one', { onDate: h.onDate });
        const k = requireOpenCase(db, h.caseId);
        const reason = checkWorkingDay(input.nextDate, input.nextNonWorkingReason, ladder, 'nextDate');
        const next = { caseId: h.caseId, court: h.court, circuit: h.circuit, onDate: input.nextDate, atTime: input.nextTime, type: input.nextType, nonWorkingReason: reason };
        patch.nextHearingId = insert(db, { ...next, createdBy: ctx.user?.id ?? null, createdAt: now });
        audit.push({ entity: 'hearing', entityId: String(patch.nextHearingId), after: { ...next, previousHearingId: h.id } });
        // Preparation: the case's lawyer (else its paralegal, else whoever records the result), N working days before.
        const assigneeId = caseWorker(db, k, 'lawyer') ?? ctx.user?.id ?? null;
        if (assigneeId === null) throw new CoreError('tasks.inactive_assignee', 'Nobody active to prepare the hearing');
        const prepOn = workingDaysBefore(input.nextDate, input.prepDays, ladder);
        const opts: FormatOptions = { lang: ctx.user?.lang ?? 'ar', digits: ctx.user?.digits ?? 'western' };
        task = createTask(db, sqlite, {
          caseId: h.caseId,
          title: prepTitle(input.nextDate, h.court, opts),
          assigneeId,
          // Preparation cannot be due in the past when the next hearing is close.
          dueOn: diffDays(today, prepOn) < 0 ? today : prepOn,
          priority: 'high',
          source: 'hearing',
          sourceId: patch.nextHearingId,
          createdBy: ctx.user?.id ?? null,
          createdAt: now,
        });
        audit.push({ entity: 'task', entityId: String(task.id), after: { caseId: h.caseId, source: 'hearing', title: task.title, assigneeId, dueOn: task.dueOn } });
      }
      if (!updateHearingVersioned(db, h.id, h.version, patch)) throw new CoreError('conflict.stale', 'The hearing was changed by someone else', row(sqlite, h.id));
      audit.unshift({ entity: 'hearing', entityId: String(h.id), before: { result: '', resultNotes: h.resultNotes, judgmentOn: h.judgmentOn }, after: patch });
      if (patch.judgmentOn !== null) {
        const judged = markJudgment(db, h.caseId, h.id, patch.judgmentOn, now, today, ladder);
        if (judged) audit.push(judged);
      }
      const next = patch.nextHearingId === null ? null : row(sqlite, patch.nextHearingId);
      return { result: { hearing: row(sqlite, h.id), next, task }, audit };
    });
  },

  'hearings.forCase': (ctx, input) => hearingsForCase(ctx.open().sqlite, input.caseId).map(hearingRow),

  'hearings.list': (ctx, input) => {
    const span = diffDays(input.from, input.to);
    if (span < 0 || span > MAX_LIST_DAYS) throw new CoreError('input.invalid', 'The range must be 0-366 days', [{ path: 'to', code: 'custom', message: 'validation.max' }]);
    return hearingsInRange(ctx.open().sqlite, input.from, input.to, { kind: 'office' }).map(hearingRow);
  },
};
