// What each entity contributes to the global search index, normalised the way queries are.
import { searchTokens } from '../../../domain/arabic-text';
import { phoneSearchKey } from '../../../domain/phone';
import { toWesternDigits } from '../../../domain/digits';
import type { Sqlite } from '../../../../db/open';
import { indexEntity } from '../../../../db/queries/search';

function join(parts: (string | undefined | null)[]): string {
  return parts.filter((p): p is string => !!p && p.trim() !== '').join(' ');
}

/** References are indexed as typed and without separators, so `000123` and `th2026000123` both match. */
function referenceForms(ref: string): string {
  const lower = ref.toLowerCase();
  return join([lower, lower.replace(/[^a-z0-9]/g, '')]);
}

export function indexParty(
  sqlite: Sqlite,
  p: { id: number; name: string; nameEn: string; nationalId: string; crNumber: string; vatNumber: string; phones: string[] },
): void {
  indexEntity(
    sqlite,
    'party',
    p.id,
    join([...searchTokens(`${p.name} ${p.nameEn}`), p.nationalId, p.crNumber, p.vatNumber, ...p.phones.map(phoneSearchKey)]),
  );
}

export function indexClient(sqlite: Sqlite, c: { id: number; nameAr: string; nameEn: string; crNumber: string; nationalId: string }): void {
  indexEntity(sqlite, 'client', c.id, join([...searchTokens(`${c.nameAr} ${c.nameEn}`), c.crNumber, c.nationalId]));
}

export function indexCase(
  sqlite: Sqlite,
  k: { id: number; reference: string; clientReference: string; instrumentNumber: string; najizNumber: string; debtorNames: string[] },
): void {
  indexEntity(
    sqlite,
    'case',
    k.id,
    join([
      referenceForms(k.reference),
      k.clientReference ? referenceForms(k.clientReference) : '',
      k.instrumentNumber.toLowerCase(),
      k.najizNumber.toLowerCase(),
      ...searchTokens(k.debtorNames.join(' ')),
    ]),
  );
}

/** A query as search terms: words folded as the index is (punctuation splits words); digit runs also try their phone key. */
export function queryTerms(query: string): string[][] {
  // A phone typed with spaces or dashes ("+966 55 123 4567") is one number, not four words.
  const compact = toWesternDigits(query).replace(/[\s\-().]/g, '');
  if (/^\+?\d{7,}$/.test(compact)) {
    const key = phoneSearchKey(compact);
    return [[...new Set([key, compact.replace('+', '')])].filter((a) => a.length > 0)];
  }
  return searchTokens(query).map((token) => {
    const alts = new Set([token]);
    if (/^\+?\d{4,}$/.test(token)) {
      const key = phoneSearchKey(token);
      if (key && key.length >= 3) alts.add(key);
    }
    return [...alts].filter((a) => a !== '');
  }).filter((alts) => alts.length > 0);
}
