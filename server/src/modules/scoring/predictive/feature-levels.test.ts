import { describe, expect, it } from 'vitest';
import {
  binOf,
  formatNumber,
  normalizeBoolean,
  normalizeCategory,
  normalizeNumber,
  quantileEdges,
} from './feature-levels.js';

describe('normalizeCategory', () => {
  it.each([
    ['Google', 'google'],
    [' google ', 'google'],
    ['Welingak   Website', 'welingak website'],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
    [42, '42'],
  ])('%j → %j', (value, expected) => {
    expect(normalizeCategory(value)).toBe(expected);
  });
});

describe('normalizeBoolean', () => {
  it.each([
    ['Yes', 'true'],
    ['no', 'false'],
    [true, 'true'],
    [0, 'false'],
    ['是', 'true'],
    ['maybe', 'other'],
    ['', null],
    [null, null],
  ])('%j → %j', (value, expected) => {
    expect(normalizeBoolean(value)).toBe(expected);
  });
});

describe('normalizeNumber', () => {
  it.each([
    ['1,200', 1200],
    [' 2.5 ', 2.5],
    [7, 7],
    ['', null],
    ['n/a', null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [true, null],
    [undefined, null],
  ])('%j → %j', (value, expected) => {
    expect(normalizeNumber(value)).toBe(expected);
  });
});

describe('quantile bins', () => {
  it('give a spike of zeros its own bin and never repeat or end on the maximum', () => {
    expect(quantileEdges([5, 0, 0, 4, 0, 3, 0, 2, 0, 1], 5)).toEqual([0, 2, 4]);
    expect(quantileEdges([3, 3, 3], 4)).toEqual([]);
    expect(quantileEdges([], 4)).toEqual([]);
  });

  it.each([
    [-1, 0],
    [0, 0],
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 2],
    [5, 3],
  ])('puts %d in bin %i of the edges 0, 2, 4', (value, bin) => {
    expect(binOf([0, 2, 4], value)).toBe(bin);
  });

  it('labels numbers shortly', () => {
    expect(formatNumber(1200)).toBe('1200');
    expect(formatNumber(2.3333333)).toBe('2.333');
  });
});
