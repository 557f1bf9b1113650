import type { LeadValue } from './feature-spec.js';

/**
 * Every feature is one-hot: a lead falls into exactly one level of each feature. Two levels
 * exist in every feature so that nothing a lead can carry is left without a weight.
 */
export const MISSING_LEVEL = 0;
/** Values seen fewer than `minLevelCount` times in training, and values never seen at all. */
export const OTHER_LEVEL = 1;

/** Case and spacing do not make a new level: "Google" and "google " are one source. */
export function normalizeCategory(value: LeadValue): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim().replace(/\s+/g, ' ');
  return text === '' ? null : text.toLowerCase();
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'on']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'off']);

export function normalizeBoolean(value: LeadValue): boolean | null {
  if (typeof value === 'boolean') return value;
  const key = normalizeCategory(value);
  if (key === null) return null;
  if (TRUE_WORDS.has(key)) return true;
  return FALSE_WORDS.has(key) ? false : null;
}

export function normalizeNumber(value: LeadValue): number | null {
  if (value === null || value === undefined || typeof value === 'boolean') return null;
  const text = typeof value === 'number' ? value : String(value).trim().replace(/[,\s]/g, '');
  if (text === '') return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

/**
 * Cut points at the quantiles of the training values, without repeats: a value v falls in the
 * first bin whose upper edge is ≥ v. Quantile bins hold data each; a heavy spike (many zeros)
 * simply becomes its own bin.
 */
export function quantileEdges(values: readonly number[], bins: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const edge = sorted[Math.floor((k * sorted.length) / bins)];
    if (edge !== undefined && edge !== edges.at(-1) && edge !== sorted.at(-1)) edges.push(edge);
  }
  return edges;
}

/** Index of the bin (0-based) that holds `value`, by binary search over the upper edges. */
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
