import { sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/context.js';
import type { Level } from '../../platform/access/permissions.js';
import { ownerCondition } from '../../platform/access/visibility.js';
import { accounts, activities, contacts } from './customers.schema.js';

/**
 * Read-only SQL for the analytics module: the attributes deals are grouped and filtered by
 * (id, name, region, industry, segment, owner_id, created_at), for the tenant. Analytics shows only these
 * attributes of the deals the caller may see, never an account record itself. With a `level`,
 * only the accounts of the owners it lets the caller see (a rep's own customers).
 */
export function accountFacts(ctx: RequestContext, level: Level = 'all'): SQL {
  const a = accounts;
  const visible = ownerCondition(ctx, level, a.ownerId);
  return sql`SELECT ${a.id} AS id, ${a.name} AS name, ${a.region} AS region, ${a.industry} AS industry, ${a.segment} AS segment, ${a.ownerId} AS owner_id,
      ${a.createdAt} AS created_at
    FROM ${a} WHERE ${a.tenantId} = ${ctx.tenantId}${visible ? sql` AND ${visible}` : sql``}`;
}

/**
 * Activities (behaviour analytics) of the owners `level` lets the caller see: id, type, subject,
 * status, owner_id, account_id, opportunity_id, lead_id, created_at and `at` — when it happened
 * or is due (start, else due, else creation).
 */
export function activityFacts(ctx: RequestContext, level: Level): SQL {
  const v = activities;
  const visible = ownerCondition(ctx, level, v.ownerId);
  return sql`SELECT ${v.id} AS id, ${v.type} AS type, ${v.subject} AS subject, ${v.status} AS status, ${v.ownerId} AS owner_id,
      ${v.accountId} AS account_id, ${v.opportunityId} AS opportunity_id, ${v.leadId} AS lead_id, ${v.createdAt} AS created_at,
      coalesce(${v.startAt}, ${v.dueAt}, ${v.createdAt}) AS at
    FROM ${v} WHERE ${v.tenantId} = ${ctx.tenantId}${visible ? sql` AND ${visible}` : sql``}`;
}

/** Contacts of the owners `level` lets the caller see: id, name, account_id, owner_id, created_at. */
export function contactFacts(ctx: RequestContext, level: Level): SQL {
  const c = contacts;
  const visible = ownerCondition(ctx, level, c.ownerId);
  return sql`SELECT ${c.id} AS id, ${c.name} AS name, ${c.accountId} AS account_id, ${c.ownerId} AS owner_id, ${c.createdAt} AS created_at
    FROM ${c} WHERE ${c.tenantId} = ${ctx.tenantId}${visible ? sql` AND ${visible}` : sql``}`;
}
