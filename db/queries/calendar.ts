// Tasks and hearings (versioned writes, lists by person, case and date range) and the stored dates computed deadlines come from, read as index ranges.
import { and, eq } from 'drizzle-orm';
import type { Db, Sqlite } from '../open';
import { hearings, tasks } from '../schema';
import { cached } from './statements';

export type TaskRecord = typeof tasks.$inferSelect;
export type TaskInsert = typeof tasks.$inferInsert;
export type HearingRecord = typeof hearings.$inferSelect;
export type HearingInsert = typeof hearings.$inferInsert;

/** Whose work: everyone's, or one person's (tasks assigned to them; hearings and deadlines of cases they are lawyer or paralegal on). */
export type WorkScope = { kind: 'office' } | { kind: 'user'; userId: string };

export interface TaskListRow extends TaskRecord {
  caseReference: string | null;
  debtorName: string | null;
  assigneeName: string;
  doneByName: string | null;
}

export interface HearingListRow extends HearingRecord {
  caseReference: string;
  debtorName: string;
}

const TASK_SELECT = `SELECT t.id, t.case_id AS caseId, t.title, t.assignee_id AS assigneeId, t.due_on AS dueOn, t.due_time AS dueTime,
  t.priority, t.source, t.source_id AS sourceId, t.done_at AS doneAt, t.done_by AS doneBy, t.notes, t.created_by AS createdBy,
  t.created_at AS createdAt, t.version, c.reference AS caseReference, c.debtor_name AS debtorName,
  u.display_name AS assigneeName, d.display_name AS doneByName
  FROM tasks t LEFT JOIN cases c ON c.id = t.case_id JOIN users u ON u.id = t.assignee_id LEFT JOIN users d ON d.id = t.done_by`;

const HEARING_SELECT = `SELECT h.id, h.case_id AS caseId, h.court, h.circuit, h.on_date AS onDate, h.at_time AS atTime, h.type,
  h.non_working_reason AS nonWorkingReason, h.result, h.result_notes AS resultNotes, h.judgment_on AS judgmentOn,
  h.next_hearing_id AS nextHearingId, h.created_by AS createdBy, h.created_at AS createdAt, h.version,
  c.reference AS caseReference, c.debtor_name AS debtorName
  FROM hearings h JOIN cases c ON c.id = h.case_id`;

/** Cases a person works on; the two columns are indexed (cases_lawyer, cases_paralegal). */
const ASSIGNED_CASES = '(SELECT id FROM cases WHERE lawyer_id = @userId UNION SELECT id FROM cases WHERE paralegal_id = @userId)';

export function insertTask(db: Db, values: TaskInsert): TaskRecord {
  return db.insert(tasks).values(values).returning().get();
}

export function updateTaskVersioned(db: Db, id: number, version: number, values: Partial<TaskInsert>): boolean {
  return (
    db
      .update(tasks)
      .set({ ...values, version: version + 1 })
      .where(and(eq(tasks.id, id), eq(tasks.version, version)))
      .run().changes === 1
  );
}

export function getTaskRow(sqlite: Sqlite, id: number): TaskListRow | undefined {
  return cached(sqlite, `${TASK_SELECT} WHERE t.id = ?`).get(id) as TaskListRow | undefined;
}

export interface TaskListQuery {
  /** Assignee, or null for everyone. */
  assigneeId: string | null;
  /** Only tasks without a case or on cases this person is assigned to, besides their own (null = no restriction). */
  visibleTo: string | null;
  filter: 'open' | 'overdue' | 'today' | 'upcoming' | 'done' | 'all';
  caseId: number | null;
  today: string;
  limit: number;
}

const FILTER_SQL: Record<TaskListQuery['filter'], string> = {
  open: 't.done_at IS NULL',
  overdue: 't.done_at IS NULL AND t.due_on < @today',
  today: 't.done_at IS NULL AND t.due_on = @today',
  upcoming: 't.done_at IS NULL AND t.due_on > @today',
  done: 't.done_at IS NOT NULL',
  all: '1 = 1',
};

/** Tasks by person, state and case; served by tasks_assignee_open (assignee, done, due), tasks_case or tasks_due. */
export function listTasks(sqlite: Sqlite, q: TaskListQuery): TaskListRow[] {
  const where = [FILTER_SQL[q.filter]];
  if (q.assigneeId !== null) where.push('t.assignee_id = @assigneeId');
  if (q.caseId !== null) where.push('t.case_id = @caseId');
  if (q.visibleTo !== null) where.push(`(t.assignee_id = @visibleTo OR t.case_id IN ${ASSIGNED_CASES.replaceAll('@userId', '@visibleTo')})`);
  const order = q.filter === 'done' ? 't.done_at DESC, t.id DESC' : "t.due_on, coalesce(t.due_time, '99:99'), t.id";
  return cached(sqlite, `${TASK_SELECT} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit`).all({
    assigneeId: q.assigneeId,
    caseId: q.caseId,
    visibleTo: q.visibleTo,
    today: q.today,
    limit: q.limit,
  }) as TaskListRow[];
}

/** Open tasks due in [from, to] (tasks_due / tasks_assignee_open) and tasks done on those days are left to the Tasks page. */
export function tasksInRange(sqlite: Sqlite, from: string, to: string, scope: WorkScope): TaskListRow[] {
  const byUser = scope.kind === 'user' ? ' AND t.assignee_id = @userId' : '';
  return cached(sqlite, `${TASK_SELECT} WHERE t.due_on BETWEEN @from AND @to${byUser} ORDER BY t.due_on, coalesce(t.due_time, '99:99'), t.id`).all({
    from,
    to,
    userId: scope.kind === 'user' ? scope.userId : null,
  }) as TaskListRow[];
}

/** The open ladder task of a case for one stage's action (source_id = the stage's index). */
export function openLadderTask(sqlite: Sqlite, caseId: number, stageIndex: number): number | null {
  const row = cached(sqlite, "SELECT id FROM tasks WHERE case_id = ? AND source = 'ladder' AND source_id = ? AND done_at IS NULL LIMIT 1").get(caseId, stageIndex) as
    | { id: number }
    | undefined;
  return row?.id ?? null;
}

export function insertHearing(db: Db, values: HearingInsert): HearingRecord {
  return db.insert(hearings).values(values).returning().get();
}

export function updateHearingVersioned(db: Db, id: number, version: number, values: Partial<HearingInsert>): boolean {
  return (
    db
      .update(hearings)
      .set({ ...values, version: version + 1 })
      .where(and(eq(hearings.id, id), eq(hearings.version, version)))
      .run().changes === 1
  );
}

export function getHearingRow(sqlite: Sqlite, id: number): HearingListRow | undefined {
  return cached(sqlite, `${HEARING_SELECT} WHERE h.id = ?`).get(id) as HearingListRow | undefined;
}

export function hearingsForCase(sqlite: Sqlite, caseId: number): HearingListRow[] {
  return cached(sqlite, `${HEARING_SELECT} WHERE h.case_id = ? ORDER BY h.on_date DESC, h.id DESC`).all(caseId) as HearingListRow[];
}

/** Hearings on days in [from, to]: an index range on hearings_date. */
export function hearingsInRange(sqlite: Sqlite, from: string, to: string, scope: WorkScope): HearingListRow[] {
  const byUser = scope.kind === 'user' ? ` AND h.case_id IN ${ASSIGNED_CASES}` : '';
  return cached(sqlite, `${HEARING_SELECT} WHERE h.on_date BETWEEN @from AND @to${byUser} ORDER BY h.on_date, coalesce(h.at_time, '99:99'), h.id`).all({
    from,
    to,
    userId: scope.kind === 'user' ? scope.userId : null,
  }) as HearingListRow[];
}

/** What a case's deadlines are computed from. */
export interface DeadlineSourceRow {
  id: number;
  reference: string;
  debtorName: string;
  clientName: string;
  stage: string;
  dueDate: string | null;
  noticeDeliveredOn: string | null;
  demandDeliveredOn: string | null;
  judgmentOn: string | null;
  executionOrderNotifiedOn: string | null;
}

const OPEN_CASE = "c.stage <> 'closed' AND c.status NOT IN ('settled', 'closed_paid', 'closed_uncollectable', 'withdrawn')";
const PRE_FILING = "c.stage IN ('intake', 'reminder', 'follow_up', 'final_notice', 'demand')";
const LATEST_JUDGMENT = `(SELECT j.judgment_on FROM hearings j WHERE j.case_id = c.id AND j.result = 'judgment' AND j.judgment_on IS NOT NULL
  ORDER BY j.judgment_on DESC, j.id DESC LIMIT 1)`;
const LATEST_EXECUTION = `(SELECT e.on_date FROM hearings e WHERE e.case_id = c.id AND e.type = 'enforcement' ORDER BY e.on_date DESC, e.id DESC LIMIT 1)`;

export interface SourceWindows {
  notice: [string, string];
  demand: [string, string];
  /** Due dates whose limitation can end in range. */
  due: [string, string];
  judgment: [string, string];
  execution: [string, string];
}

/**
 * Cases that can have a deadline in a date range, found from the stored dates a deadline is computed from, each within
 * the window of source dates that can land in the range (see sourceWindow in electron/domain/deadlines.ts):
 * - due dates: an index range on cases_due (the expression coalesce(due_date, '9999-12-31'));
 * - judgments and execution-order notices: hearings (hearings_date covers the notice's date; judgments are few);
 * - notice and demand deliveries: the cases before filing (cases_stage), filtered on the delivery date.
 * Then each case found is computed whole, and the caller keeps the deadlines inside the range.
 */
export function deadlineSources(sqlite: Sqlite, w: SourceWindows, scope: WorkScope): DeadlineSourceRow[] {
  const byUser = scope.kind === 'user' ? ` AND c.id IN ${ASSIGNED_CASES}` : '';
  const candidates = `
    SELECT c.id FROM cases c WHERE coalesce(c.due_date, '9999-12-31') BETWEEN @dueFrom AND @dueTo AND ${PRE_FILING}
    UNION SELECT c.id FROM cases c WHERE ${PRE_FILING} AND c.notice_delivered_on BETWEEN @noticeFrom AND @noticeTo
    UNION SELECT c.id FROM cases c WHERE ${PRE_FILING} AND c.demand_delivered_on BETWEEN @demandFrom AND @demandTo
    UNION SELECT h.case_id FROM hearings h WHERE h.result = 'judgment' AND h.judgment_on BETWEEN @judgmentFrom AND @judgmentTo
    UNION SELECT h.case_id FROM hearings h WHERE h.type = 'enforcement' AND h.on_date BETWEEN @executionFrom AND @executionTo`;
  const sql = `SELECT c.id, c.reference, c.debtor_name AS debtorName, cl.name_ar AS clientName, c.stage, c.due_date AS dueDate,
      c.notice_delivered_on AS noticeDeliveredOn, c.demand_delivered_on AS demandDeliveredOn,
      ${LATEST_JUDGMENT} AS judgmentOn, ${LATEST_EXECUTION} AS executionOrderNotifiedOn
    FROM cases c JOIN clients cl ON cl.id = c.client_id
    WHERE c.id IN (${candidates}) AND ${OPEN_CASE}${byUser}`;
  return cached(sqlite, sql).all({
    dueFrom: w.due[0],
    dueTo: w.due[1],
    noticeFrom: w.notice[0],
    noticeTo: w.notice[1],
    demandFrom: w.demand[0],
    demandTo: w.demand[1],
    judgmentFrom: w.judgment[0],
    judgmentTo: w.judgment[1],
    executionFrom: w.execution[0],
    executionTo: w.execution[1],
    userId: scope.kind === 'user' ? scope.userId : null,
  }) as DeadlineSourceRow[];
}

/** One case's deadline sources (the case page). */
export function caseDeadlineSource(sqlite: Sqlite, caseId: number): DeadlineSourceRow | undefined {
  return cached(
    sqlite,
    `SELECT c.id, c.reference, c.debtor_name AS debtorName, cl.name_ar AS clientName, c.stage, c.due_date AS dueDate,
      c.notice_delivered_on AS noticeDeliveredOn, c.demand_delivered_on AS demandDeliveredOn,
      ${LATEST_JUDGMENT} AS judgmentOn, ${LATEST_EXECUTION} AS executionOrderNotifiedOn
    FROM cases c JOIN clients cl ON cl.id = c.client_id WHERE c.id = ? AND ${OPEN_CASE}`,
  ).get(caseId) as DeadlineSourceRow | undefined;
}

export interface PoaSourceRow {
  id: number;
  clientId: number;
  clientName: string;
  number: string;
  expiresOn: string | null;
}

/** Every power of attorney of the clients with one expiring in [from, to] (the whole set decides which one counts). */
export function poaSources(sqlite: Sqlite, from: string, to: string, scope: WorkScope): PoaSourceRow[] {
  const byUser = scope.kind === 'user' ? ` AND p.client_id IN (SELECT client_id FROM cases WHERE id IN ${ASSIGNED_CASES})` : '';
  return cached(
    sqlite,
    `SELECT p.id, p.client_id AS clientId, cl.name_ar AS clientName, p.number, p.expires_on AS expiresOn
     FROM powers_of_attorney p JOIN clients cl ON cl.id = p.client_id
     WHERE cl.archived = 0 AND p.client_id IN (SELECT client_id FROM powers_of_attorney WHERE expires_on BETWEEN @from AND @to)${byUser}`,
  ).all({ from, to, userId: scope.kind === 'user' ? scope.userId : null }) as PoaSourceRow[];
}
