// Turn any thrown error into a sentence in the user's language (errors.<code>), never the core's English text.
import type { TFunction } from 'i18next';
import { MIN_PASSWORD_LENGTH } from '../../electron/domain/password';
import { formatNumber } from '../../electron/domain/format';
import { getAuthState } from '../api/auth-store';
import { isApiCallError } from '../api/client';
import { currentLang } from '../i18n';

export function errorMessage(e: unknown, t: TFunction): string {
  if (isApiCallError(e)) return t(`errors.${e.code}`);
  return t('errors.internal');
}

/** Values the validation messages interpolate, in the user's digits. */
export function validationValues(lang: string): { min: string } {
  const auth = getAuthState();
  const digits = auth.phase === 'signedIn' ? auth.session.user.digits : 'western';
  return { min: formatNumber(MIN_PASSWORD_LENGTH, { lang: lang === 'en' ? 'en' : 'ar', digits }) };
}

/** A field message from zod or the core (`validation.*` keys) in the user's language. */
export function fieldMessage(message: string | undefined, t: TFunction): string | undefined {
  if (!message) return undefined;
  if (!message.startsWith('validation.')) return t('validation.invalid');
  return t(message, validationValues(currentLang()));
}
