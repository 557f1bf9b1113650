import { describe, expect, it } from 'vitest';
import { allocate, divRound, fromMinor, lineTotalMinor, sumMinor, toMinor, toScaled } from './deal-money.js';

describe('deal money in integer minor units', () => {
  it.each<[string, bigint]>([
    ['0', 0n],
    ['1', 100n],
    ['1.5', 150n],
    ['1234.50', 123450n],
    ['0.01', 1n],
    ['-12.3', -1230n],
    ['9999999999999999.99', 999999999999999999n],
  ])('%s ↔ %s', (amount, minor) => {
    expect(toMinor(amount)).toBe(minor);
    expect(toMinor(fromMinor(minor))).toBe(minor);
  });

  it.each(['1.234', 'abc', '', '1e5', '--1'])('refuses %j', (bad) => {
    expect(() => toMinor(bad)).toThrow(RangeError);
  });

  it.each<[number, number, bigint | null]>([
    [2, 3, 2000n],
    [1.5, 3, 1500n],
    [0.001, 3, 1n],
    [0.0005, 3, null],
    [12.5, 2, 1250n],
    [33.33, 2, 3333n],
    [0.1 + 0.2, 2, 30n],
    [Number.NaN, 2, null],
  ])('scales %s to %s places', (value, places, scaled) => {
    expect(toScaled(value, places)).toBe(scaled);
  });

  it.each<[bigint, bigint, bigint]>([
    [5n, 2n, 3n],
    [4n, 2n, 2n],
    [7n, 3n, 2n],
    [-5n, 2n, -3n],
    [-7n, 3n, -2n],
    [149n, 100n, 1n],
    [150n, 100n, 2n],
  ])('%s / %s rounds half away from zero to %s', (n, d, q) => {
    expect(divRound(n, d)).toBe(q);
  });

  it.each<[string, number, number, string]>([
    // unit price, quantity, discount %, line total
    ['100.00', 3, 0, '300.00'],
    ['19.99', 3, 0, '59.97'],
    ['10.00', 1.5, 0, '15.00'],
    ['0.10', 3, 0, '0.30'],
    ['1000.00', 1, 12.5, '875.00'],
    ['99.99', 7, 33.33, '466.64'], // 699.93 × 0.6667 = 466.643331
    ['0.01', 1, 50, '0.01'], // half a cent rounds away from zero
    ['0.03', 1, 50, '0.02'], // 1.5 cents → 2
    ['250.00', 2, 100, '0.00'],
    ['1234.56', 0.333, 0, '411.11'], // 411.10848
    ['0.07', 3, 0, '0.21'], // 0.07 × 3 is 0.21000000000000002 in floating point
  ])('%s × %s less %s %% = %s', (price, qty, discount, total) => {
    const result = lineTotalMinor({
      unitPriceMinor: toMinor(price),
      quantityMilli: toScaled(qty, 3)!,
      discountBp: toScaled(discount, 2)!,
    });
    expect(fromMinor(result)).toBe(total);
  });

  it('sums without floating-point drift', () => {
    expect(fromMinor(sumMinor([toMinor('0.10'), toMinor('0.20')]))).toBe('0.30');
    expect(fromMinor(sumMinor(Array.from({ length: 10 }, () => toMinor('0.10'))))).toBe('1.00');
  });

  it.each<[bigint, bigint[], bigint[]]>([
    [100n, [1n, 1n, 1n], [34n, 33n, 33n]],
    [200n, [1n, 1n, 1n], [67n, 67n, 66n]],
    [1000n, [50n, 30n, 20n], [500n, 300n, 200n]],
    [10n, [3n, 3n, 3n], [4n, 3n, 3n]],
    [7n, [0n, 0n], [4n, 3n]],
    [5n, [0n, 1n], [0n, 5n]],
    [-100n, [1n, 1n, 1n], [-34n, -33n, -33n]],
    [1n, [1n, 2n, 3n], [0n, 0n, 1n]],
    [0n, [1n, 2n], [0n, 0n]],
  ])('allocates %s over %s by largest remainder → %s', (total, weights, shares) => {
    const result = allocate(total, weights);
    expect(result).toEqual(shares);
    expect(sumMinor(result)).toBe(total);
  });
});
