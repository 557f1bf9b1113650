import { and, eq, inArray, sql } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { campaignMembers } from './campaigns.schema.js';
import { laterStatus, type MemberStatus } from './member-status.js';

export interface MovedMembers {
  /** Memberships that now name the survivor. */
  moved: string[];
  /** Memberships folded into the survivor's own membership of the same campaign (and removed). */
  combined: string[];
}

const STAMPS = ['invitedAt', 'registeredAt', 'attendedAt', 'respondedAt'] as const;
const earliest = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));

/**
 * When duplicate leads or contacts are merged (dedup module): their campaign memberships move
 * to the survivor. Where the survivor is already a member of the campaign, the two memberships
 * become one with the further status and the earliest time of each step, so campaign response
 * counts and ROI stay right. Audited per membership; runs in the caller's transaction.
 */
export async function relinkCampaignMembers(
  ctx: RequestContext,
  person: 'lead' | 'contact',
  fromIds: readonly string[],
  toId: string,
): Promise<MovedMembers> {
  if (fromIds.length === 0) return { moved: [], combined: [] };
  const exec = executor(ctx);
  const column = person === 'lead' ? campaignMembers.leadId : campaignMembers.contactId;
  const field = person === 'lead' ? 'leadId' : 'contactId';
  const rows = await exec
    .select()
    .from(campaignMembers)
    .where(and(eq(campaignMembers.tenantId, ctx.tenantId), inArray(column, [...fromIds, toId])))
    .orderBy(campaignMembers.createdAt, campaignMembers.id)
    .for('update');
  const survivorOf = new Map(rows.filter((r) => r[field] === toId).map((r) => [r.campaignId, r]));
  const result: MovedMembers = { moved: [], combined: [] };
  for (const row of rows) {
    if (row[field] === toId) continue;
    const kept = survivorOf.get(row.campaignId);
    if (!kept) {
      await exec
        .update(campaignMembers)
        .set({ [field]: toId, version: sql`${campaignMembers.version} + 1`, updatedAt: new Date() })
        .where(and(eq(campaignMembers.tenantId, ctx.tenantId), eq(campaignMembers.id, row.id)));
      await appendAudit(ctx, { action: 'update', object: 'campaign_members', recordId: row.id, changes: { [field]: { before: row[field], after: toId } } });
      survivorOf.set(row.campaignId, { ...row, [field]: toId });
      result.moved.push(row.id);
      continue;
    }
    const status = laterStatus(kept.status as MemberStatus, row.status as MemberStatus);
    const stamps = Object.fromEntries(STAMPS.map((s) => [s, earliest(kept[s], row[s])]));
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    if (status !== kept.status) changes.status = { before: kept.status, after: status };
    for (const s of STAMPS) if (stamps[s]?.getTime() !== kept[s]?.getTime()) changes[s] = { before: kept[s], after: stamps[s] };
    if (Object.keys(changes).length > 0) {
      await exec
        .update(campaignMembers)
        .set({ status, ...stamps, ...(status !== kept.status ? { statusChangedAt: row.statusChangedAt } : {}), version: sql`${campaignMembers.version} + 1`, updatedAt: new Date() })
        .where(and(eq(campaignMembers.tenantId, ctx.tenantId), eq(campaignMembers.id, kept.id)));
      await appendAudit(ctx, { action: 'update', object: 'campaign_members', recordId: kept.id, changes });
      survivorOf.set(row.campaignId, { ...kept, status, ...stamps } as typeof kept);
    }
    await exec.delete(campaignMembers).where(and(eq(campaignMembers.tenantId, ctx.tenantId), eq(campaignMembers.id, row.id)));
    await appendAudit(ctx, { action: 'delete', object: 'campaign_members', recordId: row.id, changes: { [field]: { before: row[field], after: null }, mergedInto: { before: null, after: kept.id } } });
    result.combined.push(row.id);
  }
  return result;
}
