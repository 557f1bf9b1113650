import type { RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { countLeadsMatching, listLeadsMatching, type Lead } from '../leads/leads.service.js';
import { POOLS, type Pool } from './nurture-program.js';
import { inactiveSince, poolCriteria, type PoolThresholds } from './pools.js';
import { engagedLeadIds } from './rule-enrollment.js';
import { poolThresholds } from './settings.service.js';

export interface PoolLead {
  id: string;
  name: string;
  company: string | null;
  email: string | null;
  status: string;
  score: number | null;
  grade: string | null;
  source: string | null;
  industry: string | null;
  createdAt: string;
  statusChangedAt: string;
  lastReason: string | null;
}

const toPoolLead = (l: Lead): PoolLead => ({
  id: l.id,
  name: l.name,
  company: l.company,
  email: l.email,
  status: l.status,
  score: l.score,
  grade: l.grade,
  source: l.source,
  industry: l.industry,
  createdAt: l.createdAt,
  statusChangedAt: l.statusChangedAt,
  lastReason: l.lastReason,
});

async function poolSetup(ctx: RequestContext) {
  requireLevel(ctx, 'nurture_programs', 'read');
  const thresholds = await poolThresholds(ctx);
  const now = new Date();
  const engaged = await engagedLeadIds(ctx, inactiveSince(now, thresholds));
  return { thresholds, now, engaged };
}

/** Each pool's size and its newest leads (among those the caller can see), with the thresholds. */
export async function getPools(ctx: RequestContext, limit = 10): Promise<{
  thresholds: PoolThresholds;
  pools: Record<Pool, { count: number; leads: PoolLead[]; nextCursor: string | null }>;
}> {
  const { thresholds, now, engaged } = await poolSetup(ctx);
  const pools = {} as Record<Pool, { count: number; leads: PoolLead[]; nextCursor: string | null }>;
  for (const pool of POOLS) {
    const criteria = poolCriteria(pool, thresholds, now, engaged);
    const page = await listLeadsMatching(ctx, criteria, { limit, sort: '-statusChangedAt' });
    pools[pool] = { count: await countLeadsMatching(ctx, criteria), leads: page.data.map(toPoolLead), nextCursor: page.nextCursor };
  }
  return { thresholds, pools };
}

/** One pool's leads, a page at a time, most recently changed first. */
export async function listPoolLeads(ctx: RequestContext, pool: Pool, page: { limit?: number; cursor?: string }) {
  const { thresholds, now, engaged } = await poolSetup(ctx);
  const result = await listLeadsMatching(ctx, poolCriteria(pool, thresholds, now, engaged), { ...page, sort: '-statusChangedAt' });
  return { data: result.data.map(toPoolLead), nextCursor: result.nextCursor };
}
