/**
 * Wall time spent per named stage of bulk work (an import's parse, dedup, inserts, audit…) in
 * this process since the last `takeStageTimes()`: what the benchmark prints as its per-stage
 * breakdown. A clock read per stage per batch, so it stays on in production at no real cost.
 */
const totals = new Map<string, { ms: number; calls: number }>();

export function addStageTime(stage: string, ms: number): void {
  const entry = totals.get(stage) ?? { ms: 0, calls: 0 };
  entry.ms += ms;
  entry.calls++;
  totals.set(stage, entry);
}

/** Runs `work` and adds its wall time to `stage` (also when it throws). */
export async function timeStage<T>(stage: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    addStageTime(stage, performance.now() - started);
  }
}

/** The totals so far, in milliseconds per stage, and starts again from zero. */
export function takeStageTimes(): Record<string, { ms: number; calls: number }> {
  const out = Object.fromEntries([...totals].map(([stage, t]) => [stage, { ms: Math.round(t.ms), calls: t.calls }]));
  totals.clear();
  return out;
}
