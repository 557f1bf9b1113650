import { describe, expect, it } from 'vitest';
import { fitLogistic } from './logistic-regression.js';
import type { OneHotRows } from './one-hot-rows.js';

/** One feature with two levels (columns 0 and 1): `a` rows in level 0 (aPositive converted), `b` in level 1. */
function twoLevels(a: number, aPositive: number, b: number, bPositive: number) {
  const columns = Int32Array.from([...Array<number>(a).fill(0), ...Array<number>(b).fill(1)]);
  const outcomes = (count: number, positive: number) => Array.from({ length: count }, (_, i) => (i < positive ? 1 : 0));
  const labels = [...outcomes(a, aPositive), ...outcomes(b, bPositive)];
  const data: OneHotRows = { rows: a + b, columns, features: 1, width: 2 };
  return { data, labels };
}

const logit = (p: number) => Math.log(p / (1 - p));

describe('fitLogistic', () => {
  it('recovers the log-odds of each level when the penalty is negligible', () => {
    const { data, labels } = twoLevels(100, 30, 100, 70);
    const fit = fitLogistic(data, labels, 1e-8);
    expect(fit.intercept + fit.weights[0]).toBeCloseTo(logit(0.3), 5);
    expect(fit.intercept + fit.weights[1]).toBeCloseTo(logit(0.7), 5);
    expect(fit.iterations).toBeLessThan(10);
  });

  it('shrinks towards the base rate as the penalty grows', () => {
    const { data, labels } = twoLevels(100, 30, 100, 70);
    const spread = (lambda: number) => {
      const fit = fitLogistic(data, labels, lambda);
      return fit.weights[1] - fit.weights[0];
    };
    expect(spread(1)).toBeGreaterThan(spread(30));
    expect(spread(30)).toBeGreaterThan(spread(1000));
    expect(spread(1e6)).toBeCloseTo(0, 3);
  });

  it('stays finite when a level separates the classes perfectly', () => {
    const { data, labels } = twoLevels(50, 0, 50, 50);
    const fit = fitLogistic(data, labels, 1);
    expect(Number.isFinite(fit.weights[0]) && Number.isFinite(fit.weights[1])).toBe(true);
    expect(fit.weights[1]).toBeGreaterThan(fit.weights[0]);
  });

  it('continues from a previous fit to the same answer', () => {
    const { data, labels } = twoLevels(80, 20, 120, 90);
    const cold = fitLogistic(data, labels, 3);
    const warm = fitLogistic(data, labels, 3, fitLogistic(data, labels, 30));
    expect(warm.intercept).toBeCloseTo(cold.intercept, 8);
    expect(warm.weights[1]).toBeCloseTo(cold.weights[1], 8);
  });

  it('refuses a zero penalty, under which one-hot weights are not unique', () => {
    const { data, labels } = twoLevels(10, 5, 10, 5);
    expect(() => fitLogistic(data, labels, 0)).toThrow(/lambda/);
  });
});
