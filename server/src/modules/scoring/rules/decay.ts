export const DAY_MS = 86_400_000;

/**
 * Exponential decay: what an occurrence `ageDays` old is still worth, as a share of its points.
 * Worth half after one half-life, a quarter after two; no half-life means no decay.
 */
export function decayFactor(ageDays: number, halfLifeDays: number | null): number {
  if (halfLifeDays === null || ageDays <= 0) return 1;
  return 2 ** (-ageDays / halfLifeDays);
}

export const ageInDays = (at: Date, now: Date) => (now.getTime() - at.getTime()) / DAY_MS;

/** Rounds half away from zero, so +2.5 and −2.5 weigh the same (Math.round would give 3 and −2). */
export function roundPoints(value: number): number {
  const rounded = Math.sign(value) * Math.round(Math.abs(value));
  return rounded === 0 ? 0 : rounded;
}
