// Tasks: create, edit and reassign (audited with the assignee before and after), complete and reopen, lists by person, and the ladder's next action as a task.
import { roleHas } from '../../../contract';
import type { LadderTaskOffer, TaskRow } from '../../../contract/procedures/calendar';
import { todayIso } from '../../../domain/dates';
import { ladderStage, STAGES, type Stage } from '../../../domain/ladder';
import type { Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import type { Db, Sqlite } from '../../../../db/open';
import { insertTask, listTasks, openLadderTask, updateTaskVersioned, type TaskListRow } from '../../../../db/queries/calendar';
import type { CaseRecord } from '../../../../db/queries/cases';
import { loadLadder } from '../cases/facts';
import { caseWorker, requireActiveAssignee, requireOpenCase, requireTask, taskRow } from './rows';

type TaskHandlers = Pick<
  Handlers,
  'tasks.create' | 'tasks.update' | 'tasks.complete' | 'tasks.reopen' | 'tasks.list' | 'tasks.ladderOffer' | 'tasks.fromLadder'
>;

/** Stages whose work is the lawyer's (filing, hearings, enforcement, closing the file); the others the paralegal's first. */
const LAWYER_STAGES: readonly Stage[] = ['demand', 'litigation', 'enforcement', 'closed'];

function stale(sqlite: Sqlite, id: number): CoreError {
  return new CoreError('conflict.stale', 'The task was changed by someone else', taskRow(requireTask(sqlite, id)));
}

function auditValues(t: Pick<TaskListRow, 'title' | 'assigneeId' | 'dueOn' | 'dueTime' | 'priority' | 'notes'>): Record<string, unknown> {
  return { title: t.title, assigneeId: t.assigneeId, dueOn: t.dueOn, dueTime: t.dueTime, priority: t.priority, notes: t.notes };
}

/** The ladder's expected next action for a case: the step due (or the current stage's work when none is), its date and its worker. */
export function ladderOffer(db: Db, sqlite: Sqlite, k: CaseRecord, lang: 'ar' | 'en', today: string): LadderTaskOffer {
  const stage = (k.escalationNextStage ?? k.stage) as Stage;
  const entry = ladderStage(stage, loadLadder(db));
  const title = (lang === 'en' ? entry.nextActionEn : entry.nextActionAr).trim() || (lang === 'en' ? entry.nameEn : entry.nameAr);
  return {
    title,
    stage,
    dueOn: k.escalationDueOn ?? today,
    assigneeId: caseWorker(db, k, LAWYER_STAGES.includes(stage) ? 'lawyer' : 'paralegal'),
    existingTaskId: openLadderTask(sqlite, k.id, STAGES.indexOf(stage)),
  };
}

/** Insert a task and answer its row with names; the caller audits. */
export function createTask(
  db: Db,
  sqlite: Sqlite,
  values: Omit<Parameters<typeof insertTask>[1], 'createdAt'> & { createdAt: string },
): TaskRow {
  const t = insertTask(db, values);
  return taskRow(requireTask(sqlite, t.id));
}

export const taskHandlers: TaskHandlers = {
  'tasks.create': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const { sqlite } = ctx.open();
    return ctx.write((db) => {
      if (input.caseId !== null) requireOpenCase(db, input.caseId);
      requireActiveAssignee(db, input.assigneeId);
      const row = createTask(db, sqlite, { ...input, source: 'manual', createdBy: ctx.user?.id ?? null, createdAt: now });
      return { result: row, audit: { entity: 'task', entityId: String(row.id), after: { caseId: input.caseId, source: 'manual', ...auditValues(row) } } };
    });
  },

  'tasks.update': (ctx, input) => {
    const { sqlite } = ctx.open();
    return ctx.write((db) => {
      const current = requireTask(sqlite, input.id);
      if (input.assigneeId !== current.assigneeId) requireActiveAssignee(db, input.assigneeId);
      const { id, version, ...patch } = input;
      if (!updateTaskVersioned(db, id, version, patch)) throw stale(sqlite, id);
      const row = taskRow(requireTask(sqlite, id));
      return { result: row, audit: { entity: 'task', entityId: String(id), before: auditValues(current), after: auditValues(row) } };
    });
  },

  'tasks.complete': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const { sqlite } = ctx.open();
    return ctx.write((db) => {
      const current = requireTask(sqlite, input.id);
      if (current.doneAt !== null || !updateTaskVersioned(db, input.id, input.version, { doneAt: now, doneBy: ctx.user?.id ?? null })) throw stale(sqlite, input.id);
      return { result: taskRow(requireTask(sqlite, input.id)), audit: { entity: 'task', entityId: String(input.id), before: { doneAt: null }, after: { doneAt: now } } };
    });
  },

  'tasks.reopen': (ctx, input) => {
    const { sqlite } = ctx.open();
    return ctx.write((db) => {
      const current = requireTask(sqlite, input.id);
      if (current.doneAt === null || !updateTaskVersioned(db, input.id, input.version, { doneAt: null, doneBy: null })) throw stale(sqlite, input.id);
      return {
        result: taskRow(requireTask(sqlite, input.id)),
        audit: { entity: 'task', entityId: String(input.id), before: { doneAt: current.doneAt, doneBy: current.doneBy }, after: { doneAt: null } },
      };
    });
  },

  'tasks.list': (ctx, input) => {
    const me = ctx.user?.id ?? '';
    const seesOffice = ctx.user ? roleHas(ctx.user.role, 'dashboard.office') : false;
    const assigneeId = input.scope === 'mine' ? me : input.scope === 'office' ? null : input.scope.userId;
    // Others' tasks without dashboard.office: only those on the caller's own cases.
    const visibleTo = seesOffice || assigneeId === me ? null : me;
    const rows = listTasks(ctx.open().sqlite, {
      assigneeId,
      visibleTo,
      filter: input.filter,
      caseId: input.caseId,
      today: todayIso(ctx.core.now()),
      limit: input.limit,
    });
    return rows.map(taskRow);
  },

  'tasks.ladderOffer': (ctx, input) => {
    const db = ctx.db();
    return ladderOffer(db, ctx.open().sqlite, requireOpenCase(db, input.caseId), ctx.user?.lang ?? 'ar', todayIso(ctx.core.now()));
  },

  'tasks.fromLadder': (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const today = todayIso(ctx.core.now());
    const { sqlite } = ctx.open();
    return ctx.write((db) => {
      const k = requireOpenCase(db, input.caseId);
      const offer = ladderOffer(db, sqlite, k, ctx.user?.lang ?? 'ar', today);
      if (offer.existingTaskId !== null) throw new CoreError('tasks.exists', 'An open task for this action exists', { id: offer.existingTaskId });
      const assigneeId = offer.assigneeId ?? ctx.user?.id;
      if (!assigneeId) throw new CoreError('tasks.inactive_assignee', 'Nobody active to assign the task to');
      const row = createTask(db, sqlite, {
        caseId: k.id,
        title: offer.title,
        assigneeId,
        dueOn: offer.dueOn,
        priority: 'normal',
        source: 'ladder',
        sourceId: STAGES.indexOf(offer.stage),
        createdBy: ctx.user?.id ?? null,
        createdAt: now,
      });
      return { result: row, audit: { entity: 'task', entityId: String(row.id), after: { caseId: k.id, source: 'ladder', stage: offer.stage, ...auditValues(row) } } };
    });
  },
};
