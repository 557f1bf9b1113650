/** Money on the API: a decimal string and an ISO 4217 code. Stored as numeric + char(3). */
export interface Money {
  amount: string;
  currency: string;
}

export function moneyFromColumns(amount: unknown, currency: unknown): Money | null {
  if (amount === null || amount === undefined || !currency) return null;
  return { amount: formatAmount(String(amount)), currency: String(currency).trim() };
}

/** numeric(20,2) comes back as "1234.50" or "1234.5" depending on the driver: always two decimals. */
function formatAmount(amount: string): string {
  const [int, frac = ''] = amount.split('.');
  return `${int}.${frac.padEnd(2, '0').slice(0, 2)}`;
}
