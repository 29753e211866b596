// The audit chain: append an entry linked to the previous one, list, and verify every link.
//
// Two formats live in one chain. Entries written before migration 0024 (payload_sha256 NULL) hash their payload
// (before/after) directly. Entries since hash a digest of it — sha256 of [before, after] — stored beside it, so a PDPL
// erasure can remove the payload and the entry still verifies: its time, user, action, entity and link are checked as
// before, and the digest proves what was there without keeping it. An erased old-format entry keeps its links (the
// next entry still names its hash) but its own content can no longer be re-checked: verify counts those apart, and
// the erasure's own entry lists their hashes.
import { createHash } from 'node:crypto';
import type { Sqlite } from '../open';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  at: string;
  userId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

interface AuditDbRow {
  seq: number;
  payload_sha256: string | null;
  redacted_at: string | null;
  at: string;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

type HashedFields = Pick<AuditDbRow, 'seq' | 'at' | 'user_id' | 'action' | 'entity' | 'entity_id' | 'before' | 'after'>;

/** Old format (before migration 0024): the payload itself is in the hash. */
export function entryHash(prevHash: string, row: HashedFields): string {
  const payload = JSON.stringify([row.seq, row.at, row.user_id, row.action, row.entity, row.entity_id, row.before, row.after]);
  return createHash('sha256').update(prevHash).update('\n').update(payload).digest('hex');
}

/** The digest that stands for an entry's payload in the current format. */
export function payloadDigest(before: string | null, after: string | null): string {
  return createHash('sha256').update(JSON.stringify([before, after])).digest('hex');
}

/** Current format: the payload's digest is in the hash, so the payload can be erased and the entry still verifies. */
export function entryHashV2(prevHash: string, row: Omit<HashedFields, 'before' | 'after'>, payloadSha256: string): string {
  const fields = JSON.stringify([row.seq, row.at, row.user_id, row.action, row.entity, row.entity_id, payloadSha256]);
  return createHash('sha256').update(prevHash).update('\n').update('v2\n').update(fields).digest('hex');
}

/** Append one entry; call inside the write's transaction so the entry and the change commit together. */
export function appendAudit(sqlite: Sqlite, input: AuditInput): number {
  const last = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: input.at,
    user_id: input.userId,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId,
    before: json(input.before),
    after: json(input.after),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const digest = payloadDigest(row.before, row.after);
  sqlite
    .prepare(
      `INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, before, after, payload_sha256, prev_hash, hash)
       VALUES (@seq, @at, @user_id, @action, @entity, @entity_id, @before, @after, @payload_sha256, @prev_hash, @hash)`,
    )
    .run({ ...row, payload_sha256: digest, prev_hash: prevHash, hash: entryHashV2(prevHash, row, digest) });
  return row.seq;
}

export type ChainCheck =
  | { ok: true; entries: number; redacted: number; redactedLegacy: number }
  | { ok: false; entries: number; firstBrokenSeq: number; reason: 'hash_mismatch' | 'prev_mismatch' | 'sequence_gap' };

/** Whether one entry's own content checks against its hash (its link to the one before is checked by the caller). */
function entryChecks(prevHash: string, row: AuditDbRow): boolean {
  if (row.payload_sha256 === null) {
    // Old format: an erased payload cannot be re-hashed; its links are still checked.
    return row.redacted_at !== null ? row.before === null && row.after === null : entryHash(prevHash, row) === row.hash;
  }
  if (row.redacted_at === null && payloadDigest(row.before, row.after) !== row.payload_sha256) return false;
  if (row.redacted_at !== null && (row.before !== null || row.after !== null)) return false;
  return entryHashV2(prevHash, row, row.payload_sha256) === row.hash;
}

/** Walk the whole chain in order; report the first entry whose link or content does not check. */
export function verifyAuditChain(sqlite: Sqlite): ChainCheck {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  let redacted = 0;
  let redactedLegacy = 0;
  for (const row of sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditDbRow>) {
    entries++;
    if (row.seq !== expectedSeq) return { ok: false, entries, firstBrokenSeq: expectedSeq, reason: 'sequence_gap' };
    if (row.prev_hash !== prevHash) return { ok: false, entries, firstBrokenSeq: row.seq, reason: 'prev_mismatch' };
    if (!entryChecks(prevHash, row)) return { ok: false, entries, firstBrokenSeq: row.seq, reason: 'hash_mismatch' };
    if (row.redacted_at !== null) {
      redacted++;
      if (row.payload_sha256 === null) redactedLegacy++;
    }
    prevHash = row.hash;
    expectedSeq++;
  }
  return { ok: true, entries, redacted, redactedLegacy };
}

/** Entries about these records, e.g. { entity: 'case', entityIds: ['12', '13'] }. */
export interface AuditTarget {
  entity: string;
  entityIds: readonly string[];
}

/** Walk the targets' entries that still hold a payload, in chunks the SQL variable limit allows. */
function eachTargetChunk(targets: readonly AuditTarget[], fn: (entity: string, ids: readonly string[], marks: string) => void): void {
  const CHUNK = 500;
  for (const t of targets) {
    for (let i = 0; i < t.entityIds.length; i += CHUNK) {
      const ids = t.entityIds.slice(i, i + CHUNK);
      fn(t.entity, ids, ids.map(() => '?').join(','));
    }
  }
}

const HAS_PAYLOAD = '(before IS NOT NULL OR after IS NOT NULL) AND redacted_at IS NULL';

/** How many entries about these records still hold a payload (what an erasure would remove). */
export function countAuditPayloads(sqlite: Sqlite, targets: readonly AuditTarget[]): number {
  let n = 0;
  eachTargetChunk(targets, (entity, ids, marks) => {
    const row = sqlite
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = ? AND entity_id IN (${marks}) AND ${HAS_PAYLOAD}`)
      .get(entity, ...ids) as { n: number };
    n += row.n;
  });
  return n;
}

/** Remove the payload of these entries (already selected as holding one), noting the old-format ones. */
function redactSeqs(sqlite: Sqlite, seqs: readonly number[], at: string): { redacted: number; legacy: { seq: number; hash: string }[] } {
  let redacted = 0;
  const legacy: { seq: number; hash: string }[] = [];
  const CHUNK = 500;
  for (let i = 0; i < seqs.length; i += CHUNK) {
    const part = seqs.slice(i, i + CHUNK);
    const marks = part.map(() => '?').join(',');
    legacy.push(...(sqlite.prepare(`SELECT seq, hash FROM audit_log WHERE seq IN (${marks}) AND payload_sha256 IS NULL`).all(...part) as { seq: number; hash: string }[]));
    redacted += sqlite.prepare(`UPDATE audit_log SET before = NULL, after = NULL, redacted_at = ? WHERE seq IN (${marks}) AND ${HAS_PAYLOAD}`).run(at, ...part).changes;
  }
  legacy.sort((a, b) => a.seq - b.seq);
  return { redacted, legacy };
}

/**
 * Remove the payload (before/after) of every entry about these records: PDPL erasure. Call inside the erasure's
 * transaction. `legacy` lists the old-format entries among them (their content can no longer be re-checked): the
 * erasure records their hashes in its own entry.
 */
export function redactAuditPayloads(
  sqlite: Sqlite,
  targets: readonly AuditTarget[],
  at: string,
): { redacted: number; legacy: { seq: number; hash: string }[] } {
  const seqs: number[] = [];
  eachTargetChunk(targets, (entity, ids, marks) => {
    const rows = sqlite.prepare(`SELECT seq FROM audit_log WHERE entity = ? AND entity_id IN (${marks}) AND ${HAS_PAYLOAD}`).all(entity, ...ids) as { seq: number }[];
    for (const r of rows) seqs.push(r.seq);
  });
  return redactSeqs(sqlite, seqs, at);
}

/**
 * Entries of these kinds whose payload mentions any of the terms (e.g. a list export whose search filter was the
 * person's name or ID: such entries name no record, so they are found by what they say). Terms are matched as
 * stored: JSON keeps Arabic and digits as they are.
 */
export function auditEntriesMentioning(sqlite: Sqlite, entities: readonly string[], terms: readonly string[]): number[] {
  if (entities.length === 0 || terms.length === 0) return [];
  const hit = terms.map(() => '(instr(coalesce(before, \'\'), ?) > 0 OR instr(coalesce(after, \'\'), ?) > 0)').join(' OR ');
  const rows = sqlite
    .prepare(`SELECT seq FROM audit_log WHERE entity IN (${entities.map(() => '?').join(',')}) AND ${HAS_PAYLOAD} AND (${hit}) ORDER BY seq`)
    .all(...entities, ...terms.flatMap((t) => [t, t])) as { seq: number }[];
  return rows.map((r) => r.seq);
}

/** Remove the payload of entries found by auditEntriesMentioning (same rules as redactAuditPayloads). */
export function redactAuditEntries(sqlite: Sqlite, seqs: readonly number[], at: string): { redacted: number; legacy: { seq: number; hash: string }[] } {
  return redactSeqs(sqlite, seqs, at);
}

export function listAudit(
  sqlite: Sqlite,
  opts: { beforeSeq?: number; limit: number },
): { seq: number; at: string; userId: string | null; action: string; entity: string; entityId: string | null }[] {
  const rows = sqlite
    .prepare(
      `SELECT seq, at, user_id AS userId, action, entity, entity_id AS entityId FROM audit_log
       WHERE seq < ? ORDER BY seq DESC LIMIT ?`,
    )
    .all(opts.beforeSeq ?? Number.MAX_SAFE_INTEGER, opts.limit);
  return rows as { seq: number; at: string; userId: string | null; action: string; entity: string; entityId: string | null }[];
}
