import type { PlanCounts } from '../api/agenda';

/** Share of the planned visits that were done (checked in), 0–100; null when none was planned. */
export function completion(c: PlanCounts): number | null {
  return c.planned > 0 ? Math.round(((c.done - c.unplanned) / c.planned) * 100) : null;
}
