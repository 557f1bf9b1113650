import { describe, expect, it } from 'vitest';
import type { Team } from '../api/types';
import { activeQuickView, quickViewFilter, toApiFilter } from './pipeline-filter';

const team = (id: string, parentId: string | null): Team => ({ id, parentId, name: id, createdAt: '', updatedAt: '', version: 1 });
const teams = [team('root', null), team('north', 'root'), team('beijing', 'north'), team('east', 'root')];
const me = { userId: 'u1', teamId: 'north' };

describe('API filters of the pipeline list', () => {
  it('turns a team into its subtree, and dates and amounts into ranges', () => {
    expect(toApiFilter({ team: 'north', closeFrom: '2026-01-01', closeTo: '2026-03-31', amountMin: '1,000', status: 'open' }, teams)).toEqual({
      stageId: undefined,
      status: 'open',
      ownerId: undefined,
      qualified: undefined,
      teamId: 'north,beijing',
      closeDate: '2026-01-01..2026-03-31',
      amount: '1000.00..',
    });
  });
  it('leaves out open ends and values that are not dates, amounts or flags', () => {
    const filter = toApiFilter({ closeTo: '2026-03-31', amountMin: 'lots', amountMax: '500', qualified: 'maybe', closeFrom: '31/01/2026' }, teams);
    expect(filter.closeDate).toBe('..2026-03-31');
    expect(filter.amount).toBe('..500.00');
    expect(filter.qualified).toBeUndefined();
    expect(toApiFilter({}, teams)).toEqual({
      stageId: undefined, status: undefined, ownerId: undefined, qualified: undefined, teamId: undefined, closeDate: undefined, amount: undefined,
    });
  });
});

describe('quick views', () => {
  it('my pipeline is my open deals; my team’s is my team subtree’s open deals', () => {
    expect(quickViewFilter('mine', me)).toEqual({ ownerId: 'u1', status: 'open' });
    expect(quickViewFilter('team', me)).toEqual({ team: 'north', status: 'open' });
    expect(quickViewFilter('team', { userId: 'u1', teamId: null })).toEqual({});
    expect(quickViewFilter('all', me)).toEqual({});
  });
  it('recognises the view the filters are exactly', () => {
    expect(activeQuickView({}, me)).toBe('all');
    expect(activeQuickView({ ownerId: 'u1', status: 'open' }, me)).toBe('mine');
    expect(activeQuickView({ team: 'north', status: 'open', ownerId: '' }, me)).toBe('team');
    expect(activeQuickView({ ownerId: 'u1', status: 'open', qualified: 'true' }, me)).toBeNull();
    expect(activeQuickView({ team: 'north', status: 'open' }, { userId: 'u1', teamId: null })).toBeNull();
  });
});
