import { describe, expect, it } from 'vitest';
import type { NurtureStep } from '../api/nurture';
import { branchTargets, formToRule, insertStep, moveStep, newStep, removeStep, ruleToForm, stepProblems } from './program-steps';

const send = (templateId: string): NurtureStep => ({ type: 'send_email', templateId });
const steps: NurtureStep[] = [
  send('a'),
  { type: 'wait', days: 3 },
  { type: 'branch', if: 'opened', withinDays: 3, then: 3, else: 4 },
  send('b'),
  send('c'),
];

describe('editing steps keeps branch targets on their steps', () => {
  it('moves a step', () => {
    const moved = moveStep(steps, 4, 3);
    expect(moved.map((s) => (s.type === 'send_email' ? s.templateId : s.type))).toEqual(['a', 'wait', 'branch', 'c', 'b']);
    expect(moved[2]).toMatchObject({ then: 4, else: 3 });
  });

  it('moves the branch itself', () => {
    const moved = moveStep(steps, 2, 0);
    expect(moved[0]).toMatchObject({ type: 'branch', then: 3, else: 4 });
  });

  it('ignores moves out of range', () => {
    expect(moveStep(steps, 0, -1)).toEqual(steps);
    expect(moveStep(steps, 4, 5)).toEqual(steps);
  });

  it('removes a step; a branch to it now goes to the next one', () => {
    const removed = removeStep(steps, 3);
    expect(removed).toHaveLength(4);
    expect(removed[2]).toMatchObject({ then: 3, else: 3 });
    expect(removeStep(steps, 0)[1]).toMatchObject({ then: 2, else: 3 });
  });

  it('inserts a step', () => {
    expect(insertStep(steps, { type: 'exit' })[5]).toEqual({ type: 'exit' });
    const inserted = insertStep(steps, { type: 'exit' }, 3);
    expect(inserted[3]).toEqual({ type: 'exit' });
    expect(inserted[2]).toMatchObject({ then: 4, else: 5 });
  });
});

describe('stepProblems', () => {
  it('names what the server would refuse', () => {
    const problems = stepProblems([
      send(''),
      { type: 'wait' },
      { type: 'branch', if: 'clicked', withinDays: 0, then: 0, else: 3 },
      { type: 'exit' },
    ]);
    expect(Object.fromEntries(problems)).toEqual({ 0: ['template'], 1: ['wait'], 2: ['window', 'target'] });
    expect(stepProblems(steps).size).toBe(0);
  });

  it('offers only later steps as branch targets', () => {
    expect(branchTargets(5, 2)).toEqual([3, 4]);
    expect(branchTargets(3, 2)).toEqual([]);
  });

  it('makes new steps', () => {
    expect(newStep('branch', 2, 5)).toMatchObject({ then: 3, else: 3 });
    expect(newStep('wait', 0, 0)).toEqual({ type: 'wait', days: 3 });
  });
});

describe('enrolment rule form', () => {
  it('round-trips, leaving out empty criteria', () => {
    expect(formToRule(ruleToForm({ pools: ['warm'], minScore: 40 }))).toEqual({ pools: ['warm'], minScore: 40 });
    expect(formToRule({ ...ruleToForm(null), auto: true })).toEqual({});
    expect(formToRule(ruleToForm(null))).toBeNull();
  });
});
