import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatInteger, formatRelative } from './format';

const now = new Date('2025-03-10T12:00:00Z');

describe('formatRelative', () => {
  it.each([
    ['2025-03-10T11:59:30Z', 'en-US', 'now'],
    ['2025-03-10T11:55:00Z', 'en-US', '5 minutes ago'],
    ['2025-03-10T09:00:00Z', 'en-US', '3 hours ago'],
    ['2025-03-09T12:00:00Z', 'en-US', 'yesterday'],
    ['2025-03-07T12:00:00Z', 'zh-CN', '3天前'],
    ['2025-03-12T12:00:00Z', 'en-US', 'in 2 days'],
  ] as const)('%s in %s reads "%s"', (at, locale, expected) => {
    expect(formatRelative(at, now, locale)).toBe(expected);
  });

  it('returns unparsable input unchanged', () => {
    expect(formatRelative('not a date', now, 'en-US')).toBe('not a date');
  });
});

describe('formatDateTime', () => {
  it('formats in the tenant time zone', () => {
    // ICU versions differ in the space before AM (U+202F or U+0020).
    expect(formatDateTime('2025-03-10T16:30:00Z', 'en-US', 'Asia/Shanghai').replace(/\s/g, ' ')).toBe('Mar 11, 2025, 12:30 AM');
    expect(formatDate('2025-03-10T16:30:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2025年3月11日');
  });

  it('gives an empty string for no value', () => {
    expect(formatDateTime(null, 'en-US')).toBe('');
    expect(formatDate(undefined, 'en-US')).toBe('');
  });
});

describe('formatInteger', () => {
  it('groups digits per locale', () => {
    expect(formatInteger(12500, 'en-US')).toBe('12,500');
    expect(formatInteger(null, 'en-US')).toBe('');
  });
});
