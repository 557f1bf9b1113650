import { describe, expect, it } from 'vitest';
import {
  diceBigrams,
  editDistance,
  jaccardBigrams,
  jaroWinkler,
  longestCommonSubsequence,
  numberAgreement,
  numbersIn,
  tokenSetSimilarity,
} from './similarity';

describe('jaroWinkler', () => {
  it.each([
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
    ['abc', 'abc', 1],
    ['abc', 'xyz', 0],
    ['', 'abc', 0],
    ['星河智造', '星河智造', 1],
  ])('%s ~ %s = %d', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
    expect(jaroWinkler(b, a)).toBeCloseTo(expected, 3);
  });
});

describe('bigram similarity works without spaces, so for Chinese', () => {
  it.each([
    ['星河智造', '星河智造', 1, 1],
    ['星河智造', '星河智能', 2 / 3, 0.5],
    ['华为', '华润', 0, 0],
    ['night', 'nacht', 0.25, 1 / 7],
  ])('%s ~ %s: dice %d, jaccard %d', (a, b, dice, jaccard) => {
    expect(diceBigrams(a, b)).toBeCloseTo(dice, 5);
    expect(jaccardBigrams(a, b)).toBeCloseTo(jaccard, 5);
  });
});

describe('longestCommonSubsequence finds abbreviations in order', () => {
  it.each([
    ['蓝丰生化', '蓝丰生物化工', 4],
    ['皖新传媒', '皖安徽新华传媒', 4],
    ['深康佳', '康佳集团', 2],
    ['abc', '', 0],
    ['😀a', 'a😀', 1],
  ])('%s in %s: %d', (a, b, expected) => {
    expect(longestCommonSubsequence(a, b)).toBe(expected);
  });
});

describe('editDistance counts a swap of neighbours as one edit', () => {
  it.each([
    ['4223', '4223', 0],
    ['4223', '4232', 1],
    ['19151111', '19151112', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s → %s: %d', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });
});

describe('tokenSetSimilarity ignores word order and accepts prefixes', () => {
  it.each([
    [['hotel', 'bel', 'air'], ['bel', 'air', 'hotel'], false, 1],
    [['arts', 'deli'], ['arts', 'delicatessen'], false, 0.95],
    [['fenix'], ['fenix', 'argyle'], true, 1],
  ])('%j ~ %j', (a, b, containment, expected) => {
    expect(tokenSetSimilarity(a, b, containment)).toBeCloseTo(expected, 2);
  });

  it('is low for unrelated names', () => {
    expect(tokenSetSimilarity(['circus', 'circus'], ['steak', 'house'])).toBeLessThan(0.6);
  });
});

describe('numbers in addresses', () => {
  it('extracts digit runs in order', () => {
    expect(numbersIn('747 9th ave. between 50th and 51st sts.')).toEqual(['747', '9', '50', '51']);
    expect(numbersIn('中关村大街1号3栋')).toEqual(['1', '3']);
  });

  it.each([
    [['747', '9'], ['747', '9', '50', '51'], 1],
    [['12', '3'], ['12', '4'], 0.7],
    [['12'], ['14'], 0],
    [[], ['14'], null],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(numberAgreement(a, b)).toBe(expected);
  });
});
