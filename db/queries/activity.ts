// The communication log: entries and their corrections, a case's log, call attempts in a window, open disputes.
import { eq } from 'drizzle-orm';
import type { Db, Sqlite } from '../open';
import { communications, tasks } from '../schema';
import { cached } from './statements';

export type CommunicationRecord = typeof communications.$inferSelect;
export type CommunicationInsert = typeof communications.$inferInsert;

export function insertEntry(db: Db, values: CommunicationInsert): CommunicationRecord {
  return db.insert(communications).values(values).returning().get();
}

export function getEntry(db: Db, id: number): CommunicationRecord | undefined {
  return db.select().from(communications).where(eq(communications.id, id)).get();
}

/** The correction of an entry, if it has one (corrections stay on the entry's case: the case index finds it). */
export function correctionOf(sqlite: Sqlite, caseId: number, id: number): number | undefined {
  const row = cached(sqlite, 'SELECT id FROM communications WHERE case_id = ? AND corrects_id = ? LIMIT 1').get(caseId, id) as { id: number } | undefined;
  return row?.id;
}

/** A case's log with who and what beside each entry, newest first. */
export interface LogRow extends CommunicationRecord {
  partyName: string | null;
  partyRole: 'debtor' | 'guarantor' | null;
  userName: string | null;
  letterNumber: string | null;
}

const LOG_SELECT = `SELECT c.id, c.case_id AS caseId, c.party_id AS partyId, c.channel, c.direction, c.occurred_at AS occurredAt,
    c.user_id AS userId, c.outcome, c.notes, c.follow_up_on AS followUpOn, c.letter_id AS letterId, c.created_at AS createdAt,
    c.contact_name AS contactName, c.corrects_id AS correctsId, c.attachments, c.paid_minor AS paidMinor,
    c.override_reason AS overrideReason, c.overridden_rules AS overriddenRules,
    p.name AS partyName, cp.role AS partyRole, u.display_name AS userName, l.number AS letterNumber
  FROM communications c
  LEFT JOIN parties p ON p.id = c.party_id
  LEFT JOIN case_parties cp ON cp.case_id = c.case_id AND cp.party_id = c.party_id
  LEFT JOIN users u ON u.id = c.user_id
  LEFT JOIN letters l ON l.id = c.letter_id`;

export function caseLog(sqlite: Sqlite, caseId: number): LogRow[] {
  return cached(sqlite, `${LOG_SELECT} WHERE c.case_id = ? ORDER BY c.occurred_at DESC, c.id DESC`).all(caseId) as LogRow[];
}

export function logRow(sqlite: Sqlite, id: number): LogRow | undefined {
  return cached(sqlite, `${LOG_SELECT} WHERE c.id = ?`).get(id) as LogRow | undefined;
}

/** File names of the case's documents, for the attachment links. */
export function caseDocumentNames(sqlite: Sqlite, caseId: number): Map<number, string> {
  const rows = cached(sqlite, 'SELECT id, file_name AS fileName FROM documents WHERE case_id = ? AND removed_at IS NULL').all(caseId) as { id: number; fileName: string }[];
  return new Map(rows.map((r) => [r.id, r.fileName]));
}

/**
 * Outgoing calls to a party between two instants (inclusive) on cases of one client, each entry counted once in its
 * latest version (a corrected entry is replaced by its correction). Walks communications_party_channel.
 */
export function callAttempts(sqlite: Sqlite, q: { partyId: number; clientId: number; from: string; to: string; exceptId: number | null }): number {
  const row = cached(
    sqlite,
    `SELECT count(*) AS n FROM communications c JOIN cases k ON k.id = c.case_id
     WHERE c.party_id = ? AND c.channel = 'call' AND c.occurred_at >= ? AND c.occurred_at <= ?
       AND c.direction = 'out' AND k.client_id = ? AND c.id IS NOT ?
       AND NOT EXISTS (SELECT 1 FROM communications s WHERE s.case_id = c.case_id AND s.corrects_id = c.id)`,
  ).get(q.partyId, q.from, q.to, q.clientId, q.exceptId) as { n: number };
  return row.n;
}

/** Whether the case has an objection (dispute) that is not resolved. */
export function hasOpenDispute(sqlite: Sqlite, caseId: number): boolean {
  return cached(sqlite, "SELECT 1 FROM case_flags WHERE case_id = ? AND kind = 'dispute' AND resolved_at IS NULL LIMIT 1").get(caseId) !== undefined;
}

/** The follow-up a log entry asks for, as a task for the person who logged it. */
export function insertFollowUpTask(db: Db, t: { caseId: number; entryId: number; title: string; assigneeId: string; dueOn: string; at: string }): number {
  return db
    .insert(tasks)
    .values({ caseId: t.caseId, title: t.title, assigneeId: t.assigneeId, dueOn: t.dueOn, source: 'follow_up', sourceId: t.entryId, createdBy: t.assigneeId, createdAt: t.at })
    .returning({ id: tasks.id })
    .get().id;
}

/**
 * A contact logged on a case answers the follow-ups asked for before it: their tasks are marked done, so "follow-ups
 * due" is an index range over open tasks and the Tasks page agrees with it. Returns the tasks closed.
 */
export function answerFollowUps(db: Db, a: { caseId: number; entryId: number; occurredAt: string; at: string; by: string | null }): number[] {
  const rows = cached(
    db.$client,
    `UPDATE tasks SET done_at = ?, done_by = ?, version = version + 1
     WHERE case_id = ? AND source = 'follow_up' AND done_at IS NULL AND source_id <> ?
       AND source_id IN (SELECT id FROM communications WHERE case_id = ? AND occurred_at <= ?)
     RETURNING id`,
  ).all(a.at, a.by, a.caseId, a.entryId, a.caseId, a.occurredAt) as { id: number }[];
  return rows.map((r) => r.id);
}

/** A correction that moves or drops its entry's follow-up closes the old task (the new date, if any, gets its own). */
export function closeFollowUpOf(db: Db, entryId: number, at: string, by: string | null): number[] {
  const rows = cached(
    db.$client,
    `UPDATE tasks SET done_at = ?, done_by = ?, version = version + 1 WHERE source = 'follow_up' AND source_id = ? AND done_at IS NULL RETURNING id`,
  ).all(at, by, entryId) as { id: number }[];
  return rows.map((r) => r.id);
}
