import { describe, expect, it } from 'vitest';
import type { AssignmentCriteria } from './assignment-criteria.js';
import { matchCriteria, minorUnits, routeLead, type RoutableLead, type RoutingRule } from './route-lead.js';

const lead = (over: Partial<RoutableLead> = {}): RoutableLead => ({
  headcount: null,
  registeredCapital: null,
  productInterest: null,
  region: null,
  province: null,
  source: null,
  industry: null,
  score: null,
  grade: null,
  ...over,
});

const rule = (id: string, criteria: AssignmentCriteria, over: Partial<RoutingRule> = {}): RoutingRule => ({
  id,
  name: id,
  active: true,
  criteria,
  teamId: `team-${id}`,
  strategy: 'round_robin',
  ...over,
});

/** The rule set of JOURNEYS.md: key accounts, mid-market by region, SMB/channel, tele-sales first contact. */
const RULES: RoutingRule[] = [
  rule('students', { sources: ['student_list'] }, { teamId: null }),
  rule('ka', { headcount: { min: 1000 } }),
  rule('ka-capital', { registeredCapital: { min: '100000000' } }),
  rule('mid-north', { headcount: { min: 100, max: 999 }, regions: ['华北大区'], productInterests: ['CRM', 'ERP'] }),
  rule('mid-east', { headcount: { min: 100, max: 999 }, regions: ['华东大区'] }),
  rule('smb-channel', { headcount: { max: 99 }, score: { min: 50 } }),
  rule('telesales', { grades: ['C', 'D'] }, { strategy: 'least_loaded' }),
  rule('inactive', {}, { active: false }),
];

describe('routeLead', () => {
  it.each<[string, Partial<RoutableLead>, string | null, string]>([
    ['a large company goes to key accounts', { headcount: 5000, region: '华南大区' }, 'ka', 'rule_matched'],
    ['exactly 1000 staff is a key account (inclusive)', { headcount: 1000 }, 'ka', 'rule_matched'],
    ['a rich small company is a key account by capital', { headcount: 50, registeredCapital: { amount: '150000000.00', currency: 'CNY' } }, 'ka-capital', 'rule_matched'],
    ['capital in another currency does not count', { headcount: 50, score: 10, registeredCapital: { amount: '150000000.00', currency: 'USD' } }, null, 'no_rule_matched'],
    ['mid-size in the north with CRM interest', { headcount: 300, region: '华北大区', productInterest: 'crm' }, 'mid-north', 'rule_matched'],
    ['mid-size in the north with another product falls to no match', { headcount: 300, region: '华北大区', productInterest: 'BI' }, null, 'no_rule_matched'],
    ['mid-size in the east, whatever the product', { headcount: 999, region: '华东大区' }, 'mid-east', 'rule_matched'],
    ['small with a good score goes to the channel', { headcount: 20, score: 70 }, 'smb-channel', 'rule_matched'],
    ['small with a poor score and grade C goes to tele-sales', { headcount: 20, score: 30, grade: 'c' }, 'telesales', 'rule_matched'],
    ['unknown size never meets a size criterion', { score: 90 }, null, 'no_rule_matched'],
    ['a rule may send leads to the routing queue', { source: 'student_list', headcount: 5000 }, 'students', 'rule_targets_queue'],
    ['an empty lead matches nothing but the inactive catch-all', {}, null, 'no_rule_matched'],
  ])('%s', (_title, facts, ruleId, reason) => {
    const decision = routeLead(RULES, lead(facts));
    expect(decision.ruleId).toBe(ruleId);
    expect(decision.reason).toBe(reason);
    if (decision.reason === 'rule_matched') expect(decision.teamId).toBe(`team-${ruleId}`);
    else expect(decision).toMatchObject({ teamId: null, queue: 'routing' });
  });

  it('takes the first matching rule in order', () => {
    const both = [rule('first', { regions: ['华北大区'] }), rule('second', { headcount: { min: 1 } })];
    expect(routeLead(both, lead({ region: '华北大区', headcount: 10 })).ruleId).toBe('first');
    expect(routeLead([...both].reverse(), lead({ region: '华北大区', headcount: 10 })).ruleId).toBe('second');
  });

  it('reports which criteria matched, and an empty criteria set matches anything', () => {
    expect(routeLead(RULES, lead({ headcount: 300, region: '华北大区', productInterest: 'ERP' }))).toMatchObject({
      matched: ['headcount', 'productInterests', 'regions'],
      strategy: 'round_robin',
    });
    expect(matchCriteria({}, lead())).toEqual([]);
    expect(matchCriteria({ regions: [] }, lead())).toEqual([]);
  });

  it.each<[AssignmentCriteria, Partial<RoutableLead>, boolean]>([
    [{ provinces: ['北京', '天津'] }, { province: '天津' }, true],
    [{ provinces: ['北京'] }, { province: '上海' }, false],
    [{ sources: ['trade_show'] }, { source: ' Trade_Show ' }, true],
    [{ industries: ['制造业'] }, { industry: null }, false],
    [{ score: { min: 50, max: 80 } }, { score: 80 }, true],
    [{ score: { min: 50, max: 80 } }, { score: 81 }, false],
    [{ registeredCapital: { max: '5000000' } }, { registeredCapital: { amount: '5000000.00', currency: 'CNY' } }, true],
    [{ registeredCapital: { max: '5000000' } }, { registeredCapital: { amount: '5000000.01', currency: 'CNY' } }, false],
    [{ registeredCapital: { min: '1', currency: 'USD' } }, { registeredCapital: { amount: '2.00', currency: 'USD' } }, true],
  ])('criteria %j against %j → %s', (criteria, facts, expected) => {
    expect(matchCriteria(criteria, lead(facts)) !== null).toBe(expected);
  });

  it('compares decimal amounts exactly', () => {
    expect(minorUnits('1234.5')).toBe(123450n);
    expect(minorUnits('0.01')).toBe(1n);
    expect(minorUnits('99999999999999.99')).toBe(9999999999999999n);
  });
});
