import { describe, expect, it } from 'vitest';
import { addDays, nextPeriod, parsePeriod, periodContaining, previousPeriod } from './fiscal-periods.js';

describe('fiscal periods', () => {
  it.each([
    // key, start month, start, end (exclusive)
    ['FY2025', 1, '2025-01-01', '2026-01-01'],
    ['FY2025-Q1', 1, '2025-01-01', '2025-04-01'],
    ['FY2025-Q4', 1, '2025-10-01', '2026-01-01'],
    ['FY2025-M02', 1, '2025-02-01', '2025-03-01'],
    ['FY2026', 4, '2025-04-01', '2026-04-01'],
    ['FY2026-Q1', 4, '2025-04-01', '2025-07-01'],
    ['FY2026-Q4', 4, '2026-01-01', '2026-04-01'],
    ['FY2026-M10', 4, '2026-01-01', '2026-02-01'],
    ['fy2024-q3', 10, '2024-04-01', '2024-07-01'],
  ])('%s with the year starting in month %i runs %s to %s', (key, startMonth, start, end) => {
    expect(parsePeriod(key, startMonth)).toMatchObject({ start, end });
  });

  it.each(['2025', 'FY25', 'FY2025-Q5', 'FY2025-M13', 'FY2025-M1', ''])('refuses the key %j', (key) => {
    expect(parsePeriod(key, 1)).toBeNull();
  });

  it.each([
    ['2025-03-31', 'quarter', 1, 'FY2025-Q1'],
    ['2025-04-01', 'quarter', 1, 'FY2025-Q2'],
    ['2025-03-31', 'quarter', 4, 'FY2025-Q4'],
    ['2025-04-01', 'quarter', 4, 'FY2026-Q1'],
    ['2025-12-15', 'year', 4, 'FY2026'],
    ['2025-12-15', 'month', 4, 'FY2026-M09'],
    ['2025-01-01', 'month', 1, 'FY2025-M01'],
  ] as const)('%s falls in the %s %s (start month %i)', (day, type, startMonth, key) => {
    expect(periodContaining(day, type, startMonth).key).toBe(key);
  });

  it('steps forward and back across fiscal years', () => {
    const q4 = parsePeriod('FY2026-Q4', 4)!;
    expect(nextPeriod(q4, 4).key).toBe('FY2027-Q1');
    expect(previousPeriod(parsePeriod('FY2026-Q1', 4)!, 4).key).toBe('FY2025-Q4');
    expect(previousPeriod(parsePeriod('FY2025-M01', 1)!, 1).key).toBe('FY2024-M12');
  });

  it('adds days across month ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});
