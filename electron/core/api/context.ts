// What a service sees of the running app: the vault, the session, the clock, and the one way to write.
import type { ParsedInputOf, OutputOf, ProcedureName } from '../../contract';
import type { Db, OpenDatabase } from '../../../db/open';
import type { UserRecord } from '../../../db/queries/users';
import { appendAudit } from '../../../db/queries/audit';
import type { Session, Sessions } from '../sessions';
import type { Throttle } from '../throttle';
import type { Vault } from '../vault';
import type { Jobs } from '../jobs/jobs';

export interface CoreEvent {
  type: string;
  [key: string]: unknown;
}

/** The long-lived parts, one per running app. */
export interface CoreState {
  vault: Vault;
  sessions: Sessions;
  throttle: Throttle;
  now: () => Date;
  emit: (event: CoreEvent) => void;
  /** Cached from settings while the vault is open; the idle-lock sweep reads it. */
  idleLockMinutes: number;
  /** Background work (letter batches): progress, cancel, result. */
  jobs: Jobs;
}

export interface AuditChange {
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

export interface Ctx {
  readonly core: CoreState;
  readonly procedure: ProcedureName;
  readonly session: Session | null;
  readonly user: UserRecord | null;
  /** The open database for reads; throws `auth.locked` when the key is forgotten. */
  db(): Db;
  open(): OpenDatabase;
  /**
   * Run `change` in one transaction and append its audit entries in that same transaction,
   * so a change and its record commit together or not at all.
   */
  write<T>(change: (db: Db) => { result: T; audit: AuditChange | AuditChange[] }, actorId?: string | null): T;
  /** How many audited writes this call made: the router refuses a write procedure that made none. */
  writes(): number;
}

export type Handler<N extends ProcedureName> = (ctx: Ctx, input: ParsedInputOf<N>) => OutputOf<N> | Promise<OutputOf<N>>;
export type Handlers = { [N in ProcedureName]: Handler<N> };

export function createCtx(
  core: CoreState,
  procedure: ProcedureName,
  session: Session | null,
  user: UserRecord | null,
  kind: 'read' | 'write',
): Ctx {
  let writes = 0;
  return {
    core,
    procedure,
    session,
    user,
    db: () => core.vault.current().db,
    open: () => core.vault.current(),
    write(change, actorId) {
      if (kind !== 'write') throw new Error(`read procedure ${procedure} attempted a write`);
      const { sqlite, db } = core.vault.current();
      const at = core.now().toISOString();
      const result = sqlite.transaction(() => {
        const out = change(db);
        for (const a of Array.isArray(out.audit) ? out.audit : [out.audit]) {
          appendAudit(sqlite, {
            at,
            userId: actorId === undefined ? (user?.id ?? null) : actorId,
            action: procedure,
            entity: a.entity,
            entityId: a.entityId,
            before: a.before ?? null,
            after: a.after ?? null,
          });
        }
        return out.result;
      })();
      writes++;
      return result;
    },
    writes: () => writes,
  };
}
