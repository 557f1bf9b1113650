/**
 * Client-side checks that mirror the server's validation, so people see mistakes before submitting.
 * The server stays the authority; these only give earlier feedback.
 */

/** GB 32100-2015 unified social credit code (统一社会信用代码) alphabet: digits and letters without I, O, S, V, Z. */
const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'characters' | 'checksum';

/** The check character the first 17 characters call for, or null when they hold invalid characters. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * CREDIT_CODE_WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[check];
}

/** Returns what is wrong with a credit code, or null when it is valid. Letters may be typed lower-case. */
export function checkCreditCode(input: string): CreditCodeProblem | null {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return 'length';
  for (const char of code) {
    if (!CREDIT_CODE_ALPHABET.includes(char)) return 'characters';
  }
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'checksum';
}

export function isValidCreditCode(input: string): boolean {
  return checkCreditCode(input) === null;
}

/** A pragmatic e-mail check: one @, no spaces, a dot in the domain. */
export function isValidEmail(input: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.trim());
}

/** An absolute http(s) URL with a host containing a dot (or localhost). */
export function isValidWebsite(input: string): boolean {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  // URL gives internationalised domains in punycode: "华为.中国" → "xn--wlq.xn--fiqs8s".
  return url.hostname === 'localhost' || /\.([a-z]{2,}|xn--[a-z0-9-]+)$/i.test(url.hostname);
}

/** People type "example.com"; the form adds the scheme before validating and saving. */
export function withHttpScheme(input: string): string {
  const text = input.trim();
  if (text === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return text;
  return `https://${text}`;
}
