// Money for display: minor units with the currency's decimals, in the user's digits, with the currency's short name.
import { useTranslation } from 'react-i18next';
import { formatMinorUnits } from '../../electron/domain/format';
import { getCurrency, isCurrencyCode } from '../../electron/domain/money';
import { useFormat } from '../i18n/useFormat';

export function useMoney(): (minor: number, currency: string) => string {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (minor, currency) => {
    const code = isCurrencyCode(currency) ? currency : 'SAR';
    return `${formatMinorUnits(minor, getCurrency(code).decimals, fmt.opts)} ${t(`currencies.${code}`)}`;
  };
}
