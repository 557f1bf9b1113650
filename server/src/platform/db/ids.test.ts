import { describe, expect, it } from 'vitest';
import { UUID_RE, uuidv7 } from './ids.js';

describe('uuidv7', () => {
  it('makes distinct version-7 ids that start with the creation time in milliseconds', () => {
    const before = Date.now();
    // More ids than one draw of random bytes holds, so the pool is refilled on the way.
    const ids = Array.from({ length: 2000 }, () => uuidv7());
    const after = Date.now();
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(UUID_RE);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
      const ms = parseInt(id.replaceAll('-', '').slice(0, 12), 16);
      expect(ms).toBeGreaterThanOrEqual(before);
      expect(ms).toBeLessThanOrEqual(after);
    }
    const times = ids.map((id) => id.slice(0, 13));
    expect(times).toEqual([...times].sort());
  });

  it('sorts in the order the ids were made, also many within one millisecond', () => {
    // More than the counter holds in a millisecond: the next one is borrowed, never a step back.
    const ids = Array.from({ length: 20_000 }, () => uuidv7());
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    const sameMs = ids.filter((id) => id.slice(0, 13) === ids[0].slice(0, 13));
    expect(sameMs.length).toBeGreaterThan(1);
  });
});
