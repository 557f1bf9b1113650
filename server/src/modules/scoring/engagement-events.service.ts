import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { uuidv7 } from '../../platform/db/ids.js';
import { publishEvent } from '../../platform/events/publish.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { leadStore } from '../leads/leads.service.js';
import type { EngagementEvent, EngagementKind } from './rules/rule-types.js';
import './scoring.messages.js';
import { engagementEvents } from './scoring.schema.js';

export interface EngagementEventInput {
  leadId: string;
  kind: EngagementKind;
  /** When it happened; default now. */
  at?: string | Date;
  details?: Record<string, unknown>;
  /** The sender's id: a resent event is recorded once, a later report of it (a longer dwell) updates its details. */
  externalId?: string | null;
}

export interface EngagementEventRecord {
  id: string;
  leadId: string;
  kind: string;
  at: string;
  details: Record<string, unknown>;
  externalId: string | null;
  createdAt: string;
}

/** Reports may come from machines whose clocks run a little ahead. */
const CLOCK_SKEW_MS = 5 * 60_000;

const toRecord = (r: typeof engagementEvents.$inferSelect): EngagementEventRecord => ({
  id: r.id,
  leadId: r.leadId,
  kind: r.kind,
  at: r.at.toISOString(),
  details: r.details,
  externalId: r.externalId,
  createdAt: r.createdAt.toISOString(),
});

/**
 * Records what a lead did (from mail, web analytics, forms, events or the nurture module) and
 * publishes `leads.engaged`, which rescores the lead. The caller must see the lead and be
 * allowed to edit leads. Returns the event and whether it was new.
 */
export function recordEngagementEvent(
  ctx: RequestContext,
  input: EngagementEventInput,
): Promise<{ event: EngagementEventRecord; created: boolean }> {
  requireLevel(ctx, 'leads', 'update');
  const at = input.at === undefined ? new Date() : new Date(input.at);
  if (Number.isNaN(at.getTime())) throw fieldError('at', 'FIELD_INVALID');
  if (at.getTime() > Date.now() + CLOCK_SKEW_MS) throw fieldError('at', 'ENGAGEMENT_IN_FUTURE');
  return inTransaction(ctx, async (ctx) => {
    await leadStore.get(ctx, input.leadId);
    const details = input.details ?? {};
    const externalId = input.externalId?.trim() || null;
    const [inserted] = await executor(ctx)
      .insert(engagementEvents)
      .values({ tenantId: ctx.tenantId, id: uuidv7(), leadId: input.leadId, kind: input.kind, at, details, externalId, recordedBy: ctx.actor.userId })
      .onConflictDoNothing()
      .returning();
    let row = inserted;
    if (!row) {
      // The same external event again: keep one row, with the latest details.
      [row] = await executor(ctx)
        .update(engagementEvents)
        .set({ details: sql`${engagementEvents.details} || ${JSON.stringify(details)}::jsonb` })
        .where(and(eq(engagementEvents.tenantId, ctx.tenantId), eq(engagementEvents.externalId, externalId!), eq(engagementEvents.leadId, input.leadId)))
        .returning();
      if (!row) throw new AppError(409, 'ALREADY_EXISTS', { field: 'externalId' }, { field: 'externalId' });
    }
    await publishEvent(ctx, {
      type: 'leads.engaged',
      object: 'leads',
      recordId: input.leadId,
      payload: { engagementEventId: row.id, kind: row.kind, at: row.at.toISOString(), details: row.details, repeated: !inserted },
    });
    return { event: toRecord(row), created: Boolean(inserted) };
  });
}

/** The lead's engagement, newest first (the caller must see the lead). */
export async function listLeadEngagement(ctx: RequestContext, leadId: string, limit = 50): Promise<EngagementEventRecord[]> {
  await leadStore.get(ctx, leadId);
  const rows = await executor(ctx)
    .select()
    .from(engagementEvents)
    .where(and(eq(engagementEvents.tenantId, ctx.tenantId), eq(engagementEvents.leadId, leadId)))
    .orderBy(desc(engagementEvents.at), desc(engagementEvents.id))
    .limit(Math.min(Math.max(limit, 1), 200));
  return rows.map(toRecord);
}

/**
 * The engagement of several leads since an instant, grouped by lead, as the engine reads it:
 * one query for a whole batch. Internal: callers have already checked the leads.
 */
export async function engagementSince(ctx: RequestContext, leadIds: readonly string[], since: Date): Promise<Map<string, EngagementEvent[]>> {
  const byLead = new Map<string, EngagementEvent[]>();
  if (leadIds.length === 0) return byLead;
  const rows = await executor(ctx)
    .select({ leadId: engagementEvents.leadId, kind: engagementEvents.kind, at: engagementEvents.at, details: engagementEvents.details })
    .from(engagementEvents)
    .where(and(
      eq(engagementEvents.tenantId, ctx.tenantId),
      inArray(engagementEvents.leadId, [...leadIds]),
      gte(engagementEvents.at, since),
    ));
  for (const { leadId, ...event } of rows) {
    const list = byLead.get(leadId);
    if (list) list.push(event);
    else byLead.set(leadId, [event]);
  }
  return byLead;
}

/** Leads of the tenant with engagement since an instant (the nightly decay pass rescores them). */
export async function leadsEngagedSince(ctx: RequestContext, since: Date): Promise<string[]> {
  const rows = await executor(ctx)
    .selectDistinct({ leadId: engagementEvents.leadId })
    .from(engagementEvents)
    .where(and(eq(engagementEvents.tenantId, ctx.tenantId), gte(engagementEvents.at, since)));
  return rows.map((r) => r.leadId);
}

/** Tenants with engagement since an instant. */
export async function tenantsEngagedSince(exec: RequestContext['db'], since: Date): Promise<string[]> {
  const rows = await exec
    .selectDistinct({ tenantId: engagementEvents.tenantId })
    .from(engagementEvents)
    .where(gte(engagementEvents.at, since));
  return rows.map((r) => r.tenantId);
}

/** Removes a deleted lead's engagement. */
export async function deleteLeadEngagement(ctx: RequestContext, leadId: string): Promise<void> {
  await executor(ctx)
    .delete(engagementEvents)
    .where(and(eq(engagementEvents.tenantId, ctx.tenantId), eq(engagementEvents.leadId, leadId)));
}
