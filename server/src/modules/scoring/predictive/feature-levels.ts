import type { LeadValue } from './feature-spec.js';

/**
 * Every feature is one-hot: a lead falls into exactly one level of each. These two levels come
 * first in every feature, so nothing a lead can carry is left without a weight.
 */
export const MISSING_LEVEL = 0;
/** Values too rare to weigh on their own in training, and values never seen in training. */
export const OTHER_LEVEL = 1;
export const FIRST_VALUE_LEVEL = 2;

/** Case and spacing do not make a new level: "Google" and "google " are one lead source. */
export function normalizeCategory(value: LeadValue): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim().replace(/\s+/g, ' ');
  return text === '' ? null : text.toLowerCase();
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'on', '是']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'off', '否']);

/** Yes/No as people type it; anything else is "other" rather than a guess. */
export function normalizeBoolean(value: LeadValue): 'true' | 'false' | 'other' | null {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const key = normalizeCategory(value);
  if (key === null) return null;
  if (TRUE_WORDS.has(key)) return 'true';
  return FALSE_WORDS.has(key) ? 'false' : 'other';
}

/** Numbers, also as text with thousands separators ("1,200"); anything unreadable is missing. */
export function normalizeNumber(value: LeadValue): number | null {
  if (value === null || value === undefined || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim().replace(/[,\s]/g, '');
  if (text === '') return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

/**
 * Upper edges of up to `bins` quantile bins, without repeats: a value v falls in the first bin
 * whose edge is ≥ v, or in the last bin when above them all. Quantile bins each hold data, and
 * a heavy spike (many zeros) simply becomes a bin of its own.
 */
export function quantileEdges(values: readonly number[], bins: number): number[] {
  const sorted = Float64Array.from(values).sort();
  const edges: number[] = [];
  const max = sorted[sorted.length - 1];
  for (let k = 1; k < bins; k++) {
    const edge = sorted[Math.floor((k * sorted.length) / bins)];
    if (edge !== undefined && edge !== edges.at(-1) && edge !== max) edges.push(edge);
  }
  return edges;
}

/** Bin (0-based) of a value, by binary search over the upper edges. */
export function binOf(edges: readonly number[], value: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value <= edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Short readable form: 1200, 2.5, 0.3333. */
export const formatNumber = (value: number) => String(Number(value.toPrecision(4)));
