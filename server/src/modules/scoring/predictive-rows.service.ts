import { sql } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { queryRows } from '../../platform/db/client.js';
import { campaignStore } from '../campaigns/campaigns.service.js';
import { listLeadsMatching, type Lead } from '../leads/leads.service.js';
import type { LeadRow } from './predictive/index.js';
import {
  engagementFeatures, labelledCandidates, leadRow, PREDICTED_STATUSES, type LabelRule,
} from './predictive-features.js';

/*
 * Reading leads for the predictive score, a page at a time: the leads through the leads
 * module's service, their engagement (this module's table) and their first campaign's type
 * (the campaigns module's service) with one query per page each — never one per lead.
 */

/** Leads per page: the record store's largest page. */
export const ROW_BATCH = 200;

/*
 * Pages go by id (UUIDv7: creation order), whose cursor is exact; a createdAt cursor loses the
 * microseconds PostgreSQL keeps, and a bulk import's leads share one created_at.
 */

/** One page, oldest first, of the leads that may carry a label (the label rule decides which do). */
export function labelledCandidatesPage(ctx: RequestContext, now: Date, rule: LabelRule, cursor: string | null) {
  const { closedStatuses, staleStatuses, createdBefore } = labelledCandidates(now, rule);
  return listLeadsMatching(
    ctx,
    { anyOf: [{ statuses: closedStatuses }, { statuses: staleStatuses, createdBefore }, { hasOpportunity: true }] },
    { limit: ROW_BATCH, cursor: cursor ?? undefined, sort: 'id' },
  );
}

/** One page, oldest first, of the leads whose predicted score is kept up to date. */
export function openLeadsPage(ctx: RequestContext, cursor: string | null) {
  return listLeadsMatching(ctx, { statuses: [...PREDICTED_STATUSES] }, { limit: ROW_BATCH, cursor: cursor ?? undefined, sort: 'id' });
}

/**
 * The model's rows for a batch of leads, in their order. Engagement of each lead is counted up
 * to its own instant (`until`): for a lead with an outcome, what it did before the outcome.
 */
export async function leadRows(ctx: RequestContext, leads: readonly Lead[], until: (lead: Lead) => Date): Promise<LeadRow[]> {
  if (leads.length === 0) return [];
  // One after the other: a job holds one pooled connection at a time.
  const engagement = await engagementCounts(ctx, leads.map((lead) => ({ leadId: lead.id, until: until(lead) })));
  const campaignTypes = await campaignTypesOf(ctx, leads);
  return leads.map((lead) =>
    leadRow(lead, lead.campaignId ? (campaignTypes.get(lead.campaignId) ?? null) : null, engagementFeatures(engagement.get(lead.id) ?? {})),
  );
}

/** Engagement per lead and kind, up to each lead's instant: one grouped query. */
async function engagementCounts(ctx: RequestContext, leads: { leadId: string; until: Date }[]): Promise<Map<string, Record<string, number>>> {
  const rows = await queryRows<{ leadId: string; kind: string; n: number }>(
    executor(ctx),
    sql`SELECT e.lead_id AS "leadId", e.kind, count(*)::int AS n
        FROM engagement_events e
        JOIN unnest(${sql.param(leads.map((l) => l.leadId))}::uuid[], ${sql.param(leads.map((l) => l.until.toISOString()))}::timestamptz[])
          AS c(lead_id, until) ON c.lead_id = e.lead_id
        WHERE e.tenant_id = ${ctx.tenantId} AND e.at <= c.until
        GROUP BY e.lead_id, e.kind`,
  );
  const byLead = new Map<string, Record<string, number>>();
  for (const { leadId, kind, n } of rows) {
    const counts = byLead.get(leadId) ?? {};
    counts[kind] = Number(n);
    byLead.set(leadId, counts);
  }
  return byLead;
}

/** The type (seminar, SEM, trade show…) of the leads' first campaigns. */
async function campaignTypesOf(ctx: RequestContext, leads: readonly Lead[]): Promise<Map<string, string>> {
  const ids = [...new Set(leads.map((lead) => lead.campaignId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const campaigns = await campaignStore.getMany(ctx, ids);
  return new Map(campaigns.map((campaign) => [campaign.id, campaign.type]));
}
