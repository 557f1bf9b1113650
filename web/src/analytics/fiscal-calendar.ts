/**
 * The tenant's fiscal calendar as the analytics API reads period keys: a fiscal year starts on the
 * first day of `startMonth` and is named after the calendar year it ends in (start month 4:
 * FY2026 = 2025-04-01 … 2026-03-31). Keys: `FY2026`, `FY2026-Q1`, `FY2026-M01` (months count from
 * the fiscal year's start). The server decides the days; this only names and lists periods for
 * the picker and steps between them.
 */
export type PeriodType = 'year' | 'quarter' | 'month';

export interface PeriodKey {
  key: string;
  type: PeriodType;
  fiscalYear: number;
  /** Quarter 1-4 or fiscal month 1-12; 1 for a year. */
  index: number;
}

export interface CalendarPeriod extends PeriodKey {
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

const KEY = /^FY(\d{4})(?:-Q([1-4])|-M(0[1-9]|1[0-2]))?$/;
const pad = (n: number) => String(n).padStart(2, '0');

export function readPeriodKey(key: string): PeriodKey | null {
  const match = KEY.exec(key.trim().toUpperCase());
  if (!match) return null;
  const fiscalYear = Number(match[1]);
  if (match[2]) return periodKey('quarter', fiscalYear, Number(match[2]));
  if (match[3]) return periodKey('month', fiscalYear, Number(match[3]));
  return periodKey('year', fiscalYear, 1);
}

export function periodKey(type: PeriodType, fiscalYear: number, index: number): PeriodKey {
  const key = type === 'year' ? `FY${fiscalYear}` : type === 'quarter' ? `FY${fiscalYear}-Q${index}` : `FY${fiscalYear}-M${pad(index)}`;
  return { key, type, fiscalYear, index };
}

/** Months from the fiscal year's first month to the period's first, and its length in months. */
const monthSpan = (p: PeriodKey): [offset: number, length: number] =>
  p.type === 'year' ? [0, 12] : p.type === 'quarter' ? [(p.index - 1) * 3, 3] : [p.index - 1, 1];

/** YYYY-MM-01 of a month counted from January of `year` (0-based, may run past December). */
function firstOfMonth(year: number, month0: number): string {
  return `${year + Math.floor(month0 / 12)}-${pad((month0 % 12) + 1)}-01`;
}

/** The period's first and last day. */
export function periodDays(p: PeriodKey, startMonth: number): CalendarPeriod {
  const firstYear = startMonth === 1 ? p.fiscalYear : p.fiscalYear - 1;
  const [offset, length] = monthSpan(p);
  const start = firstOfMonth(firstYear, startMonth - 1 + offset);
  const next = new Date(`${firstOfMonth(firstYear, startMonth - 1 + offset + length)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() - 1);
  return { ...p, start, end: next.toISOString().slice(0, 10) };
}

/** The period of a type that contains a day. */
export function periodOf(day: string, type: PeriodType, startMonth: number): PeriodKey {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const fiscalYear = startMonth === 1 || month < startMonth ? year : year + 1;
  const fiscalMonth = ((month - startMonth + 12) % 12) + 1;
  return periodKey(type, fiscalYear, type === 'year' ? 1 : type === 'quarter' ? Math.ceil(fiscalMonth / 3) : fiscalMonth);
}

/** The period `steps` periods of the same type later (negative: earlier). */
export function shiftPeriod(p: PeriodKey, steps: number): PeriodKey {
  const perYear = p.type === 'year' ? 1 : p.type === 'quarter' ? 4 : 12;
  const ordinal = p.fiscalYear * perYear + (p.index - 1) + steps;
  return periodKey(p.type, Math.floor(ordinal / perYear), (((ordinal % perYear) + perYear) % perYear) + 1);
}

/** The fiscal year a quarter or month belongs to. */
export const yearOf = (p: PeriodKey): PeriodKey => periodKey('year', p.fiscalYear, 1);

/** A year, then its quarters, then its months: what the picker offers for one fiscal year. */
export function periodsOfYear(fiscalYear: number, startMonth: number): CalendarPeriod[] {
  const keys = [
    periodKey('year', fiscalYear, 1),
    ...[1, 2, 3, 4].map((q) => periodKey('quarter', fiscalYear, q)),
    ...Array.from({ length: 12 }, (_, m) => periodKey('month', fiscalYear, m + 1)),
  ];
  return keys.map((k) => periodDays(k, startMonth));
}

/** Today's date in a time zone, YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}
