// Set-up, sign-in, lock and recovery: the procedures that run before or around a session.
import { z } from 'zod';
import { passwordProblems } from '../../domain/password';
import { proc } from '../procedure';
import {
  digitStyleSchema,
  langSchema,
  officeProfileSchema,
  passwordSchema,
  personNameSchema,
  usernameSchema,
} from '../schemas';
import type { Role } from '../roles';
import type { Lang } from '../schemas';

/** A new password: checked for strength against the username given beside it. */
export const newPasswordSchema = z.string().max(256, 'validation.too_long');

export function checkNewPassword(
  value: { username: string; password: string },
  ctx: z.RefinementCtx,
  path = 'password',
): void {
  for (const problem of passwordProblems(value.password, value.username)) {
    ctx.addIssue({ code: 'custom', path: [path], message: `validation.password_${problem}` });
  }
}

export type VaultState =
  | { state: 'setup' }
  | { state: 'locked' }
  | { state: 'error'; code: 'vault.keyring_missing' | 'vault.keyring_corrupt' | 'vault.database_missing' };

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  lang: Lang;
  digits: 'western' | 'arabic';
}

export interface SessionInfo {
  user: SessionUser;
  permissions: string[];
  officeName: { ar: string; en: string };
  idleLockMinutes: number;
}

export const setupCreateInput = z
  .object({
    office: officeProfileSchema,
    partner: z.object({
      displayName: personNameSchema,
      username: usernameSchema,
      password: newPasswordSchema,
      lang: langSchema.default('ar'),
    }),
  })
  .superRefine((v, ctx) => checkNewPassword(v.partner, ctx, 'partner.password'));

export const loginInput = z.object({ username: usernameSchema, password: passwordSchema });

export const recoverInput = z
  .object({
    recoveryCode: z.string().trim().min(1, 'validation.required').max(100, 'validation.too_long'),
    username: usernameSchema,
    password: newPasswordSchema,
  })
  .superRefine((v, ctx) => checkNewPassword(v, ctx));

export const changePasswordInput = z.object({
  currentPassword: passwordSchema,
  newPassword: newPasswordSchema,
});

export const empty = z.object({}).strict();

export const authProcedures = {
  'app.status': proc<VaultState | { state: 'ready' }>()({ input: empty, access: 'public', kind: 'read' }),
  'setup.create': proc<{ recoveryCode: string }>()({ input: setupCreateInput, access: 'public', kind: 'write' }),
  'auth.login': proc<{ token: string; session: SessionInfo }>()({ input: loginInput, access: 'public', kind: 'read' }),
  'auth.recover': proc<{ token: string; session: SessionInfo }>()({
    input: recoverInput,
    access: 'public',
    kind: 'write',
  }),
  'auth.logout': proc<null>()({ input: empty, access: 'locked', kind: 'read' }),
  'auth.lock': proc<null>()({ input: empty, access: 'session', kind: 'read' }),
  'auth.unlock': proc<{ session: SessionInfo }>()({
    input: z.object({ password: passwordSchema }),
    access: 'locked',
    kind: 'read',
  }),
  'auth.changePassword': proc<null>()({ input: changePasswordInput, access: 'session', kind: 'write' }),
  'session.me': proc<SessionInfo>()({ input: empty, access: 'session', kind: 'read' }),
  'session.touch': proc<null>()({ input: empty, access: 'session', kind: 'read' }),
  'profile.update': proc<SessionInfo>()({
    input: z.object({ lang: langSchema.optional(), digits: digitStyleSchema.optional() }),
    access: 'session',
    kind: 'write',
  }),
} as const;

