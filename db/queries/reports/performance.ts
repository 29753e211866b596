// Performance per person over a period: contacts logged, promises made and kept, letters sent, cases advanced, collected.
import type { Sqlite } from '../../open';
import { STAGES } from '../../../electron/domain/ladder-config';
import { caseCondition, type CaseDims, type ReportScope } from './filter';

/** A stage's place on the ladder (for "advanced": a move to a later stage). */
export const stageOrderSql = (column: string): string =>
  `(CASE ${column} ${STAGES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END)`;

/** Log entries that count as contacts: not letters (counted as letters sent) and not corrections. */
export const CONTACT_SQL = "c.channel <> 'letter' AND c.corrects_id IS NULL";
/** Stage moves that advance a case: to a later stage of the ladder, closing not counted. */
export const ADVANCE_SQL = `m.from_stage IS NOT NULL AND m.to_stage <> 'closed' AND ${stageOrderSql('m.to_stage')} > ${stageOrderSql('m.from_stage')}`;
/** Who a payment counts for: the case's lawyer, else its paralegal. */
export const COLLECTOR_SQL = 'coalesce(k.lawyer_id, k.paralegal_id)';

export interface PerformanceCounts {
  userId: string | null;
  n: number;
}
export interface PerformancePeriod {
  from: string;
  to: string;
  /** The period as instants (UTC ISO, [fromAt, toAt)), for columns stored as timestamps. */
  fromAt: string;
  toAt: string;
}

export interface PerformanceRaw {
  contacts: PerformanceCounts[];
  promisesMade: PerformanceCounts[];
  promisesKept: PerformanceCounts[];
  lettersSent: PerformanceCounts[];
  casesAdvanced: PerformanceCounts[];
  collected: { userId: string | null; currency: string; minor: number }[];
}

/**
 * The office's contacts and advances per person without a sort: one streaming count over each person's range of
 * communications_person / stage_moves_person (the people are few; `null` is the row of entries with no person).
 */
function officePerPerson(sqlite: Sqlite, p: PerformancePeriod, userIds: readonly string[]): Pick<PerformanceRaw, 'contacts' | 'casesAdvanced'> {
  const people: (string | null)[] = [...userIds, null];
  const contacts = (who: string | null): number =>
    (
      sqlite
        .prepare(
          `SELECT count(*) AS n FROM communications c INDEXED BY communications_person
            WHERE c.user_id ${who === null ? 'IS NULL' : '= ?'} AND c.occurred_at >= ? AND c.occurred_at < ? AND ${CONTACT_SQL}`,
        )
        .get(...(who === null ? [] : [who]), p.fromAt, p.toAt) as { n: number }
    ).n;
  const advanced = (who: string | null): number =>
    (
      sqlite
        .prepare(
          `SELECT count(*) AS n FROM stage_moves m INDEXED BY stage_moves_person
            WHERE m.by_user_id ${who === null ? 'IS NULL' : '= ?'} AND m.on_date BETWEEN ? AND ? AND ${ADVANCE_SQL}`,
        )
        .get(...(who === null ? [] : [who]), p.from, p.to) as { n: number }
    ).n;
  const rows = (f: (who: string | null) => number): PerformanceCounts[] =>
    people.map((userId) => ({ userId, n: f(userId) })).filter((r) => r.n > 0);
  return { contacts: rows(contacts), casesAdvanced: rows(advanced) };
}

/** Each measure is one index range over its own table's date (communications_occurred, promises_created, …). */
export function performanceRaw(sqlite: Sqlite, p: PerformancePeriod, dims: CaseDims, scope: ReportScope): PerformanceRaw {
  const c = caseCondition(dims, scope);
  const office = c.sql === '1' ? officePerPerson(sqlite, p, (sqlite.prepare('SELECT id FROM users').all() as { id: string }[]).map((u) => u.id)) : null;
  // With no case condition (the office, unfiltered) the counts need no case row: each is its index range alone.
  const cases = (alias: string): string => (c.sql === '1' ? '' : `JOIN cases k ON k.id = ${alias}.case_id`);
  const count = (sql: string, ...bounds: string[]): PerformanceCounts[] => sqlite.prepare(sql).all(...bounds, ...c.params) as PerformanceCounts[];
  return {
    contacts:
      office?.contacts ??
      count(
        `SELECT c.user_id AS userId, count(*) AS n FROM communications c ${cases('c')}
          WHERE c.occurred_at >= ? AND c.occurred_at < ? AND ${CONTACT_SQL} AND ${c.sql} GROUP BY c.user_id`,
        p.fromAt,
        p.toAt,
      ),
    promisesMade: count(
      `SELECT r.created_by AS userId, count(*) AS n FROM promises r ${cases('r')}
        WHERE r.created_at >= ? AND r.created_at < ? AND r.cancelled_at IS NULL AND ${c.sql} GROUP BY r.created_by`,
      p.fromAt,
      p.toAt,
    ),
    promisesKept: count(
      `SELECT r.created_by AS userId, count(*) AS n FROM promises r ${cases('r')}
        WHERE r.created_at >= ? AND r.created_at < ? AND r.cancelled_at IS NULL AND r.state = 'kept' AND ${c.sql} GROUP BY r.created_by`,
      p.fromAt,
      p.toAt,
    ),
    lettersSent: count(
      `SELECT l.created_by AS userId, count(*) AS n FROM letters l ${cases('l')}
        WHERE l.sent_on BETWEEN ? AND ? AND l.voided_at IS NULL AND ${c.sql} GROUP BY l.created_by`,
      p.from,
      p.to,
    ),
    casesAdvanced:
      office?.casesAdvanced ??
      count(
        `SELECT m.by_user_id AS userId, count(*) AS n FROM stage_moves m ${cases('m')}
          WHERE m.on_date BETWEEN ? AND ? AND ${ADVANCE_SQL} AND ${c.sql} GROUP BY m.by_user_id`,
        p.from,
        p.to,
      ),
    collected: sqlite
      .prepare(
        `SELECT ${COLLECTOR_SQL} AS userId, k.currency, sum(p.amount_minor) AS minor FROM payments p JOIN cases k ON k.id = p.case_id
          WHERE p.on_date BETWEEN ? AND ? AND ${c.sql} GROUP BY userId, k.currency`,
      )
      .all(p.from, p.to, ...c.params) as PerformanceRaw['collected'],
  };
}

/** Every user's name and role (a report names the people in its rows, deactivated ones included). */
export function people(sqlite: Sqlite): { id: string; name: string; role: string }[] {
  return sqlite.prepare('SELECT id, display_name AS name, role FROM users').all() as { id: string; name: string; role: string }[];
}
