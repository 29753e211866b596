// Promises to pay and case flags (disputes, holds): rows, the payments recorded on a case, and who did what.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { caseFlags, promises } from '../schema';
import { cached, preparedOnce } from './statements';

export type PromiseRecord = typeof promises.$inferSelect;
export type PromiseInsert = typeof promises.$inferInsert;
export type CaseFlagRecord = typeof caseFlags.$inferSelect;
export type CaseFlagInsert = typeof caseFlags.$inferInsert;

export function insertPromise(db: Db, values: PromiseInsert): PromiseRecord {
  return db.insert(promises).values(values).returning().get();
}

export function getPromise(db: Db, id: number): PromiseRecord | undefined {
  return db.select().from(promises).where(eq(promises.id, id)).get();
}

/** Every promise of the case, cancelled ones too, earliest due first. */
export function casePromises(db: Db, caseId: number): PromiseRecord[] {
  // Prepared once per connection: every case write computes its queue place from these (an import makes 50,000).
  const q = preparedOnce(db.$client, 'casePromises', () =>
    db
      .select()
      .from(promises)
      .where(eq(promises.caseId, sql.placeholder('caseId')))
      .orderBy(asc(promises.dueOn), asc(promises.id))
      .prepare(),
  );
  return q.all({ caseId });
}

export function cancelPromiseVersioned(db: Db, id: number, version: number, at: string): boolean {
  return (
    db
      .update(promises)
      .set({ cancelledAt: at, version: version + 1 })
      .where(and(eq(promises.id, id), eq(promises.version, version), isNull(promises.cancelledAt)))
      .run().changes === 1
  );
}

/** The stored state follows the payments; not a user's edit, so no version bump. */
export function setPromiseStanding(db: Db, id: number, state: string, keptMinor: number): void {
  cached(db.$client, 'UPDATE promises SET state = ?, kept_minor = ? WHERE id = ?').run(state, keptMinor, id);
}

/**
 * What the log recorded as paid on the case (outcome 'paid' with an amount), without entries a later correction
 * replaced: the correction's own row counts instead when it still says paid.
 */
export function recordedPayments(db: Db, caseId: number): { occurredAt: string; amountMinor: number }[] {
  return cached(
    db.$client,
    `SELECT c.occurred_at AS occurredAt, c.paid_minor AS amountMinor FROM communications c
     WHERE c.case_id = ? AND c.outcome = 'paid' AND c.paid_minor > 0
       AND NOT EXISTS (SELECT 1 FROM communications x WHERE x.case_id = c.case_id AND x.corrects_id = c.id)
     ORDER BY c.occurred_at, c.id`,
  ).all(caseId) as { occurredAt: string; amountMinor: number }[];
}

/** Why each cancelled promise was cancelled, from the audit trail (the promise row keeps only when). */
export function cancelReasons(db: Db, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = db.$client
    .prepare(
      `SELECT entity_id AS id, json_extract(after, '$.reason') AS reason FROM audit_log
       WHERE entity = 'promise' AND action = 'promises.cancel' AND entity_id IN (${ids.map(() => '?').join(',')})`,
    )
    .all(...ids.map(String)) as { id: string; reason: string | null }[];
  return new Map(rows.map((r) => [Number(r.id), r.reason ?? '']));
}

export function userNames(db: Db, ids: (string | null)[]): Map<string, string> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (wanted.length === 0) return new Map();
  const rows = db.$client.prepare(`SELECT id, display_name AS name FROM users WHERE id IN (${wanted.map(() => '?').join(',')})`).all(...wanted) as {
    id: string;
    name: string;
  }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function insertFlag(db: Db, values: CaseFlagInsert): CaseFlagRecord {
  return db.insert(caseFlags).values(values).returning().get();
}

export function getFlag(db: Db, id: number): CaseFlagRecord | undefined {
  return db.select().from(caseFlags).where(eq(caseFlags.id, id)).get();
}

/** Every flag of the case, newest first. */
export function caseFlagList(db: Db, caseId: number): CaseFlagRecord[] {
  return cached(
    db.$client,
    `SELECT id, case_id AS caseId, kind, reason, until_on AS untilOn, document_ids AS documentIds, opened_at AS openedAt,
       opened_by AS openedBy, resolved_at AS resolvedAt, resolved_by AS resolvedBy, resolution
     FROM case_flags WHERE case_id = ? ORDER BY id DESC`,
  ).all(caseId) as CaseFlagRecord[];
}

export function openFlags(db: Db, caseId: number): CaseFlagRecord[] {
  return caseFlagList(db, caseId).filter((f) => f.resolvedAt === null);
}

export function resolveFlagRow(db: Db, id: number, at: string, by: string | null, resolution: string): boolean {
  return cached(db.$client, 'UPDATE case_flags SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL').run(at, by, resolution, id).changes === 1;
}

export function communicationCase(db: Db, id: number): number | undefined {
  return (cached(db.$client, 'SELECT case_id AS caseId FROM communications WHERE id = ?').get(id) as { caseId: number } | undefined)?.caseId;
}

export function documentNames(db: Db, ids: number[]): Map<number, { fileName: string; caseId: number | null; removed: boolean }> {
  if (ids.length === 0) return new Map();
  const rows = db.$client
    .prepare(`SELECT id, file_name AS fileName, case_id AS caseId, removed_at AS removedAt FROM documents WHERE id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids) as { id: number; fileName: string; caseId: number | null; removedAt: string | null }[];
  return new Map(rows.map((r) => [r.id, { fileName: r.fileName, caseId: r.caseId, removed: r.removedAt !== null }]));
}
