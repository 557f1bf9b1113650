import { describe, expect, it } from 'vitest';
import { isAvailable, pickAssignee, type Candidate } from './pick-assignee.js';

const NOW = new Date('2025-03-04T02:00:00Z');
const day = (offset: number) => new Date(NOW.getTime() + offset * 24 * 3600 * 1000);

const member = (userId: string, over: Partial<Candidate> = {}): Candidate => ({
  userId,
  active: true,
  capacity: null,
  weight: 1,
  absentFrom: null,
  absentTo: null,
  openLeads: 0,
  ...over,
});

describe('pickAssignee: round robin', () => {
  const team = [member('a'), member('b'), member('c')];

  it.each<[string | null, string]>([
    [null, 'a'],
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'a'],
    ['gone', 'a'],
  ])('after %s comes %s', (last, expected) => {
    expect(pickAssignee(team, 'round_robin', { now: NOW, lastUserId: last })).toBe(expected);
  });

  it('skips whoever cannot take a lead and wraps around', () => {
    const busy = [member('a'), member('b', { capacity: 3, openLeads: 3 }), member('c', { active: false })];
    expect(pickAssignee(busy, 'round_robin', { now: NOW, lastUserId: 'a' })).toBe('a');
  });

  it('hands six leads out evenly', () => {
    let last: string | null = null;
    const got: string[] = [];
    for (let i = 0; i < 6; i++) {
      last = pickAssignee(team, 'round_robin', { now: NOW, lastUserId: last });
      got.push(last!);
    }
    expect(got).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });
});

describe('pickAssignee: least loaded', () => {
  it.each<[string, Candidate[], string | null]>([
    ['fewest open leads wins', [member('a', { openLeads: 5 }), member('b', { openLeads: 2 }), member('c', { openLeads: 3 })], 'b'],
    ['ties go to the first in order', [member('a', { openLeads: 2 }), member('b', { openLeads: 2 })], 'a'],
    ['weight 2 carries twice the load', [member('a', { openLeads: 3 }), member('b', { openLeads: 5, weight: 2 })], 'b'],
    ['equal ratio: fewer leads wins', [member('a', { openLeads: 4, weight: 2 }), member('b', { openLeads: 2 })], 'b'],
    ['a full member is skipped even when lightest', [member('a', { openLeads: 1, capacity: 1 }), member('b', { openLeads: 9 })], 'b'],
    ['everyone full: nobody', [member('a', { openLeads: 2, capacity: 2 }), member('b', { capacity: 0 })], null],
    ['an absent member is skipped', [member('a', { absentFrom: day(-1), absentTo: day(2) }), member('b', { openLeads: 4 })], 'b'],
    ['no team: nobody', [], null],
  ])('%s', (_title, members, expected) => {
    expect(pickAssignee(members, 'least_loaded', { now: NOW, lastUserId: null })).toBe(expected);
  });

  it('leaves out excluded members (the rep who rejected the lead)', () => {
    const team = [member('a'), member('b', { openLeads: 3 })];
    expect(pickAssignee(team, 'least_loaded', { now: NOW, lastUserId: null, exclude: new Set(['a']) })).toBe('b');
    expect(pickAssignee(team, 'round_robin', { now: NOW, lastUserId: 'b', exclude: new Set(['a']) })).toBe('b');
  });
});

describe('isAvailable: absence periods', () => {
  it.each<[string, Partial<Candidate>, boolean]>([
    ['no absence', {}, true],
    ['absent now', { absentFrom: day(-1), absentTo: day(1) }, false],
    ['absence starts now (inclusive)', { absentFrom: NOW, absentTo: day(1) }, false],
    ['absence ends now (exclusive)', { absentFrom: day(-3), absentTo: NOW }, true],
    ['absence is over', { absentFrom: day(-3), absentTo: day(-1) }, true],
    ['absence is later', { absentFrom: day(1), absentTo: day(3) }, true],
    ['open-ended absence', { absentFrom: day(-1) }, false],
    ['absent until a date', { absentTo: day(1) }, false],
    ['inactive', { active: false }, false],
    ['at capacity', { capacity: 5, openLeads: 5 }, false],
    ['below capacity', { capacity: 5, openLeads: 4 }, true],
  ])('%s → %s', (_title, over, expected) => {
    expect(isAvailable(member('a', over), NOW)).toBe(expected);
  });
});
