// The "today" dashboard's sections: each one an index range (checked with EXPLAIN QUERY PLAN in the tests and bench).
import type { Sqlite } from '../open';
import { cached } from './statements';

/** Whose dashboard: one person (their cases, their entries, their tasks) or the whole office (null). */
export type DashboardWho = string | null;

/**
 * "The user's cases": the lawyer or the paralegal of the case. The unary `+` keeps the planner on each section's own
 * date range (an OR over cases_lawyer and cases_paralegal would walk every case the person has).
 */
const MINE = '(+k.lawyer_id = ? OR +k.paralegal_id = ?)';

/**
 * Counts stop here and say "more": a section with a thousand rows is read as "a thousand or more", and no count walks
 * more than this many matching rows.
 */
export const COUNT_CAP = 999;

function run<T>(sqlite: Sqlite, sql: string, params: unknown[]): T[] {
  return cached(sqlite, sql).all(...params) as T[];
}

function countOf(sqlite: Sqlite, sql: string, params: unknown[]): number {
  return (cached(sqlite, sql).get(...params) as { n: number }).n;
}

/** A section: the whole count and its first `limit` rows, from the same FROM/WHERE. */
export interface SectionRecords<T> {
  count: number;
  /** More rows than COUNT_CAP match: `count` is the cap. */
  capped: boolean;
  rows: T[];
}

function section<T>(
  sqlite: Sqlite,
  q: { select: string; from: string; order: string; countFrom?: string },
  params: unknown[],
  limit: number,
): SectionRecords<T> {
  const n = countOf(sqlite, `SELECT count(*) AS n FROM (SELECT 1 ${q.countFrom ?? q.from} LIMIT ${COUNT_CAP + 1})`, params);
  return {
    count: Math.min(n, COUNT_CAP),
    capped: n > COUNT_CAP,
    rows: run<T>(sqlite, `SELECT ${q.select} ${q.from} ORDER BY ${q.order} LIMIT ?`, [...params, limit]),
  };
}

const CASE_REF = 'k.id AS caseId, k.reference, k.debtor_name AS debtorName';

export interface FollowUpRecord {
  caseId: number;
  reference: string;
  debtorName: string;
  communicationId: number;
  followUpOn: string;
  channel: string;
  outcome: string;
  byName: string | null;
}

/**
 * Follow-ups due or overdue. The log makes every follow-up date a task for whoever logged it (source 'follow_up',
 * source_id = the entry) and marks it done when a later contact on the case answers it (or a correction moves it),
 * so the section is the open follow-up tasks due on or before today: an index range (tasks_assignee_source_due, or
 * tasks_source_due for the office). Closed cases have nothing to follow up.
 */
export function followUpsDue(sqlite: Sqlite, who: DashboardWho, today: string, limit: number): SectionRecords<FollowUpRecord> {
  const where = `WHERE t.source = 'follow_up' AND t.done_at IS NULL AND t.due_on <= ? ${who ? 'AND t.assignee_id = ?' : ''} AND k.stage <> 'closed'`;
  return section<FollowUpRecord>(
    sqlite,
    {
      select: `${CASE_REF}, c.id AS communicationId, t.due_on AS followUpOn, c.channel, c.outcome,
        (SELECT display_name FROM users WHERE id = c.user_id) AS byName`,
      from: `FROM tasks t JOIN cases k ON k.id = t.case_id JOIN communications c ON c.id = t.source_id ${where}`,
      countFrom: `FROM tasks t JOIN cases k ON k.id = t.case_id ${where}`,
      order: 't.due_on, t.id',
    },
    who ? [today, who] : [today],
    limit,
  );
}

export interface TaskDueRecord {
  taskId: number;
  caseId: number | null;
  reference: string | null;
  debtorName: string | null;
  title: string;
  dueOn: string;
  dueTime: string | null;
  priority: 'low' | 'normal' | 'high';
  assigneeName: string;
}

/** Tasks not done and due on or before today, by assignee: tasks_assignee_open (or tasks_due for the office). Follow-up tasks are the follow-ups section. */
export function tasksDue(sqlite: Sqlite, who: DashboardWho, today: string, limit: number): SectionRecords<TaskDueRecord> {
  return section<TaskDueRecord>(
    sqlite,
    {
      select: `t.id AS taskId, t.case_id AS caseId, k.reference, k.debtor_name AS debtorName, t.title, t.due_on AS dueOn,
        t.due_time AS dueTime, t.priority, (SELECT display_name FROM users WHERE id = t.assignee_id) AS assigneeName`,
      from: `FROM tasks t LEFT JOIN cases k ON k.id = t.case_id WHERE t.done_at IS NULL AND t.due_on <= ? ${who ? 'AND t.assignee_id = ?' : ''} AND t.source <> 'follow_up'`,
      order: 't.due_on, t.id',
    },
    who ? [today, who] : [today],
    limit,
  );
}

export interface BrokenPromiseRecord {
  caseId: number;
  reference: string;
  debtorName: string;
  promiseId: number;
  dueOn: string;
  amountMinor: number;
  keptMinor: number;
  currency: string;
}

/**
 * Broken (or partly kept) promises still waiting for the office: the state is decided at read as the promises
 * service does — not kept in full, not cancelled, and past its last day (`before` = the first due date still open),
 * whatever the stored state says yet. Only a case's latest promise counts (a new promise answers an old broken one),
 * only if made since the case entered its stage (a stage move is the office's answer), and only on open cases.
 * One walk of promises_state_due per stored state, newest due date first, merged here (no sort over every match).
 */
export function brokenPromises(sqlite: Sqlite, who: DashboardWho, before: string, limit: number): SectionRecords<BrokenPromiseRecord> {
  const parts = (['broken', 'partly_kept', 'open'] as const).map((state) =>
    section<BrokenPromiseRecord>(
      sqlite,
      {
        select: `${CASE_REF}, p.id AS promiseId, p.due_on AS dueOn, p.amount_minor AS amountMinor, p.kept_minor AS keptMinor, p.currency`,
        from: `FROM promises p JOIN cases k ON k.id = p.case_id
          WHERE p.state = '${state}' AND p.due_on < ? AND p.cancelled_at IS NULL AND p.kept_minor < p.amount_minor
            AND k.stage <> 'closed' AND date(p.created_at, '+3 hours') >= k.stage_entered_on ${who ? `AND ${MINE}` : ''}
            AND NOT EXISTS (SELECT 1 FROM promises q WHERE q.case_id = p.case_id AND q.cancelled_at IS NULL
              AND (q.due_on > p.due_on OR (q.due_on = p.due_on AND q.id > p.id)))`,
        order: 'p.due_on DESC, p.id DESC',
      },
      who ? [before, who, who] : [before],
      limit,
    ),
  );
  const count = parts.reduce((sum, x) => sum + x.count, 0);
  const rows = parts
    .flatMap((x) => x.rows)
    .sort((a, b) => (a.dueOn === b.dueOn ? b.promiseId - a.promiseId : a.dueOn < b.dueOn ? 1 : -1))
    .slice(0, limit);
  return { count: Math.min(count, COUNT_CAP), capped: count > COUNT_CAP || parts.some((x) => x.capped), rows };
}

export interface EscalationDueRecord {
  caseId: number;
  reference: string;
  debtorName: string;
  nextStage: string | null;
  dueOn: string;
  reason: string | null;
}

/** The escalation queue for a person's cases (or the office's): cases_escalation is the range. */
export function escalationsDue(sqlite: Sqlite, who: DashboardWho, today: string, limit: number): SectionRecords<EscalationDueRecord> {
  return section<EscalationDueRecord>(
    sqlite,
    {
      select: `${CASE_REF}, k.escalation_next_stage AS nextStage, k.escalation_due_on AS dueOn, k.escalation_reason AS reason`,
      from: `FROM cases k WHERE k.escalation_due_on <= ? ${who ? `AND ${MINE}` : ''}`,
      order: 'k.escalation_due_on, k.id',
    },
    who ? [today, who, who] : [today],
    limit,
  );
}

export interface HearingSoonRecord {
  caseId: number;
  reference: string;
  debtorName: string;
  hearingId: number;
  onDate: string;
  atTime: string | null;
  court: string;
  circuit: string;
  type: string;
}

/** Hearings from today to `until` with no result recorded yet: hearings_date is the range. */
export function hearingsSoon(sqlite: Sqlite, who: DashboardWho, today: string, until: string, limit: number): SectionRecords<HearingSoonRecord> {
  return section<HearingSoonRecord>(
    sqlite,
    {
      select: `${CASE_REF}, h.id AS hearingId, h.on_date AS onDate, h.at_time AS atTime, h.court, h.circuit, h.type`,
      from: `FROM hearings h JOIN cases k ON k.id = h.case_id WHERE h.on_date BETWEEN ? AND ? AND h.result = '' ${who ? `AND ${MINE}` : ''}`,
      // The office's count needs no case (every hearing has one).
      countFrom: who ? undefined : "FROM hearings h WHERE h.on_date BETWEEN ? AND ? AND h.result = ''",
      order: 'h.on_date, h.id',
    },
    who ? [today, until, who, who] : [today, until],
    limit,
  );
}

export interface NextStepRecord {
  caseId: number;
  reference: string;
  debtorName: string;
  dueOn: string;
  nextStage: string | null;
}

/** The ladder's next step becoming possible between `from` and `until` (statutory waits ending): cases_escalation. */
export function nextStepsSoon(sqlite: Sqlite, who: DashboardWho, from: string, until: string, limit: number): SectionRecords<NextStepRecord> {
  return section<NextStepRecord>(
    sqlite,
    {
      select: `${CASE_REF}, k.escalation_due_on AS dueOn, k.escalation_next_stage AS nextStage`,
      from: `FROM cases k WHERE k.escalation_due_on BETWEEN ? AND ? ${who ? `AND ${MINE}` : ''}`,
      order: 'k.escalation_due_on, k.id',
    },
    who ? [from, until, who, who] : [from, until],
    limit,
  );
}

export interface JudgmentRecord {
  caseId: number;
  reference: string;
  debtorName: string;
  judgmentOn: string;
}

/** Judgments dated from `since` to `until` on open cases: their appeal windows may end soon (hearings_judgment). */
export function recentJudgments(sqlite: Sqlite, who: DashboardWho, since: string, until: string): JudgmentRecord[] {
  return run<JudgmentRecord>(
    sqlite,
    `SELECT DISTINCT ${CASE_REF}, h.judgment_on AS judgmentOn FROM hearings h JOIN cases k ON k.id = h.case_id
     WHERE h.judgment_on BETWEEN ? AND ? AND k.stage <> 'closed' ${who ? `AND ${MINE}` : ''}`,
    who ? [since, until, who, who] : [since, until],
  );
}

export interface DueDateRecord {
  caseId: number;
  reference: string;
  debtorName: string;
  dueDate: string;
}

/** Open cases whose due date falls in [from, until] (limitation = due date + N years): the cases_due expression index. */
export function casesDueBetween(sqlite: Sqlite, who: DashboardWho, from: string, until: string): DueDateRecord[] {
  return run<DueDateRecord>(
    sqlite,
    `SELECT ${CASE_REF}, k.due_date AS dueDate FROM cases k
     WHERE coalesce(k.due_date, '9999-12-31') BETWEEN ? AND ? AND k.stage <> 'closed' ${who ? `AND ${MINE}` : ''}`,
    who ? [from, until, who, who] : [from, until],
  );
}

export interface PoaExpiryRecord {
  poaId: number;
  clientId: number;
  clientName: string;
  number: string;
  expiresOn: string;
  caseId: number;
  reference: string;
}

/**
 * Powers of attorney expired or expiring by `until`, for clients with an open case in scope, unless the client holds
 * another power valid beyond `until`. The table holds one or two rows per client (a few thousand) and is scanned; the
 * row opens the client's oldest open case in scope (cases_client, stopping at the first).
 */
export function poaExpiries(sqlite: Sqlite, who: DashboardWho, until: string): PoaExpiryRecord[] {
  const expiring = run<Omit<PoaExpiryRecord, 'caseId' | 'reference'>>(
    sqlite,
    `SELECT a.id AS poaId, a.client_id AS clientId, c.name_ar AS clientName, a.number, a.expires_on AS expiresOn
     FROM powers_of_attorney a JOIN clients c ON c.id = a.client_id
     WHERE a.expires_on IS NOT NULL AND a.expires_on <= ?
       AND NOT EXISTS (SELECT 1 FROM powers_of_attorney b WHERE b.client_id = a.client_id AND b.id <> a.id AND (b.expires_on IS NULL OR b.expires_on > ?))
     ORDER BY a.expires_on, a.id`,
    [until, until],
  );
  const firstOpen = cached(
    sqlite,
    `SELECT k.id AS caseId, k.reference FROM cases k WHERE k.client_id = ? AND +k.stage <> 'closed' ${who ? `AND ${MINE}` : ''}
     ORDER BY k.opened_on, k.id LIMIT 1`,
  );
  return expiring.flatMap((p) => {
    const k = firstOpen.get(...(who ? [p.clientId, who, who] : [p.clientId])) as { caseId: number; reference: string } | undefined;
    return k ? [{ ...p, ...k }] : [];
  });
}
