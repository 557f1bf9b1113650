import { describe, expect, it } from 'vitest';
import { holdoutSplit, idBucket } from './holdout-split.js';

describe('idBucket', () => {
  // Expected values from Python: int(hashlib.md5(id.encode()).hexdigest(), 16) % 100
  it.each([
    ['7927b2df-8bba-4d29-b9a2-b6e0beafe620', 39],
    ['2a272436-5132-4136-86fa-dcc88c88f482', 36],
    ['lead-1', 81],
    ['线索-42', 16],
    ['', 66],
  ])('md5(%s) as a 128-bit number mod 100 is %i', (id, bucket) => {
    expect(idBucket(id)).toBe(bucket);
  });
});

describe('holdoutSplit', () => {
  const ids = Array.from({ length: 4000 }, (_, i) => `lead-${i}`);

  it('holds out about the given percent, and every row exactly once', () => {
    const { train, test } = holdoutSplit(ids, 25);
    expect(test.length / ids.length).toBeGreaterThan(0.23);
    expect(test.length / ids.length).toBeLessThan(0.27);
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(ids.map((_, i) => i));
  });

  it('keeps each lead on its side whatever the order or the other leads', () => {
    const { test } = holdoutSplit(ids, 25);
    const held = new Set(test.map((i) => ids[i]));
    const shuffled = [...ids.slice(2000).reverse(), 'new-lead', ...ids.slice(0, 1000)];
    const again = holdoutSplit(shuffled, 25);
    for (const i of again.test) if (shuffled[i] !== 'new-lead') expect(held.has(shuffled[i])).toBe(true);
    for (const i of again.train) expect(held.has(shuffled[i])).toBe(false);
  });
});
