import { describe, expect, it } from 'vitest';
import { funnelSteps } from './funnel-steps.js';

const step = (key: string, count: number, companyCount: number) => ({ key, label: key, count, companyCount });

describe('funnel steps', () => {
  it('converts between consecutive steps and marks the step furthest below the company', () => {
    const { steps, leakiestStep } = funnelSteps([step('leads', 100, 1000), step('mql', 50, 400), step('sql', 10, 200), step('won', 5, 50)]);
    expect(steps.map((s) => s.conversion)).toEqual([null, 0.5, 0.2, 0.5]);
    expect(steps.map((s) => s.companyConversion)).toEqual([null, 0.4, 0.5, 0.25]);
    expect(steps.map((s) => s.overall)).toEqual([1, 0.5, 0.1, 0.05]);
    expect(leakiestStep).toBe('sql');
    expect(steps.filter((s) => s.leakiest).map((s) => s.key)).toEqual(['sql']);
  });

  it.each([
    ['no step below the company', [step('a', 10, 10), step('b', 10, 5)], null],
    ['an empty step stops the rates', [step('a', 0, 10), step('b', 0, 5)], null],
    ['no steps', [], null],
  ])('%s: no leak is marked', (_name, counts, expected) => {
    expect(funnelSteps(counts).leakiestStep).toBe(expected);
  });
});
