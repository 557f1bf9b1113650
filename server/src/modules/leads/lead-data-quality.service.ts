import { and, eq, inArray, sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { MQL_OR_LATER, SQL_OR_LATER } from './lead-lifecycle.js';
import { leads, leadStatusHistory, leadTouches } from './leads.schema.js';
import { LEAD_INPUT_FIELDS, leadStore, type Lead } from './leads.service.js';

/**
 * What the data-quality modules (dedup: merges; enrichment: registry data) need from leads,
 * kept beside the lead services so they never write the leads tables themselves.
 */

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export interface FilledLead {
  lead: Lead;
  /** The fields written. */
  filled: string[];
}

/** The fields of `values` that `source` may write into the lead, with their values (see fillUntypedLeadFields). */
function untypedPatch(lead: Lead, values: Record<string, unknown>, source: string): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  if (lead.status === 'converted') return patch;
  const current = lead as unknown as Record<string, unknown>;
  for (const field of LEAD_INPUT_FIELDS) {
    const value = values[field];
    if (isEmpty(value)) continue;
    const origin = lead.fieldSources[field]?.source;
    if (origin !== undefined ? origin !== source : !isEmpty(current[field])) continue;
    if (!same(current[field], value)) patch[field] = value;
  }
  return patch;
}

/**
 * Writes values from an automated `source` (e.g. `registry`) into the fields nobody typed: a
 * field is written only when it has no recorded origin and is empty, or when `source` itself
 * filled it before (it may refresh its own value). What a person, a form or an import set —
 * even a value a person typed and later cleared — is left alone. Each written field records `{ source, at }`.
 * A converted lead is read-only and stays as it is.
 *
 * Many leads at once, in a few statements (one read, the record store's batch update with an
 * audit entry and a `leads.updated` event per lead changed). Leads deleted or not visible are
 * left out; the others are returned in input order.
 */
export function fillUntypedLeadFields(
  ctx: RequestContext,
  items: readonly { id: string; values: Record<string, unknown> }[],
  source: string,
): Promise<FilledLead[]> {
  return inTransaction(ctx, async (ctx) => {
    const leads = new Map((await leadStore.getMany(ctx, items.map((i) => i.id))).map((lead) => [lead.id, lead]));
    const planned = items.flatMap(({ id, values }) => {
      const lead = leads.get(id);
      return lead ? [{ lead, patch: untypedPatch(lead, values, source) }] : [];
    });
    const at = new Date().toISOString();
    const written = await leadStore.updateMany(ctx, planned.filter(({ patch }) => Object.keys(patch).length > 0).map(({ lead, patch }) => ({
      id: lead.id,
      patch: { ...patch, fieldSources: { ...lead.fieldSources, ...Object.fromEntries(Object.keys(patch).map((f) => [f, { source, at }])) } },
      expectedVersion: lead.version,
    })));
    const after = new Map(written.map((lead) => [lead.id, lead]));
    return planned.map(({ lead, patch }) => ({ lead: after.get(lead.id) ?? lead, filled: Object.keys(patch) }));
  });
}

export interface MovedLeadHistory {
  touches: string[];
  statusHistory: string[];
}

/**
 * Moves the campaign touches and status history of merged leads to the lead that survives the
 * merge, unchanged (times, actors, reasons), so attribution and the time-in-status reports keep
 * them. Returns the ids moved. Runs in the caller's transaction.
 */
export async function relinkLeadHistory(ctx: RequestContext, fromLeadIds: readonly string[], toLeadId: string): Promise<MovedLeadHistory> {
  if (fromLeadIds.length === 0) return { touches: [], statusHistory: [] };
  const exec = executor(ctx);
  const touches = await exec
    .update(leadTouches)
    .set({ leadId: toLeadId })
    .where(and(eq(leadTouches.tenantId, ctx.tenantId), inArray(leadTouches.leadId, [...fromLeadIds])))
    .returning({ id: leadTouches.id });
  const history = await exec
    .update(leadStatusHistory)
    .set({ leadId: toLeadId })
    .where(and(eq(leadStatusHistory.tenantId, ctx.tenantId), inArray(leadStatusHistory.leadId, [...fromLeadIds])))
    .returning({ id: leadStatusHistory.id });
  await recomputeLifecycleMarks(ctx, [toLeadId]);
  return { touches: touches.map((r) => r.id), statusHistory: history.map((r) => r.id) };
}

/**
 * Sets when these leads first became MQL and SQL from their status history: after history moved
 * between leads (a merge's survivor), or was written without the lifecycle. A lead in such a
 * status with no history of it counts from its creation.
 */
export async function recomputeLifecycleMarks(ctx: RequestContext, leadIds: readonly string[]): Promise<void> {
  const h = leadStatusHistory;
  const firstAt = (statuses: readonly string[]) =>
    sql`coalesce(min(${h.at}) FILTER (WHERE ${inArray(h.toStatus, [...statuses])}), CASE WHEN ${inArray(leads.status, [...statuses])} THEN ${leads.createdAt} END)`;
  await executor(ctx).execute(sql`
    UPDATE ${leads} SET became_mql_at = m.mql_at, became_sql_at = m.sql_at
    FROM (
      SELECT ${leads.id} AS id, ${firstAt(MQL_OR_LATER)} AS mql_at, ${firstAt(SQL_OR_LATER)} AS sql_at
      FROM ${leads} LEFT JOIN ${h} ON ${h.tenantId} = ${leads.tenantId} AND ${h.leadId} = ${leads.id}
      WHERE ${leads.tenantId} = ${ctx.tenantId} AND ${inArray(leads.id, [...leadIds])}
      GROUP BY ${leads.id}, ${leads.status}, ${leads.createdAt}
    ) m
    WHERE ${leads.tenantId} = ${ctx.tenantId} AND ${leads.id} = m.id`);
}

/**
 * Points leads converted into merged accounts or contacts at the surviving one (what the lead
 * became). Returns the ids of the leads changed. Runs in the caller's transaction.
 */
export async function relinkConvertedLeads(
  ctx: RequestContext,
  target: 'account' | 'contact',
  fromIds: readonly string[],
  toId: string,
): Promise<string[]> {
  if (fromIds.length === 0) return [];
  const column = target === 'account' ? leads.convertedAccountId : leads.convertedContactId;
  const rows = await executor(ctx)
    .update(leads)
    .set({ [target === 'account' ? 'convertedAccountId' : 'convertedContactId']: toId, version: sql`${leads.version} + 1`, updatedAt: new Date() })
    .where(and(eq(leads.tenantId, ctx.tenantId), inArray(column, [...fromIds])))
    .returning({ id: leads.id });
  return rows.map((r) => r.id);
}
