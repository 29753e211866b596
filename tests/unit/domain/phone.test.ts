// Phone parsing to E.164, search keys and display formats for Saudi and foreign numbers.
import { describe, expect, it } from 'vitest';
import { formatPhoneDisplay, makeSaudiMobile, parsePhone, phoneSearchKey } from '../../../electron/domain/phone';

describe('parsePhone', () => {
  it.each([
    '0551234567',
    '551234567',
    '966551234567',
    '+966551234567',
    '00966551234567',
    '+966 55 123 4567',
    '055-123-4567',
    '(055) 123 4567',
    '055.123.4567',
    '٠٥٥١٢٣٤٥٦٧',
    '+٩٦٦ ٥٥ ١٢٣ ٤٥٦٧',
    '+966 0551234567', // trunk 0 kept after the country code
    '\u200E+966 55 123 4567\u200F', // bidi marks from a right-to-left copy
  ])('reads the Saudi mobile %j', (input) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: '+966551234567', kind: 'mobile' });
  });

  it('accepts every 5X mobile prefix', () => {
    for (const prefix of ['50', '53', '54', '55', '56', '57', '58', '59']) {
      expect(parsePhone(`0${prefix}1234567`)).toEqual({ ok: true, value: `+966${prefix}1234567`, kind: 'mobile' });
    }
  });

  it.each([
    ['0112345678', '+966112345678'],
    ['011 234 5678', '+966112345678'],
    ['0126543210', '+966126543210'],
    ['+966 13 876 5432', '+966138765432'],
    ['00966172345678', '+966172345678'],
  ])('reads the Saudi landline %j', (input, value) => {
    expect(parsePhone(input)).toEqual({ ok: true, value, kind: 'landline' });
  });

  it.each([
    ['+201001234567', '+201001234567'],
    ['00971501234567', '+971501234567'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+1 (202) 555-0143', '+12025550143'],
    ['+٢٠ ١٠٠ ١٢٣ ٤٥٦٧', '+201001234567'],
  ])('keeps the foreign number %j in E.164', (input, value) => {
    expect(parsePhone(input)).toEqual({ ok: true, value, kind: 'foreign' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['055 123 456x', 'chars'],
    ['phone', 'chars'],
    ['05512345', 'length'],
    ['05512345678', 'length'],
    ['+96655123456', 'length'],
    ['0451234567', 'prefix'], // 4X is neither mobile nor a landline area code
    ['0191234567', 'prefix'],
    ['451234567', 'prefix'],
    ['+0551234567', 'prefix'],
    ['+2012345', 'length'],
    ['+2012345678901234', 'length'],
    ['12345', 'length'],
  ] as const)('rejects %j with reason %s', (input, reason) => {
    expect(parsePhone(input)).toEqual({ ok: false, reason });
  });

  it('refuses landlines and foreign numbers when a mobile is required', () => {
    expect(parsePhone('0551234567', { mobileOnly: true })).toEqual({ ok: true, value: '+966551234567', kind: 'mobile' });
    expect(parsePhone('0112345678', { mobileOnly: true })).toEqual({ ok: false, reason: 'not_mobile' });
    expect(parsePhone('+201001234567', { mobileOnly: true })).toEqual({ ok: false, reason: 'not_mobile' });
  });
});

describe('phoneSearchKey', () => {
  it.each([
    ['+966551234567', '551234567'],
    ['0551234567', '551234567'],
    ['00966 55 123 4567', '551234567'],
    ['٠٥٥١٢٣٤٥٦٧', '551234567'],
    ['0551', '551'],
    ['055 12', '5512'],
    ['+966 55', '55'],
    ['966 55', '55'],
    ['4567', '4567'],
    ['+201001234567', '201001234567'],
    ['00971 50', '97150'],
    ['أحمد', ''],
    ['', ''],
  ])('%j → %j', (input, key) => {
    expect(phoneSearchKey(input)).toBe(key);
  });

  it('makes every fragment of a stored number a substring of its key', () => {
    const stored = phoneSearchKey('+966551234567');
    for (const fragment of ['0551', '551 23', '4567', '+96655', '055 123 4567']) {
      expect(stored).toContain(phoneSearchKey(fragment));
    }
  });
});

describe('formatPhoneDisplay', () => {
  it('formats Saudi numbers in international or national style', () => {
    expect(formatPhoneDisplay('+966551234567')).toBe('+966 55 123 4567');
    expect(formatPhoneDisplay('0551234567')).toBe('+966 55 123 4567');
    expect(formatPhoneDisplay('+966551234567', { style: 'national' })).toBe('055 123 4567');
    expect(formatPhoneDisplay('+966112345678')).toBe('+966 11 234 5678');
    expect(formatPhoneDisplay('+966112345678', { style: 'national' })).toBe('011 234 5678');
  });

  it('renders Arabic-Indic digits on request', () => {
    expect(formatPhoneDisplay('+966551234567', { digits: 'arabic' })).toBe('+٩٦٦ ٥٥ ١٢٣ ٤٥٦٧');
  });

  it('leaves foreign numbers in E.164 and unparseable values unchanged', () => {
    expect(formatPhoneDisplay('+201001234567', { style: 'national' })).toBe('+201001234567');
    expect(formatPhoneDisplay('ext. 12')).toBe('ext. 12');
  });
});

describe('makeSaudiMobile', () => {
  it('builds valid mobiles for seeds and benchmarks', () => {
    expect(makeSaudiMobile(1_234_567)).toBe('+966551234567');
    expect(makeSaudiMobile(42)).toBe('+966550000042');
    expect(makeSaudiMobile('7654321', '50')).toBe('+966507654321');
    for (let n = 0; n < 500; n += 13) expect(parsePhone(makeSaudiMobile(n, '53')).ok).toBe(true);
    expect(() => makeSaudiMobile(12_345_678)).toThrow(RangeError);
    expect(() => makeSaudiMobile(1, '45')).toThrow(RangeError);
  });
});
