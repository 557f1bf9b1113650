import { describe, expect, it } from 'vitest';
import { groupPairs, levelAtLeast, type PairLevel, type ScoredPair } from './duplicate-groups';

const pair = (a: string, b: string, level: PairLevel, score = level === 'possible' ? 0.6 : 0.95): ScoredPair => ({ a, b, level, score, reasons: [] });

describe('groupPairs', () => {
  it.each<[string, ScoredPair[], { groups: string[][]; levels: string[]; possible: string[] }]>([
    ['one exact pair', [pair('a', 'b', 'exact', 0.99)], { groups: [['a', 'b']], levels: ['exact'], possible: [] }],
    ['a chain of strong pairs is one group', [pair('a', 'b', 'strong'), pair('b', 'c', 'strong')], { groups: [['a', 'b', 'c']], levels: ['strong'], possible: [] }],
    ['exact and strong: the group is as sure as its weakest link', [pair('a', 'b', 'exact', 0.99), pair('b', 'c', 'strong')], { groups: [['a', 'b', 'c']], levels: ['strong'], possible: [] }],
    ['two groups, strongest first', [pair('c', 'd', 'strong', 0.91), pair('a', 'b', 'exact', 0.999)], { groups: [['a', 'b'], ['c', 'd']], levels: ['exact', 'strong'], possible: [] }],
    ['possible pairs stay pairs', [pair('a', 'b', 'possible'), pair('b', 'c', 'possible')], { groups: [], levels: [], possible: ['a-b', 'b-c'] }],
    ['a possible pair inside a group is not repeated', [pair('a', 'b', 'strong'), pair('b', 'c', 'strong'), pair('a', 'c', 'possible'), pair('c', 'x', 'possible')], { groups: [['a', 'b', 'c']], levels: ['strong'], possible: ['c-x'] }],
  ])('%s', (_, pairs, expected) => {
    const { groups, possible } = groupPairs(pairs);
    expect(groups.map((g) => g.memberIds)).toEqual(expected.groups);
    expect(groups.map((g) => g.level)).toEqual(expected.levels);
    expect(possible.map((p) => `${p.a}-${p.b}`)).toEqual(expected.possible);
    for (const g of groups) {
      expect(g.key).toBe(g.memberIds[0]);
      expect(g.pairs.every((p) => g.memberIds.includes(p.a) && g.memberIds.includes(p.b))).toBe(true);
    }
  });

  it('orders levels', () => {
    expect(levelAtLeast('exact', 'strong')).toBe(true);
    expect(levelAtLeast('possible', 'strong')).toBe(false);
    expect(levelAtLeast('possible', 'possible')).toBe(true);
  });
});
