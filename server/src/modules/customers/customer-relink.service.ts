import { and, eq, inArray, sql } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { accounts, activities, contacts, notes } from './customers.schema.js';

/**
 * When duplicates are merged (dedup module), the records of the customers module that point at
 * the merged ones move to the survivor. Each function runs in the caller's transaction, bumps
 * the version of what it changes and returns the ids it moved, for the merge's audit entry.
 */

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const bump = (t: { version: unknown }) => ({ version: sql`${t.version} + 1`, updatedAt: new Date() });

/** Activities of merged leads, accounts or contacts (`contactIds` keeps its order, without repeats). */
export async function relinkActivities(ctx: RequestContext, link: 'lead' | 'account' | 'contact', fromIds: readonly string[], toId: string): Promise<string[]> {
  if (fromIds.length === 0) return [];
  const exec = executor(ctx);
  const from = [...fromIds];
  if (link !== 'contact') {
    const column = link === 'lead' ? activities.leadId : activities.accountId;
    return ids(await exec
      .update(activities)
      .set({ [link === 'lead' ? 'leadId' : 'accountId']: toId, ...bump(activities) })
      .where(and(eq(activities.tenantId, ctx.tenantId), inArray(column, from)))
      .returning({ id: activities.id }));
  }
  const fromArray = sql`${sql.param(from)}::uuid[]`;
  return ids(await exec
    .update(activities)
    .set({
      contactIds: sql`(SELECT array_agg(c ORDER BY first) FROM (
        SELECT CASE WHEN u.c = ANY(${fromArray}) THEN ${toId}::uuid ELSE u.c END AS c, min(u.ord) AS first
        FROM unnest(${activities.contactIds}) WITH ORDINALITY AS u(c, ord) GROUP BY 1) s)`,
      ...bump(activities),
    })
    .where(and(eq(activities.tenantId, ctx.tenantId), sql`${activities.contactIds} && ${fromArray}`))
    .returning({ id: activities.id }));
}

/** Notes on merged records of `object`. */
export async function relinkNotes(ctx: RequestContext, object: string, fromIds: readonly string[], toId: string): Promise<string[]> {
  if (fromIds.length === 0) return [];
  return ids(await executor(ctx)
    .update(notes)
    .set({ recordId: toId, ...bump(notes) })
    .where(and(eq(notes.tenantId, ctx.tenantId), eq(notes.object, object), inArray(notes.recordId, [...fromIds])))
    .returning({ id: notes.id }));
}

/** Contacts of merged accounts, and accounts whose parent was merged (never the survivor's own parent link to itself). */
export async function relinkAccountChildren(ctx: RequestContext, fromIds: readonly string[], toId: string): Promise<{ contacts: string[]; childAccounts: string[] }> {
  if (fromIds.length === 0) return { contacts: [], childAccounts: [] };
  const exec = executor(ctx);
  const moved = ids(await exec
    .update(contacts)
    .set({ accountId: toId, ...bump(contacts) })
    .where(and(eq(contacts.tenantId, ctx.tenantId), inArray(contacts.accountId, [...fromIds])))
    .returning({ id: contacts.id }));
  const children = ids(await exec
    .update(accounts)
    .set({ parentAccountId: sql`CASE WHEN ${accounts.id} = ${toId} THEN NULL ELSE ${toId}::uuid END`, ...bump(accounts) })
    .where(and(eq(accounts.tenantId, ctx.tenantId), inArray(accounts.parentAccountId, [...fromIds])))
    .returning({ id: accounts.id }));
  return { contacts: moved, childAccounts: children };
}

/** Contacts reporting to merged contacts now report to the survivor (the survivor itself to nobody rather than to itself). */
export async function relinkReportingLines(ctx: RequestContext, fromIds: readonly string[], toId: string): Promise<string[]> {
  if (fromIds.length === 0) return [];
  return ids(await executor(ctx)
    .update(contacts)
    .set({ reportsToId: sql`CASE WHEN ${contacts.id} = ${toId} THEN NULL ELSE ${toId}::uuid END`, ...bump(contacts) })
    .where(and(eq(contacts.tenantId, ctx.tenantId), inArray(contacts.reportsToId, [...fromIds])))
    .returning({ id: contacts.id }));
}

/**
 * A converted lead's activities (the calls and visits logged on it) now also belong to the
 * account and the contact it became, so they show on the account's timeline. An activity that
 * already names an account keeps it. Runs in the conversion's transaction; returns the ids changed.
 */
export async function attachLeadActivities(ctx: RequestContext, leadId: string, accountId: string, contactId: string): Promise<string[]> {
  return ids(await executor(ctx)
    .update(activities)
    .set({
      accountId: sql`coalesce(${activities.accountId}, ${accountId}::uuid)`,
      contactIds: sql`CASE WHEN ${contactId}::uuid = ANY(${activities.contactIds}) THEN ${activities.contactIds}
        ELSE array_append(${activities.contactIds}, ${contactId}::uuid) END`,
      ...bump(activities),
    })
    .where(and(eq(activities.tenantId, ctx.tenantId), eq(activities.leadId, leadId)))
    .returning({ id: activities.id }));
}
