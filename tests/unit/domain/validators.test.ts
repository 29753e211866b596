// Party identifiers: national ID / iqama check digit, CR and unified number, VAT, IBAN mod-97, e-mail.
import { describe, expect, it } from 'vitest';
import {
  formatIbanDisplay,
  isUnifiedNumber,
  makeCommercialRegistration,
  makeIban,
  makeNationalId,
  makeVatNumber,
  nationalIdCheckDigit,
  validateCommercialRegistration,
  validateEmail,
  validateIban,
  validateNationalId,
  validateVatNumber,
} from '../../../electron/domain/validators';

describe('validateNationalId', () => {
  it('accepts a citizen ID and a resident iqama with a correct check digit', () => {
    // 1000000008: doubled odd positions 1→2, the rest 0, so the check digit is 8.
    expect(validateNationalId('1000000008')).toEqual({ ok: true, value: '1000000008', kind: 'citizen' });
    // 2000000006: 2→4, check digit 6.
    expect(validateNationalId('2000000006')).toEqual({ ok: true, value: '2000000006', kind: 'resident' });
    // 1123456780: odd 1,2,4,6,8 → 2+4+8+3+7 = 24, even 1,3,5,7 = 16, total 40.
    expect(validateNationalId('1123456780')).toEqual({ ok: true, value: '1123456780', kind: 'citizen' });
  });

  it('normalises Arabic-Indic digits and surrounding spaces to Western digits', () => {
    expect(validateNationalId('  ١٠٠٠٠٠٠٠٠٨ ')).toEqual({ ok: true, value: '1000000008', kind: 'citizen' });
    expect(validateNationalId('۲۰۰۰۰۰۰۰۰۶')).toEqual({ ok: true, value: '2000000006', kind: 'resident' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['10000000a8', 'chars'],
    ['1000 000008', 'chars'],
    ['100000008', 'length'],
    ['10000000080', 'length'],
    ['3000000004', 'prefix'], // Luhn-valid but neither citizen nor resident
    ['0000000000', 'prefix'],
    ['1000000002', 'checksum'],
    ['2000000008', 'checksum'],
  ] as const)('rejects %j with reason %s', (input, reason) => {
    expect(validateNationalId(input)).toEqual({ ok: false, reason });
  });

  it('catches every single-digit typo (the point of a Luhn check digit)', () => {
    const id = makeNationalId('1', 54_321_987);
    for (let position = 1; position < 10; position += 1) {
      for (let digit = 0; digit <= 9; digit += 1) {
        if (String(digit) === id[position]) continue;
        const typo = id.slice(0, position) + String(digit) + id.slice(position + 1);
        expect(validateNationalId(typo)).toEqual({ ok: false, reason: 'checksum' });
      }
    }
  });

  it('makeNationalId produces valid IDs from a prefix and an 8-digit body', () => {
    expect(makeNationalId('1', '00000000')).toBe('1000000008');
    expect(makeNationalId('2', 0)).toBe('2000000006');
    expect(makeNationalId('1', 12_345_678)).toBe('1123456780');
    for (let body = 0; body < 2000; body += 7) {
      for (const prefix of ['1', '2'] as const) {
        const result = validateNationalId(makeNationalId(prefix, body));
        expect(result.ok && result.kind).toBe(prefix === '1' ? 'citizen' : 'resident');
      }
    }
    expect(() => makeNationalId('1', '1234567')).toThrow(RangeError);
    expect(() => makeNationalId('1', 123_456_789)).toThrow(RangeError);
    expect(nationalIdCheckDigit('100000000')).toBe(8);
    expect(() => nationalIdCheckDigit('12')).toThrow(RangeError);
  });
});

describe('validateCommercialRegistration', () => {
  it('accepts CRs of the city offices and unified 700 numbers', () => {
    expect(validateCommercialRegistration('1010123456')).toEqual({ ok: true, value: '1010123456', kind: 'cr' });
    expect(validateCommercialRegistration('4030123456')).toEqual({ ok: true, value: '4030123456', kind: 'cr' });
    expect(validateCommercialRegistration(' ٧٠٠١٢٣٤٥٦٧ ')).toEqual({ ok: true, value: '7001234567', kind: 'unified' });
  });

  it.each([
    ['', 'empty'],
    ['10101234', 'length'],
    ['1010-123456', 'chars'],
    ['8010123456', 'prefix'],
    ['0010123456', 'prefix'],
  ] as const)('rejects %j with reason %s', (input, reason) => {
    expect(validateCommercialRegistration(input)).toEqual({ ok: false, reason });
  });

  it('tells a unified number from a CR', () => {
    expect(isUnifiedNumber('7001234567')).toBe(true);
    expect(isUnifiedNumber('٧٠٠١٢٣٤٥٦٧')).toBe(true);
    expect(isUnifiedNumber('1010123456')).toBe(false);
    expect(isUnifiedNumber('700123456')).toBe(false);
  });

  it('makes valid CRs and unified numbers', () => {
    expect(makeCommercialRegistration('1010', 42)).toBe('1010000042');
    expect(makeCommercialRegistration('7', '12345')).toBe('7000012345');
    expect(() => makeCommercialRegistration('9', 1)).toThrow(RangeError);
  });
});

describe('validateVatNumber', () => {
  it('accepts 15 digits starting and ending with 3', () => {
    expect(validateVatNumber('300000000000003')).toEqual({ ok: true, value: '300000000000003' });
    expect(validateVatNumber(' ٣١٠١٢٣٤٥٦٧٠٠٠٠٣ ')).toEqual({ ok: true, value: '310123456700003' });
  });

  it.each([
    ['', 'empty'],
    ['30000000000003', 'length'],
    ['30000000000000 3', 'chars'],
    ['100000000000003', 'prefix'],
    ['300000000000001', 'suffix'],
  ] as const)('rejects %j with reason %s', (input, reason) => {
    expect(validateVatNumber(input)).toEqual({ ok: false, reason });
  });

  it('makes valid VAT numbers', () => {
    expect(makeVatNumber(1)).toBe('300000000000013');
    expect(validateVatNumber(makeVatNumber('1012345670000')).ok).toBe(true);
  });
});

describe('validateIban', () => {
  const saudi = {
    ok: true,
    value: 'SA0380000000608010167519',
    display: 'SA03 8000 0000 6080 1016 7519',
    country: 'SA',
    bankCode: '80',
  };

  it('accepts a Saudi IBAN compact, grouped, lower case or in Arabic-Indic digits', () => {
    expect(validateIban('SA0380000000608010167519')).toEqual(saudi);
    expect(validateIban(' sa03 8000 0000 6080 1016 7519 ')).toEqual(saudi);
    expect(validateIban('SA03-8000-0000-6080-1016-7519')).toEqual(saudi);
    expect(validateIban('SA٠٣٨٠٠٠٠٠٠٠٦٠٨٠١٠١٦٧٥١٩')).toEqual(saudi);
  });

  it('accepts foreign IBANs by the generic mod-97 rule', () => {
    expect(validateIban('GB82 WEST 1234 5698 7654 32')).toMatchObject({ ok: true, country: 'GB', bankCode: null });
    expect(validateIban('DE89370400440532013000')).toMatchObject({ ok: true, display: 'DE89 3704 0044 0532 0130 00' });
    expect(validateIban('AE070331234567890123456')).toMatchObject({ ok: true, country: 'AE' });
  });

  it.each([
    ['', 'empty'],
    ['SA03 8000 0000 6080 1016 751_', 'chars'],
    ['1A0380000000608010167519', 'country'],
    ['SA038000000060801016751', 'length'],
    ['SA03800000006080101675190', 'length'],
    ['SA0480000000608010167519', 'checksum'],
    ['SA0380000000608010167591', 'checksum'], // two digits swapped
    ['SAX380000000608010167519', 'checksum'],
  ] as const)('rejects %j with reason %s', (input, reason) => {
    expect(validateIban(input)).toEqual({ ok: false, reason });
  });

  it('makeIban computes check digits that validate', () => {
    expect(makeIban('SA', '80000000608010167519')).toBe('SA0380000000608010167519');
    expect(makeIban('gb', 'WEST12345698765432')).toBe('GB82WEST12345698765432');
    for (let account = 0; account < 300; account += 1) {
      const iban = makeIban('SA', `10${String(account).padStart(18, '0')}`);
      expect(validateIban(iban).ok).toBe(true);
    }
    expect(formatIbanDisplay('SA0380000000608010167519')).toBe('SA03 8000 0000 6080 1016 7519');
  });
});

describe('validateEmail', () => {
  it('accepts ordinary addresses and lower-cases the domain', () => {
    expect(validateEmail('  Ahmed.Ali@Example.COM.SA ')).toEqual({ ok: true, value: 'Ahmed.Ali@example.com.sa' });
    expect(validateEmail('legal+cases@office.sa')).toEqual({ ok: true, value: 'legal+cases@office.sa' });
  });

  it.each([
    ['', 'empty'],
    ['ahmed @office.sa', 'spaces'],
    ['ahmed.office.sa', 'at'],
    ['ahmed@@office.sa', 'at'],
    ['a@b@office.sa', 'at'],
    ['@office.sa', 'local'],
    ['ahmed.@office.sa', 'local'],
    ['ah..med@office.sa', 'local'],
    ['ahmed@office', 'domain'],
    ['ahmed@office.', 'domain'],
    ['ahmed@.sa', 'domain'],
    ['ahmed@office.s', 'domain'],
    ['ahmed@-office.sa', 'domain'],
    [`${'a'.repeat(65)}@office.sa`, 'local'],
    [`a@${'b'.repeat(250)}.sa`, 'length'],
  ] as const)('rejects %j with reason %s', (input, reason) => {
    expect(validateEmail(input)).toEqual({ ok: false, reason });
  });
});
