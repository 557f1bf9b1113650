/**
 * The tenant's fiscal calendar: a fiscal year starts on the first day of `startMonth` (1-12) and
 * is named after the calendar year in which it ends (start month 4: FY2026 = 2025-04-01 … 2026-03-31;
 * start month 1: FY2025 = calendar 2025). Quarters and months count from the fiscal year's start.
 * Keys: `FY2025`, `FY2025-Q2`, `FY2025-M07`. Days are ISO dates (YYYY-MM-DD) in the tenant's zone;
 * `end` is exclusive.
 */
export const PERIOD_TYPES = ['year', 'quarter', 'month'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export interface FiscalPeriod {
  key: string;
  type: PeriodType;
  fiscalYear: number;
  /** First day (inclusive). */
  start: string;
  /** Day after the last (exclusive). */
  end: string;
}

const KEY_RE = /^FY(\d{4})(?:-(Q([1-4])|M(0[1-9]|1[0-2])))?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The first day of calendar month `month0` (0-based, may overflow) of `year`. */
function monthStart(year: number, month0: number): string {
  const y = year + Math.floor(month0 / 12);
  const m = ((month0 % 12) + 12) % 12;
  return `${pad(y, 4)}-${pad(m + 1)}-01`;
}

/** The fiscal year's first calendar (year, 0-based month). */
function fiscalYearStart(fiscalYear: number, startMonth: number): { year: number; month0: number } {
  return startMonth === 1 ? { year: fiscalYear, month0: 0 } : { year: fiscalYear - 1, month0: startMonth - 1 };
}

function build(type: PeriodType, fiscalYear: number, index: number, startMonth: number): FiscalPeriod {
  const { year, month0 } = fiscalYearStart(fiscalYear, startMonth);
  const [offset, length, key] =
    type === 'year' ? [0, 12, `FY${fiscalYear}`]
    : type === 'quarter' ? [(index - 1) * 3, 3, `FY${fiscalYear}-Q${index}`]
    : [index - 1, 1, `FY${fiscalYear}-M${pad(index)}`];
  return { key, type, fiscalYear, start: monthStart(year, month0 + offset), end: monthStart(year, month0 + offset + length) };
}

/** The period a key names, or null for a malformed key. */
export function parsePeriod(key: string, startMonth: number): FiscalPeriod | null {
  const match = KEY_RE.exec(key.trim().toUpperCase());
  if (!match) return null;
  const fiscalYear = Number(match[1]);
  if (match[3]) return build('quarter', fiscalYear, Number(match[3]), startMonth);
  if (match[4]) return build('month', fiscalYear, Number(match[4]), startMonth);
  return build('year', fiscalYear, 1, startMonth);
}

/** The period of `type` containing the day. */
export function periodContaining(day: string, type: PeriodType, startMonth: number): FiscalPeriod {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const fiscalYear = startMonth === 1 || month < startMonth ? year : year + 1;
  const fiscalMonth = ((month - startMonth + 12) % 12) + 1;
  const index = type === 'year' ? 1 : type === 'quarter' ? Math.ceil(fiscalMonth / 3) : fiscalMonth;
  return build(type, fiscalYear, index, startMonth);
}

/** The period of the same type right after this one. */
export function nextPeriod(period: FiscalPeriod, startMonth: number): FiscalPeriod {
  return periodContaining(period.end, period.type, startMonth);
}

/** The period of the same type right before this one. */
export function previousPeriod(period: FiscalPeriod, startMonth: number): FiscalPeriod {
  const [y, m] = period.start.split('-').map(Number);
  return periodContaining(monthStart(y, m - 2), period.type, startMonth);
}

/** Today's date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The day after an ISO date. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
