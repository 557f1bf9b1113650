import type { RequestContext } from '../../platform/access/context.js';
import type { Page } from '../../platform/records/record-store.js';
import { leadFunnel, type FunnelQuery, type LeadFunnel } from '../leads/lead-reports.service.js';
import { leadStore, type Lead } from '../leads/leads.service.js';
import { readScoringSettings } from '../scoring/scoring-settings.service.js';
import { readAssignmentSettings } from './assignment-settings.service.js';
import { slaDueAt } from './first-response-sla.js';

export interface InboxLead extends Lead {
  /** When the rep must have accepted or rejected the lead; null when the tenant has no SLA. */
  slaDueAt: string | null;
  slaBreached: boolean;
}

export const INBOX_LIMIT = 200;

/**
 * The caller's leads waiting for a first answer (assigned MQLs to accept or reject), the
 * longest-waiting first, each with its first-response deadline.
 */
export async function leadInbox(ctx: RequestContext, now = new Date()): Promise<{ data: InboxLead[]; slaHours: number }> {
  const userId = ctx.actor.userId;
  const settings = await readAssignmentSettings(ctx);
  if (!userId) return { data: [], slaHours: settings.firstResponseSlaHours };
  const page = await leadStore.list(ctx, { filters: { ownerId: userId, status: 'mql' }, sort: 'statusChangedAt', limit: INBOX_LIMIT });
  const since = (l: Lead) => l.assignedAt ?? l.statusChangedAt;
  const data = page.data
    .map((lead) => {
      const due = slaDueAt(since(lead), settings.firstResponseSlaHours);
      return { ...lead, slaDueAt: due?.toISOString() ?? null, slaBreached: due !== null && due <= now };
    })
    .sort((a, b) => since(a).localeCompare(since(b)) || a.id.localeCompare(b.id));
  return { data, slaHours: settings.firstResponseSlaHours };
}

/** Leads waiting for marketing operations to route them by hand, oldest first. */
export function routingQueue(ctx: RequestContext, query: { q?: string; limit?: number; cursor?: string; filters?: Record<string, string> }): Promise<Page<Lead>> {
  return leadStore.list(ctx, {
    ...query,
    filters: { ...query.filters, inRoutingQueue: 'true' },
    sort: 'statusChangedAt',
  });
}

export interface LeadFunnelReport extends LeadFunnel {
  period: { from: string; to: string };
  filters: { source: string | null; campaignId: string | null };
  /** The tenant's written MQL and SQL standards, and the score bar lead scoring promotes at. */
  definitions: { mql: string | null; sql: string | null; mqlScoreBar: number | null };
}

const DAY = 24 * 3600 * 1000;

export async function leadFunnelReport(ctx: RequestContext, q: Partial<FunnelQuery>): Promise<LeadFunnelReport> {
  const to = q.to ?? new Date();
  const from = q.from ?? new Date(to.getTime() - 90 * DAY);
  const funnel = await leadFunnel(ctx, { from, to, source: q.source, campaignId: q.campaignId });
  const settings = await readAssignmentSettings(ctx);
  const scoring = await readScoringSettings(ctx);
  return {
    period: { from: from.toISOString(), to: to.toISOString() },
    filters: { source: q.source ?? null, campaignId: q.campaignId ?? null },
    definitions: { mql: settings.mqlDefinition, sql: settings.sqlDefinition, mqlScoreBar: scoring.mqlThreshold ?? null },
    ...funnel,
  };
}
