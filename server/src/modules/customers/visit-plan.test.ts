import { describe, expect, it } from 'vitest';
import { countVisit, emptyCounts, isoWeekOf, localDate, mondayOfIsoWeek, startOfLocalDay, visitOutcome, weekDays, type PlanVisit } from './visit-plan';

describe('ISO weeks', () => {
  it.each<[string, string | null]>([
    ['2026-W01', '2025-12-29'],
    ['2026-W48', '2026-11-23'],
    ['2020-W53', '2020-12-28'],
    ['2021-W53', null],
    ['2026-W00', null],
    ['26-W01', null],
  ])('%s starts on %s', (week, monday) => expect(mondayOfIsoWeek(week)).toBe(monday));

  it.each<[string, string]>([
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2026-11-29', '2026-W48'],
  ])('%s is in %s', (date, week) => expect(isoWeekOf(date)).toBe(week));
});

describe('time zones', () => {
  it('finds local midnight and local dates', () => {
    expect(startOfLocalDay('2026-03-02', 'Asia/Shanghai').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(localDate(new Date('2026-03-01T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-03-02');
    const week = weekDays('2026-03-02', 'Asia/Shanghai');
    expect(week.days).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
    expect(week.to.toISOString()).toBe('2026-03-08T16:00:00.000Z');
  });
});

describe('visit outcomes and counts', () => {
  const now = new Date('2026-03-04T06:00:00Z');
  const visit = (extra: Partial<PlanVisit>): PlanVisit => ({ createdAt: '2026-03-01T00:00:00Z', startAt: '2026-03-03T02:00:00Z', status: 'planned', checkIn: null, ...extra });
  it.each<[string, PlanVisit, ReturnType<typeof visitOutcome>, Partial<ReturnType<typeof emptyCounts>>]>([
    ['planned and checked in: done', visit({ status: 'done', checkIn: { at: '2026-03-03T02:10:00Z' } }), 'done', { planned: 1, done: 1 }],
    ['planned, time passed, no check-in: missed', visit({}), 'missed', { planned: 1, missed: 1 }],
    ['marked done without a check-in: still missed', visit({ status: 'done' }), 'missed', { planned: 1, missed: 1 }],
    ['planned for later: upcoming', visit({ startAt: '2026-03-05T02:00:00Z' }), 'upcoming', { planned: 1, upcoming: 1 }],
    ['cancelled', visit({ status: 'cancelled' }), 'cancelled', { planned: 1, cancelled: 1 }],
    ['logged after the fact with a check-in: unplanned', visit({ createdAt: '2026-03-03T05:00:00Z', status: 'done', checkIn: { at: '2026-03-03T02:10:00Z' } }), 'done', { done: 1, unplanned: 1 }],
  ])('%s', (_, v, outcome, counts) => {
    expect(visitOutcome(v, now)).toBe(outcome);
    const c = emptyCounts();
    countVisit(c, v, now);
    expect(c).toEqual({ ...emptyCounts(), ...counts });
  });
});
