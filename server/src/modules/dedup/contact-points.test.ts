import { describe, expect, it } from 'vitest';
import { companyDomain, normalizeEmail, normalizePhoneNumber } from './contact-points';

describe('normalizeEmail', () => {
  it.each([
    ['Zhang.Wei@XINGHE.com', 'zhang.wei@xinghe.com', false],
    [' mailto:Zhang.Wei+crm@xinghe.com ', 'zhang.wei@xinghe.com', false],
    ['John.Smith@googlemail.com', 'johnsmith@gmail.com', false],
    ['INFO@xinghe.com', 'info@xinghe.com', true],
    ['sales@acme.com', 'sales@acme.com', true],
  ])('%s → %s', (input, address, role) => {
    expect(normalizeEmail(input)).toMatchObject({ address, role });
  });

  it.each(['', 'not an email', '@acme.com', 'john@', 'john smith@acme.com'])('rejects %j', (input) => {
    expect(normalizeEmail(input)).toBeNull();
  });
});

describe('companyDomain', () => {
  it.each([
    ['https://www.Acme.com/about', 'acme.com'],
    ['acme.com', 'acme.com'],
    ['xinghe.com.cn', 'xinghe.com.cn'],
    ['qq.com', null],
    ['gmail.com', null],
    ['localhost', null],
  ])('%s → %s', (input, domain) => {
    expect(companyDomain(input)).toBe(domain);
  });
});

describe('normalizePhoneNumber: one key for every way of writing a number', () => {
  it.each([
    ['138 1234 5678', 'CN', '+8613812345678', true],
    ['+86 138-1234-5678', 'CN', '+8613812345678', true],
    ['(010) 6552 8888', 'CN', '+861065528888', false],
    ['+86 10 6552 8888', 'US', '+861065528888', false],
    ['310/246-1501', 'US', '+13102461501', false],
    ['310-246-1501', 'US', '+13102461501', false],
    ['+1 (310) 246 1501', 'CN', '+13102461501', false],
  ] as const)('%s (%s) → %s', (input, region, key, mobile) => {
    expect(normalizePhoneNumber(input, region)).toEqual({ key, mobile });
  });

  it('keeps the digits of a number it cannot validate, and drops fragments', () => {
    expect(normalizePhoneNumber('555-0100-99', 'US')).toEqual({ key: '#555010099', mobile: false });
    expect(normalizePhoneNumber('ext 12', 'US')).toBeNull();
  });
});
