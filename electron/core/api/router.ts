// The one entry point for every call, from IPC or HTTP: session, permission, input, service, audit, result.
import { type z } from 'zod';
import { isProcedureName, procedures, roleHas, type ApiResult, type FieldIssue, type ProcedureName } from '../../contract';
import { findUserById } from '../../../db/queries/users';
import { type CoreError, isCoreError, isDiskFull } from '../errors';
import { createCtx, type CoreState, type Handlers, type Handler } from './context';
import { afterLock } from '../services/auth/lock';

function fail(code: CoreError['code'], message: string, details?: unknown): ApiResult<never> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message }));
}

export type Router = (name: string, input: unknown, sessionToken: string | null) => Promise<ApiResult<unknown>>;

export function createRouter(core: CoreState, handlers: Handlers): Router {
  return async (name, rawInput, token) => {
    if (typeof name !== 'string' || !isProcedureName(name)) return fail('procedure.unknown', `Unknown procedure ${String(name)}`);
    const def = procedures[name];
    try {
      let session = null;
      let user = null;
      if (def.access !== 'public') {
        session = core.sessions.get(token) ?? null;
        if (!session) return fail('auth.required', 'Sign in first');
        const nowMs = core.now().getTime();
        if (core.sessions.lockIdle(nowMs, core.idleLockMinutes * 60_000).length > 0) afterLock(core);
        if (def.access !== 'locked') {
          if (session.locked) return fail('auth.locked', 'The session is locked');
          user = findUserById(core.vault.current().db, session.userId) ?? null;
          if (!user || !user.active) {
            core.sessions.end(session.token);
            afterLock(core);
            return fail('auth.inactive', 'This account is not active');
          }
          if (def.access !== 'session' && !roleHas(user.role, def.access)) {
            return fail('permission.denied', `The role ${user.role} may not call ${name}`);
          }
          session.lastSeen = nowMs;
        }
      }
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) return fail('input.invalid', 'The input is not valid', fieldIssues(parsed.error));
      const ctx = createCtx(core, name, session, user, def.kind);
      const handler = handlers[name] as Handler<ProcedureName>;
      const value = await handler(ctx, parsed.data);
      if (def.kind === 'write' && ctx.writes() === 0) throw new Error(`write procedure ${name} left no audit entry`);
      return { ok: true, value };
    } catch (e) {
      if (isCoreError(e)) return fail(e.code, e.message, e.details);
      // SQLite rolled the transaction back: say why in words the user can act on.
      if (isDiskFull(e)) return fail('storage.full', 'The disk is full; nothing was written');
      console.error(`[tahseel] ${name} failed:`, e);
      return fail('internal', 'Something went wrong; nothing was changed');
    }
  };
}
