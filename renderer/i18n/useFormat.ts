// Numbers and dates for the signed-in user's language and digit style, through the one formatting module.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatDateTime,
  formatDual,
  formatGregorian,
  formatHijri,
  formatNumber,
  type FormatOptions,
} from '../../electron/domain/format';
import { localDateTime } from '../../electron/domain/dates';
import { useAuthState } from '../api/auth-store';

export interface Formatters {
  opts: FormatOptions;
  number(n: number): string;
  gregorian(isoDate: string): string;
  hijri(isoDate: string): string;
  /** Hijri beside Gregorian: the way a date is shown everywhere in the app. */
  dual(isoDate: string): string;
  dateTime(isoInstant: string): string;
  /** An instant as its Riyadh date in both calendars, with the time: for audit entries and the like. */
  dateTimeDual(isoInstant: string): string;
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const auth = useAuthState();
  const lang = i18n.language === 'en' ? 'en' : 'ar';
  const digits = auth.phase === 'signedIn' ? auth.session.user.digits : 'western';
  return useMemo(() => {
    const opts: FormatOptions = { lang, digits };
    return {
      opts,
      number: (n) => formatNumber(n, opts),
      gregorian: (iso) => formatGregorian(iso, opts),
      hijri: (iso) => formatHijri(iso, opts),
      dual: (iso) => formatDual(iso, opts),
      dateTime: (iso) => formatDateTime(iso, opts),
      dateTimeDual: (iso) => {
        try {
          const local = localDateTime(iso);
          const time = formatDateTime(iso, opts).split(' ').pop() ?? '';
          return `${formatDual(local.date, opts)} ${time}`;
        } catch {
          return iso; // Outside the Hijri table or not an instant: show what the core sent rather than nothing.
        }
      },
    };
  }, [lang, digits]);
}
