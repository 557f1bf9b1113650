/**
 * Nurture pools: leads marketing still owns, grouped by maturity. Each lead is in at most one:
 *
 * - recycled: status `recycled` — returned by sales ("return to nurture").
 * - warm: status `new`, score ≥ warmMinScore, and active within the last coldInactiveDays days
 *   (created in that window, or opened / clicked / visited in it).
 * - cold: status `new` and either scored below warmMinScore (unscored counts as 0) or no
 *   activity within the last coldInactiveDays days.
 *
 * Leads that are MQL or beyond, disqualified or converted are in no pool.
 */
import type { LeadCriteria } from '../leads/leads.service.js';
import type { Pool } from './nurture-program.js';

export interface PoolThresholds {
  warmMinScore: number;
  coldInactiveDays: number;
}

const DAY_MS = 24 * 3600 * 1000;

export const inactiveSince = (now: Date, t: PoolThresholds) => new Date(now.getTime() - t.coldInactiveDays * DAY_MS);

/** The pool of one lead; `lastEngagedAt` is its latest open, click or visit. */
export function classifyPool(
  lead: { status: string; score: number | null; createdAt: Date },
  lastEngagedAt: Date | null,
  t: PoolThresholds,
  now: Date,
): Pool | null {
  if (lead.status === 'recycled') return 'recycled';
  if (lead.status !== 'new') return null;
  const since = inactiveSince(now, t);
  const active = lead.createdAt >= since || (lastEngagedAt !== null && lastEngagedAt >= since);
  return (lead.score ?? 0) >= t.warmMinScore && active ? 'warm' : 'cold';
}

/**
 * The same definition as a lead selection, for counting and listing in SQL. `engagedIds` are
 * the leads with an engagement since `inactiveSince(now, t)`.
 */
export function poolCriteria(pool: Pool, t: PoolThresholds, now: Date, engagedIds: string[]): LeadCriteria {
  const since = inactiveSince(now, t);
  switch (pool) {
    case 'recycled':
      return { statuses: ['recycled'] };
    case 'warm':
      return { statuses: ['new'], minScore: t.warmMinScore, anyOf: [{ createdAfter: since }, { ids: engagedIds }] };
    case 'cold':
      return {
        statuses: ['new'],
        anyOf: [{ maxScore: t.warmMinScore - 1 }, { createdBefore: since, excludeIds: engagedIds }],
      };
  }
}
