import { describe, expect, it } from 'vitest';
import { completion } from './visit-plan-values';

const counts = { planned: 0, done: 0, missed: 0, upcoming: 0, cancelled: 0, unplanned: 0 };

describe('completion', () => {
  it.each<[string, Partial<typeof counts>, number | null]>([
    ['nothing planned', {}, null],
    ['all planned visits done', { planned: 4, done: 4 }, 100],
    ['unplanned visits do not count towards the plan', { planned: 4, done: 3, unplanned: 2 }, 25],
    ['two of three', { planned: 3, done: 2 }, 67],
  ])('%s', (_, c, expected) => expect(completion({ ...counts, ...c })).toBe(expected));
});
