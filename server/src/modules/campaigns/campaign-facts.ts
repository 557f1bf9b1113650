import { sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/context.js';
import { campaignCosts, campaigns } from './campaigns.schema.js';

/**
 * Read-only SQL for the analytics module (campaign ROI, funnel planner), so it never names this
 * module's tables. Each builder returns a SELECT limited to the tenant; columns are snake_case
 * and stable. Campaigns are marketing's shared records: every role that reads analytics sees them.
 */

/** Campaigns: id, name, type, status, start_date, end_date, owner_id. */
export function campaignFacts(ctx: RequestContext): SQL {
  const c = campaigns;
  return sql`SELECT ${c.id} AS id, ${c.name} AS name, ${c.type} AS type, ${c.status} AS status,
      ${c.startDate} AS start_date, ${c.endDate} AS end_date, ${c.ownerId} AS owner_id
    FROM ${c} WHERE ${c.tenantId} = ${ctx.tenantId}`;
}

/** Cost entries: campaign_id, incurred_on (date), amount (numeric), currency. */
export function campaignCostFacts(ctx: RequestContext): SQL {
  const k = campaignCosts;
  return sql`SELECT ${k.campaignId} AS campaign_id, ${k.incurredOn} AS incurred_on, ${k.amount} AS amount, ${k.currency} AS currency
    FROM ${k} WHERE ${k.tenantId} = ${ctx.tenantId}`;
}
