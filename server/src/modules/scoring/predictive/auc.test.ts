import { describe, expect, it } from 'vitest';
import { auc } from './auc.js';

describe('auc', () => {
  it.each([
    ['perfect ranking', [0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1], 1],
    ['inverted ranking', [0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1], 0],
    ['all scores tied', [0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1], 0.5],
    ['one swapped pair of four', [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 0.75],
    ['a tie across classes counts one half', [0.5, 0.5, 0.2, 0.9], [1, 0, 0, 1], 0.875],
    ['ties within a class change nothing', [0.3, 0.3, 0.7, 0.7], [0, 0, 1, 1], 1],
  ])('%s', (_, scores, labels, expected) => {
    expect(auc(scores, labels)).toBeCloseTo(expected, 12);
  });

  it('does not depend on the order of the rows', () => {
    expect(auc([0.8, 0.1, 0.35, 0.4], [1, 0, 1, 0])).toBeCloseTo(0.75, 12);
  });

  it('is undefined (NaN) when one class is absent', () => {
    expect(auc([0.1, 0.9], [1, 1])).toBeNaN();
    expect(auc([], [])).toBeNaN();
  });

  it('refuses scores and labels of different lengths', () => {
    expect(() => auc([0.1, 0.2], [1])).toThrow(/length/);
  });
});
