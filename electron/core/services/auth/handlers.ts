// Set-up, login, lock/unlock, recovery and password changes.
import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import { findUserById, findUserByUsername, insertUser, updateUser, type UserRecord } from '../../../../db/queries/users';
import { saveOffice } from '../../../../db/queries/office';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../office/settings';
import { afterLock } from './lock';
import { passwordProblems } from '../../../domain/password';
import { sessionInfo } from './session-info';

type AuthHandlers = Pick<
  Handlers,
  | 'app.status'
  | 'setup.create'
  | 'auth.login'
  | 'auth.recover'
  | 'auth.logout'
  | 'auth.lock'
  | 'auth.unlock'
  | 'auth.changePassword'
  | 'session.me'
  | 'session.touch'
  | 'profile.update'
>;

function throttled(waitMs: number): CoreError {
  return new CoreError('auth.throttled', 'Too many wrong attempts; wait and try again', { retryAfterMs: waitMs });
}

export const authHandlers: AuthHandlers = {
  'app.status': (ctx) => {
    const state = ctx.core.vault.fileState();
    if (state === 'setup') return { state: 'setup' };
    if (state === 'ready') return { state: 'locked' };
    return { state: 'error', code: state };
  },

  'setup.create': async (ctx, input) => {
    const now = ctx.core.now().toISOString();
    const partnerId = randomUUID();
    const recoveryCode = await ctx.core.vault.create(
      { id: partnerId, username: input.partner.username, password: input.partner.password },
      () =>
        ctx.write(
          (db) => {
            saveOffice(db, { ...input.office, updatedAt: now });
            saveSettings(db, { ...DEFAULT_SETTINGS, defaultLang: input.partner.lang });
            insertUser(db, {
              id: partnerId,
              username: input.partner.username,
              displayName: input.partner.displayName,
              role: 'partner',
              active: true,
              lang: input.partner.lang,
              digits: 'western',
              createdAt: now,
              updatedAt: now,
            });
            const office = { ...input.office, logo: input.office.logo ? '(image)' : '' };
            return { result: null, audit: { entity: 'office', entityId: '1', after: { office, partner: input.partner.username } } };
          },
          partnerId,
        ),
    );
    // Set-up leaves nobody signed in: the key is forgotten until the partner logs in.
    ctx.core.idleLockMinutes = DEFAULT_SETTINGS.idleLockMinutes;
    if (!ctx.core.sessions.anyUnlocked()) ctx.core.vault.close();
    return { recoveryCode };
  },

  'auth.login': async (ctx, input) => {
    const { core } = ctx;
    const wait = core.throttle.waitMs(input.username, core.now().getTime());
    if (wait > 0) throw throttled(wait);
    const userId = await core.vault.unlock(input.username, input.password);
    const user = userId ? findUserById(core.vault.current().db, userId) : undefined;
    if (!user || !user.active || user.username !== input.username) {
      core.throttle.failed(input.username, core.now().getTime());
      if (!core.sessions.anyUnlocked()) core.vault.close();
      throw new CoreError('auth.invalid_credentials', 'Wrong username or password');
    }
    core.throttle.succeeded(input.username);
    const db = core.vault.current().db;
    core.idleLockMinutes = loadSettings(db).idleLockMinutes;
    const session = core.sessions.create(user.id, core.now().getTime());
    return { token: session.token, session: sessionInfo(db, user) };
  },

  'auth.recover': async (ctx, input) => {
    const { core } = ctx;
    const wait = core.throttle.waitMs('\u0000recovery', core.now().getTime());
    if (wait > 0) throw throttled(wait);
    if (!(await core.vault.unlockWithRecoveryCode(input.recoveryCode))) {
      core.throttle.failed('\u0000recovery', core.now().getTime());
      if (!core.sessions.anyUnlocked()) core.vault.close();
      throw new CoreError('auth.invalid_recovery_code', 'The recovery code is not right');
    }
    const db = core.vault.current().db;
    const user = findUserByUsername(db, input.username);
    if (!user || !user.active) {
      if (!core.sessions.anyUnlocked()) core.vault.close();
      throw new CoreError('users.not_found', 'No active user has that username');
    }
    core.throttle.succeeded('\u0000recovery');
    core.throttle.succeeded(input.username);
    await core.vault.setPassword(user, input.password);
    ctx.write(() => ({ result: null, audit: { entity: 'user', entityId: user.id, after: { passwordReset: 'recovery_code' } } }), user.id);
    core.idleLockMinutes = loadSettings(db).idleLockMinutes;
    const session = core.sessions.create(user.id, core.now().getTime());
    return { token: session.token, session: sessionInfo(db, user) };
  },

  'auth.logout': (ctx) => {
    if (ctx.session) ctx.core.sessions.end(ctx.session.token);
    if (!ctx.core.sessions.anyUnlocked()) ctx.core.vault.close();
    return null;
  },

  'auth.lock': (ctx) => {
    if (ctx.session) ctx.session.locked = true;
    afterLock(ctx.core);
    return null;
  },

  'auth.unlock': async (ctx, input) => {
    const { core, session } = ctx;
    if (!session) throw new CoreError('auth.required', 'Sign in first');
    // The session knows its user: the password must unwrap that user's own keyring entry.
    const name = `\u0000session:${session.userId}`;
    const wait = core.throttle.waitMs(name, core.now().getTime());
    if (wait > 0) throw throttled(wait);
    const userId = await core.vault.unlockUserEntry(session.userId, input.password);
    if (userId !== session.userId) {
      core.throttle.failed(name, core.now().getTime());
      if (!core.sessions.anyUnlocked()) core.vault.close();
      throw new CoreError('auth.invalid_credentials', 'Wrong password');
    }
    const user = findUserById(core.vault.current().db, session.userId);
    if (!user || !user.active) {
      core.sessions.end(session.token);
      if (!core.sessions.anyUnlocked()) core.vault.close();
      throw new CoreError('auth.inactive', 'This account is not active');
    }
    core.throttle.succeeded(name);
    session.locked = false;
    session.lastSeen = core.now().getTime();
    return { session: sessionInfo(core.vault.current().db, user) };
  },

  'auth.changePassword': async (ctx, input) => {
    const user = requireUser(ctx.user);
    const problems = passwordProblems(input.newPassword, user.username);
    if (problems.length > 0) {
      throw new CoreError('input.invalid', 'The new password is too weak', problems.map((p) => ({
        path: 'newPassword', code: 'custom', message: `validation.password_${p}`,
      })));
    }
    // Prove the current password by unwrapping the key with it, exactly as login does.
    if ((await ctx.core.vault.unlock(user.username, input.currentPassword)) !== user.id) {
      throw new CoreError('auth.wrong_current_password', 'The current password is not right');
    }
    await ctx.core.vault.setPassword(user, input.newPassword);
    ctx.write(() => ({ result: null, audit: { entity: 'user', entityId: user.id, after: { passwordChanged: true } } }));
    return null;
  },

  'session.me': (ctx) => sessionInfo(ctx.db(), requireUser(ctx.user)),

  'session.touch': () => null,

  'profile.update': (ctx, input) => {
    const user = requireUser(ctx.user);
    const patch = {
      ...(input.lang ? { lang: input.lang } : {}),
      ...(input.digits ? { digits: input.digits } : {}),
    };
    return ctx.write((db) => {
      updateUser(db, user.id, { ...patch, updatedAt: ctx.core.now().toISOString() });
      const after = findUserById(db, user.id) ?? user;
      return {
        result: sessionInfo(db, after),
        audit: { entity: 'user', entityId: user.id, before: { lang: user.lang, digits: user.digits }, after: patch },
      };
    });
  },
};

function requireUser(user: UserRecord | null): UserRecord {
  if (!user) throw new CoreError('auth.required', 'Sign in first');
  return user;
}
