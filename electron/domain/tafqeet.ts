// Amount in words in the letter's language: the one entry point templates call for تفقيط.
import type { CurrencyCode } from './money';
import { amountInWordsAr } from './tafqeet-ar';
import { amountInWordsEn } from './tafqeet-en';

export type AmountInWordsLanguage = 'ar' | 'en';

export interface AmountInWordsOptions {
  /** Close with "فقط لا غير" / "only" (default true). */
  only?: boolean;
}

export { amountInWordsAr, countInWordsAr } from './tafqeet-ar';
export { amountInWordsEn, numberInWordsEn } from './tafqeet-en';

/** An amount in minor units in Arabic or English words. Throws RangeError for negative or unsafe amounts. */
export function amountInWords(
  amount: number,
  code: CurrencyCode,
  lang: AmountInWordsLanguage,
  options: AmountInWordsOptions = {},
): string {
  return lang === 'ar' ? amountInWordsAr(amount, code, options) : amountInWordsEn(amount, code, options);
}
