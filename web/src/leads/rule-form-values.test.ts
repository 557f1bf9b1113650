import { describe, expect, it } from 'vitest';
import type { AssignmentRule } from '../api/leads';
import { criteriaChips, invertedRange, toFormValues, toRuleInput, wanToAmount, type RuleFormValues } from './rule-form-values';

const rule: AssignmentRule = {
  id: 'r1',
  version: 1,
  createdAt: '',
  updatedAt: '',
  position: 1,
  name: 'Mid-market North',
  description: null,
  active: true,
  criteria: {
    headcount: { min: 100, max: 999 },
    registeredCapital: { min: '10000000' },
    regions: ['华北大区'],
    productInterests: ['CRM'],
  },
  teamId: 't1',
  strategy: 'least_loaded',
};

describe('rule form values', () => {
  it('round-trips a rule through the form', () => {
    const values = toFormValues(rule);
    expect(values).toMatchObject({ headcountMin: 100, headcountMax: 999, capitalMinWan: 1000, capitalMaxWan: null, target: 'team' });
    expect(toRuleInput(values)).toEqual({
      name: 'Mid-market North',
      description: null,
      active: true,
      criteria: rule.criteria,
      teamId: 't1',
      strategy: 'least_loaded',
    });
  });

  it('leaves out empty criteria, trims and de-duplicates lists, and sends queue rules without a team', () => {
    const values: RuleFormValues = {
      ...toFormValues(null),
      name: '  Students ',
      target: 'queue',
      teamId: 't9',
      sources: [' student_list', 'student_list', ''],
      scoreMin: 0,
    };
    expect(toRuleInput(values)).toEqual({
      name: 'Students',
      description: null,
      active: true,
      criteria: { sources: ['student_list'], score: { min: 0 } },
      teamId: null,
      strategy: 'round_robin',
    });
  });

  it.each<[number, string]>([
    [1000, '10000000'],
    [0.5, '5000'],
    [0.00001, '0.10'],
    [12.3456789, '123456.79'],
  ])('%s 万元 is %s yuan', (wan, amount) => {
    expect(wanToAmount(wan)).toBe(amount);
  });

  it.each<[Partial<RuleFormValues>, string | null]>([
    [{ headcountMin: 500, headcountMax: 100 }, 'headcountMax'],
    [{ headcountMin: 100, headcountMax: 100 }, null],
    [{ scoreMin: 80, scoreMax: 50 }, 'scoreMax'],
    [{ capitalMinWan: 10, capitalMaxWan: 1 }, 'capitalMaxWan'],
    [{ headcountMax: 10 }, null],
  ])('range check %j → %s', (over, field) => {
    expect(invertedRange({ ...toFormValues(null), ...over })).toBe(field);
  });

  it('summarises the criteria as chips', () => {
    expect(criteriaChips(rule.criteria)).toEqual([
      { kind: 'range', criterion: 'headcount', min: '100', max: '999' },
      { kind: 'range', criterion: 'registeredCapital', min: '1000', max: null },
      { kind: 'list', criterion: 'productInterests', values: ['CRM'] },
      { kind: 'list', criterion: 'regions', values: ['华北大区'] },
    ]);
    expect(criteriaChips({})).toEqual([]);
  });
});
