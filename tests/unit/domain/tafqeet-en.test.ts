// English amount in words for bilingual letters.
import { describe, expect, it } from 'vitest';
import { amountInWordsEn, numberInWordsEn } from '../../../electron/domain/tafqeet-en';
import { amountInWords } from '../../../electron/domain/tafqeet';

describe('amountInWordsEn', () => {
  it('writes the canonical example', () => {
    expect(amountInWordsEn(1_575_050, 'SAR')).toBe('Fifteen thousand seven hundred fifty Saudi riyals and fifty halalas only');
    expect(amountInWords(1_575_050, 'SAR', 'en')).toBe('Fifteen thousand seven hundred fifty Saudi riyals and fifty halalas only');
  });

  it.each([
    [0, 'Zero Saudi riyals only'],
    [1, 'One halala only'],
    [5, 'Five halalas only'],
    [99, 'Ninety-nine halalas only'],
    [100, 'One Saudi riyal only'],
    [101, 'One Saudi riyal and one halala only'],
    [200, 'Two Saudi riyals only'],
    [1_000, 'Ten Saudi riyals only'],
    [1_100, 'Eleven Saudi riyals only'],
    [1_900, 'Nineteen Saudi riyals only'],
    [2_100, 'Twenty-one Saudi riyals only'],
    [9_900, 'Ninety-nine Saudi riyals only'],
    [10_000, 'One hundred Saudi riyals only'],
    [10_100, 'One hundred one Saudi riyals only'],
    [11_500, 'One hundred fifteen Saudi riyals only'],
    [100_000, 'One thousand Saudi riyals only'],
    [100_100, 'One thousand one Saudi riyals only'],
    [1_100_000, 'Eleven thousand Saudi riyals only'],
    [10_000_000, 'One hundred thousand Saudi riyals only'],
    [100_000_000, 'One million Saudi riyals only'],
    [250_000_000, 'Two million five hundred thousand Saudi riyals only'],
    [100_000_000_000, 'One billion Saudi riyals only'],
    [
      Number.MAX_SAFE_INTEGER,
      'Ninety trillion seventy-one billion nine hundred ninety-two million five hundred forty-seven thousand ' +
        'four hundred nine Saudi riyals and ninety-one halalas only',
    ],
  ])('%d halalas → %s', (amount, words) => {
    expect(amountInWordsEn(amount)).toBe(words);
  });

  it.each([
    [150_025, 'USD', 'One thousand five hundred US dollars and twenty-five cents only'],
    [1, 'EUR', 'One cent only'],
    [1_234_567, 'KWD', 'One thousand two hundred thirty-four Kuwaiti dinars and five hundred sixty-seven fils only'],
    [101, 'GBP', 'One pound sterling and one penny only'],
    [202, 'GBP', 'Two pounds sterling and two pence only'],
    [1_005, 'OMR', 'One Omani rial and five baisa only'],
    [250, 'EGP', 'Two Egyptian pounds and fifty piastres only'],
    [100, 'AED', 'One UAE dirham only'],
  ] as const)('%d %s → %s', (amount, code, words) => {
    expect(amountInWordsEn(amount, code)).toBe(words);
  });

  it('drops "only" on request and refuses bad amounts', () => {
    expect(amountInWordsEn(1_575_050, 'SAR', { only: false })).toBe('Fifteen thousand seven hundred fifty Saudi riyals and fifty halalas');
    expect(amountInWords(0, 'SAR', 'en', { only: false })).toBe('Zero Saudi riyals');
    expect(() => amountInWordsEn(-1)).toThrow(RangeError);
    expect(() => amountInWordsEn(0.5)).toThrow(RangeError);
  });
});

describe('numberInWordsEn', () => {
  it.each([
    [0, 'zero'],
    [7, 'seven'],
    [20, 'twenty'],
    [40, 'forty'],
    [115, 'one hundred fifteen'],
    [1_000_001, 'one million one'],
    [2_000_300_040, 'two billion three hundred thousand forty'],
  ])('%d → %s', (value, words) => {
    expect(numberInWordsEn(value)).toBe(words);
  });
});
