// Words written into files for coded values (the reason column of rejected rows), from the same catalogue as the screen.
import type { ImportProblem } from '../../contract/procedures/imports';
import importsAr from '../../../locales/ar/imports.json';
import importsEn from '../../../locales/en/imports.json';

const WORDS = { ar: importsAr.imports, en: importsEn.imports };

export function problemText(p: ImportProblem, lang: 'ar' | 'en'): string {
  const base = WORDS[lang].problems[p.code];
  const withDetail = p.detail ? `${base} ${p.detail}` : base;
  return p.column ? `${withDetail} (${p.column})` : withDetail;
}

export function reasonHeaders(lang: 'ar' | 'en'): { reason: string; line: string } {
  return { reason: WORDS[lang].reason_header, line: WORDS[lang].line_header };
}
