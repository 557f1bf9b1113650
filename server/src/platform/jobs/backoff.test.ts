import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.js';

describe('retryDelayMs', () => {
  it.each([
    [1, 2_000],
    [2, 4_000],
    [5, 32_000],
    [20, 3_600_000],
  ])('after %i failed attempts waits about %i ms', (attempts, base) => {
    expect(retryDelayMs(attempts, () => 0.5)).toBe(base);
    expect(retryDelayMs(attempts, () => 0)).toBe(base * 0.8);
    expect(retryDelayMs(attempts, () => 1)).toBe(base * 1.2);
  });
});
