import { and, eq, sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import type { AppDb } from '../../platform/db/client.js';
import { uuidv7 } from '../../platform/db/ids.js';
import { publishEvent } from '../../platform/events/publish.js';
import { isLocale, type Locale } from '../../platform/i18n/locale.js';
import { leadStore } from '../leads/leads.service.js';
import { exitEnrollments } from './enrollments.service.js';
import { emailTemplates, nurtureEngagements, nurtureMessages } from './nurture.schema.js';
import { loadSenderConfig } from './settings.service.js';
import { suppress } from './suppressions.service.js';
import { signToken, verifyToken } from './tracking-token.js';

/*
 * What recipients' mail clients and browsers report, through the public endpoints: opens,
 * clicks, unsubscribes and page views. Every entry point takes a signed token; a token that
 * does not verify, or names nothing, is ignored without a word (the caller still answers).
 */

export interface RequestMeta {
  userAgent?: string;
}

type MessageRow = typeof nurtureMessages.$inferSelect;

/** The engagement events other modules (scoring) react to: `{ leadId, dwellSeconds, url, at }` and more. */
export type EngagementEventType =
  | 'nurture.email_opened' | 'nurture.email_clicked' | 'nurture.web_visit' | 'nurture.web_visit_dwell' | 'nurture.unsubscribed';

export async function publishEngagement(
  ctx: RequestContext,
  type: EngagementEventType,
  e: { leadId: string; at: Date; url?: string | null; dwellSeconds?: number | null } & Record<string, unknown>,
) {
  await publishEvent(ctx, {
    type,
    object: 'leads',
    recordId: e.leadId,
    payload: { ...e, url: e.url ?? null, dwellSeconds: e.dwellSeconds ?? null, at: e.at.toISOString() },
  });
}

async function messageFor(db: AppDb, raw: string, kind: 'o' | 'c' | 'u') {
  const token = verifyToken(raw, kind);
  if (!token) return null;
  const [message] = await db
    .select()
    .from(nurtureMessages)
    .where(and(eq(nurtureMessages.tenantId, token.tenantId), eq(nurtureMessages.id, token.id)));
  return message ? { token, message } : null;
}

const truncate = (value: string | undefined | null, max: number) => (value ? value.slice(0, max) : null);

function engagementRow(message: MessageRow, kind: 'open' | 'click' | 'unsubscribe', at: Date, meta: RequestMeta, url: string | null = null) {
  return {
    tenantId: message.tenantId,
    id: uuidv7(),
    leadId: message.leadId,
    kind,
    messageId: message.id,
    enrollmentId: message.enrollmentId,
    programId: message.programId,
    url,
    userAgent: truncate(meta.userAgent, 500),
    at,
  };
}

/** The open pixel was loaded. The first open of a message publishes `nurture.email_opened`. */
export async function recordOpen(db: AppDb, raw: string, meta: RequestMeta): Promise<void> {
  const found = await messageFor(db, raw, 'o');
  if (!found) return;
  const { message } = found;
  const ctx = systemContext(db, message.tenantId, 'tracking');
  await inTransaction(ctx, async (ctx) => {
    const at = new Date();
    const [counted] = await executor(ctx)
      .update(nurtureMessages)
      .set({ openCount: sql`${nurtureMessages.openCount} + 1`, openedAt: sql`coalesce(${nurtureMessages.openedAt}, now())` })
      .where(and(eq(nurtureMessages.tenantId, message.tenantId), eq(nurtureMessages.id, message.id)))
      .returning({ openCount: nurtureMessages.openCount });
    await executor(ctx).insert(nurtureEngagements).values(engagementRow(message, 'open', at, meta));
    if (counted.openCount === 1) {
      await publishEngagement(ctx, 'nurture.email_opened', {
        leadId: message.leadId, at, messageId: message.id, programId: message.programId, enrollmentId: message.enrollmentId, subject: message.subject,
      });
    }
  });
}

/**
 * A tracked link was followed: returns where to send the browser (the original URL with the
 * visitor token `l2c` added, so the site's tracking script knows the lead), or null.
 * Every click is counted; the first click on each link publishes `nurture.email_clicked`.
 */
export async function recordClick(db: AppDb, raw: string, meta: RequestMeta): Promise<string | null> {
  const found = await messageFor(db, raw, 'c');
  if (!found) return null;
  const { message, token } = found;
  const url = message.links[token.link ?? -1];
  if (!url) return null;
  const ctx = systemContext(db, message.tenantId, 'tracking');
  await inTransaction(ctx, async (ctx) => {
    const at = new Date();
    const [earlier] = await executor(ctx)
      .select({ id: nurtureEngagements.id })
      .from(nurtureEngagements)
      .where(and(
        eq(nurtureEngagements.tenantId, message.tenantId),
        eq(nurtureEngagements.messageId, message.id),
        eq(nurtureEngagements.kind, 'click'),
        eq(nurtureEngagements.url, url),
      ))
      .limit(1);
    await executor(ctx)
      .update(nurtureMessages)
      .set({ clickCount: sql`${nurtureMessages.clickCount} + 1`, clickedAt: sql`coalesce(${nurtureMessages.clickedAt}, now())` })
      .where(and(eq(nurtureMessages.tenantId, message.tenantId), eq(nurtureMessages.id, message.id)));
    await executor(ctx).insert(nurtureEngagements).values(engagementRow(message, 'click', at, meta, url));
    if (!earlier) {
      await publishEngagement(ctx, 'nurture.email_clicked', {
        leadId: message.leadId, at, url, link: token.link, messageId: message.id, programId: message.programId, enrollmentId: message.enrollmentId,
      });
    }
  });
  return withVisitorToken(url, signToken({ kind: 'v', tenantId: message.tenantId, id: message.leadId }));
}

export function withVisitorToken(url: string, token: string): string {
  try {
    const target = new URL(url);
    target.searchParams.set('l2c', token);
    return target.toString();
  } catch {
    return url;
  }
}

export interface UnsubscribeTarget {
  email: string;
  sender: string;
  locale: Locale;
}

/** Who an unsubscribe link is for, to ask before doing it; null for a link that is not ours. */
export async function unsubscribeTarget(db: AppDb, raw: string): Promise<UnsubscribeTarget | null> {
  const found = await messageFor(db, raw, 'u');
  if (!found) return null;
  const { message } = found;
  const [template] = await db
    .select({ locale: emailTemplates.locale })
    .from(emailTemplates)
    .where(and(eq(emailTemplates.tenantId, message.tenantId), eq(emailTemplates.id, message.templateId)));
  const sender = await loadSenderConfig(db, message.tenantId);
  return {
    email: message.toAddress,
    sender: sender.fromName ?? sender.fromAddress ?? '',
    locale: isLocale(template?.locale) ? template.locale : 'zh-CN',
  };
}

/**
 * Unsubscribes the message's address (a click on the page, or a mail client's one-click
 * POST): it goes on the suppression list and its lead leaves every program. Idempotent.
 */
export async function unsubscribe(db: AppDb, raw: string, meta: RequestMeta): Promise<UnsubscribeTarget | null> {
  const target = await unsubscribeTarget(db, raw);
  if (!target) return null;
  const { message } = (await messageFor(db, raw, 'u'))!;
  const ctx = systemContext(db, message.tenantId, 'tracking');
  await inTransaction(ctx, async (ctx) => {
    const added = await suppress(ctx, { email: message.toAddress, reason: 'unsubscribed', leadId: message.leadId, details: `message ${message.id}` });
    if (!added) return;
    const at = new Date();
    await executor(ctx).insert(nurtureEngagements).values(engagementRow(message, 'unsubscribe', at, meta));
    await publishEngagement(ctx, 'nurture.unsubscribed', {
      leadId: message.leadId, at, email: message.toAddress, messageId: message.id, programId: message.programId,
    });
    await exitEnrollments(ctx, { leadId: message.leadId }, 'unsubscribed');
  });
  return target;
}

export interface VisitBeacon {
  /** The visitor token (from `l2c`). */
  t: string;
  /** Page URL. */
  u: string;
  /** Page-view id, chosen by the script. */
  pv: string;
  /** Seconds the page was visible so far. */
  d?: number;
  /** Title and referrer. */
  ti?: string;
  r?: string;
}

const MAX_DWELL = 4 * 3600;

/**
 * A page view from the tenant's site, sent by the tracking script when the page is hidden or
 * left. The first report of a view publishes `nurture.web_visit`; later reports of the same view
 * only lengthen its dwell time (`nurture.web_visit_dwell`).
 */
export async function recordVisit(db: AppDb, beacon: VisitBeacon, meta: RequestMeta): Promise<void> {
  const token = verifyToken(beacon.t, 'v');
  if (!token || !/^https?:\/\//i.test(beacon.u) || !/^[\w-]{8,64}$/.test(beacon.pv)) return;
  const ctx = systemContext(db, token.tenantId, 'tracking');
  const [lead] = await leadStore.getMany(ctx, [token.id]);
  if (!lead) return;
  const dwell = Math.max(0, Math.min(MAX_DWELL, Math.round(Number(beacon.d) || 0)));
  const url = beacon.u.slice(0, 2000);
  await inTransaction(ctx, async (ctx) => {
    const at = new Date();
    const [inserted] = await executor(ctx)
      .insert(nurtureEngagements)
      .values({
        tenantId: token.tenantId,
        id: uuidv7(),
        leadId: lead.id,
        kind: 'visit',
        url,
        pageViewId: beacon.pv,
        dwellSeconds: dwell,
        title: truncate(beacon.ti, 300),
        referrer: truncate(beacon.r, 2000),
        userAgent: truncate(meta.userAgent, 500),
        at,
      })
      .onConflictDoNothing()
      .returning({ id: nurtureEngagements.id });
    if (inserted) {
      await publishEngagement(ctx, 'nurture.web_visit', { leadId: lead.id, at, url, dwellSeconds: dwell, pageViewId: beacon.pv, title: truncate(beacon.ti, 300) });
      return;
    }
    const [longer] = await executor(ctx)
      .update(nurtureEngagements)
      .set({ dwellSeconds: dwell })
      .where(and(
        eq(nurtureEngagements.tenantId, token.tenantId),
        eq(nurtureEngagements.pageViewId, beacon.pv),
        eq(nurtureEngagements.leadId, lead.id),
        sql`coalesce(${nurtureEngagements.dwellSeconds}, 0) < ${dwell}`,
      ))
      .returning({ at: nurtureEngagements.at, url: nurtureEngagements.url });
    if (longer) {
      await publishEngagement(ctx, 'nurture.web_visit_dwell', { leadId: lead.id, at: longer.at, url: longer.url, dwellSeconds: dwell, pageViewId: beacon.pv });
    }
  });
}
