// Field schemas shared by forms (react-hook-form resolver) and the router's input validation.
import { z } from 'zod';
import { ROLES } from './roles';

export const LANGS = ['ar', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DIGIT_STYLES = ['western', 'arabic'] as const;

// Messages are i18n keys (validation.*): the renderer translates them next to the field.
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'validation.username_short')
  .max(32, 'validation.username_long')
  .regex(/^[a-z0-9._-]+$/, 'validation.username_chars');

export const passwordSchema = z.string().min(1, 'validation.required').max(256, 'validation.too_long');

export const personNameSchema = z.string().trim().min(2, 'validation.required').max(120, 'validation.too_long');

export const optionalText = (max: number) =>
  z.string().trim().max(max, 'validation.too_long').optional().default('');

export const emailSchema = z
  .string()
  .trim()
  .max(254, 'validation.too_long')
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'validation.email');

export const roleSchema = z.enum(ROLES);
export const langSchema = z.enum(LANGS);
export const digitStyleSchema = z.enum(DIGIT_STYLES);

/** An image as a data URL (PNG or JPEG), at most ~512 KB, for the letterhead logo. */
export const logoSchema = z
  .string()
  .max(700_000, 'validation.logo_too_large')
  .refine((v) => v === '' || /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(v), 'validation.logo_format');

export const officeProfileSchema = z.object({
  nameAr: z.string().trim().min(2, 'validation.required').max(200, 'validation.too_long'),
  nameEn: optionalText(200),
  licenceNumber: optionalText(50),
  crNumber: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{10}$/.test(v), 'validation.cr')
    .optional()
    .default(''),
  vatNumber: z
    .string()
    .trim()
    .refine((v) => v === '' || /^3\d{13}3$/.test(v), 'validation.vat')
    .optional()
    .default(''),
  address: optionalText(500),
  phone: optionalText(30),
  email: emailSchema.optional().default(''),
  logo: logoSchema.optional().default(''),
});
export type OfficeProfileInput = z.input<typeof officeProfileSchema>;
export type OfficeProfile = z.output<typeof officeProfileSchema>;

/** A time of day, HH:MM (24-hour). */
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time');

export const settingsSchema = z.object({
  idleLockMinutes: z.number().int().min(1, 'validation.min').max(240, 'validation.max'),
  defaultLang: langSchema,
  defaultDigits: digitStyleSchema,
  /** Largest file a document may be, in MB (checked on the bytes, not the name). */
  documentMaxMb: z.number().int().min(1, 'validation.min').max(500, 'validation.max'),
  /** Digits printed in letters (office-wide, so every copy of a letter reads the same). */
  letterDigits: digitStyleSchema,
  /** The SAMA client rule pack: call attempts allowed per debtor in a rolling window of days. */
  samaCallAttempts: z.number().int().min(1, 'validation.min').max(100, 'validation.max'),
  samaWindowDays: z.number().int().min(1, 'validation.min').max(365, 'validation.max'),
  /** Contact hours, Riyadh time, HH:MM: from inclusive, to exclusive. */
  samaHoursFrom: timeOfDaySchema,
  samaHoursTo: timeOfDaySchema,
  /** Working days for contact, 0 = Sunday … 6 = Saturday (Sunday–Thursday by default). */
  samaWorkingDays: z.array(z.number().int().min(0).max(6)).max(7),
  /** Saturday contact allowed on top of the working days (the office's choice under the pack). */
  samaSaturdayAllowed: z.boolean(),
  /** Instalments missed at once after which a plan defaults and the case returns to the queue. */
  planDefaultAfterMissed: z.number().int().min(1, 'validation.min').max(12, 'validation.max'),
  /** Which instalment carries the minor units that do not divide evenly. */
  planRemainderOn: z.enum(['first', 'last']),
  /** Automatic backups: the folder ('' = not chosen yet), the daily time (HH:MM) and how many to keep. */
  backupFolder: z.string().max(1000),
  backupTime: timeOfDaySchema,
  backupKeepDaily: z.number().int().min(1, 'validation.min').max(60, 'validation.max'),
  backupKeepWeekly: z.number().int().min(0, 'validation.min').max(52, 'validation.max'),
  backupKeepMonthly: z.number().int().min(0, 'validation.min').max(120, 'validation.max'),
  /** Personal data of a debtor may be erased this many years after their last case closed (PDPL). */
  retentionYears: z.number().int().min(1, 'validation.min').max(30, 'validation.max'),
});
export type Settings = z.output<typeof settingsSchema>;
