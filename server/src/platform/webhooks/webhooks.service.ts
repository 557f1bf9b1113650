import { randomBytes } from 'node:crypto';
import { and, desc, eq, lt } from 'drizzle-orm';
import { executor, type RequestContext } from '../access/context.js';
import { UUID_RE } from '../db/ids.js';
import { isValidEventPattern } from '../events/event-pattern.js';
import { AppError, fieldError } from '../http/errors.js';
import { RecordStore, type ApiRecord, type ListQuery, type Page } from '../records/record-store.js';
import { webhookDeliveries, webhooks, type DeliveryStatus } from './webhooks.schema.js';

export interface WebhookRecord extends ApiRecord {
  url: string;
  events: string[];
  active: boolean;
  description: string | null;
  /** The end of the secret, so people can tell which one a receiver holds; never the secret itself. */
  secretHint: string;
  createdBy: string | null;
}

export interface WebhookInput {
  url: string;
  events: string[];
  active?: boolean;
  description?: string | null;
}

export interface DeliveryRecord {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  responseSnippet: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

const MAX_URL = 2000;
const MAX_PATTERNS = 50;
const MAX_DESCRIPTION = 500;

/** Webhooks go through the shared store: tenant scope, the `webhooks` permission, versions and audit. */
export const webhookStore = new RecordStore<WebhookRecord>({
  object: 'webhooks',
  table: webhooks,
  sortable: { createdAt: webhooks.createdAt, url: webhooks.url },
  defaultSort: '-createdAt',
  filters: {},
  searchColumns: [webhooks.url, webhooks.description],
  toApi: (r) => ({
    url: r.url as string,
    events: r.events as string[],
    active: r.active as boolean,
    description: (r.description as string | null) ?? null,
    secretHint: `…${(r.secret as string).slice(-4)}`,
    createdBy: (r.createdBy as string | null) ?? null,
  }),
  toColumns: ({ url, events, active, description, secret, createdBy }) => ({
    url,
    events: Array.isArray(events) ? [...new Set(events)] : events,
    active,
    description,
    secret,
    createdBy,
  }),
  validate: async (_ctx, next) => validateWebhook(next),
});

function validateWebhook(next: Record<string, unknown>) {
  const url = next.url;
  if (typeof url !== 'string' || !url) throw fieldError('url', 'FIELD_REQUIRED');
  if (url.length > MAX_URL) throw fieldError('url', 'FIELD_TOO_LONG', { limit: MAX_URL });
  if (!isHttpUrl(url)) throw fieldError('url', 'FIELD_FORMAT_URI');
  const events = next.events;
  if (!Array.isArray(events) || events.length === 0) throw fieldError('events', 'FIELD_REQUIRED');
  if (events.length > MAX_PATTERNS || !events.every((p) => typeof p === 'string' && isValidEventPattern(p))) {
    throw fieldError('events', 'FIELD_INVALID');
  }
  const description = next.description;
  if (typeof description === 'string' && description.length > MAX_DESCRIPTION) {
    throw fieldError('description', 'FIELD_TOO_LONG', { limit: MAX_DESCRIPTION });
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

/** Creates a webhook with a fresh signing secret, returned this once only. */
export async function createWebhook(ctx: RequestContext, input: WebhookInput): Promise<WebhookRecord & { secret: string }> {
  const secret = newSecret();
  const record = await webhookStore.create(ctx, {
    url: input.url,
    events: input.events,
    active: input.active,
    description: input.description,
    secret,
    createdBy: ctx.actor.userId,
  });
  return { ...record, secret };
}

export function listWebhooks(ctx: RequestContext, query: ListQuery = {}): Promise<Page<WebhookRecord>> {
  return webhookStore.list(ctx, query);
}

export function getWebhook(ctx: RequestContext, id: string): Promise<WebhookRecord> {
  return webhookStore.get(ctx, id);
}

/** `version` is the version the caller edited: a stale one is refused (409), a missing one too (428). */
export function updateWebhook(
  ctx: RequestContext,
  id: string,
  patch: Partial<WebhookInput>,
  version: number | undefined,
): Promise<WebhookRecord> {
  const { url, events, active, description } = patch;
  return webhookStore.update(ctx, id, { url, events, active, description }, version);
}

/** Deletes the webhook and its delivery log; deliveries still queued are dropped. */
export function deleteWebhook(ctx: RequestContext, id: string, version?: number): Promise<void> {
  return webhookStore.remove(ctx, id, version);
}

/** Replaces the signing secret; the new one is returned this once only. */
export async function rotateWebhookSecret(
  ctx: RequestContext,
  id: string,
  version: number | undefined,
): Promise<WebhookRecord & { secret: string }> {
  const secret = newSecret();
  const record = await webhookStore.update(ctx, id, { secret }, version);
  return { ...record, secret };
}

/** The delivery log of one webhook, newest first; `cursor` is the last id of the previous page. */
export async function listDeliveries(
  ctx: RequestContext,
  webhookId: string,
  opts: { limit?: number; cursor?: string } = {},
): Promise<Page<DeliveryRecord>> {
  await webhookStore.get(ctx, webhookId); // 404 / 403 exactly as for the webhook itself
  if (opts.cursor !== undefined && !UUID_RE.test(opts.cursor)) throw new AppError(400, 'INVALID_CURSOR');
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  const conditions = [eq(webhookDeliveries.tenantId, ctx.tenantId), eq(webhookDeliveries.webhookId, webhookId)];
  if (opts.cursor) conditions.push(lt(webhookDeliveries.id, opts.cursor));
  const rows = await executor(ctx)
    .select()
    .from(webhookDeliveries)
    .where(and(...conditions))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    data: page.map(({ tenantId: _tenantId, ...d }) => ({
      ...d,
      nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1].id : null,
  };
}
