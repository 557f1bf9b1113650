import { describe, expect, it } from 'vitest';
import { dealListPath, forecastRowDeals } from './drill-paths';

describe('drill paths', () => {
  it('builds the deal list URL from the filters it knows, leaving out empty ones', () => {
    expect(dealListPath({})).toBe('/opportunities');
    expect(dealListPath({ ownerId: 'u1', status: 'won', closeFrom: '2025-01-01', closeTo: '' })).toBe('/opportunities?ownerId=u1&status=won&closeFrom=2025-01-01');
  });

  it('links owner and team forecast rows to their open deals closing in the range, not regions or product lines', () => {
    const range = { from: '2025-04-01', to: '2025-06-30' };
    expect(forecastRowDeals('owner', 'u1', range)).toBe('/opportunities?ownerId=u1&status=open&closeFrom=2025-04-01&closeTo=2025-06-30');
    expect(forecastRowDeals('team', 't1', range)).toBe('/opportunities?team=t1&status=open&closeFrom=2025-04-01&closeTo=2025-06-30');
    expect(forecastRowDeals('region', 'East', range)).toBeNull();
    expect(forecastRowDeals('owner', null, range)).toBeNull();
  });
});
