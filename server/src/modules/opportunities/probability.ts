/**
 * Win probability and forecast category: the stage gives the automated value, a person may
 * override it (with a reason), and a closed deal is certain. The override never overwrites the
 * stage's value; both are kept and this resolves the one in force.
 */
export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

export interface ProbabilityInputs {
  status: OpportunityStatus;
  stageProbability: number;
  stageForecastCategory: ForecastCategory;
  probabilityOverride: number | null;
  forecastCategoryOverride: ForecastCategory | null;
}

export interface ResolvedProbability {
  probability: number;
  forecastCategory: ForecastCategory;
  probabilitySource: 'stage' | 'override' | 'closed';
}

export function resolveProbability(i: ProbabilityInputs): ResolvedProbability {
  if (i.status === 'won') return { probability: 100, forecastCategory: 'closed', probabilitySource: 'closed' };
  if (i.status === 'lost') return { probability: 0, forecastCategory: 'omitted', probabilitySource: 'closed' };
  return {
    probability: i.probabilityOverride ?? i.stageProbability,
    forecastCategory: i.forecastCategoryOverride ?? i.stageForecastCategory,
    probabilitySource: i.probabilityOverride === null ? 'stage' : 'override',
  };
}

export type OverrideCheck = { ok: true } | { ok: false; field: 'probabilityOverride' | 'probabilityOverrideReason'; code: 'FIELD_INVALID' | 'OVERRIDE_REASON_REQUIRED' };

/** A probability override is a whole percent 0–100 and needs a reason; clearing it (null) needs none. */
export function checkProbabilityOverride(value: number | null, reason: string | null | undefined): OverrideCheck {
  if (value === null) return { ok: true };
  if (!Number.isInteger(value) || value < 0 || value > 100) return { ok: false, field: 'probabilityOverride', code: 'FIELD_INVALID' };
  if (!reason?.trim()) return { ok: false, field: 'probabilityOverrideReason', code: 'OVERRIDE_REASON_REQUIRED' };
  return { ok: true };
}

/** The probability and forecast category a stage stands for (won and lost stages are fixed). */
export function stageDefaults(stage: { probability: number; forecastCategory: ForecastCategory; isWon: boolean; isLost: boolean }) {
  if (stage.isWon) return { probability: 100, forecastCategory: 'closed' as const };
  if (stage.isLost) return { probability: 0, forecastCategory: 'omitted' as const };
  return { probability: stage.probability, forecastCategory: stage.forecastCategory };
}
