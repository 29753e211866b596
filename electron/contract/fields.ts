// Field schemas for parties and cases, built on the domain validators so forms and router agree.
import { z } from 'zod';
import { parsePhone } from '../domain/phone';
import { validateCommercialRegistration, validateEmail, validateIban, validateNationalId, validateVatNumber } from '../domain/validators';
import { isIsoDate } from '../domain/dates';
import { CURRENCY_CODES } from '../domain/money';

/** Largest claim component accepted: 10 billion riyals in halalas — anything above is a typo. */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000;

type Check = (input: string) => { ok: true; value: string } | { ok: false; reason: string };

/** A string checked by a domain validator; the stored value is the validator's normal form. */
function checked(check: Check, message: (reason: string) => string, optional: boolean): z.ZodType<string, string> {
  return z.string().transform((v, ctx) => {
    if (optional && v.trim() === '') return '';
    const r = check(v);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: message(r.reason) });
    return z.NEVER;
  });
}

export const nationalIdSchema = checked(validateNationalId, (r) => `validation.national_id_${r}`, false);
export const crSchema = checked(validateCommercialRegistration, () => 'validation.cr', false);
export const vatSchema = checked(validateVatNumber, () => 'validation.vat', false);
export const ibanSchema = checked(validateIban, () => 'validation.iban', false);
export const phoneSchema = checked(parsePhone, (r) => `validation.phone_${r}`, false);
export const partyEmailSchema = checked(validateEmail, () => 'validation.email', false);

/** Optional identifiers: empty means "none". */
export const optionalNationalId = checked(validateNationalId, (r) => `validation.national_id_${r}`, true).default('');
export const optionalCr = checked(validateCommercialRegistration, () => 'validation.cr', true).default('');
export const optionalVat = checked(validateVatNumber, () => 'validation.vat', true).default('');
export const optionalIban = checked(validateIban, () => 'validation.iban', true).default('');
export const optionalPhone = checked(parsePhone, (r) => `validation.phone_${r}`, true).default('');
export const optionalEmail = checked(validateEmail, () => 'validation.email', true).default('');

export const isoDateSchema = z.string().refine((v) => isIsoDate(v), 'validation.date');
export const optionalIsoDate = z.union([z.literal(''), isoDateSchema]).nullable().transform((v) => (v ? v : null));

export const amountMinorSchema = z
  .number('validation.amount')
  .int('validation.amount')
  .min(0, 'validation.amount_negative')
  .max(MAX_AMOUNT_MINOR, 'validation.amount_too_large');

export const currencySchema = z.enum(CURRENCY_CODES);

export const text = (max: number) => z.string().trim().max(max, 'validation.too_long');
export const requiredText = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.too_long');

export const idSchema = z.number().int().positive();
export const versionSchema = z.number().int().min(1);

export const addressSchema = z.object({
  buildingNo: text(10).default(''),
  street: text(120).default(''),
  district: text(120).default(''),
  city: text(80).default(''),
  postalCode: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{5}$/.test(v), 'validation.postal_code')
    .default(''),
  additionalNo: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{4}$/.test(v), 'validation.additional_no')
    .default(''),
});
export type Address = z.output<typeof addressSchema>;

/** Keyset pagination: an opaque cursor from the previous page. */
export const pageSchema = z.object({
  cursor: z.string().max(500).nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
});
export interface Page<T> {
  rows: T[];
  nextCursor: string | null;
}
