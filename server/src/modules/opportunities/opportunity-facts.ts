import { sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/context.js';
import type { Level } from '../../platform/access/permissions.js';
import { ownerCondition } from '../../platform/access/visibility.js';
import { opportunities, opportunityLineItems, opportunityStageHistory, salesStages } from './opportunities.schema.js';

/**
 * Read-only SQL the analytics module builds on, so it never names this module's tables. Each
 * builder returns a SELECT (to use as a CTE or subquery) already limited to the tenant and, for
 * deals, to the owners `level` lets the caller see; the columns are snake_case and stable.
 */

/**
 * Deals: id, name, owner_id, team_id, account_id, lead_id, process_id, stage_id, status
 * (open | won | lost), currency, amount (numeric), probability (0-100), forecast_category,
 * close_date (date), created_at, closed_at, loss_reason.
 */
export function opportunityFacts(ctx: RequestContext, level: Level): SQL {
  const o = opportunities;
  const visible = ownerCondition(ctx, level, o.ownerId);
  return sql`SELECT ${o.id} AS id, ${o.name} AS name, ${o.ownerId} AS owner_id, ${o.teamId} AS team_id,
      ${o.accountId} AS account_id, ${o.leadId} AS lead_id, ${o.processId} AS process_id, ${o.stageId} AS stage_id,
      ${o.status} AS status, ${o.currency} AS currency, ${o.amount} AS amount, ${o.probability} AS probability,
      ${o.forecastCategory} AS forecast_category, ${o.closeDate} AS close_date, ${o.createdAt} AS created_at,
      ${o.closedAt} AS closed_at, ${o.lossReason} AS loss_reason
    FROM ${o} WHERE ${o.tenantId} = ${ctx.tenantId}${visible ? sql` AND ${visible}` : sql``}`;
}

/** Stages of every process: id, process_id, key, name, stage_order, probability, forecast_category, is_won, is_lost. */
export function stageFacts(ctx: RequestContext): SQL {
  const s = salesStages;
  return sql`SELECT ${s.id} AS id, ${s.processId} AS process_id, ${s.key} AS key, ${s.name} AS name, ${s.order} AS stage_order,
      ${s.probability} AS probability, ${s.forecastCategory} AS forecast_category, ${s.isWon} AS is_won, ${s.isLost} AS is_lost
    FROM ${s} WHERE ${s.tenantId} = ${ctx.tenantId}`;
}

/**
 * Every stage entry of every deal: opportunity_id, action (create | advance | back | override |
 * close | reopen), from_stage_id, to_stage_id, status, at. Join it to the visible deals.
 */
export function stageEntryFacts(ctx: RequestContext): SQL {
  const h = opportunityStageHistory;
  return sql`SELECT ${h.id} AS id, ${h.opportunityId} AS opportunity_id, ${h.action} AS action, ${h.fromStageId} AS from_stage_id,
      ${h.toStageId} AS to_stage_id, ${h.status} AS status, ${h.at} AS at
    FROM ${h} WHERE ${h.tenantId} = ${ctx.tenantId}`;
}

/** Line items: opportunity_id, product_id, product_line_id, line_total (numeric), currency. Join it to the visible deals. */
export function lineItemFacts(ctx: RequestContext): SQL {
  const l = opportunityLineItems;
  return sql`SELECT ${l.opportunityId} AS opportunity_id, ${l.productId} AS product_id, ${l.productLineId} AS product_line_id,
      ${l.lineTotal} AS line_total, ${l.currency} AS currency
    FROM ${l} WHERE ${l.tenantId} = ${ctx.tenantId}`;
}
