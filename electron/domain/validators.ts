// Identity and account-number validators for parties (national ID / iqama, CR / unified number, VAT, IBAN, e-mail), plus generators of valid test values.
import { toWesternDigits } from './digits';

/** Ten Arabic-Indic or Western digits arrive from forms and paste; every validator returns Western digits. */
function cleanDigits(input: string): string {
  return toWesternDigits(input).trim();
}

function isAllDigits(text: string): boolean {
  return /^[0-9]+$/.test(text);
}

// ---------------------------------------------------------------- national ID / iqama

export type NationalIdKind = 'citizen' | 'resident';
export type NationalIdError = 'empty' | 'chars' | 'length' | 'prefix' | 'checksum';
export type NationalIdResult =
  | { ok: true; value: string; kind: NationalIdKind }
  | { ok: false; reason: NationalIdError };

/**
 * The Saudi ID check sum (Luhn): digits in odd positions (1st, 3rd, …) are doubled and their
 * digits summed, even positions are added as they are; a valid number totals 0 mod 10.
 */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const d = Number(digits[i]);
    if (i % 2 === 0) {
      const doubled = d * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else {
      sum += d;
    }
  }
  return sum;
}

/** Check digit that completes the first nine digits of a national ID or iqama. */
export function nationalIdCheckDigit(firstNine: string): number {
  if (!/^[0-9]{9}$/.test(firstNine)) throw new RangeError('nationalIdCheckDigit needs exactly 9 digits');
  // The check digit sits in an even (undoubled) position, so it simply tops the sum up to a multiple of 10.
  return (10 - (luhnSum(firstNine) % 10)) % 10;
}

/** Validate a national ID (starts 1) or iqama (starts 2); tolerates Arabic-Indic digits and surrounding spaces. */
export function validateNationalId(input: string): NationalIdResult {
  const value = cleanDigits(input);
  if (value === '') return { ok: false, reason: 'empty' };
  if (!isAllDigits(value)) return { ok: false, reason: 'chars' };
  if (value.length !== 10) return { ok: false, reason: 'length' };
  const first = value[0];
  if (first !== '1' && first !== '2') return { ok: false, reason: 'prefix' };
  if (luhnSum(value) % 10 !== 0) return { ok: false, reason: 'checksum' };
  return { ok: true, value, kind: first === '1' ? 'citizen' : 'resident' };
}

/**
 * Build a valid ID for seeds, fixtures and benchmarks: prefix '1' (citizen) or '2' (resident),
 * an 8-digit body (a number is zero-padded) and the computed check digit — 10 digits in all.
 */
export function makeNationalId(prefix: '1' | '2', body: string | number): string {
  const bodyText = typeof body === 'number' ? String(body).padStart(8, '0') : body;
  if (!/^[0-9]{8}$/.test(bodyText)) throw new RangeError('makeNationalId needs an 8-digit body');
  const firstNine = prefix + bodyText;
  return firstNine + String(nationalIdCheckDigit(firstNine));
}

// ---------------------------------------------------------------- commercial registration / unified number

export type CommercialRegistrationKind = 'cr' | 'unified';
export type CommercialRegistrationError = 'empty' | 'chars' | 'length' | 'prefix';
export type CommercialRegistrationResult =
  | { ok: true; value: string; kind: CommercialRegistrationKind }
  | { ok: false; reason: CommercialRegistrationError };

/** The 700-series unified national number (الرقم الوطني الموحد) that replaces a company's CRs. */
export function isUnifiedNumber(input: string): boolean {
  const value = cleanDigits(input);
  return /^7[0-9]{9}$/.test(value);
}

/**
 * Validate a commercial registration (10 digits, first digit 1-7 — the city office, e.g. 1010 Riyadh)
 * or a unified number (starts 7). No public check-digit rule exists, so only shape is checked.
 */
export function validateCommercialRegistration(input: string): CommercialRegistrationResult {
  const value = cleanDigits(input);
  if (value === '') return { ok: false, reason: 'empty' };
  if (!isAllDigits(value)) return { ok: false, reason: 'chars' };
  if (value.length !== 10) return { ok: false, reason: 'length' };
  if (!/^[1-7]/.test(value)) return { ok: false, reason: 'prefix' };
  return { ok: true, value, kind: value.startsWith('7') ? 'unified' : 'cr' };
}

/** Build a CR from a 4-digit office prefix (e.g. '1010') or '7' for a unified number, padding the body to 10 digits. */
export function makeCommercialRegistration(prefix: string, body: string | number): string {
  const bodyText = String(body).padStart(10 - prefix.length, '0');
  const value = prefix + bodyText;
  const result = validateCommercialRegistration(value);
  if (!result.ok) throw new RangeError(`makeCommercialRegistration: ${result.reason}`);
  return value;
}

// ---------------------------------------------------------------- VAT number

export type VatNumberError = 'empty' | 'chars' | 'length' | 'prefix' | 'suffix';
export type VatNumberResult = { ok: true; value: string } | { ok: false; reason: VatNumberError };

/** Validate a ZATCA VAT registration number: 15 digits, first and last digit 3. */
export function validateVatNumber(input: string): VatNumberResult {
  const value = cleanDigits(input);
  if (value === '') return { ok: false, reason: 'empty' };
  if (!isAllDigits(value)) return { ok: false, reason: 'chars' };
  if (value.length !== 15) return { ok: false, reason: 'length' };
  if (!value.startsWith('3')) return { ok: false, reason: 'prefix' };
  if (!value.endsWith('3')) return { ok: false, reason: 'suffix' };
  return { ok: true, value };
}

/** Build a valid VAT number around a 13-digit body (a number is zero-padded). */
export function makeVatNumber(body: string | number): string {
  const bodyText = String(body).padStart(13, '0');
  if (!/^[0-9]{13}$/.test(bodyText)) throw new RangeError('makeVatNumber needs a 13-digit body');
  return `3${bodyText}3`;
}

// ---------------------------------------------------------------- IBAN

export type IbanError = 'empty' | 'chars' | 'country' | 'length' | 'checksum';
export type IbanResult =
  | { ok: true; value: string; display: string; country: string; bankCode: string | null }
  | { ok: false; reason: IbanError };

/** Lengths of the countries the office's clients and debtors bank in; others get the ISO 15-34 range. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  SA: 24, AE: 23, BH: 22, KW: 30, QA: 29, OM: 23, JO: 30, EG: 29, LB: 28,
  GB: 22, DE: 22, FR: 27, NL: 18, CH: 21, TR: 26, PK: 24,
};

/** ISO 7064 mod 97-10 over the rearranged IBAN, digit by digit so no big numbers are needed. */
function ibanMod97(rearranged: string): number {
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const chunk = code >= 65 ? String(code - 55) : ch; // A=10 … Z=35
    for (const digit of chunk) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** Compact upper-case IBAN shown in groups of four: "SA03 8000 0000 6080 1016 7519". */
export function formatIbanDisplay(compact: string): string {
  return compact.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Validate an IBAN (ISO 13616) with Saudi length rules; accepts spaces, dashes, lower case and Arabic-Indic digits. */
export function validateIban(input: string): IbanResult {
  const value = toWesternDigits(input).replace(/[\s-]/g, '').toUpperCase();
  if (value === '') return { ok: false, reason: 'empty' };
  if (!/^[A-Z0-9]+$/.test(value)) return { ok: false, reason: 'chars' };
  const country = value.slice(0, 2);
  if (!/^[A-Z]{2}$/.test(country)) return { ok: false, reason: 'country' };
  const expected = IBAN_LENGTHS[country];
  const lengthOk = expected === undefined ? value.length >= 15 && value.length <= 34 : value.length === expected;
  if (!lengthOk) return { ok: false, reason: 'length' };
  // A Saudi BBAN is a 2-digit bank code then an 18-character account number.
  if (country === 'SA' && !/^[0-9]{2}/.test(value.slice(4))) return { ok: false, reason: 'chars' };
  if (!/^[0-9]{2}$/.test(value.slice(2, 4)) || ibanMod97(value.slice(4) + value.slice(0, 4)) !== 1) {
    return { ok: false, reason: 'checksum' };
  }
  return {
    ok: true,
    value,
    display: formatIbanDisplay(value),
    country,
    bankCode: country === 'SA' ? value.slice(4, 6) : null,
  };
}

/** Build a valid IBAN for a country and BBAN by computing its two check digits. */
export function makeIban(country: string, bban: string): string {
  const cc = country.toUpperCase();
  const body = bban.toUpperCase();
  const check = 98 - ibanMod97(`${body}${cc}00`);
  return `${cc}${String(check).padStart(2, '0')}${body}`;
}

// ---------------------------------------------------------------- e-mail

export type EmailError = 'empty' | 'length' | 'spaces' | 'at' | 'local' | 'domain';
export type EmailResult = { ok: true; value: string } | { ok: false; reason: EmailError };

const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;

/**
 * A pragmatic e-mail check — the real test is whether mail arrives. Returns the address trimmed,
 * with the domain lower-cased (domains are case-insensitive; the local part may not be).
 */
export function validateEmail(input: string): EmailResult {
  const value = input.trim();
  if (value === '') return { ok: false, reason: 'empty' };
  if (value.length > MAX_EMAIL_LENGTH) return { ok: false, reason: 'length' };
  if (/\s/.test(value)) return { ok: false, reason: 'spaces' };
  const parts = value.split('@');
  if (parts.length !== 2) return { ok: false, reason: 'at' };
  const [local = '', domain = ''] = parts;
  if (local === '' || local.length > MAX_LOCAL_LENGTH || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return { ok: false, reason: 'local' };
  }
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  const labelsOk = labels.every((label) => label !== '' && !label.startsWith('-') && !label.endsWith('-'));
  if (labels.length < 2 || !labelsOk || tld.length < 2) return { ok: false, reason: 'domain' };
  return { ok: true, value: `${local}@${domain.toLowerCase()}` };
}
