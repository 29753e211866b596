// An amount typed in major units (15,750.50) and kept in minor units (1575050) with parseAmount; NaN while it is not a number.
import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatMinorUnits } from '../../electron/domain/format';
import { getCurrency, parseAmount, type CurrencyCode } from '../../electron/domain/money';

/** The text an amount is edited as: Western digits, no grouping, all decimals. */
export function minorToInput(minor: number | null | undefined, currency: CurrencyCode): string {
  if (minor === null || minor === undefined || !Number.isSafeInteger(minor)) return '';
  return formatMinorUnits(minor, getCurrency(currency).decimals, { lang: 'en', digits: 'western' }).replace(/,/g, '');
}

export interface AmountFieldProps {
  label: string;
  value: number | null | undefined;
  currency: CurrencyCode;
  onChange: (minor: number | null) => void;
  error?: string | undefined;
  testId: string;
  withAsterisk?: boolean;
  /** Empty means null (optional amounts) rather than NaN. */
  optional?: boolean;
}

export function AmountField(props: AmountFieldProps): React.JSX.Element {
  const { label, value, currency, onChange, error, testId, withAsterisk, optional } = props;
  const [text, setText] = useState(minorToInput(value, currency));

  const [seen, setSeen] = useState(value);
  // A value set from outside (reset, load) replaces the text unless the text already means it.
  if (!Object.is(seen, value)) {
    setSeen(value);
    const parsed = parseAmount(text, currency);
    const same = parsed.ok && parsed.value === value;
    if (!same && value !== null && value !== undefined && !Number.isNaN(value)) setText(minorToInput(value, currency));
  }

  return (
    <TextInput
      label={label}
      value={text}
      dir="ltr"
      inputMode="decimal"
      rightSection={<span className="amount-currency">{currency}</span>}
      rightSectionWidth={48}
      withAsterisk={withAsterisk}
      error={error}
      data-testid={testId}
      autoComplete="off"
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        if (next.trim() === '' && optional) {
          onChange(null);
          return;
        }
        const parsed = parseAmount(next, currency);
        onChange(parsed.ok ? parsed.value : Number.NaN);
      }}
    />
  );
}
