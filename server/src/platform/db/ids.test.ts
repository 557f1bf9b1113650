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
});
