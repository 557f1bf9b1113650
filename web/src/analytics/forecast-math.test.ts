import { describe, expect, it } from 'vitest';
import type { TeamAccuracy } from '../api/analytics';
import { companyForecast, rankBy, sumAmounts } from './forecast-math';

const team = (teamId: string, currentCall: string, adjustedForecast: string | null): TeamAccuracy => ({
  teamId, name: teamId, accuracy: null, bias: null, currentCall, adjustedForecast, snapshots: [],
});

describe('forecast maths', () => {
  it('adds decimal amounts exactly', () => {
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
    expect(sumAmounts(['1234567890123.45', '0.55', '-0.5'])).toBe('1234567890123.50');
    expect(sumAmounts([])).toBe('0.00');
  });

  it('adds only the top teams of the tree, using each team’s adjusted call or its own without history', () => {
    const parents = new Map<string, string | null>([['root', null], ['east', 'root'], ['west', 'root'], ['solo', null]]);
    expect(companyForecast([team('root', '300.00', '240.00'), team('east', '100.00', '90.00'), team('west', '200.00', null)], parents)).toEqual({
      call: '300.00', adjusted: '240.00', teamsWithHistory: 1, teams: 1,
    });
    // Without the root in the answer, its children are the top teams.
    expect(companyForecast([team('east', '100.00', '90.00'), team('west', '200.00', null), team('solo', '5.00', '6.00')], parents)).toEqual({
      call: '305.00', adjusted: '296.00', teamsWithHistory: 2, teams: 3,
    });
    expect(companyForecast([], parents)).toBeNull();
  });

  it('ranks by amount, highest first, ties sharing a rank', () => {
    const rows = [{ id: 'a', v: '10.00' }, { id: 'b', v: '30.00' }, { id: 'c', v: '10.00' }, { id: 'd', v: '5.5' }];
    expect(rankBy(rows, (r) => r.v).map(({ row, rank }) => `${row.id}${rank}`)).toEqual(['b1', 'a2', 'c2', 'd4']);
  });
});
