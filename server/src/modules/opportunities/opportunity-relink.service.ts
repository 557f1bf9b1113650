import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import type { FieldChanges } from '../../platform/audit/audit.schema.js';
import type { Bant } from './bant.js';
import { opportunities, opportunityStakeholders, type ContactRole } from './opportunities.schema.js';

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

/** A list of contact ids with the merged ones replaced by the survivor, in order, each once. */
export function relinkIds(ids: readonly string[], fromIds: readonly string[], toId: string): string[] {
  return [...new Set(ids.map((id) => (fromIds.includes(id) ? toId : id)))];
}

/**
 * Battle-map boxes, deal contact roles and BANT decision makers (authority) of merged contacts
 * now name the survivor (each list keeps its order and names each person once). Every deal
 * changed gets an audit entry with its contacts and BANT before and after. Call
 * `stakeholderConflicts` first.
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
    .select({ id: opportunities.id, contactRoles: opportunities.contactRoles, bant: opportunities.bant })
    .from(opportunities)
    .where(and(
      eq(opportunities.tenantId, ctx.tenantId),
      or(
        sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${opportunities.contactRoles}) AS c(e) WHERE c.e->>'contactId' = ANY(${from}))`,
        sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(coalesce(${opportunities.bant}->'authority'->'decisionMakerContactIds', '[]'::jsonb)) AS d(id) WHERE d.id = ANY(${from}))`,
      ),
    ))
    .orderBy(opportunities.id);
  for (const deal of deals) {
    const seen = new Set<string>();
    const contactRoles: ContactRole[] = deal.contactRoles
      .map((r) => ({ ...r, contactId: fromIds.includes(r.contactId) ? toId : r.contactId }))
      .filter((r) => !seen.has(r.contactId) && seen.add(r.contactId));
    const bant: Bant = {
      ...deal.bant,
      authority: { ...deal.bant.authority, decisionMakerContactIds: relinkIds(deal.bant.authority.decisionMakerContactIds, fromIds, toId) },
    };
    await exec.update(opportunities).set({ contactRoles, bant, ...bump() })
      .where(and(eq(opportunities.tenantId, ctx.tenantId), eq(opportunities.id, deal.id)));
    const changes: FieldChanges = {};
    if (JSON.stringify(contactRoles) !== JSON.stringify(deal.contactRoles)) changes.contacts = { before: deal.contactRoles, after: contactRoles };
    if (JSON.stringify(bant) !== JSON.stringify(deal.bant)) changes.bant = { before: deal.bant, after: bant };
    await appendAudit(ctx, { action: 'update', object: 'opportunities', recordId: deal.id, changes });
  }
  return { stakeholders: stakeholders.map((r) => r.id), opportunities: deals.map((d) => d.id) };
}
