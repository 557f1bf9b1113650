import { describe, expect, it } from 'vitest';
import { decideAccount, type AccountCandidate, type AccountDecision } from './account-match';

const c = (id: string, score: number, level: AccountCandidate['level'], sameCreditCode = false): AccountCandidate => ({ id, score, level, sameCreditCode });

describe('decideAccount', () => {
  it.each<[string, AccountCandidate[], AccountDecision]>([
    ['no candidate: a new account', [], { kind: 'new' }],
    ['one strong match: attach', [c('a', 0.95, 'strong')], { kind: 'existing', accountId: 'a', by: 'match' }],
    ['one exact match ahead of a possible one', [c('b', 0.6, 'possible'), c('a', 0.99, 'exact')], { kind: 'existing', accountId: 'a', by: 'match' }],
    ['the same credit code wins over any name', [c('a', 0.99, 'exact'), c('b', 0.7, 'possible', true)], { kind: 'existing', accountId: 'b', by: 'credit_code' }],
    ['two strong matches: ask', [c('a', 0.95, 'strong'), c('b', 0.93, 'strong')], { kind: 'ambiguous', candidateIds: ['a', 'b'] }],
    ['a strong match too close to a possible one: ask', [c('a', 0.91, 'strong'), c('b', 0.89, 'possible')], { kind: 'ambiguous', candidateIds: ['a', 'b'] }],
    ['only a possible match: ask, never a silent twin', [c('a', 0.7, 'possible')], { kind: 'ambiguous', candidateIds: ['a'] }],
  ])('%s', (_, candidates, expected) => {
    expect(decideAccount(candidates)).toEqual(expected);
  });
});
