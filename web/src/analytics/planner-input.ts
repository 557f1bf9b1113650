import type { AnalyticsFilters, PlannerInput } from '../api/analytics';
import { normalizeAmount } from '../shared/money';

export type PlannerOverrides = NonNullable<PlannerInput['assumptions']>;

export interface PlannerForm {
  filters: Pick<AnalyticsFilters, 'period' | 'teamId' | 'ownerId'>;
  currency: string;
  mode: 'revenue' | 'growth';
  /** The revenue target as typed. */
  revenue: string;
  /** Percent over the period before. */
  growth: number | null;
  overrides: PlannerOverrides;
}

/**
 * What the page asks the planner: the target the reader typed (a revenue amount or a growth %)
 * with the assumptions they changed; null while the target is not one the API takes.
 */
export function plannerInput(form: PlannerForm): PlannerInput | null {
  const { period, teamId, ownerId } = form.filters;
  const assumptions = Object.keys(form.overrides).length > 0 ? form.overrides : undefined;
  const base = { period, teamId, ownerId, assumptions };
  if (form.mode === 'growth') return form.growth === null ? null : { ...base, growth: form.growth };
  const amount = normalizeAmount(form.revenue);
  return amount && !amount.startsWith('-') ? { ...base, target: { amount, currency: form.currency } } : null;
}

/** The overrides with one assumption set, or back to measured (undefined). */
export function withOverride<K extends keyof PlannerOverrides>(overrides: PlannerOverrides, key: K, value: PlannerOverrides[K] | undefined): PlannerOverrides {
  const next = { ...overrides };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
