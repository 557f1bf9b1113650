import { describe, expect, it } from 'vitest';
import { dashboardViews } from './dashboard-views';

describe('dashboard views', () => {
  it.each([
    ['all', ['executive', 'manager', 'rep']],
    ['team', ['manager', 'rep']],
    ['own', ['rep']],
    ['none', []],
  ] as const)('analytics read level %s opens %j, its own first', (level, views) => {
    expect(dashboardViews(level)).toEqual(views);
  });
});
