import { describe, expect, it } from 'vitest';
import { bantMissing, EMPTY_BANT, mergeBant, qualification, type Bant, type BantPart } from './bant.js';

const full: Bant = {
  budget: { amount: { amount: '500000.00', currency: 'CNY' }, approved: false },
  authority: { decisionMakerContactIds: ['c1'], participants: ['IT'] },
  need: { problem: 'Spreadsheets', goal: null },
  timeline: { date: '2026-03-31', reason: 'Fiscal year' },
};

describe('BANT', () => {
  it.each<[string, Bant, BantPart[]]>([
    ['empty', EMPTY_BANT, ['budget', 'authority', 'need', 'timeline']],
    ['complete', full, []],
    ['a goal is enough for need', { ...full, need: { problem: null, goal: 'Grow' } }, []],
    ['participants alone are no authority', { ...full, authority: { decisionMakerContactIds: [], participants: ['IT'] } }, ['authority']],
    ['a budget needs an amount, approval is extra', { ...full, budget: { amount: null, approved: true } }, ['budget']],
    ['a reason without a date is no timeline', { ...full, timeline: { date: null, reason: 'soon' } }, ['timeline']],
  ])('%s → missing %j', (_, bant, missing) => {
    expect(bantMissing(bant)).toEqual(missing);
  });

  it.each<[BantPart[], BantPart[], boolean, BantPart[]]>([
    [[], ['budget', 'authority', 'need', 'timeline'], true, []],
    [['timeline'], ['budget', 'authority', 'need', 'timeline'], false, ['timeline']],
    [['timeline'], ['budget', 'need'], true, []],
    [['budget', 'need', 'timeline'], ['need'], false, ['need']],
    [['budget'], [], true, []],
  ])('missing %j, required %j → qualified %s', (missing, required, qualified, missingRequired) => {
    expect(qualification(missing, required)).toEqual({ qualified, missingRequired });
  });

  it('merges part by part: a part given replaces that part, the others stay', () => {
    const merged = mergeBant(full, { timeline: { date: '2026-06-30' }, need: { problem: '  Excel hell  ', goal: ' ' } });
    expect(merged.budget).toEqual(full.budget);
    expect(merged.authority).toEqual(full.authority);
    expect(merged.timeline).toEqual({ date: '2026-06-30', reason: null });
    expect(merged.need).toEqual({ problem: 'Excel hell', goal: null });
    expect(mergeBant(full, undefined)).toBe(full);
    expect(mergeBant(EMPTY_BANT, { budget: { amount: { amount: '500000', currency: 'CNY' } } }).budget)
      .toEqual({ amount: { amount: '500000.00', currency: 'CNY' }, approved: false });
    expect(mergeBant(EMPTY_BANT, { authority: { decisionMakerContactIds: ['a', 'a', 'b'], participants: [' IT ', '', 'IT'] } }).authority)
      .toEqual({ decisionMakerContactIds: ['a', 'b'], participants: ['IT'] });
  });
});
