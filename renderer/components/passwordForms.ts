// What password forms add to the contract's schemas: the confirmation field, checked beside the core's strength rules.
import type { z } from 'zod';
import { checkNewPassword } from '../../electron/contract/procedures/auth';

export const MISMATCH = 'validation.password_mismatch';

/** Strength (the contract's rules, against the username) and confirmation, reported on the given fields. */
export function refineNewPassword(
  v: { username: string; password: string; confirm: string },
  ctx: z.RefinementCtx,
  passwordPath = 'password',
  confirmPath = 'confirm',
): void {
  checkNewPassword(v, ctx, passwordPath);
  if (v.confirm !== v.password) ctx.addIssue({ code: 'custom', path: [confirmPath], message: MISMATCH });
}
