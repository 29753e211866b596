// How a procedure is declared: name `area.verb`, zod input, result type, who may call it, read or write.
import type { z } from 'zod';
import type { Permission } from './roles';

/**
 * - 'public': no session (status, set-up, login, recovery)
 * - 'session': any signed-in, unlocked user
 * - 'locked': a session that is locked by idle time (only unlock/logout)
 * - a Permission: a signed-in user whose role has it
 */
export type Access = 'public' | 'session' | 'locked' | Permission;

export interface ProcedureDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly access: Access;
  /** Writes run in one transaction and leave an audit entry. */
  readonly kind: 'read' | 'write';
  /** Phantom: carries the result type to the typed client. Never set at run time. */
  readonly output?: O;
}

/** Declare a procedure; the result type is given explicitly: `proc<User[]>()({...})`. */
export function proc<O>() {
  return <I extends z.ZodType>(def: { input: I; access: Access; kind: 'read' | 'write' }): ProcedureDef<I, O> =>
    def;
}
