import { describe, expect, it } from 'vitest';
import { shouldPromote } from './mql-decision.js';

describe('shouldPromote (MQL bar 60)', () => {
  it.each<[string, string, number | null, number, boolean]>([
    ['a new lead scored for the first time above the bar', 'new', null, 72, true],
    ['a new lead that engagement lifts over the bar', 'new', 55, 61, true],
    ['a new lead exactly at the bar', 'new', 40, 60, true],
    ['a new lead already above the bar (the bar was lowered)', 'new', 70, 70, true],
    ['a new lead below the bar', 'new', 20, 59, false],
    ['a recycled lead that re-engages across the bar', 'recycled', 45, 66, true],
    ['a recycled lead still above the bar after a rescore', 'recycled', 70, 68, false],
    ['a recycled lead below the bar', 'recycled', 30, 35, false],
    ['an MQL is left alone', 'mql', 50, 90, false],
    ['an accepted lead is left alone', 'accepted', 50, 90, false],
    ['a disqualified lead is left alone', 'disqualified', 10, 90, false],
    ['a converted lead is left alone', 'converted', 10, 90, false],
  ])('%s', (_name, status, previousTotal, total, expected) => {
    expect(shouldPromote({ status, previousTotal, total, mqlThreshold: 60 })).toBe(expected);
  });
});
