import { and, eq, sql } from 'drizzle-orm';
import type { AppDb } from '../db/client.js';
import { outboxEvents } from '../events/events.schema.js';
import { defineJob } from '../jobs/registry.js';
import { sendWebhook, type DeliveryOutcome } from './send-webhook.js';
import { webhookDeliveries, webhooks } from './webhooks.schema.js';

export const WEBHOOK_MAX_ATTEMPTS = 8;

export interface DeliverWebhookPayload {
  tenantId: string;
  deliveryId: string;
}

/**
 * Sends one delivery and writes the outcome on its row (the log admins read). A failure is
 * rethrown so the job queue retries it with backoff, up to WEBHOOK_MAX_ATTEMPTS.
 */
export const deliverWebhookJob = defineJob<DeliverWebhookPayload>('webhooks.deliver', async (payload, { db, retryAt }) => {
  const [row] = await db
    .select({ delivery: webhookDeliveries, webhook: webhooks, event: outboxEvents })
    .from(webhookDeliveries)
    .innerJoin(webhooks, and(eq(webhooks.tenantId, webhookDeliveries.tenantId), eq(webhooks.id, webhookDeliveries.webhookId)))
    .leftJoin(outboxEvents, and(eq(outboxEvents.tenantId, webhookDeliveries.tenantId), eq(outboxEvents.id, webhookDeliveries.eventId)))
    .where(and(eq(webhookDeliveries.tenantId, payload.tenantId), eq(webhookDeliveries.id, payload.deliveryId)));
  // The webhook was deleted (its deliveries with it), or the delivery already went through.
  if (!row || row.delivery.status === 'succeeded') return;
  if (!row.webhook.active || !row.event) {
    const reason = row.event ? 'The webhook was disabled' : 'The event no longer exists';
    await record(db, payload, { ok: false, statusCode: null, responseSnippet: null, error: reason }, null, false);
    return;
  }
  const outcome = await sendWebhook(row.webhook, row.delivery.id, row.event);
  await record(db, payload, outcome, retryAt, true);
  if (!outcome.ok) throw new Error(`Webhook delivery failed: ${outcome.error}`);
});

async function record(
  db: AppDb,
  key: DeliverWebhookPayload,
  outcome: DeliveryOutcome,
  retryAt: Date | null,
  attempted: boolean,
) {
  await db
    .update(webhookDeliveries)
    .set({
      status: outcome.ok ? 'succeeded' : retryAt ? 'retrying' : 'failed',
      attempts: attempted ? sql`${webhookDeliveries.attempts} + 1` : undefined,
      lastStatusCode: outcome.statusCode,
      lastError: outcome.error,
      responseSnippet: outcome.responseSnippet,
      nextAttemptAt: outcome.ok ? null : retryAt,
      deliveredAt: outcome.ok ? sql`now()` : undefined,
    })
    .where(and(eq(webhookDeliveries.tenantId, key.tenantId), eq(webhookDeliveries.id, key.deliveryId)));
}
