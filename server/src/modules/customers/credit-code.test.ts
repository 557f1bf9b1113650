import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode, normalizeCreditCode } from './credit-code.js';

describe('unified social credit code', () => {
  it.each([
    '9111010510173365XD', // real codes from the Beijing business registry
    '911101051017386531',
    '91110113MA01GHE6XA',
    '91110105MA01GHN16Q',
  ])('accepts %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it.each([
    ['9111010510173365XE', 'wrong check character'],
    ['9111010510173365X', 'too short'],
    ['9111010510173365XDD', 'too long'],
    ['9111010510I73365XD', 'a letter outside the alphabet (I)'],
    ['', 'empty'],
  ])('rejects %s (%s)', (code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('computes the check character, including the modulo-31 wrap to 0', () => {
    expect(creditCodeCheckChar('91110112MA01GHBU7')).toBe('C');
    expect(creditCodeCheckChar('9111011210179855X')).toBe('E');
    expect(creditCodeCheckChar('91110105101815997')).toBe('0'); // 31 - 0 wraps to 0
    expect(creditCodeCheckChar('I1110113MA01GHBU7')).toBeNull();
  });

  it('normalises spaces and case before checking', () => {
    expect(normalizeCreditCode(' 91110113ma01ghe6xa ')).toBe('91110113MA01GHE6XA');
  });
});
