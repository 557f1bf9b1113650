import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/context.js';
import { listAudit } from '../../platform/audit/audit.service.js';
import type { FieldChanges } from '../../platform/audit/audit.schema.js';
import { accountStore } from './accounts.service.js';
import { activityStore } from './activities.service.js';
import { contactStore } from './contacts.service.js';
import { activities, contacts, notes } from './customers.schema.js';
import { noteStore } from './notes.service.js';

export interface TimelineItem {
  id: string;
  kind: 'activity' | 'note' | 'change' | 'contact' | string;
  at: string;
  actorName: string | null;
  title: string;
  body?: string | null;
  activityType?: string;
  status?: string;
  changes?: { field: string; before: unknown; after: unknown }[];
  action?: string;
  object: string;
  recordId: string;
}

/**
 * A source of timeline items for an account: newest first, older than `before`, at most
 * `limit`. Each source reads through its own store, so the caller's visibility applies.
 */
export type TimelineProvider = (ctx: RequestContext, accountId: string, before: Date, limit: number) => Promise<TimelineItem[]>;

const providers: TimelineProvider[] = [];

/** Other modules (opportunities, quotes, orders, tickets…) add what they know about an account. */
export function registerAccountTimelineProvider(provider: TimelineProvider) {
  providers.push(provider);
}

export async function accountTimeline(ctx: RequestContext, accountId: string, before: Date, limit: number) {
  await accountStore.get(ctx, accountId);
  const lists = await Promise.all([...builtIn, ...providers].map((p) => readable(p)(ctx, accountId, before, limit)));
  const items = lists.flat().sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit);
  return { data: items, nextBefore: items.length === limit ? items[items.length - 1].at : null };
}

/** A source the caller has no right to read contributes nothing instead of failing the page. */
const readable = (provider: TimelineProvider): TimelineProvider => async (...args) => {
  try {
    return await provider(...args);
  } catch (err) {
    if ((err as { status?: number }).status === 403) return [];
    throw err;
  }
};

const activityItems: TimelineProvider = async (ctx, accountId, before, limit) => {
  const page = await activityStore.list(ctx, {
    where: sql`${activities.accountId} = ${accountId} AND ${activities.createdAt} < ${before.toISOString()}`,
    limit,
  });
  return page.data.map((a) => ({
    id: a.id,
    kind: 'activity',
    at: a.startAt ?? a.createdAt,
    actorName: a.ownerName ?? null,
    title: a.subject,
    body: [a.outcome, a.nextStep].filter(Boolean).join(' → ') || null,
    activityType: a.type,
    status: a.status,
    object: 'activities',
    recordId: a.id,
  }));
};

const contactItems: TimelineProvider = async (ctx, accountId, before, limit) => {
  const page = await contactStore.list(ctx, {
    where: sql`${contacts.accountId} = ${accountId} AND ${contacts.createdAt} < ${before.toISOString()}`,
    limit,
  });
  return page.data.map((c) => ({
    id: `contact-${c.id}`,
    kind: 'contact',
    at: c.createdAt,
    actorName: c.ownerName ?? null,
    title: c.title ? `${c.name} · ${c.title}` : c.name,
    object: 'contacts',
    recordId: c.id,
  }));
};

const noteItems: TimelineProvider = async (ctx, accountId, before, limit) => {
  const page = await noteStore.list(ctx, {
    where: sql`${notes.object} = 'accounts' AND ${notes.recordId} = ${accountId} AND ${notes.createdAt} < ${before.toISOString()}`,
    limit,
  });
  return page.data.map((n) => ({
    id: n.id,
    kind: 'note',
    at: n.createdAt,
    actorName: n.ownerName ?? null,
    title: n.body.slice(0, 80),
    body: n.body,
    object: 'notes',
    recordId: n.id,
  }));
};

/** Field-level changes of the account itself, from the audit log. */
const changeItems: TimelineProvider = async (ctx, accountId, before, limit) => {
  const entries = await listAudit(ctx, { recordIds: [accountId], beforeAt: before, limit });
  return entries.map((e) => ({
      id: `audit-${e.seq}`,
      kind: 'change',
      at: e.at.toISOString(),
      actorName: e.actorName,
      title: e.action,
      action: e.action,
      changes: changeList(e.changes),
      object: e.object,
      recordId: e.recordId,
    }));
};

const changeList = (changes: FieldChanges) =>
  Object.entries(changes).map(([field, { before, after }]) => ({ field, before, after }));

const builtIn = [activityItems, contactItems, noteItems, changeItems];
