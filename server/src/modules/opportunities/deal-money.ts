/**
 * Deal money in integer minor units (hundredths): amounts arrive and leave as decimal strings,
 * are summed and multiplied as bigint, and rounded once per line, half away from zero.
 */

const AMOUNT_RE = /^(-)?(\d{1,16})(?:\.(\d{1,2}))?$/;

/** "1234.5" → 123450n. Throws on anything but a decimal with at most two places. */
export function toMinor(amount: string): bigint {
  const match = AMOUNT_RE.exec(amount.trim());
  if (!match) throw new RangeError(`Not a money amount: ${amount}`);
  const [, sign, int, frac = ''] = match;
  const minor = BigInt(int) * 100n + BigInt(frac.padEnd(2, '0'));
  return sign ? -minor : minor;
}

/** 123450n → "1234.50". */
export function fromMinor(minor: bigint): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const int = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${int}.${frac}`;
}

/** A number with at most `places` decimals as an integer of 10^-places units; null when it has more. */
export function toScaled(value: number, places: number): bigint | null {
  if (!Number.isFinite(value)) return null;
  const factor = 10 ** places;
  const scaled = Math.round(value * factor);
  if (Math.abs(value * factor - scaled) > 1e-6) return null;
  return BigInt(scaled);
}

/** n / d rounded half away from zero (d > 0). */
export function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

export interface LineInput {
  /** Unit price in minor units. */
  unitPriceMinor: bigint;
  /** Quantity in thousandths (1.5 → 1500n). */
  quantityMilli: bigint;
  /** Discount in basis points of a percent (12.5 % → 1250n); 0 … 10 000. */
  discountBp: bigint;
}

/** quantity × unit price × (1 − discount), rounded once to the minor unit. */
export function lineTotalMinor({ unitPriceMinor, quantityMilli, discountBp }: LineInput): bigint {
  return divRound(unitPriceMinor * quantityMilli * (10_000n - discountBp), 1_000n * 10_000n);
}

export const sumMinor = (values: bigint[]): bigint => values.reduce((a, b) => a + b, 0n);

/**
 * Splits `total` over `weights` in proportion, by largest remainder: every share is the floor
 * of its exact part, and the units left go one each to the largest remainders (earlier lines
 * first on ties). The shares always add up to `total`. All-zero weights split evenly.
 */
export function allocate(total: bigint, weights: bigint[]): bigint[] {
  if (weights.length === 0) return [];
  if (weights.some((w) => w < 0n)) throw new RangeError('Weights must not be negative');
  if (total < 0n) return allocate(-total, weights).map((s) => -s);
  const effective = weights.every((w) => w === 0n) ? weights.map(() => 1n) : weights;
  const sum = sumMinor(effective);
  const shares = effective.map((w) => (total * w) / sum);
  const remainders = effective.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - sumMinor(shares);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    shares[i] += 1n;
    left -= 1n;
  }
  return shares;
}
