// Phone numbers: parse whatever staff type or paste into E.164 (+9665XXXXXXXX), build search keys, and format for display.
import { applyDigits, toWesternDigits, type DigitStyle } from './digits';

export type PhoneKind = 'mobile' | 'landline' | 'foreign';
export type PhoneError = 'empty' | 'chars' | 'length' | 'prefix' | 'not_mobile';
export type PhoneResult = { ok: true; value: string; kind: PhoneKind } | { ok: false; reason: PhoneError };

export interface ParsePhoneOptions {
  /** Refuse landlines and foreign numbers, e.g. for a field that receives SMS reminders. */
  mobileOnly?: boolean;
}

const SAUDI_CC = '966';
/** Saudi mobile national significant number: 5 and eight digits. */
const SAUDI_MOBILE = /^5[0-9]{8}$/;
/** Saudi landline: area code 11-17 (Riyadh 11, Jeddah/Makkah 12, Eastern 13, …) and seven digits. */
const SAUDI_LANDLINE = /^1[1-7][0-9]{7}$/;
const SAUDI_NSN_LENGTH = 9;
const E164_MIN_DIGITS = 8;
const E164_MAX_DIGITS = 15;

/** Bidi and zero-width marks ride along when a number is copied out of right-to-left text. */
function stripFormatChars(text: string): string {
  return text.replace(/\p{Cf}/gu, '');
}

function saudiResult(nsn: string, options: ParsePhoneOptions): PhoneResult {
  if (nsn.length !== SAUDI_NSN_LENGTH) return { ok: false, reason: 'length' };
  if (SAUDI_MOBILE.test(nsn)) return { ok: true, value: `+${SAUDI_CC}${nsn}`, kind: 'mobile' };
  if (!SAUDI_LANDLINE.test(nsn)) return { ok: false, reason: 'prefix' };
  if (options.mobileOnly === true) return { ok: false, reason: 'not_mobile' };
  return { ok: true, value: `+${SAUDI_CC}${nsn}`, kind: 'landline' };
}

function internationalResult(digits: string, options: ParsePhoneOptions): PhoneResult {
  if (digits.startsWith(SAUDI_CC)) {
    // People often keep the trunk 0 after the country code: +966 05X…
    const rest = digits.slice(SAUDI_CC.length);
    return saudiResult(rest.startsWith('0') ? rest.slice(1) : rest, options);
  }
  if (digits.startsWith('0')) return { ok: false, reason: 'prefix' };
  if (digits.length < E164_MIN_DIGITS || digits.length > E164_MAX_DIGITS) return { ok: false, reason: 'length' };
  if (options.mobileOnly === true) return { ok: false, reason: 'not_mobile' };
  return { ok: true, value: `+${digits}`, kind: 'foreign' };
}

/**
 * Parse a phone number into E.164. Saudi forms: 05XXXXXXXX, 5XXXXXXXX, 9665…, +9665…, 009665…,
 * landlines 01X XXX XXXX; foreign numbers only with + or 00. Spaces, dashes, dots, brackets and
 * Arabic-Indic digits are accepted.
 */
export function parsePhone(input: string, options: ParsePhoneOptions = {}): PhoneResult {
  const text = stripFormatChars(toWesternDigits(input)).trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (!/^\+?[0-9\s\-()./]+$/.test(text)) return { ok: false, reason: 'chars' };
  const digits = text.replace(/[^0-9]/g, '');
  if (digits === '') return { ok: false, reason: 'chars' };

  if (text.startsWith('+')) return internationalResult(digits, options);
  if (digits.startsWith('00')) return internationalResult(digits.slice(2), options);
  // 966 without + or 00 is common in exports from messaging apps; only a full Saudi length counts.
  if (digits.startsWith(SAUDI_CC) && digits.length >= SAUDI_CC.length + SAUDI_NSN_LENGTH) {
    return internationalResult(digits, options);
  }
  if (digits.startsWith('0')) return saudiResult(digits.slice(1), options);
  if (digits.length === SAUDI_NSN_LENGTH && digits.startsWith('5')) return saudiResult(digits, options);
  return { ok: false, reason: digits.length === SAUDI_NSN_LENGTH ? 'prefix' : 'length' };
}

/**
 * Digits to index and to search by. A Saudi number gives its national significant number
 * (+966551234567 → 551234567); a foreign one keeps its country code. Partial input works the
 * same way, so a fragment can be matched as a substring of stored keys: "0551" → "551",
 * "+966 55" → "55". Returns "" when the input holds no digits (e.g. a name was typed).
 */
export function phoneSearchKey(input: string): string {
  const text = stripFormatChars(toWesternDigits(input)).trim();
  let digits = text.replace(/[^0-9]/g, '');
  let international = text.startsWith('+');
  if (digits.startsWith('00')) {
    digits = digits.slice(2);
    international = true;
  }
  if (digits.startsWith(SAUDI_CC)) {
    digits = digits.slice(SAUDI_CC.length);
  } else if (international) {
    return digits;
  }
  return digits.startsWith('0') ? digits.slice(1) : digits;
}

/** A valid Saudi mobile in E.164 for seeds, fixtures and benchmarks: operator prefix 50-59 and a 7-digit subscriber number. */
export function makeSaudiMobile(subscriber: string | number, prefix = '55'): string {
  const value = `+${SAUDI_CC}${prefix}${String(subscriber).padStart(7, '0')}`;
  const parsed = parsePhone(value, { mobileOnly: true });
  if (!parsed.ok) throw new RangeError(`makeSaudiMobile: ${parsed.reason}`);
  return parsed.value;
}

export interface PhoneDisplayOptions {
  /** 'international' (+966 55 123 4567, the default) or 'national' (055 123 4567); foreign numbers are always international. */
  style?: 'international' | 'national';
  digits?: DigitStyle;
}

/**
 * Format a stored number for people. Input that does not parse is returned unchanged, so a
 * legacy value is still visible. The renderer must isolate the result as left-to-right text.
 */
export function formatPhoneDisplay(value: string, options: PhoneDisplayOptions = {}): string {
  const parsed = parsePhone(value);
  if (!parsed.ok) return value;
  let text: string;
  if (parsed.kind === 'foreign') {
    text = parsed.value;
  } else {
    const nsn = parsed.value.slice(1 + SAUDI_CC.length);
    const grouped = `${nsn.slice(0, 2)} ${nsn.slice(2, 5)} ${nsn.slice(5)}`;
    text = options.style === 'national' ? `0${grouped}` : `+${SAUDI_CC} ${grouped}`;
  }
  return applyDigits(text, options.digits ?? 'western');
}
