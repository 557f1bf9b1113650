import { and, count, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { executor, type RequestContext } from '../access/context.js';
import { uuidv7 } from '../db/ids.js';
import { notFound } from '../http/errors.js';
import { translate, type MessageCode } from '../i18n/messages.js';
import { notifications } from './notifications.schema.js';

export interface NewNotification {
  userId: string;
  /** A message code defined with defineMessages: the title, rendered with `params` when read. */
  kind: MessageCode;
  object?: string | null;
  recordId?: string | null;
  params?: Record<string, unknown>;
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  object: string | null;
  recordId: string | null;
  params: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/** Adds notifications for people of the caller's tenant, in the caller's transaction. */
export async function notify(ctx: RequestContext, list: NewNotification[]): Promise<void> {
  if (list.length === 0) return;
  await executor(ctx).insert(notifications).values(list.map((n) => ({
    tenantId: ctx.tenantId,
    id: uuidv7(),
    userId: n.userId,
    kind: n.kind,
    object: n.object ?? null,
    recordId: n.recordId ?? null,
    params: n.params ?? {},
  })));
}

const mine = (ctx: RequestContext) => and(eq(notifications.tenantId, ctx.tenantId), eq(notifications.userId, ctx.actor.userId ?? sql`NULL`));

/** The caller's notifications, newest first (unread only on request), and how many are unread. */
export async function listNotifications(
  ctx: RequestContext,
  query: { unread?: boolean; before?: string; limit?: number },
): Promise<{ data: Notification[]; unreadCount: number }> {
  const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
  const rows = await executor(ctx)
    .select()
    .from(notifications)
    .where(and(
      mine(ctx),
      query.unread ? isNull(notifications.readAt) : undefined,
      query.before ? lt(notifications.createdAt, new Date(query.before)) : undefined,
    ))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  const [unread] = await executor(ctx).select({ n: count() }).from(notifications).where(and(mine(ctx), isNull(notifications.readAt)));
  return {
    data: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: translate(ctx.locale, r.kind, r.params),
      object: r.object,
      recordId: r.recordId,
      params: r.params,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
    unreadCount: Number(unread?.n ?? 0),
  };
}

/** Marks one of the caller's notifications, or all of them, read. */
export async function markNotificationsRead(ctx: RequestContext, id?: string): Promise<void> {
  const updated = await executor(ctx)
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(ctx), isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined))
    .returning({ id: notifications.id });
  if (id && updated.length === 0) {
    const [exists] = await executor(ctx).select({ id: notifications.id }).from(notifications).where(and(mine(ctx), eq(notifications.id, id)));
    if (!exists) throw notFound();
  }
}
