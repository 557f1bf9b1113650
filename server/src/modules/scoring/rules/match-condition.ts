import type { Operator } from './rule-types.js';

/**
 * Text as rules compare it: full-width forms folded (ＣＩＯ → cio), case ignored, runs of
 * spaces collapsed.
 */
export function normalizeText(value: unknown): string {
  return String(value).normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A finite number from a number or a numeric string; null otherwise. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

const ASCII_WORD = /^[\x20-\x7e]+$/;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether `text` contains `keyword`. A Latin keyword must stand as a word of its own, so CTO
 * does not fire on "Director"; a Chinese keyword is found anywhere (销售总监 contains 总监).
 */
export function containsKeyword(text: string, keyword: string): boolean {
  const haystack = normalizeText(text);
  const needle = normalizeText(keyword);
  if (needle === '') return false;
  if (!ASCII_WORD.test(needle)) return haystack.includes(needle);
  return new RegExp(`(?<![a-z0-9])${escapeRegExp(needle)}(?![a-z0-9])`).test(haystack);
}

const sameValue = (actual: unknown, expected: unknown): boolean => {
  if (typeof expected === 'number') return toNumber(actual) === expected;
  return normalizeText(actual) === normalizeText(expected);
};

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * Whether a value passes a rule's condition. Conditions speak about known facts: apart from
 * is_empty, an empty value passes none of them (not even not_equals / not_in).
 */
export function matchesCondition(operator: Operator, expected: unknown, actual: unknown): boolean {
  if (operator === 'is_empty') return isEmptyValue(actual);
  if (operator === 'is_not_empty') return !isEmptyValue(actual);
  if (isEmptyValue(actual)) return false;
  switch (operator) {
    case 'equals':
      return sameValue(actual, expected);
    case 'not_equals':
      return !sameValue(actual, expected);
    case 'in':
      return asList(expected).some((e) => sameValue(actual, e));
    case 'not_in':
      return !asList(expected).some((e) => sameValue(actual, e));
    case 'contains':
      return asList(expected).some((k) => typeof k === 'string' && containsKeyword(String(actual), k));
    case 'gte':
    case 'lte':
    case 'between': {
      const n = toNumber(actual);
      if (n === null) return false;
      if (operator === 'gte') return n >= Number(expected);
      if (operator === 'lte') return n <= Number(expected);
      const [min, max] = expected as [number, number];
      return n >= min && n <= max;
    }
  }
}
