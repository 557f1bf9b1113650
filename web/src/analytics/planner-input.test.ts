import { describe, expect, it } from 'vitest';
import { plannerInput, withOverride, type PlannerForm } from './planner-input';

const form = (patch: Partial<PlannerForm>): PlannerForm => ({
  filters: { period: 'FY2026-Q2', teamId: 't1' },
  currency: 'CNY',
  mode: 'revenue',
  revenue: '',
  growth: 10,
  overrides: {},
  ...patch,
});

describe('planner input', () => {
  it('sends a typed revenue target as an exact decimal in the tenant currency, with the filters', () => {
    expect(plannerInput(form({ revenue: '25,000.5' }))).toEqual({
      period: 'FY2026-Q2', teamId: 't1', ownerId: undefined, assumptions: undefined, target: { amount: '25000.50', currency: 'CNY' },
    });
  });

  it.each(['', 'abc', '-100', '1.234'])('asks nothing while the target %j is not an amount the API takes', (revenue) => {
    expect(plannerInput(form({ revenue }))).toBeNull();
  });

  it('sends a growth percent (negative too) instead of a target', () => {
    expect(plannerInput(form({ mode: 'growth', growth: -5, revenue: '100' }))).toMatchObject({ growth: -5 });
    expect(plannerInput(form({ mode: 'growth', growth: -5 }))).not.toHaveProperty('target');
    expect(plannerInput(form({ mode: 'growth', growth: null }))).toBeNull();
  });

  it('sends only the assumptions the reader changed', () => {
    const overrides = withOverride(withOverride({}, 'winRate', 0.5), 'averageDealSize', '800.00');
    expect(plannerInput(form({ mode: 'growth', overrides }))?.assumptions).toEqual({ winRate: 0.5, averageDealSize: '800.00' });
    expect(withOverride(overrides, 'winRate', undefined)).toEqual({ averageDealSize: '800.00' });
  });
});
