// Public entry of the PDF engine (plain Node; never imports 'electron').
export { createDocument } from './document';
export type { ContentBuilder, DocumentBuilder } from './document';
export { renderLetters, renderLettersSeparately } from './batch';
export type { LetterContent, LetterPages, MergedLetters } from './batch';
export { extractPages } from './extract';
export { resolveFontsDir } from './fonts';
export { pageLabel } from './furniture';
export type * from './types';
