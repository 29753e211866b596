// Text helpers for documents: sizes in the user's digits, refusal messages with the office limit, a type guessed from the name.
import type { TFunction } from 'i18next';
import type { DocumentType } from '../../../electron/contract/procedures/documents';
import { isApiCallError } from '../../api/client';
import { errorMessage } from '../../components/errorMessage';
import type { Formatters } from '../../i18n/useFormat';

export const MB = 1024 * 1024;

/** 512 B, 12.4 KB, 3.1 MB — one decimal, in the user's digits. */
export function formatSize(bytes: number, fmt: Formatters, t: TFunction): string {
  const one = (n: number): string => fmt.number(Math.round(n * 10) / 10);
  if (bytes < 1024) return t('documents.size_b', { n: fmt.number(bytes) });
  if (bytes < MB) return t('documents.size_kb', { n: one(bytes / 1024) });
  return t('documents.size_mb', { n: one(bytes / MB) });
}

function maxMbOf(details: unknown): number | null {
  if (typeof details === 'object' && details !== null && 'maxMb' in details && typeof details.maxMb === 'number') return details.maxMb;
  return null;
}

/** A refusal in the user's language; "too large" names the office's limit from the error's details. */
export function documentErrorMessage(e: unknown, t: TFunction, fmt: Formatters): string {
  if (isApiCallError(e) && e.code === 'documents.too_large') {
    const maxMb = maxMbOf(e.details);
    return t('errors.documents.too_large', { maxMb: maxMb === null ? '—' : fmt.number(maxMb) });
  }
  return errorMessage(e, t);
}

// Words in a file name that say what the paper is, in Arabic and English (checked in this order).
const NAME_HINTS: readonly (readonly [DocumentType, RegExp])[] = [
  ['promissory_note', /promissory|سند[ _-]?لأمر|سند[ _-]?لامر|كمبيال/i],
  ['power_of_attorney', /attorney|\bpoa\b|وكال/i],
  ['invoice', /invoice|\binv\b|فاتور/i],
  ['contract', /contract|agreement|عقد|اتفاقي/i],
  ['cheque', /cheque|check|شيك/i],
  ['judgment', /judg(e)?ment|ruling|حكم|صك/i],
  ['delivery_proof', /delivery|receipt|proof|تسليم|استلام|إيصال|ايصال/i],
  ['correspondence', /letter|email|mail|خطاب|رسالة|مراسل|إنذار|انذار/i],
];

/** The type a new document starts with: e-mails are correspondence, a telling word in the name decides, else "other". */
export function guessDocumentType(fileName: string): DocumentType {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  if (ext === 'eml' || ext === 'msg') return 'correspondence';
  const base = fileName.replace(/\.[a-z0-9]+$/i, '').replace(/[_.-]+/g, ' ');
  return NAME_HINTS.find(([, re]) => re.test(base))?.[0] ?? 'other';
}
