// From a template and a case to PDF pages: the one path previews, single letters and batches share.
import { randomBytes } from 'node:crypto';
import type { LetterInputs } from '../../contract/procedures/letters';
import type { DigitStyle } from '../../domain/digits';
import { TEMPLATE_KIND_INFO, renderWithUse, type TemplateKind, type TemplateLang, type TemplateValues } from '../../domain/template';
import type { LadderConfig } from '../../domain/ladder';
import type { LetterContent } from '../pdf';
import type { Db } from '../../../db/open';
import { getTemplate } from '../../../db/queries/letters';
import { composeLetter } from './compose';
import { defaultTemplate } from './defaults';
import { caseLetterValues, type LetterFacts, type LetterSource } from './values';

/** The office's edited text for a kind and language, else the shipped default. */
export function templateBody(db: Db, kind: TemplateKind, lang: TemplateLang): string {
  return getTemplate(db, kind, lang)?.body ?? defaultTemplate(kind, lang);
}

// Crockford base32 without I, L, O, U: nothing to misread when typed back from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short code printed on the letter (and in its QR code): 12 characters, 60 random bits, `K7Q2-M9XD-4TFA`. */
export function newVerifyCode(): string {
  const bytes = randomBytes(12);
  let code = '';
  for (let i = 0; i < 12; i++) code += ALPHABET[(bytes[i] ?? 0) & 31];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

/** What a person typed or a scanner read, back to the stored form (or null when it cannot be a code). */
export function normaliseVerifyCode(typed: string): string | null {
  const raw = typed.trim().toUpperCase().replace(/^TAHSEEL-VERIFY:/, '').replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(raw)) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}

/** Placeholders a letter cannot go out without; the rest print empty and show as warnings in the preview. */
export function hardMissing(kind: TemplateKind, facts: LetterFacts, printedEmpty: readonly string[]): string[] {
  const out = new Set<string>();
  if (!facts.debtor) out.add('debtor.name');
  // A postal letter needs somewhere to go, whether or not the template prints it.
  if (TEMPLATE_KIND_INFO[kind].postal && facts.values['debtor.address'] === '') out.add('debtor.address');
  for (const path of printedEmpty) {
    if (path === 'debtor.name' || path.startsWith('settlement.') || path.startsWith('plan.')) out.add(path);
  }
  return [...out];
}

export interface PreparedLetter {
  content: LetterContent;
  facts: LetterFacts;
  /** Printed placeholders that had no value. */
  missing: string[];
  values: TemplateValues;
}

export interface PrepareOptions {
  kind: TemplateKind;
  lang: TemplateLang;
  digits: DigitStyle;
  body: string;
  today: string;
  outgoingNumber: string;
  verifyCode: string;
  /** null: the kind's default. */
  deadlineDays: number | null;
  inputs: LetterInputs;
  ladder: LadderConfig;
}

/** Values for the case, the template rendered with them, and the drawing of it; null when the case does not exist. */
export function prepareLetter(source: LetterSource, caseId: number, o: PrepareOptions): PreparedLetter | null {
  const facts = caseLetterValues(source, caseId, {
    lang: o.lang,
    today: o.today,
    outgoingNumber: o.outgoingNumber,
    verifyCode: o.verifyCode,
    deadlineDays: o.deadlineDays ?? TEMPLATE_KIND_INFO[o.kind].deadlineDays,
    inputs: o.inputs,
    ladder: o.ladder,
  });
  if (!facts) return null;
  const { blocks, missing } = renderWithUse(o.body, facts.values, { lang: o.lang, digits: o.digits });
  return { content: composeLetter(blocks), facts, missing, values: facts.values };
}
