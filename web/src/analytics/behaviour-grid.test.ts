import { describe, expect, it } from 'vitest';
import type { DrillLink } from '../api/analytics';
import { behaviourGrid } from './behaviour-grid';

const drill = { visits: { path: '', query: {} } as DrillLink, calls: { path: '', query: {} } as DrillLink };
const rep = (ownerId: string, name: string | null, visits = 0, calls = 0) => ({ ownerId, name, teamId: null, visits, calls, drill });

describe('behaviour grid', () => {
  it('puts each rep on a row by name and their counts under the weeks, flagging no visits in the latest week', () => {
    const grid = behaviourGrid({
      weeks: [{ week: '2025-W11', visits: 3, calls: 1, drill }, { week: '2025-W10', visits: 1, calls: 0, drill }],
      reps: [rep('b', 'Bob', 1, 1), rep('a', 'Ann', 3, 0)],
      repWeeks: [
        { ...rep('a', 'Ann', 1, 0), week: '2025-W10' },
        { ...rep('a', 'Ann', 2, 0), week: '2025-W11' },
        { ...rep('b', 'Bob', 0, 1), week: '2025-W11' },
      ],
    });
    expect(grid.weeks).toEqual(['2025-W10', '2025-W11']);
    expect(grid.rows.map((r) => r.rep.name)).toEqual(['Ann', 'Bob']);
    expect(grid.rows[0].cells['2025-W10']?.visits).toBe(1);
    expect(grid.rows[1].cells['2025-W10']).toBeUndefined();
    expect(grid.rows.map((r) => r.noVisitsLastWeek)).toEqual([false, true]);
  });

  it('has no columns and flags nobody without weeks', () => {
    expect(behaviourGrid({ weeks: [], reps: [rep('a', 'Ann')], repWeeks: [] })).toMatchObject({ weeks: [], rows: [{ noVisitsLastWeek: false }] });
  });
});
