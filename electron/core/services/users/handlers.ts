// User management for partners: add, change role, deactivate, reset a password; never lose the last partner.
import { randomUUID } from 'node:crypto';
import type { UserRow } from '../../../contract/procedures/office';
import type { Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import {
  countActivePartners,
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  updateUser,
  type UserRecord,
} from '../../../../db/queries/users';

export function userRow(u: UserRecord): UserRow {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    active: u.active,
    lang: u.lang,
    digits: u.digits,
    licenceNumber: u.licenceNumber,
    phone: u.phone,
    createdAt: u.createdAt,
  };
}

export const userHandlers: Pick<Handlers, 'users.list' | 'users.create' | 'users.update' | 'users.resetPassword'> = {
  'users.list': (ctx) => listUsers(ctx.db()).map(userRow),

  'users.create': async (ctx, input) => {
    if (findUserByUsername(ctx.db(), input.username)) {
      throw new CoreError('users.username_taken', 'That username is taken', [
        { path: 'username', code: 'custom', message: 'validation.username_taken' },
      ]);
    }
    const id = randomUUID();
    const now = ctx.core.now().toISOString();
    // The keyring entry first: if the insert then fails, the orphan entry is removed again.
    await ctx.core.vault.setPassword({ id, username: input.username }, input.password);
    try {
      return ctx.write((db) => {
        const record: UserRecord = {
          id,
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          active: true,
          lang: input.lang,
          digits: input.digits,
          licenceNumber: input.licenceNumber,
          phone: input.phone,
          createdAt: now,
          updatedAt: now,
        };
        insertUser(db, record);
        return { result: userRow(record), audit: { entity: 'user', entityId: id, after: userRow(record) } };
      });
    } catch (e) {
      ctx.core.vault.removeUser(id);
      throw e;
    }
  },

  'users.update': (ctx, input) => {
    const db = ctx.db();
    const before = findUserById(db, input.id);
    if (!before) throw new CoreError('users.not_found', 'No such user');
    // A partner cannot demote or deactivate themselves by mistake: another partner does it.
    if (input.id === ctx.user?.id && ((input.role !== undefined && input.role !== before.role) || input.active === false)) {
      throw new CoreError('users.cannot_change_self', 'Another partner must change your role or deactivate you');
    }
    const losesPartner =
      before.role === 'partner' && before.active && (input.role !== undefined && input.role !== 'partner' || input.active === false);
    if (losesPartner && countActivePartners(db) <= 1) {
      throw new CoreError('users.last_partner', 'The office must keep at least one active partner');
    }
    const result = ctx.write((tx) => {
      updateUser(tx, input.id, {
        ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        ...(input.licenceNumber !== undefined ? { licenceNumber: input.licenceNumber } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        updatedAt: ctx.core.now().toISOString(),
      });
      const after = findUserById(tx, input.id) ?? before;
      return { result: userRow(after), audit: { entity: 'user', entityId: input.id, before: userRow(before), after: userRow(after) } };
    });
    if (input.active === false) {
      // A deactivated user can neither stay signed in nor unwrap the key any more.
      ctx.core.sessions.endForUser(input.id);
      ctx.core.vault.removeUser(input.id);
    }
    return result;
  },

  'users.resetPassword': async (ctx, input) => {
    const user = findUserById(ctx.db(), input.id);
    if (!user) throw new CoreError('users.not_found', 'No such user');
    if (!user.active) throw new CoreError('users.inactive', 'Reactivate the user first');
    await ctx.core.vault.setPassword(user, input.password);
    ctx.write(() => ({ result: null, audit: { entity: 'user', entityId: user.id, after: { passwordReset: 'partner' } } }));
    return null;
  },
};
