import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { formatInteger } from '../i18n/format';
import { formatMoney, formatMoneyCompact } from '../shared/money';

/** Numbers of the analytics pages in the reader's locale; amounts stay exact decimal strings. */
export function useAnalyticsFormat() {
  const { t, locale } = useI18n();
  return useMemo(() => {
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const empty = t('common.empty');
    return {
      locale,
      money: (amount: string | null | undefined, currency: string) => (amount ? formatMoney({ amount, currency }, locale) : empty),
      compact: (amount: string | null | undefined, currency: string) => (amount ? formatMoneyCompact({ amount, currency }, locale) : empty),
      /** Axis labels of money charts (plotted numbers). */
      compactNumber: (value: number, currency: string) => formatMoneyCompact({ amount: value.toFixed(2), currency }, locale),
      /** A fraction as a percentage: 0.253 → "25.3%". */
      rate: (fraction: number | null | undefined) => (fraction === null || fraction === undefined ? empty : percent.format(fraction)),
      /** A plotted percentage (25.3) → "25.3%". */
      percentNumber: (value: number) => percent.format(value / 100),
      count: (n: number | null | undefined) => (n === null || n === undefined ? empty : formatInteger(n, locale)),
      days: (n: number | null | undefined) => (n === null || n === undefined ? empty : t('analytics.days', { value: decimal.format(n) })),
    };
  }, [t, locale]);
}

export type AnalyticsFormat = ReturnType<typeof useAnalyticsFormat>;
