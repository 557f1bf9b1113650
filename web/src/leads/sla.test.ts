import { describe, expect, it } from 'vitest';
import { slaState, splitDuration } from './sla';

const NOW = new Date('2025-03-04T08:00:00Z');
const inHours = (h: number) => new Date(NOW.getTime() + h * 3600_000).toISOString();

describe('slaState', () => {
  it.each<[string | null, number | null, string]>([
    [null, 4, 'none'],
    [inHours(3), 4, 'ok'],
    [inHours(1), 4, 'dueSoon'],
    [inHours(0.5), 4, 'dueSoon'],
    [inHours(0), 4, 'breached'],
    [inHours(-2), 4, 'breached'],
    [inHours(0.5), null, 'dueSoon'],
    [inHours(2), null, 'ok'],
  ])('due %s with a %sh SLA → %s', (due, hours, expected) => {
    expect(slaState(due, NOW, hours)).toBe(expected);
  });
});

describe('splitDuration', () => {
  it.each<[number, number, string]>([
    [90, 2, 'minute'],
    [3599, 60, 'minute'],
    [3600, 1, 'hour'],
    [12_960, 3.6, 'hour'],
    [47 * 3600, 47, 'hour'],
    [3 * 86400, 3, 'day'],
    [1.25 * 86400 * 2, 2.5, 'day'],
  ])('%ss → %s %s', (seconds, value, unit) => {
    expect(splitDuration(seconds)).toEqual({ value, unit });
  });
});
