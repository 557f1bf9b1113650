import type { Locale, Money } from '../api/types';

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP'] as const;

/** As the API accepts it: up to 16 integer digits and 2 decimals. */
const AMOUNT_PATTERN = /^-?\d{1,16}(\.\d{1,2})?$/;

/** Whether `text` is a decimal amount the API accepts ("1234.5", "1,234.50" after cleaning). */
export function isDecimalAmount(text: string): boolean {
  return AMOUNT_PATTERN.test(cleanAmount(text));
}

/** Removes grouping separators and spaces a person may type: "1,234 567.8" → "1234567.8". */
export function cleanAmount(text: string): string {
  return text.replace(/[,\s_，]/g, '').trim();
}

/**
 * Normalises typed text to the API's decimal string with at least two decimals, without ever going
 * through a float: "1,234.5" → "1234.50". Returns null for text that is not an amount.
 */
export function normalizeAmount(text: string): string | null {
  const cleaned = cleanAmount(text);
  if (!AMOUNT_PATTERN.test(cleaned)) return null;
  const negative = cleaned.startsWith('-');
  const unsigned = negative ? cleaned.slice(1) : cleaned;
  const [whole, fraction = ''] = unsigned.split('.');
  const wholeDigits = whole.replace(/^0+(?=\d)/, '');
  const fractionDigits = fraction.padEnd(2, '0');
  const result = `${wholeDigits}.${fractionDigits}`;
  return negative && /[1-9]/.test(result) ? `-${result}` : result;
}

function asNumericLiteral(amount: string): Intl.StringNumericLiteral {
  return amount as Intl.StringNumericLiteral;
}

/** "¥1,234.50" / "CN¥1,234.50": the exact decimal string is formatted, never rounded through a float. */
export function formatMoney(money: Money | null | undefined, locale: Locale): string {
  if (!money || !isDecimalAmount(money.amount)) return '';
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
      asNumericLiteral(cleanAmount(money.amount)),
    );
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

/** Short form for cards and headers: "¥5000万" / "CN¥50M". */
export function formatMoneyCompact(money: Money | null | undefined, locale: Locale): string {
  if (!money || !isDecimalAmount(money.amount)) return '';
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 2,
    }).format(asNumericLiteral(cleanAmount(money.amount)));
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

/** A typed amount with its currency as the API's Money; blank text (or text that is not an amount) is null. */
export function moneyOrNull(text: string | null | undefined, currency: string): Money | null {
  const amount = text === null || text === undefined ? null : normalizeAmount(text);
  return amount === null ? null : { amount, currency };
}
