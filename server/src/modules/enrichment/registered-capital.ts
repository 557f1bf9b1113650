import type { Money } from '../../platform/normalize/money.js';

/** Currency words of 注册资金 → ISO 4217. A currency not listed here (德国马克…) gives no amount. */
const CURRENCIES: readonly [RegExp, string][] = [
  [/美元/, 'USD'],
  [/港元|港币|香港元/, 'HKD'],
  [/日元/, 'JPY'],
  [/欧元/, 'EUR'],
  [/英镑/, 'GBP'],
  [/新加坡元/, 'SGD'],
  [/澳门元/, 'MOP'],
  [/台币|新台币/, 'TWD'],
  [/人民币|^元?$/, 'CNY'],
];

const MAX_INTEGER_DIGITS = 16;

/** "12.5" × 10^places as a decimal string with two decimals, without floating point. */
function shift(number: string, places: number): string | null {
  const [int, frac = ''] = number.split('.');
  const digits = (int + frac.padEnd(places + 2, '0')).replace(/^0+(?=\d)/, '');
  const whole = digits.slice(0, digits.length - 2) || '0';
  if (whole.replace(/^0+/, '').length > MAX_INTEGER_DIGITS) return null;
  return `${whole.replace(/^0+(?=\d)/, '')}.${digits.slice(-2)}`;
}

/**
 * Reads registered capital as registries write it — "100(万元人民币)", "1,000(万元人民币)",
 * "50万美元", "100（万元）", "100(万)" — into an exact amount and currency. "N/A", "-" and text it
 * cannot read give null.
 */
export function parseRegisteredCapital(input: string | null | undefined): Money | null {
  if (!input) return null;
  const text = input.normalize('NFKC').replace(/\s+/g, '');
  const m = /^([\d,]*\d(?:\.\d+)?)\(?(亿|万)?([^()]*?)\)?$/.exec(text);
  if (!m) return null;
  const [, rawNumber, unit, rest] = m;
  if (!/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(rawNumber)) return null;
  const currency = CURRENCIES.find(([re]) => re.test(rest))?.[1];
  if (!currency) return null;
  const places = unit === '亿' ? 8 : unit === '万' ? 4 : 0;
  const amount = shift(rawNumber.replace(/,/g, ''), places);
  if (!amount || Number(amount) === 0) return null;
  return { amount, currency };
}
