import { describe, expect, it } from 'vitest';
import type { FunnelStep, RoiFigures } from '../api/analytics';
import { backCalculate, grownTarget, measuredAssumptions, progress, splitByCampaignType } from './funnel-plan';

const step = (key: string, count: number) => ({ key, count }) as FunnelStep;
const type = (t: string, leads: number, sqls: number) => ({ type: t, leads, sqls }) as RoiFigures & { type: string };

const ASSUME = { averageDeal: '50000.00', leadToMql: 0.4, mqlToSql: 0.5, sqlToOpportunity: 0.5, opportunityToWon: 0.25 };

describe('funnel planner', () => {
  it('grows a base by a percentage exactly, to the cent', () => {
    expect(grownTarget('1000000.00', 60)).toBe('1600000.00');
    expect(grownTarget('333.33', 10)).toBe('366.66');
    expect(grownTarget('100.00', 12.5)).toBe('112.50');
    expect(grownTarget('100.00', -150)).toBe('0.00');
    expect(grownTarget('abc', 10)).toBeNull();
  });

  it('back-calculates won deals, opportunities, SQLs, MQLs and leads, rounding every step up', () => {
    expect(backCalculate('1000000', ASSUME).needed).toEqual({ wonDeals: 20, opportunities: 80, sqls: 160, mqls: 320, leads: 800 });
    // 1 000 001 needs a 21st deal; each step above rounds up again.
    expect(backCalculate('1000001.00', ASSUME).needed).toEqual({ wonDeals: 21, opportunities: 84, sqls: 168, mqls: 336, leads: 840 });
    // Rates that do not divide evenly: ⌈3 / 0.3⌉ = 10, not 11 through floating error.
    expect(backCalculate('150000', { ...ASSUME, opportunityToWon: 0.3 }).needed.opportunities).toBe(10);
  });

  it('cannot plan through a zero rate or without an average deal', () => {
    expect(backCalculate('1000', { ...ASSUME, mqlToSql: 0 }).needed).toEqual({ wonDeals: 1, opportunities: 4, sqls: 8, mqls: null, leads: null });
    expect(backCalculate('1000', { ...ASSUME, averageDeal: '0' }).needed.wonDeals).toBeNull();
    expect(backCalculate('', ASSUME).needed.leads).toBeNull();
  });

  it('measures the assumptions from a funnel: leads → MQL → SQL → first stage → won', () => {
    const funnel = { steps: [step('leads', 200), step('mql', 100), step('sql', 40), step('stage:a', 20), step('stage:b', 12), step('won', 5)] };
    expect(measuredAssumptions(funnel, '1234.50')).toEqual({
      averageDeal: '1234.50', leadToMql: 0.5, mqlToSql: 0.4, sqlToOpportunity: 0.5, opportunityToWon: 0.25,
    });
    expect(measuredAssumptions({ steps: [] }, null)).toMatchObject({ averageDeal: '0.00', leadToMql: 0, opportunityToWon: 0 });
  });

  it('splits the SQLs by campaign type in proportion to what each brought, leads at each type’s yield', () => {
    const split = splitByCampaignType(100, [type('webinar', 100, 10), type('trade_show', 50, 30), type('seo', 40, 0)]);
    expect(split.map((s) => [s.type, s.sqls, s.leads])).toEqual([['trade_show', 75, 125], ['webinar', 25, 250]]);
    expect(split[0].share).toBeCloseTo(0.75);
    expect(splitByCampaignType(10, [])).toEqual([]);
  });

  it('puts the actuals of the plan period against the plan', () => {
    const plan = backCalculate('1000000', ASSUME);
    const p = progress(plan, { leads: 400, mqls: 0, sqls: 160, opportunities: 100, wonDeals: 5 });
    expect(p).toEqual({ leads: 0.5, mqls: 0, sqls: 1, opportunities: 1.25, wonDeals: 0.25 });
    expect(progress(backCalculate('x', ASSUME), { leads: 1, mqls: 1, sqls: 1, opportunities: 1, wonDeals: 1 }).leads).toBeNull();
  });
});
