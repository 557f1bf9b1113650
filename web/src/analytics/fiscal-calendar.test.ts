import { describe, expect, it } from 'vitest';
import { periodDays, periodOf, periodsOfYear, readPeriodKey, shiftPeriod, todayIn, yearOf } from './fiscal-calendar';

describe('fiscal calendar', () => {
  it('reads period keys and refuses malformed ones', () => {
    expect(readPeriodKey('FY2025-Q2')).toEqual({ key: 'FY2025-Q2', type: 'quarter', fiscalYear: 2025, index: 2 });
    expect(readPeriodKey('fy2025-m07')).toEqual({ key: 'FY2025-M07', type: 'month', fiscalYear: 2025, index: 7 });
    expect(readPeriodKey('FY2025')?.type).toBe('year');
    for (const bad of ['2025Q1', 'FY2025-Q5', 'FY2025-M13', 'FY25', '']) expect(readPeriodKey(bad)).toBeNull();
  });

  it.each([
    // [key, start month, first day, last day]
    ['FY2025', 1, '2025-01-01', '2025-12-31'],
    ['FY2025-Q1', 1, '2025-01-01', '2025-03-31'],
    ['FY2024-Q1', 1, '2024-01-01', '2024-03-31'],
    ['FY2026', 4, '2025-04-01', '2026-03-31'],
    ['FY2026-Q4', 4, '2026-01-01', '2026-03-31'],
    ['FY2026-M01', 4, '2025-04-01', '2025-04-30'],
    ['FY2026-M11', 4, '2026-02-01', '2026-02-28'],
    ['FY2024-M11', 4, '2024-02-01', '2024-02-29'],
    ['FY2025-Q2', 10, '2025-01-01', '2025-03-31'],
  ] as const)('%s with the year starting in month %i runs %s … %s', (key, startMonth, start, end) => {
    expect(periodDays(readPeriodKey(key)!, startMonth)).toMatchObject({ start, end });
  });

  it('finds the period containing a day, on either side of the fiscal new year', () => {
    expect(periodOf('2025-03-31', 'quarter', 4).key).toBe('FY2025-Q4');
    expect(periodOf('2025-04-01', 'quarter', 4).key).toBe('FY2026-Q1');
    expect(periodOf('2025-04-01', 'month', 4).key).toBe('FY2026-M01');
    expect(periodOf('2025-12-15', 'year', 1).key).toBe('FY2025');
    expect(periodOf('2025-08-20', 'quarter', 1).key).toBe('FY2025-Q3');
  });

  it('steps between periods across year ends and names the year of a quarter', () => {
    expect(shiftPeriod(readPeriodKey('FY2025-Q4')!, 1).key).toBe('FY2026-Q1');
    expect(shiftPeriod(readPeriodKey('FY2025-Q1')!, -1).key).toBe('FY2024-Q4');
    expect(shiftPeriod(readPeriodKey('FY2025-M01')!, -13).key).toBe('FY2023-M12');
    expect(shiftPeriod(readPeriodKey('FY2025')!, -1).key).toBe('FY2024');
    expect(yearOf(readPeriodKey('FY2025-M03')!).key).toBe('FY2025');
  });

  it('lists a year with its quarters and months, contiguous and in order', () => {
    const periods = periodsOfYear(2026, 4);
    expect(periods.map((p) => p.key).slice(0, 6)).toEqual(['FY2026', 'FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4', 'FY2026-M01']);
    const months = periods.filter((p) => p.type === 'month');
    expect(months).toHaveLength(12);
    expect(months[0].start).toBe(periods[0].start);
    expect(months[11].end).toBe(periods[0].end);
  });

  it("reads today's date in the tenant's time zone", () => {
    const lateUtc = new Date('2025-06-30T20:00:00Z');
    expect(todayIn('Asia/Shanghai', lateUtc)).toBe('2025-07-01');
    expect(todayIn('UTC', lateUtc)).toBe('2025-06-30');
  });
});
