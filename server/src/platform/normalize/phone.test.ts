import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone.js';
import { moneyFromColumns } from './money.js';

describe('normalizePhone', () => {
  it.each([
    ['138 1234 5678', '+8613812345678'],
    ['+86 138-1234-5678', '+8613812345678'],
    ['010-6552 8888', '+861065528888'],
  ])('reads %s as %s with region CN', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it('uses the given region for national numbers', () => {
    expect(normalizePhone('(415) 555-2671', 'US')).toBe('+14155552671');
  });

  it('refuses what is not a phone number', () => {
    expect(normalizePhone('call me')).toBeNull();
    expect(normalizePhone('123')).toBeNull();
  });

  it('reads a number the same when it was read before, and its E.164 form as itself', () => {
    expect(normalizePhone(' 139 0000 1111 ')).toBe('+8613900001111');
    expect(normalizePhone(' 139 0000 1111 ')).toBe('+8613900001111');
    expect(normalizePhone('+8613900001111')).toBe('+8613900001111');
    expect(normalizePhone('139 0000 1111', 'US')).toBeNull();
  });
});

describe('moneyFromColumns', () => {
  it('always gives two decimals and keeps the currency', () => {
    expect(moneyFromColumns('1234.5', 'CNY')).toEqual({ amount: '1234.50', currency: 'CNY' });
    expect(moneyFromColumns('10', 'USD')).toEqual({ amount: '10.00', currency: 'USD' });
    expect(moneyFromColumns(null, 'CNY')).toBeNull();
  });
});
