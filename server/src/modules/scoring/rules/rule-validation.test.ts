import { describe, expect, it } from 'vitest';
import { validateRule, type RuleShape } from './rule-validation.js';

const codes = (rule: RuleShape) => validateRule(rule).map((p) => `${p.field}:${p.code}`);

describe('validateRule', () => {
  it.each<[string, RuleShape]>([
    ['industry in a list', { category: 'fit', field: 'industry', operator: 'in', value: ['制造业', 'Manufacturing'] }],
    ['headcount ≥ 500', { category: 'fit', field: 'headcount', operator: 'gte', value: 500 }],
    ['registered capital between', { category: 'fit', field: 'registeredCapital', operator: 'between', value: [1e6, 5e7] }],
    ['title keywords', { category: 'fit', field: 'title', operator: 'contains', value: ['总监', 'CIO', 'Director'] }],
    ['region is empty', { category: 'fit', field: 'region', operator: 'is_empty', value: null }],
    ['headcount equals a number', { category: 'fit', field: 'headcount', operator: 'equals', value: 1000 }],
    ['every e-mail open', { category: 'engagement', eventKind: 'email_open', cap: 10, halfLifeDays: 14 }],
    ['visits of 2 minutes or more', { category: 'engagement', eventKind: 'web_visit', field: 'dwellSeconds', operator: 'gte', value: 120 }],
    ['a custom detail', { category: 'engagement', eventKind: 'form_submit', field: 'formName', operator: 'equals', value: '试用申请' }],
    ['half a day half-life', { category: 'engagement', eventKind: 'email_click', halfLifeDays: 0.5 }],
  ])('accepts %s', (_name, rule) => {
    expect(validateRule(rule)).toEqual([]);
  });

  it.each<[string, RuleShape, string[]]>([
    ['an unknown category', { category: 'vibes', field: 'industry', operator: 'equals', value: 'x' }, ['category:FIELD_INVALID']],
    ['a fit rule without field and operator', { category: 'fit' }, ['field:FIELD_REQUIRED', 'operator:FIELD_REQUIRED']],
    ['a field leads do not have', { category: 'fit', field: 'salary', operator: 'gte', value: 1 }, ['field:SCORING_FIELD_UNKNOWN']],
    ['an unknown operator', { category: 'fit', field: 'industry', operator: 'like', value: 'x' }, ['operator:FIELD_INVALID']],
    ['numbers on a text field', { category: 'fit', field: 'industry', operator: 'gte', value: 5 }, ['operator:SCORING_OPERATOR_MISMATCH']],
    ['keywords on a number field', { category: 'fit', field: 'headcount', operator: 'contains', value: ['5'] }, ['operator:SCORING_OPERATOR_MISMATCH']],
    ['text for a number', { category: 'fit', field: 'headcount', operator: 'gte', value: 'many' }, ['value:SCORING_VALUE_NUMBER']],
    ['an inverted range', { category: 'fit', field: 'headcount', operator: 'between', value: [500, 100] }, ['value:SCORING_VALUE_RANGE']],
    ['a one-ended range', { category: 'fit', field: 'headcount', operator: 'between', value: [100] }, ['value:SCORING_VALUE_RANGE']],
    ['an empty list', { category: 'fit', field: 'region', operator: 'in', value: [] }, ['value:SCORING_VALUE_LIST']],
    ['a blank keyword', { category: 'fit', field: 'title', operator: 'contains', value: ['总监', ' '] }, ['value:SCORING_VALUE_LIST']],
    ['a value on is_empty', { category: 'fit', field: 'region', operator: 'is_empty', value: '华东' }, ['value:SCORING_VALUE_NONE']],
    ['equals nothing', { category: 'fit', field: 'industry', operator: 'equals', value: '' }, ['value:SCORING_VALUE_TEXT']],
    [
      'decay on a fit rule',
      { category: 'fit', field: 'industry', operator: 'equals', value: '制造业', cap: 10, halfLifeDays: 7 },
      ['cap:SCORING_ENGAGEMENT_ONLY', 'halfLifeDays:SCORING_ENGAGEMENT_ONLY'],
    ],
    ['an engagement rule without a kind', { category: 'engagement' }, ['eventKind:FIELD_REQUIRED']],
    ['an unknown kind', { category: 'engagement', eventKind: 'tweet' }, ['eventKind:FIELD_INVALID']],
    ['a detail without operator', { category: 'engagement', eventKind: 'web_visit', field: 'dwellSeconds' }, ['operator:FIELD_REQUIRED']],
    ['an operator without detail', { category: 'engagement', eventKind: 'web_visit', operator: 'gte', value: 60 }, ['field:FIELD_REQUIRED']],
    ['a value without operator', { category: 'engagement', eventKind: 'web_visit', value: 60 }, ['value:SCORING_VALUE_NONE']],
    ['a zero cap', { category: 'engagement', eventKind: 'email_open', cap: 0 }, ['cap:FIELD_INVALID']],
    ['a zero half-life', { category: 'engagement', eventKind: 'email_open', halfLifeDays: 0 }, ['halfLifeDays:FIELD_INVALID']],
    [
      'keywords on dwell time',
      { category: 'engagement', eventKind: 'web_visit', field: 'dwellSeconds', operator: 'contains', value: ['x'] },
      ['operator:SCORING_OPERATOR_MISMATCH'],
    ],
  ])('refuses %s', (_name, rule, expected) => {
    expect(codes(rule)).toEqual(expected);
  });
});
