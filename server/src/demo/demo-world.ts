import type { RequestContext } from '../platform/access/context.js';
import { addDays, nextPeriod, periodContaining, previousPeriod, type FiscalPeriod } from '../modules/analytics/fiscal-periods.js';
import { zonedTime } from '../modules/analytics/zoned-time.js';
import type { DemoUser } from './demo-data.js';

/** What the demo seed's steps share: who is who, the accounts made, and the tenant's calendar. */
export interface DemoWorld {
  ctx: RequestContext;
  userIds: Record<DemoUser['key'], string>;
  teamIds: Record<DemoUser['team'], string>;
  /** The demo accounts in DEMO_ACCOUNTS order, with their contacts in order. */
  accounts: { id: string; ownerId: string; contactIds: string[] }[];
  calendar: DemoCalendar;
}

export interface DemoCalendar {
  timeZone: string;
  fiscalYearStartMonth: number;
  /** Today in the tenant's zone (YYYY-MM-DD). */
  today: string;
  quarters: Record<'previous' | 'current' | 'next', FiscalPeriod>;
  year: FiscalPeriod;
}

export function demoCalendar(timeZone: string, fiscalYearStartMonth: number, today: string): DemoCalendar {
  const current = periodContaining(today, 'quarter', fiscalYearStartMonth);
  return {
    timeZone,
    fiscalYearStartMonth,
    today,
    quarters: { previous: previousPeriod(current, fiscalYearStartMonth), current, next: nextPeriod(current, fiscalYearStartMonth) },
    year: periodContaining(today, 'year', fiscalYearStartMonth),
  };
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The day `share` (0…1) of the way from `from` to `to` (both YYYY-MM-DD). */
export const dayBetween = (from: string, to: string, share: number) => addDays(from, Math.floor(daysBetween(from, to) * share));

/** Mid-morning of a tenant day, as an instant. */
export const morningOf = (calendar: DemoCalendar, day: string) => zonedTime(day, calendar.timeZone, 10);

/** A day relative to today. */
export const dayFromToday = (calendar: DemoCalendar, days: number) => addDays(calendar.today, days);

/**
 * An expected close date `share` of the way through what is left of the current quarter, or
 * through the next one; never before today.
 */
export function closeDayIn(calendar: DemoCalendar, quarter: 'current' | 'next', share: number): string {
  const { current, next } = calendar.quarters;
  const day = quarter === 'current' ? dayBetween(calendar.today, addDays(current.end, -1), share) : dayBetween(next.start, addDays(next.end, -1), share);
  return day < calendar.today ? calendar.today : day;
}

/** Mid-morning of a past or present tenant day, but never later than now. */
export const pastMorningOf = (calendar: DemoCalendar, day: string) => new Date(Math.min(morningOf(calendar, day).getTime(), Date.now()));
