import { and, eq, inArray } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { engagementEvents } from './scoring.schema.js';

/**
 * When duplicate leads are merged (dedup module), their engagement (opens, clicks, visits, form
 * submissions) moves to the surviving lead instead of being removed with the merged lead, so the
 * survivor's engagement score counts it. Returns the ids moved; runs in the caller's transaction.
 */
export async function relinkLeadEngagement(ctx: RequestContext, fromLeadIds: readonly string[], toLeadId: string): Promise<string[]> {
  if (fromLeadIds.length === 0) return [];
  const rows = await executor(ctx)
    .update(engagementEvents)
    .set({ leadId: toLeadId })
    .where(and(eq(engagementEvents.tenantId, ctx.tenantId), inArray(engagementEvents.leadId, [...fromLeadIds])))
    .returning({ id: engagementEvents.id });
  return rows.map((r) => r.id);
}
