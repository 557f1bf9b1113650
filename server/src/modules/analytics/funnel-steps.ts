/** One step of the funnel with its count, for the scope asked and for the whole company. */
export interface StepCounts {
  key: string;
  label: string;
  count: number;
  companyCount: number;
}

export interface FunnelStep extends StepCounts {
  /** count / previous step's count; null for the first step or after an empty one. */
  conversion: number | null;
  /** count / first step's count. */
  overall: number | null;
  companyConversion: number | null;
  /** The step where the scope converts worst against the company (largest shortfall). */
  leakiest: boolean;
}

const rate = (n: number, d: number) => (d > 0 ? n / d : null);

/**
 * Conversion between consecutive steps, for the scope and the company, and the leakiest step:
 * the one whose conversion falls furthest below the company's (none if no step falls below).
 */
export function funnelSteps(counts: readonly StepCounts[]): { steps: FunnelStep[]; leakiestStep: string | null } {
  const first = counts[0];
  const steps = counts.map((c, i) => ({
    ...c,
    conversion: i === 0 ? null : rate(c.count, counts[i - 1].count),
    overall: first ? rate(c.count, first.count) : null,
    companyConversion: i === 0 ? null : rate(c.companyCount, counts[i - 1].companyCount),
    leakiest: false,
  }));
  let worst: { index: number; gap: number } | null = null;
  steps.forEach((s, i) => {
    if (s.conversion === null || s.companyConversion === null) return;
    const gap = s.companyConversion - s.conversion;
    if (gap > 1e-9 && (!worst || gap > worst.gap)) worst = { index: i, gap };
  });
  const leakiest = worst as { index: number; gap: number } | null;
  if (leakiest) steps[leakiest.index].leakiest = true;
  return { steps, leakiestStep: leakiest ? steps[leakiest.index].key : null };
}
