// Rows the calendar procedures answer with, the records they require, and who does a case's work.
import type { HearingResult, HearingRow, HearingType, TaskRow, TaskSource } from '../../../contract/procedures/calendar';
import { isClosedStatus, type CaseStatus } from '../../../domain/ladder';
import type { Db, Sqlite } from '../../../../db/open';
import { getHearingRow, getTaskRow, type HearingListRow, type TaskListRow } from '../../../../db/queries/calendar';
import { getCase, type CaseRecord } from '../../../../db/queries/cases';
import { findUserById } from '../../../../db/queries/users';
import { CoreError } from '../../errors';

export function taskRow(t: TaskListRow): TaskRow {
  return {
    id: t.id,
    caseId: t.caseId,
    caseReference: t.caseReference,
    debtorName: t.debtorName,
    title: t.title,
    assigneeId: t.assigneeId,
    assigneeName: t.assigneeName,
    dueOn: t.dueOn,
    dueTime: t.dueTime,
    priority: t.priority,
    source: t.source as TaskSource,
    sourceId: t.sourceId,
    doneAt: t.doneAt,
    doneByName: t.doneByName,
    notes: t.notes,
    createdAt: t.createdAt,
    version: t.version,
  };
}

export function hearingRow(h: HearingListRow): HearingRow {
  return {
    id: h.id,
    caseId: h.caseId,
    caseReference: h.caseReference,
    debtorName: h.debtorName,
    court: h.court,
    circuit: h.circuit,
    onDate: h.onDate,
    atTime: h.atTime,
    type: h.type as HearingType,
    nonWorkingReason: h.nonWorkingReason,
    result: h.result === '' ? null : (h.result as HearingResult),
    resultNotes: h.resultNotes,
    judgmentOn: h.judgmentOn,
    nextHearingId: h.nextHearingId,
    createdAt: h.createdAt,
    version: h.version,
  };
}

export function requireTask(sqlite: Sqlite, id: number): TaskListRow {
  const t = getTaskRow(sqlite, id);
  if (!t) throw new CoreError('not_found', 'No such task');
  return t;
}

export function requireHearing(sqlite: Sqlite, id: number): HearingListRow {
  const h = getHearingRow(sqlite, id);
  if (!h) throw new CoreError('not_found', 'No such hearing');
  return h;
}

/** A case that exists and is open: closed cases take no new tasks or hearings. */
export function requireOpenCase(db: Db, id: number): CaseRecord {
  const k = getCase(db, id);
  if (!k) throw new CoreError('not_found', 'No such case');
  if (k.stage === 'closed' || isClosedStatus(k.status as CaseStatus)) throw new CoreError('cases.closed', 'The case is closed');
  return k;
}

/** The assignee must be an active user of the office. */
export function requireActiveAssignee(db: Db, userId: string): void {
  const u = findUserById(db, userId);
  if (!u) throw new CoreError('not_found', 'No such user', { field: 'assigneeId' });
  if (!u.active) throw new CoreError('tasks.inactive_assignee', 'The assignee is deactivated', { userId });
}

function activeId(db: Db, id: string | null): string | null {
  if (id === null) return null;
  return findUserById(db, id)?.active ? id : null;
}

/** Who does a case's work: `first` ('lawyer' or 'paralegal') if active, else the other, else null. */
export function caseWorker(db: Db, k: Pick<CaseRecord, 'lawyerId' | 'paralegalId'>, first: 'lawyer' | 'paralegal'): string | null {
  const lawyer = activeId(db, k.lawyerId);
  const paralegal = activeId(db, k.paralegalId);
  return first === 'lawyer' ? (lawyer ?? paralegal) : (paralegal ?? lawyer);
}
