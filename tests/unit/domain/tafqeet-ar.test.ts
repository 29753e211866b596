// Arabic amount in words: a hand-checked table for every rule of number and counted-noun grammar.
import { describe, expect, it } from 'vitest';
import { amountInWordsAr, countInWordsAr } from '../../../electron/domain/tafqeet-ar';
import { amountInWords } from '../../../electron/domain/tafqeet';

const ONLY = ' فقط لا غير';

describe('amountInWordsAr: the canonical example from DOMAIN.md', () => {
  it('writes 15,750.50 SAR exactly as the office does', () => {
    expect(amountInWordsAr(1_575_050)).toBe('خمسة عشر ألفاً وسبعمائة وخمسون ريالاً وخمسون هللة فقط لا غير');
    expect(amountInWords(1_575_050, 'SAR', 'ar')).toBe('خمسة عشر ألفاً وسبعمائة وخمسون ريالاً وخمسون هللة فقط لا غير');
  });
});

describe('amountInWordsAr: whole riyals (masculine noun)', () => {
  it.each([
    // 1 and 2: the noun itself
    [1, 'ريال واحد'],
    [2, 'ريالان'],
    // 3-10: plural noun, number in the opposite (feminine-marked) form
    [3, 'ثلاثة ريالات'],
    [4, 'أربعة ريالات'],
    [5, 'خمسة ريالات'],
    [8, 'ثمانية ريالات'],
    [10, 'عشرة ريالات'],
    // 11-99: singular accusative with tanween alif
    [11, 'أحد عشر ريالاً'],
    [12, 'اثنا عشر ريالاً'],
    [13, 'ثلاثة عشر ريالاً'],
    [15, 'خمسة عشر ريالاً'],
    [18, 'ثمانية عشر ريالاً'],
    [19, 'تسعة عشر ريالاً'],
    [20, 'عشرون ريالاً'],
    [21, 'واحد وعشرون ريالاً'],
    [22, 'اثنان وعشرون ريالاً'],
    [25, 'خمسة وعشرون ريالاً'],
    [50, 'خمسون ريالاً'],
    [99, 'تسعة وتسعون ريالاً'],
    // hundreds: singular genitive; مائتا in construct; 1 and 2 after a hundred as numerals
    [100, 'مائة ريال'],
    [101, 'مائة وواحد ريال'],
    [102, 'مائة واثنان ريال'],
    [103, 'مائة وثلاثة ريالات'],
    [110, 'مائة وعشرة ريالات'],
    [111, 'مائة وأحد عشر ريالاً'],
    [150, 'مائة وخمسون ريالاً'],
    [200, 'مائتا ريال'],
    [201, 'مائتان وواحد ريال'],
    [250, 'مائتان وخمسون ريالاً'],
    [300, 'ثلاثمائة ريال'],
    [800, 'ثمانمائة ريال'],
    [999, 'تسعمائة وتسعة وتسعون ريالاً'],
    // thousands
    [1_000, 'ألف ريال'],
    [1_001, 'ألف وريال واحد'],
    [1_002, 'ألف وريالان'],
    [1_003, 'ألف وثلاثة ريالات'],
    [1_100, 'ألف ومائة ريال'],
    [1_500, 'ألف وخمسمائة ريال'],
    [2_000, 'ألفا ريال'],
    [2_500, 'ألفان وخمسمائة ريال'],
    [3_000, 'ثلاثة آلاف ريال'],
    [10_000, 'عشرة آلاف ريال'],
    [11_000, 'أحد عشر ألف ريال'],
    [11_500, 'أحد عشر ألفاً وخمسمائة ريال'],
    [15_750, 'خمسة عشر ألفاً وسبعمائة وخمسون ريالاً'],
    [20_000, 'عشرون ألف ريال'],
    [21_000, 'واحد وعشرون ألف ريال'],
    [100_000, 'مائة ألف ريال'],
    [101_000, 'مائة وواحد ألف ريال'],
    [102_000, 'مائة واثنان ألف ريال'],
    [103_000, 'مائة وثلاثة آلاف ريال'],
    [200_000, 'مائتا ألف ريال'],
    [250_000, 'مائتان وخمسون ألف ريال'],
    [999_999, 'تسعمائة وتسعة وتسعون ألفاً وتسعمائة وتسعة وتسعون ريالاً'],
    // millions, billions, trillions
    [1_000_000, 'مليون ريال'],
    [1_000_001, 'مليون وريال واحد'],
    [1_001_000, 'مليون وألف ريال'],
    [1_002_000, 'مليون وألفا ريال'],
    [2_000_000, 'مليونا ريال'],
    [2_500_000, 'مليونان وخمسمائة ألف ريال'],
    [3_000_000, 'ثلاثة ملايين ريال'],
    [11_000_000, 'أحد عشر مليون ريال'],
    [12_500_000, 'اثنا عشر مليوناً وخمسمائة ألف ريال'],
    [1_000_000_000, 'مليار ريال'],
    [2_000_000_000, 'مليارا ريال'],
    [5_000_000_000, 'خمسة مليارات ريال'],
    [1_000_000_000_000, 'تريليون ريال'],
  ])('%d riyals → %s', (riyals, words) => {
    expect(amountInWordsAr(riyals * 100)).toBe(words + ONLY);
  });
});

describe('amountInWordsAr: halalas only (feminine noun)', () => {
  it.each([
    [1, 'هللة واحدة'],
    [2, 'هللتان'],
    [3, 'ثلاث هللات'],
    [8, 'ثماني هللات'],
    [10, 'عشر هللات'],
    [11, 'إحدى عشرة هللة'],
    [12, 'اثنتا عشرة هللة'],
    [13, 'ثلاث عشرة هللة'],
    [18, 'ثماني عشرة هللة'],
    [19, 'تسع عشرة هللة'],
    [20, 'عشرون هللة'],
    [21, 'إحدى وعشرون هللة'],
    [22, 'اثنتان وعشرون هللة'],
    [28, 'ثمان وعشرون هللة'],
    [50, 'خمسون هللة'],
    [99, 'تسع وتسعون هللة'],
  ])('%d halalas → %s', (halalas, words) => {
    expect(amountInWordsAr(halalas)).toBe(words + ONLY);
  });
});

describe('amountInWordsAr: riyals and halalas together', () => {
  it.each([
    [0, 'صفر ريال'],
    [101, 'ريال واحد وهللة واحدة'],
    [202, 'ريالان وهللتان'],
    [1_050, 'عشرة ريالات وخمسون هللة'],
    [1_203, 'اثنا عشر ريالاً وثلاث هللات'],
    [10_001, 'مائة ريال وهللة واحدة'],
    [100_099, 'ألف ريال وتسع وتسعون هللة'],
    [300_011, 'ثلاثة آلاف ريال وإحدى عشرة هللة'],
    [
      Number.MAX_SAFE_INTEGER,
      'تسعون تريليوناً وواحد وسبعون ملياراً وتسعمائة واثنان وتسعون مليوناً وخمسمائة وسبعة وأربعون ألفاً ' +
        'وأربعمائة وتسعة ريالات وإحدى وتسعون هللة',
    ],
  ])('%d halalas → %s', (amount, words) => {
    expect(amountInWordsAr(amount)).toBe(words + ONLY);
  });
});

describe('amountInWordsAr: other currencies', () => {
  it.each([
    [150_025, 'USD', 'ألف وخمسمائة دولار أمريكي وخمسة وعشرون سنتاً'],
    [300, 'EUR', 'ثلاثة يوروات'],
    [1_100, 'EUR', 'أحد عشر يورو'],
    [1_234_567, 'KWD', 'ألف ومائتان وأربعة وثلاثون ديناراً كويتياً وخمسمائة وسبعة وستون فلساً'],
    [1_001, 'KWD', 'دينار كويتي واحد وفلس واحد'],
    [3_000, 'BHD', 'ثلاثة دنانير بحرينية'],
    [101_000, 'JOD', 'مائة وواحد دينار أردني'],
    [2_003, 'OMR', 'ريالان عمانيان وثلاث بيسات'],
    [121, 'OMR', 'مائة وإحدى وعشرون بيسة'],
    [11, 'OMR', 'إحدى عشرة بيسة'],
    [5, 'QAR', 'خمسة دراهم'],
    [1_500, 'QAR', 'خمسة عشر ريالاً قطرياً'],
    [250, 'EGP', 'جنيهان مصريان وخمسون قرشاً'],
    [1, 'AED', 'فلس واحد'],
    [100, 'GBP', 'جنيه إسترليني واحد'],
    [0, 'USD', 'صفر دولار أمريكي'],
  ] as const)('%d %s → %s', (amount, code, words) => {
    expect(amountInWordsAr(amount, code)).toBe(words + ONLY);
  });
});

describe('amountInWordsAr: options and guards', () => {
  it('drops "فقط لا غير" on request', () => {
    expect(amountInWordsAr(1_575_050, 'SAR', { only: false })).toBe('خمسة عشر ألفاً وسبعمائة وخمسون ريالاً وخمسون هللة');
    expect(amountInWords(5_000, 'SAR', 'ar', { only: false })).toBe('خمسون ريالاً');
  });

  it('refuses negative and fractional amounts', () => {
    expect(() => amountInWordsAr(-100)).toThrow(RangeError);
    expect(() => amountInWordsAr(10.5)).toThrow(RangeError);
    expect(() => amountInWordsAr(Number.NaN)).toThrow(RangeError);
    expect(() => amountInWordsAr(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });

  it('counts other nouns, e.g. days in a demand letter', () => {
    const day = { singular: 'يوم', dual: 'يومان', plural: 'أيام', accusative: 'يوماً', gender: 'm' } as const;
    expect(countInWordsAr(15, day)).toBe('خمسة عشر يوماً');
    expect(countInWordsAr(5, day)).toBe('خمسة أيام');
    expect(countInWordsAr(30, day)).toBe('ثلاثون يوماً');
    expect(countInWordsAr(2, day)).toBe('يومان');
    expect(countInWordsAr(0, day)).toBe('صفر يوم');
    expect(() => countInWordsAr(-1, day)).toThrow(RangeError);
  });
});
