// Office profile, settings, users and the audit trail: the administration a partner does.
import { z } from 'zod';
import { proc } from '../procedure';
import type { Role } from '../roles';
import {
  digitStyleSchema,
  langSchema,
  officeProfileSchema,
  personNameSchema,
  roleSchema,
  settingsSchema,
  usernameSchema,
  type OfficeProfile,
  type Settings,
  optionalText,
} from '../schemas';
import { checkNewPassword, empty, newPasswordSchema } from './auth';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  lang: 'ar' | 'en';
  digits: 'western' | 'arabic';
  /** Printed under a lawyer's signature on letters. */
  licenceNumber: string;
  phone: string;
  createdAt: string;
}

export interface AuditRow {
  seq: number;
  at: string;
  userId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
}

export type AuditVerifyResult =
  /** redacted: entries whose details a PDPL erasure removed (their hashes still check); redactedLegacy: of those, the
   * ones written before the digest format, whose links are checked but whose own content no longer can be. */
  | { ok: true; entries: number; redacted: number; redactedLegacy: number }
  | { ok: false; entries: number; firstBrokenSeq: number; reason: 'hash_mismatch' | 'prev_mismatch' | 'sequence_gap' };

export const userCreateInput = z
  .object({
    displayName: personNameSchema,
    username: usernameSchema,
    role: roleSchema,
    password: newPasswordSchema,
    lang: langSchema.default('ar'),
    digits: digitStyleSchema.default('western'),
    licenceNumber: optionalText(30),
    phone: optionalText(30),
  })
  .superRefine((v, ctx) => checkNewPassword(v, ctx));

export const userUpdateInput = z.object({
  id: z.string().min(1),
  displayName: personNameSchema.optional(),
  role: roleSchema.optional(),
  active: z.boolean().optional(),
  licenceNumber: z.string().trim().max(30, 'validation.too_long').optional(),
  phone: z.string().trim().max(30, 'validation.too_long').optional(),
});

export const userResetPasswordInput = z
  .object({ id: z.string().min(1), username: z.string(), password: newPasswordSchema })
  .superRefine((v, ctx) => checkNewPassword(v, ctx));

export const officeProcedures = {
  'office.get': proc<OfficeProfile>()({ input: empty, access: 'office.read', kind: 'read' }),
  'office.update': proc<OfficeProfile>()({ input: officeProfileSchema, access: 'office.write', kind: 'write' }),
  'settings.get': proc<Settings>()({ input: empty, access: 'settings.read', kind: 'read' }),
  'settings.update': proc<Settings>()({ input: settingsSchema.partial(), access: 'settings.write', kind: 'write' }),
  'users.list': proc<UserRow[]>()({ input: empty, access: 'users.read', kind: 'read' }),
  'users.create': proc<UserRow>()({ input: userCreateInput, access: 'users.write', kind: 'write' }),
  'users.update': proc<UserRow>()({ input: userUpdateInput, access: 'users.write', kind: 'write' }),
  'users.resetPassword': proc<null>()({ input: userResetPasswordInput, access: 'users.write', kind: 'write' }),
  'audit.list': proc<AuditRow[]>()({
    input: z.object({ beforeSeq: z.number().int().positive().optional(), limit: z.number().int().min(1).max(200).default(50) }),
    access: 'audit.read',
    kind: 'read',
  }),
  'audit.verify': proc<AuditVerifyResult>()({ input: empty, access: 'audit.read', kind: 'read' }),
} as const;
