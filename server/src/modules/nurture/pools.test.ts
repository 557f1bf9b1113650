import { describe, expect, it } from 'vitest';
import { classifyPool, poolCriteria } from './pools.js';

const now = new Date('2025-06-01T00:00:00Z');
const t = { warmMinScore: 50, coldInactiveDays: 90 };
const daysAgo = (n: number) => new Date(now.getTime() - n * 86400_000);

describe('classifyPool', () => {
  it.each<[string, { status: string; score: number | null; createdAt: Date }, Date | null, string | null]>([
    ['returned by sales', { status: 'recycled', score: 80, createdAt: daysAgo(400) }, null, 'recycled'],
    ['new, high score, recent', { status: 'new', score: 60, createdAt: daysAgo(10) }, null, 'warm'],
    ['new, on the bar', { status: 'new', score: 50, createdAt: daysAgo(10) }, null, 'warm'],
    ['new, high score, old but engaged lately', { status: 'new', score: 70, createdAt: daysAgo(200) }, daysAgo(5), 'warm'],
    ['new, high score, silent for too long', { status: 'new', score: 70, createdAt: daysAgo(200) }, daysAgo(120), 'cold'],
    ['new, low score', { status: 'new', score: 20, createdAt: daysAgo(1) }, daysAgo(1), 'cold'],
    ['new, unscored', { status: 'new', score: null, createdAt: daysAgo(1) }, null, 'cold'],
    ['an MQL belongs to sales', { status: 'mql', score: 90, createdAt: daysAgo(1) }, null, null],
    ['converted', { status: 'converted', score: 90, createdAt: daysAgo(1) }, null, null],
  ])('%s → %s', (_name, lead, engaged, pool) => {
    expect(classifyPool(lead, engaged, t, now)).toBe(pool);
  });
});

describe('poolCriteria', () => {
  it('says the same in SQL terms', () => {
    const since = daysAgo(90);
    expect(poolCriteria('recycled', t, now, [])).toEqual({ statuses: ['recycled'] });
    expect(poolCriteria('warm', t, now, ['x'])).toEqual({ statuses: ['new'], minScore: 50, anyOf: [{ createdAfter: since }, { ids: ['x'] }] });
    expect(poolCriteria('cold', t, now, ['x'])).toEqual({
      statuses: ['new'],
      anyOf: [{ maxScore: 49 }, { createdBefore: since, excludeIds: ['x'] }],
    });
  });
});
