import { describe, expect, it } from 'vitest';
import type { RuleValue, ScoringRule } from '../api/scoring';
import { coerceValue, formFieldOf, nextOrder, shapeOf, toFormValues, toRuleInput, type RuleFormValues } from './rule-form-values';
import type { ValueShape } from './rule-vocabulary';

const base = { id: 'r1', version: 3, createdAt: '', updatedAt: '', cap: null, halfLifeDays: null, active: true, order: 2 };
const fitRule = (r: Partial<ScoringRule>): ScoringRule => ({
  ...base, name: 'ICP', category: 'fit', field: 'industry', eventKind: null, operator: 'in', value: ['制造业'], points: 20, ...r,
});

describe('rule form values', () => {
  it.each<[string, ScoringRule]>([
    ['industry in a list', fitRule({})],
    ['headcount ≥ 500', fitRule({ field: 'headcount', operator: 'gte', value: 500, points: 15 })],
    ['registered capital between', fitRule({ field: 'registeredCapital', operator: 'between', value: [1_000_000, 50_000_000] })],
    ['title keywords', fitRule({ field: 'title', operator: 'contains', value: ['总监', 'CIO', 'Director'] })],
    ['region is empty (negative points)', fitRule({ field: 'region', operator: 'is_empty', value: null, points: -5 })],
    ['source equals', fitRule({ field: 'source', operator: 'equals', value: 'trade_show' })],
    [
      'every e-mail click, capped and decaying',
      fitRule({ category: 'engagement', field: null, eventKind: 'email_click', operator: null, value: null, points: 5, cap: 20, halfLifeDays: 14 }),
    ],
    [
      'long web visits',
      fitRule({ category: 'engagement', field: 'dwellSeconds', eventKind: 'web_visit', operator: 'gte', value: 120, points: 8, halfLifeDays: 7 }),
    ],
  ])('round-trips %s', (_name, rule) => {
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...input } = rule;
    expect(toRuleInput(toFormValues(rule, rule.category))).toEqual(input);
  });

  it('trims texts and drops blank list entries', () => {
    const values: RuleFormValues = { ...toFormValues(null, 'fit'), name: '  制造业 ', value: [' 制造业 ', '', 'Manufacturing'] };
    expect(toRuleInput(values)).toMatchObject({ name: '制造业', value: ['制造业', 'Manufacturing'] });
  });

  it('sends no field, operator or value for an engagement rule without a condition', () => {
    const values: RuleFormValues = { ...toFormValues(null, 'engagement'), field: 'dwellSeconds', operator: 'gte', value: 60 };
    expect(toRuleInput(values)).toMatchObject({ field: null, operator: null, value: null, eventKind: 'email_click', halfLifeDays: 30 });
  });

  it('sends no cap or half-life on a fit rule', () => {
    const values: RuleFormValues = { ...toFormValues(null, 'fit'), cap: 5, halfLifeDays: 7, value: ['制造业'] };
    expect(toRuleInput(values)).toMatchObject({ cap: null, halfLifeDays: null, eventKind: null });
  });

  it.each<[RuleValue, ValueShape, RuleValue]>([
    ['制造业', 'list', ['制造业']],
    [['华东大区', '华南大区'], 'single', '华东大区'],
    ['500', 'number', 500],
    ['many', 'number', null],
    [500, 'range', [500, 500]],
    [[100, 499], 'range', [100, 499]],
    [['总监'], 'none', null],
    [null, 'list', []],
  ])('reshapes %j for a %s input → %j', (value, shape, expected) => {
    expect(coerceValue(value, shape)).toEqual(expected);
  });

  it('picks the value input from field and operator', () => {
    expect(shapeOf({ category: 'fit', field: 'headcount', operator: 'equals', withCondition: false })).toBe('number');
    expect(shapeOf({ category: 'fit', field: 'industry', operator: 'equals', withCondition: false })).toBe('single');
    expect(shapeOf({ category: 'engagement', field: 'dwellSeconds', operator: 'gte', withCondition: false })).toBe('none');
    expect(shapeOf({ category: 'engagement', field: 'url', operator: 'contains', withCondition: true })).toBe('list');
  });

  it('maps preview errors to form fields and finds the next position', () => {
    expect(formFieldOf('added[0].value')).toBe('value');
    expect(formFieldOf('changed[0].halfLifeDays')).toBe('halfLifeDays');
    expect(formFieldOf('points')).toBe('points');
    expect(nextOrder([{ order: 0 }, { order: 4 }])).toBe(5);
    expect(nextOrder([])).toBe(0);
  });
});
