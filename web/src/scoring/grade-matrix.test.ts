import { describe, expect, it } from 'vitest';
import { gradeDirections, gradeGrid, mqlProgress, pointsToMql } from './grade-matrix';

describe('grade matrix', () => {
  const moves = [
    { from: 'C' as const, to: 'B' as const, count: 12 },
    { from: 'D' as const, to: 'C' as const, count: 30 },
    { from: 'D' as const, to: 'D' as const, count: 410 },
    { from: 'B' as const, to: 'D' as const, count: 2 },
  ];

  it('lays the cells out as a 4×4 grid, rows now and columns after', () => {
    expect(gradeGrid(moves)).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 2],
      [0, 12, 0, 0],
      [0, 0, 30, 410],
    ]);
  });

  it('counts leads going up and down', () => {
    expect(gradeDirections(moves)).toEqual({ up: 42, down: 2 });
    expect(gradeDirections([])).toEqual({ up: 0, down: 0 });
  });

  it.each<[number, number, number, number]>([
    [45, 60, 15, 75],
    [60, 60, 0, 100],
    [90, 60, 0, 100],
    [-10, 60, 70, 0],
    [5, 0, 0, 100],
  ])('total %d with the bar at %d: %d to go, %d %%', (total, bar, missing, percent) => {
    expect(pointsToMql(total, bar)).toBe(missing);
    expect(mqlProgress(total, bar)).toBe(percent);
  });
});
