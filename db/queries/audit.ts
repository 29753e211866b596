// The audit chain: append an entry linked to the previous one, list, and verify every link.
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

export function entryHash(prevHash: string, row: Omit<AuditDbRow, 'prev_hash' | 'hash'>): string {
  const payload = JSON.stringify([row.seq, row.at, row.user_id, row.action, row.entity, row.entity_id, row.before, row.after]);
  return createHash('sha256').update(prevHash).update('\n').update(payload).digest('hex');
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
  sqlite
    .prepare(
      `INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, before, after, prev_hash, hash)
       VALUES (@seq, @at, @user_id, @action, @entity, @entity_id, @before, @after, @prev_hash, @hash)`,
    )
    .run({ ...row, prev_hash: prevHash, hash: entryHash(prevHash, row) });
  return row.seq;
}

export type ChainCheck =
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBrokenSeq: number; reason: 'hash_mismatch' | 'prev_mismatch' | 'sequence_gap' };

/** Walk the whole chain in order; report the first entry whose link or content does not check. */
export function verifyAuditChain(sqlite: Sqlite): ChainCheck {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (const row of sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditDbRow>) {
    entries++;
    if (row.seq !== expectedSeq) return { ok: false, entries, firstBrokenSeq: expectedSeq, reason: 'sequence_gap' };
    if (row.prev_hash !== prevHash) return { ok: false, entries, firstBrokenSeq: row.seq, reason: 'prev_mismatch' };
    if (entryHash(prevHash, row) !== row.hash) return { ok: false, entries, firstBrokenSeq: row.seq, reason: 'hash_mismatch' };
    prevHash = row.hash;
    expectedSeq++;
  }
  return { ok: true, entries };
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
