import { and, eq, inArray, sql } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { opportunities, opportunityStakeholders } from './opportunities.schema.js';

/**
 * When duplicate accounts, contacts or leads are merged (dedup module), the deals that point at
 * the merged records move to the survivor. Each function runs in the caller's transaction,
 * bumps the version of what it changes and returns the ids it changed.
 */

const bump = () => ({ version: sql`${opportunities.version} + 1`, updatedAt: new Date() });

/** Deals of merged accounts. */
export async function relinkOpportunityAccounts(ctx: RequestContext, fromIds: readonly string[], toId: string): Promise<string[]> {
  if (fromIds.length === 0) return [];
  const rows = await executor(ctx)
    .update(opportunities)
    .set({ accountId: toId, ...bump() })
    .where(and(eq(opportunities.tenantId, ctx.tenantId), inArray(opportunities.accountId, [...fromIds])))
    .returning({ id: opportunities.id });
  return rows.map((r) => r.id);
}

/** Deals converted from merged leads. */
export async function relinkOpportunityLeads(ctx: RequestContext, fromIds: readonly string[], toId: string): Promise<string[]> {
  if (fromIds.length === 0) return [];
  const rows = await executor(ctx)
    .update(opportunities)
    .set({ leadId: toId, ...bump() })
    .where(and(eq(opportunities.tenantId, ctx.tenantId), inArray(opportunities.leadId, [...fromIds])))
    .returning({ id: opportunities.id });
  return rows.map((r) => r.id);
}

/**
 * Deals whose battle map has both the survivor and a merged contact: two boxes for one person,
 * with their own attitudes and reporting lines, that a person must reconcile before a merge.
 */
export async function stakeholderConflicts(ctx: RequestContext, fromIds: readonly string[], toId: string): Promise<string[]> {
  if (fromIds.length === 0) return [];
  const rows = await executor(ctx)
    .selectDistinct({ id: opportunityStakeholders.opportunityId })
    .from(opportunityStakeholders)
    .where(and(
      eq(opportunityStakeholders.tenantId, ctx.tenantId),
      inArray(opportunityStakeholders.contactId, [...fromIds]),
      sql`EXISTS (SELECT 1 FROM opportunity_stakeholders o WHERE o.tenant_id = ${opportunityStakeholders.tenantId}
            AND o.opportunity_id = ${opportunityStakeholders.opportunityId} AND o.contact_id = ${toId})`,
    ));
  return rows.map((r) => r.id);
}

/**
 * Battle-map boxes and deal contact roles of merged contacts now name the survivor (a deal's
 * contact list keeps its order and names each person once). Call `stakeholderConflicts` first.
 */
export async function relinkOpportunityContacts(ctx: RequestContext, fromIds: readonly string[], toId: string): Promise<{ stakeholders: string[]; opportunities: string[] }> {
  if (fromIds.length === 0) return { stakeholders: [], opportunities: [] };
  const exec = executor(ctx);
  const stakeholders = await exec
    .update(opportunityStakeholders)
    .set({ contactId: toId, version: sql`${opportunityStakeholders.version} + 1`, updatedAt: new Date() })
    .where(and(eq(opportunityStakeholders.tenantId, ctx.tenantId), inArray(opportunityStakeholders.contactId, [...fromIds])))
    .returning({ id: opportunityStakeholders.id });
  const from = sql`${sql.param([...fromIds])}::text[]`;
  const deals = await exec
    .update(opportunities)
    .set({
      contactRoles: sql`(SELECT coalesce(jsonb_agg(e ORDER BY first), '[]'::jsonb) FROM (
        SELECT DISTINCT ON (e->>'contactId') e, ord AS first
        FROM (SELECT CASE WHEN x.e->>'contactId' = ANY(${from}) THEN jsonb_set(x.e, '{contactId}', to_jsonb(${toId}::text)) ELSE x.e END AS e, x.ord
              FROM jsonb_array_elements(${opportunities.contactRoles}) WITH ORDINALITY AS x(e, ord)) r
        ORDER BY e->>'contactId', ord) d)`,
      ...bump(),
    })
    .where(and(
      eq(opportunities.tenantId, ctx.tenantId),
      sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${opportunities.contactRoles}) AS c(e) WHERE c.e->>'contactId' = ANY(${from}))`,
    ))
    .returning({ id: opportunities.id });
  return { stakeholders: stakeholders.map((r) => r.id), opportunities: deals.map((r) => r.id) };
}
