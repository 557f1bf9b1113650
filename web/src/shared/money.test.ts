import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyCompact, isDecimalAmount, moneyOrNull, normalizeAmount } from './money';

describe('formatMoney', () => {
  it('formats with the currency symbol of the locale', () => {
    expect(formatMoney({ amount: '1234.50', currency: 'CNY' }, 'zh-CN')).toBe('¥1,234.50');
    expect(formatMoney({ amount: '1234.50', currency: 'CNY' }, 'en-US')).toBe('CN¥1,234.50');
    expect(formatMoney({ amount: '99', currency: 'USD' }, 'en-US')).toBe('$99.00');
  });

  it('never loses digits through a float', () => {
    expect(formatMoney({ amount: '12345678901234.57', currency: 'CNY' }, 'zh-CN')).toBe('¥12,345,678,901,234.57');
  });

  it('respects currencies without minor units', () => {
    expect(formatMoney({ amount: '1500', currency: 'JPY' }, 'en-US')).toBe('¥1,500');
  });

  it('shows nothing for a missing or malformed amount', () => {
    expect(formatMoney(null, 'zh-CN')).toBe('');
    expect(formatMoney({ amount: 'abc', currency: 'CNY' }, 'zh-CN')).toBe('');
  });

  it('falls back to plain text for an unknown currency code', () => {
    expect(formatMoney({ amount: '10.00', currency: 'NOT-A-CODE' }, 'en-US')).toBe('10.00 NOT-A-CODE');
  });
});

describe('formatMoneyCompact', () => {
  it('uses 万 / 亿 in Chinese and K / M in English', () => {
    expect(formatMoneyCompact({ amount: '50000000', currency: 'CNY' }, 'zh-CN')).toBe('¥5000万');
    expect(formatMoneyCompact({ amount: '123456789', currency: 'CNY' }, 'zh-CN')).toBe('¥1.23亿');
    expect(formatMoneyCompact({ amount: '50000000', currency: 'USD' }, 'en-US')).toBe('$50M');
  });
});

describe('amounts typed by people', () => {
  it.each([
    ['1234.5', '1234.50'],
    ['1,234.5', '1234.50'],
    ['5 000 000', '5000000.00'],
    ['0012', '12.00'],
    ['0.5', '0.50'],
    ['-3', '-3.00'],
    ['-0', '0.00'],
  ])('%s → %s', (text, expected) => {
    expect(normalizeAmount(text)).toBe(expected);
  });

  it.each(['', 'abc', '1.2.3', '1e5', '12.345', '--1', '12345678901234567'])('rejects %j', (text) => {
    expect(normalizeAmount(text)).toBeNull();
    expect(isDecimalAmount(text)).toBe(false);
  });
});

describe('moneyOrNull', () => {
  it.each([
    { text: '1,234.5', currency: 'CNY', expected: { amount: '1234.50', currency: 'CNY' } },
    { text: ' 99 ', currency: 'USD', expected: { amount: '99.00', currency: 'USD' } },
    { text: '', currency: 'CNY', expected: null },
    { text: null, currency: 'CNY', expected: null },
    { text: 'abc', currency: 'CNY', expected: null },
  ])('$text $currency', ({ text, currency, expected }) => {
    expect(moneyOrNull(text, currency)).toEqual(expected);
  });
});
