import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar, isValidCreditCode, isValidEmail, isValidWebsite, withHttpScheme } from './validators';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91110000802100433B', '91310000MA1FL0YB2J'])('accepts %s', (code) => {
    expect(checkCreditCode(code)).toBeNull();
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('accepts lower-case letters and surrounding spaces', () => {
    expect(isValidCreditCode(' 91350100m000100y43 ')).toBe(true);
  });

  it('says when the length is wrong', () => {
    expect(checkCreditCode('91350100M000100Y4')).toBe('length');
    expect(checkCreditCode('91350100M000100Y433')).toBe('length');
    expect(checkCreditCode('')).toBe('length');
  });

  it('says when a character is not allowed (I, O, S, V, Z, punctuation)', () => {
    expect(checkCreditCode('91350100M000100YO3')).toBe('characters');
    expect(checkCreditCode('9135010-M000100Y43')).toBe('characters');
  });

  it('catches a typo through the check character', () => {
    expect(checkCreditCode('91350100M000100Y44')).toBe('checksum');
    expect(checkCreditCode('91350100M000200Y43')).toBe('checksum');
  });

  it('computes the check character, 0 when the remainder is 0', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('short')).toBeNull();
    expect(creditCodeCheckChar('91350100M000100YI')).toBeNull();
    // A remainder of 0 would give 31, which wraps to '0'.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });
});

describe('isValidEmail', () => {
  it.each(['li.lei@example.com', 'wang+crm@corp.com.cn', ' a@b.co '])('accepts %s', (email) => {
    expect(isValidEmail(email)).toBe(true);
  });
  it.each(['', 'li lei@example.com', 'no-at.example.com', 'a@b', 'a@@b.com'])('rejects %j', (email) => {
    expect(isValidEmail(email)).toBe(false);
  });
});

describe('isValidWebsite', () => {
  it.each(['https://www.example.com', 'http://example.cn/about?x=1', 'https://华为.中国', 'http://localhost:3000'])(
    'accepts %s',
    (url) => {
      expect(isValidWebsite(url)).toBe(true);
    },
  );
  it.each(['example.com', 'ftp://example.com', 'https://example', 'javascript:alert(1)', 'https://'])('rejects %j', (url) => {
    expect(isValidWebsite(url)).toBe(false);
  });

  it('adds https:// to a bare domain, and nothing to a full URL', () => {
    expect(withHttpScheme('example.com')).toBe('https://example.com');
    expect(withHttpScheme('http://example.com')).toBe('http://example.com');
    expect(withHttpScheme('  ')).toBe('');
  });
});
