import { sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/context.js';
import type { Level } from '../../platform/access/permissions.js';
import { ownerCondition } from '../../platform/access/visibility.js';
import { leads, leadTouches } from './leads.schema.js';

/**
 * Read-only SQL for the analytics module (funnel, campaign ROI), so it never names this
 * module's tables: a SELECT limited to the tenant and to the owners `level` lets the caller see.
 * Columns: id, name, company, owner_id, team_id, source, region, campaign_id (the first touch's),
 * status, created_at, became_mql_at, became_sql_at, converted_opportunity_id, converted_at.
 */
export function leadFacts(ctx: RequestContext, level: Level): SQL {
  const l = leads;
  const visible = ownerCondition(ctx, level, l.ownerId);
  return sql`SELECT ${l.id} AS id, ${l.name} AS name, ${l.company} AS company, ${l.ownerId} AS owner_id, ${l.teamId} AS team_id, ${l.source} AS source, ${l.region} AS region,
      ${l.campaignId} AS campaign_id, ${l.status} AS status, ${l.createdAt} AS created_at,
      ${l.becameMqlAt} AS became_mql_at, ${l.becameSqlAt} AS became_sql_at,
      ${l.convertedOpportunityId} AS converted_opportunity_id, ${l.convertedAt} AS converted_at
    FROM ${l} WHERE ${l.tenantId} = ${ctx.tenantId}${visible ? sql` AND ${visible}` : sql``}`;
}

/** Every campaign touch of every lead (attribution): id, lead_id, campaign_id, kind, at. Join it to the visible leads. */
export function leadTouchFacts(ctx: RequestContext): SQL {
  const t = leadTouches;
  return sql`SELECT ${t.id} AS id, ${t.leadId} AS lead_id, ${t.campaignId} AS campaign_id, ${t.kind} AS kind, ${t.at} AS at
    FROM ${t} WHERE ${t.tenantId} = ${ctx.tenantId}`;
}
