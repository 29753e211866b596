// Arabic-aware text folding for search and matching of names, so spelling variants of the same party find each other.
import { toWesternDigits } from './digits';

/**
 * Harakat and Quranic marks are removed by range as well as by the general \p{M} class because
 * several Quranic signs are not combining marks in Unicode (U+06DD is Cf, U+06DE/U+06E9 are So,
 * the small waw/yeh U+06E5-U+06E6 are Lm). Tatweel (U+0640) is a letter modifier, also removed.
 */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u08D3-\u08E1\u08E3-\u08FF\u0640]/g;
const COMBINING_MARKS = /\p{M}/gu;
const FORMAT_CHARS = /\p{Cf}/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** One spelling per letter family; typists and scanners disagree on hamza seats and final letters. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ى': 'ي', 'ئ': 'ي', 'ی': 'ي', // U+06CC Farsi yeh comes from Persian keyboard layouts
  'ة': 'ه', 'ۀ': 'ه',
  'ؤ': 'و',
  'ک': 'ك', // U+06A9 keheh, same source
};
const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

/**
 * Prefixes written both joined and apart in names: "عبد الله" / "عبدالله", "أبو بكر" / "ابوبكر".
 * They are joined to the next word. "بن"/"ابن" and "آل" are not: they separate a name from the
 * father's or family name and are always written apart.
 */
const JOINED_PREFIXES: ReadonlySet<string> = new Set(['عبد', 'ابو']);

/**
 * Fold text character by character: compatibility forms (presentation forms, the ﻻ ligature),
 * diacritics and tatweel removed, hamza seats, alef maqsura, taa marbuta and Persian letters
 * unified, Arabic-Indic and Persian digits made Western, Latin lower-cased (accents dropped),
 * punctuation turned into spaces and whitespace collapsed.
 */
export function foldText(text: string): string {
  return toWesternDigits(
    text
      .normalize('NFKC')
      .replace(ARABIC_MARKS, '')
      .replace(FOLDABLE, (ch) => LETTER_FOLDS[ch] ?? ch)
      // NFD after the Arabic folds splits Latin accents off ("José" → "Jose") without touching Arabic letters now left.
      .normalize('NFD')
      .replace(COMBINING_MARKS, '')
      .replace(FORMAT_CHARS, '')
      .toLowerCase(),
  )
    .replace(NOT_WORD, ' ')
    .trim();
}

/** Folded words of a text, with "عبد …" and "ابو …" joined to the following word. */
export function searchTokens(text: string): string[] {
  const words = foldText(text).split(' ').filter((w) => w !== '');
  const tokens: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] ?? '';
    const next = words[i + 1];
    if (JOINED_PREFIXES.has(word) && next !== undefined) {
      tokens.push(word + next);
      i += 1;
    } else {
      tokens.push(word);
    }
  }
  return tokens;
}

/**
 * The search form of a text: "مُحَمَّد عبد الله" and "محمد عبدالله" both give "محمد عبدالله".
 * Store it beside a name and compare it with the same form of the query.
 */
export function normalizeForSearch(text: string): string {
  return searchTokens(text).join(' ');
}

/** True when every word of the query occurs, in any order, inside the normalised text (substring match per word). */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = normalizeForSearch(text);
  return searchTokens(query).every((token) => haystack.includes(token));
}
