import { describe, expect, it } from 'vitest';
import { applyRuleChanges, GradeMatrix } from './rule-changes.js';
import type { ScoringRuleDef } from './rule-types.js';

const rule = (id: string, points: number): ScoringRuleDef => ({
  id, name: id, category: 'fit', field: 'industry', eventKind: null, operator: 'equals', value: '制造业',
  points, cap: null, halfLifeDays: null, active: true, order: 0,
});

describe('applyRuleChanges', () => {
  const current = [rule('a', 10), rule('b', 15), rule('c', 5)];

  it.each<[string, Parameters<typeof applyRuleChanges>[1], string[]]>([
    ['nothing', { added: [], changed: [], removed: [] }, ['a:10', 'b:15', 'c:5']],
    ['a change keeps the place', { added: [], changed: [rule('b', 20)], removed: [] }, ['a:10', 'b:20', 'c:5']],
    ['an addition goes last', { added: [rule('new-1', 7)], changed: [], removed: [] }, ['a:10', 'b:15', 'c:5', 'new-1:7']],
    ['a removal', { added: [], changed: [], removed: ['a'] }, ['b:15', 'c:5']],
    ['all at once, unknown ids ignored', { added: [rule('new-1', 1)], changed: [rule('zz', 3), rule('c', 9)], removed: ['b', 'yy'] }, ['a:10', 'c:9', 'new-1:1']],
  ])('%s', (_name, changes, expected) => {
    expect(applyRuleChanges(current, changes).map((r) => `${r.id}:${r.points}`)).toEqual(expected);
  });
});

describe('GradeMatrix', () => {
  it('counts moves per cell in grade order and tells how many changed', () => {
    const m = new GradeMatrix();
    for (const [from, to] of [['C', 'B'], ['D', 'D'], ['C', 'B'], ['A', 'A'], ['B', 'D']] as const) m.add(from, to);
    expect(m.cells()).toEqual([
      { from: 'A', to: 'A', count: 1 },
      { from: 'B', to: 'D', count: 1 },
      { from: 'C', to: 'B', count: 2 },
      { from: 'D', to: 'D', count: 1 },
    ]);
    expect(m.changed()).toBe(3);
    expect(m.total()).toBe(5);
  });
});
