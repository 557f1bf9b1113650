import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { matchesEventPattern } from '../events/event-pattern.js';
import type { EventHandle } from '../events/events.schema.js';
import { enqueueMany } from '../jobs/enqueue.js';
import { deliverWebhookJob, WEBHOOK_MAX_ATTEMPTS } from './deliver-webhook.job.js';
import { webhookDeliveries, webhooks } from './webhooks.schema.js';

/**
 * Creates a delivery (and its job) for each active webhook of the event's own tenant whose
 * patterns match the event. Runs in the dispatcher's transaction. Returns the deliveries created.
 */
export async function enqueueWebhookDeliveries(exec: Executor, events: readonly EventHandle[]): Promise<number> {
  if (events.length === 0) return 0;
  const tenantIds = [...new Set(events.map((e) => e.tenantId))];
  const active = await exec
    .select({ tenantId: webhooks.tenantId, id: webhooks.id, events: webhooks.events })
    .from(webhooks)
    .where(and(inArray(webhooks.tenantId, tenantIds), eq(webhooks.active, true)));
  const now = new Date();
  const rows = events.flatMap((event) =>
    active
      .filter((hook) => hook.tenantId === event.tenantId && hook.events.some((p) => matchesEventPattern(p, event.type)))
      .map((hook) => ({ tenantId: event.tenantId, webhookId: hook.id, eventId: event.id, eventType: event.type, nextAttemptAt: now })),
  );
  if (rows.length === 0) return 0;
  const created = await exec
    .insert(webhookDeliveries)
    .values(rows)
    .onConflictDoNothing({ target: [webhookDeliveries.tenantId, webhookDeliveries.webhookId, webhookDeliveries.eventId] })
    .returning({ tenantId: webhookDeliveries.tenantId, id: webhookDeliveries.id });
  await enqueueMany(
    exec,
    created.map((d) => ({
      type: deliverWebhookJob.type,
      tenantId: d.tenantId,
      payload: { tenantId: d.tenantId, deliveryId: d.id },
      maxAttempts: WEBHOOK_MAX_ATTEMPTS,
      uniqueKey: `webhooks.deliver:${d.id}`,
    })),
  );
  return created.length;
}
