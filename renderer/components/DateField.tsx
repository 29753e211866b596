// A date typed as Gregorian (YYYY-MM-DD) or Hijri (1447/11/12هـ), kept as an ISO date, with both calendars shown beside it.
import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../electron/domain/dates';
import { hijriToGregorian, parseHijriInput } from '../../electron/domain/hijri';
import { toWesternDigits } from '../../electron/domain/digits';
import { useFormat } from '../i18n/useFormat';

/** The ISO date a typed text means: Gregorian ISO first, then a Hijri date; null when it is neither. */
export function readDateInput(text: string): string | null {
  const western = toWesternDigits(text).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(western) && Number(western.slice(0, 4)) >= 1800 && isIsoDate(western)) return western;
  const hijri = parseHijriInput(western);
  if (!hijri) return null;
  try {
    return hijriToGregorian(hijri);
  } catch {
    return null;
  }
}

export interface DateFieldProps {
  label: string;
  value: string | null | undefined;
  onChange: (iso: string) => void;
  error?: string | undefined;
  testId: string;
  withAsterisk?: boolean;
}

export function DateField({ label, value, onChange, error, testId, withAsterisk }: DateFieldProps): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [text, setText] = useState(value ?? '');
  const [bad, setBad] = useState(false);

  const [seen, setSeen] = useState(value);
  // A value set from outside (reset, load) replaces what is typed.
  if (!Object.is(seen, value)) {
    setSeen(value);
    setText(value ?? '');
    setBad(false);
  }

  const commit = (): void => {
    if (text.trim() === '') {
      setBad(false);
      onChange('');
      return;
    }
    const iso = readDateInput(text);
    setBad(iso === null);
    if (iso !== null) {
      setText(iso);
      onChange(iso);
    } else onChange(text);
  };

  const shown = value && isIsoDate(value) ? fmt.dual(value) : t('dates.hint');
  return (
    <TextInput
      label={label}
      value={text}
      dir="ltr"
      placeholder={t('dates.placeholder')}
      description={shown}
      withAsterisk={withAsterisk}
      error={bad ? t('validation.date') : error}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
      data-testid={testId}
      autoComplete="off"
    />
  );
}
