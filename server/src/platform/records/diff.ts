import type { FieldChanges } from '../audit/audit.schema.js';

const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', 'version']);

const same = (a: unknown, b: unknown) =>
  a === b || ((typeof a === 'object' || typeof b === 'object') && JSON.stringify(a) === JSON.stringify(b));

/** Field-level before/after of two API-shaped records (either may be absent). */
export function diffRecords(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChanges {
  const changes: FieldChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (BOOKKEEPING.has(key)) continue;
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (!same(b, a)) changes[key] = { before: b, after: a };
  }
  return changes;
}
