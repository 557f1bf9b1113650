const MAX_DELAY_MS = 60 * 60 * 1000;

/**
 * Wait before retrying after `attempts` failed attempts: 2^attempts seconds, capped at an hour,
 * spread ±20 % so jobs that failed together do not all retry in the same instant.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(2 ** attempts * 1000, MAX_DELAY_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}
