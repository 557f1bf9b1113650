import { describe, expect, it } from 'vitest';
import { analyseGaps, runCheck, wouldCycle, type StakeholderCheck, type StakeholderFact } from './battle-map.js';

let n = 0;
const s = (patch: Partial<StakeholderFact>): StakeholderFact => ({
  id: `s${++n}`, role: 'user', level: 'staff', attitude: 'neutral', lastContactAt: null, ...patch,
});

// The buying committee of journey 4: the CIO (power sponsor, neutral), the CFO (not met yet),
// two evaluators (supportive).
const cio = s({ id: 'cio', role: 'power_sponsor', level: 'c_level', attitude: 'neutral', lastContactAt: '2025-09-01T02:00:00Z' });
const cfo = s({ id: 'cfo', role: 'financial_approver', level: 'c_level', attitude: 'neutral' });
const eval1 = s({ id: 'e1', role: 'technical_evaluator', level: 'manager', attitude: 'support', lastContactAt: '2025-09-02T02:00:00Z' });
const eval2 = s({ id: 'e2', role: 'technical_evaluator', level: 'staff', attitude: 'support' });
const committee = [cio, cfo, eval1, eval2];

describe('battle-map checks', () => {
  it.each<[StakeholderCheck, StakeholderFact[], string | null, string[]]>([
    ['power_sponsor_identified', [], 'NO_POWER_SPONSOR', []],
    ['power_sponsor_identified', committee, null, []],
    ['power_sponsor_supports', [], 'NO_POWER_SPONSOR', []],
    ['power_sponsor_supports', committee, 'POWER_SPONSOR_NOT_SUPPORTIVE', ['cio']],
    ['power_sponsor_supports', [{ ...cio, attitude: 'support' }], null, []],
    ['power_sponsor_not_opposed', committee, null, []],
    ['power_sponsor_not_opposed', [], null, []],
    ['power_sponsor_not_opposed', [{ ...cio, attitude: 'oppose' }], 'POWER_SPONSOR_OPPOSES', ['cio']],
    ['executive_identified', committee, null, []],
    ['executive_identified', [cio, eval1], 'NO_EXECUTIVE_LEVEL', []],
    ['executive_identified', [{ ...cfo, level: 'vp' }], 'NO_EXECUTIVE_LEVEL', []],
    ['executive_identified', [s({ role: 'decision_maker', level: 'c_level' })], null, []],
    ['executive_covered', committee, 'EXECUTIVE_NOT_COVERED', ['cfo']],
    ['executive_covered', [cio], 'NO_EXECUTIVE_LEVEL', []],
    ['executive_covered', [{ ...cfo, lastContactAt: '2025-09-03T02:00:00Z' }], null, []],
    ['executive_covered', [{ ...cfo, lastContactAt: '2025-09-03T02:00:00Z', attitude: 'oppose' }], 'EXECUTIVE_NOT_COVERED', ['cfo']],
    ['supporter_identified', committee, null, []],
    ['supporter_identified', [cio, cfo], 'NO_SUPPORTER', []],
  ])('%s over %#', (check, stakeholders, code, ids) => {
    const finding = runCheck(check, stakeholders);
    expect(finding).toEqual(code ? { code, stakeholderIds: ids } : null);
  });

  it.each<[string, StakeholderFact[], string[]]>([
    ['an empty map misses everything', [], ['NO_POWER_SPONSOR', 'NO_EXECUTIVE_LEVEL', 'NO_SUPPORTER']],
    ['journey 4 committee has no gap warnings', committee, []],
    ['an opposing power sponsor is flagged', [{ ...cio, attitude: 'oppose' }, cfo, eval1], ['POWER_SPONSOR_OPPOSES']],
    ['evaluators alone', [eval1, eval2], ['NO_POWER_SPONSOR', 'NO_EXECUTIVE_LEVEL']],
    ['nobody supports', [cio, cfo], ['NO_SUPPORTER']],
  ])('gaps: %s', (_, stakeholders, codes) => {
    expect(analyseGaps(stakeholders).map((g) => g.code)).toEqual(codes);
  });

  it('names the check behind each gap', () => {
    expect(analyseGaps([])).toEqual([
      { check: 'power_sponsor_identified', code: 'NO_POWER_SPONSOR', stakeholderIds: [] },
      { check: 'executive_identified', code: 'NO_EXECUTIVE_LEVEL', stakeholderIds: [] },
      { check: 'supporter_identified', code: 'NO_SUPPORTER', stakeholderIds: [] },
    ]);
  });

  it.each<[string, string | null, [string, string | null][], boolean]>([
    ['no manager', null, [], false],
    ['a plain chain', 'b', [['b', 'c'], ['c', null]], false],
    ['oneself', 'a', [], true],
    ['a report of oneself', 'b', [['b', 'a'], ['a', null]], true],
    ['deep below', 'd', [['d', 'c'], ['c', 'b'], ['b', 'a']], true],
    ['an existing loop elsewhere stops', 'x', [['x', 'y'], ['y', 'x']], true],
  ])('reporting line: %s', (_, reportsTo, edges, cycle) => {
    expect(wouldCycle('a', reportsTo, new Map(edges))).toBe(cycle);
  });
});
