import { and, asc, inArray, isNull, sql } from 'drizzle-orm';
import type { AppDb } from '../db/client.js';
import { enqueueWebhookDeliveries } from '../webhooks/fan-out.js';
import { enqueueDeliveries } from './deliver-event.job.js';
import { outboxEvents } from './events.schema.js';

/**
 * Moves a batch of committed events from the outbox to the job queue: one `events.deliver` job
 * per matching subscriber and tenant, carrying that tenant's events of the batch in order, and
 * one delivery per event and matching webhook, then marks the events dispatched, all in one
 * transaction. Several dispatchers may run: each locks its own batch (SKIP LOCKED), and unique
 * keys make a repeated hand-off harmless. Returns the events handled.
 * Events are taken oldest first, but jobs run in parallel and retry: delivery is at least once
 * and only roughly in order, so subscribers and receivers must be idempotent.
 */
export async function dispatchEvents(db: AppDb, batchSize = 100): Promise<number> {
  return db.transaction(async (tx) => {
    const events = await tx
      .select()
      .from(outboxEvents)
      .where(isNull(outboxEvents.dispatchedAt))
      .orderBy(asc(outboxEvents.id))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (events.length === 0) return 0;
    await enqueueDeliveries(tx, events);
    await enqueueWebhookDeliveries(tx, events);
    await tx
      .update(outboxEvents)
      .set({ dispatchedAt: sql`now()` })
      .where(
        and(
          inArray(outboxEvents.tenantId, [...new Set(events.map((e) => e.tenantId))]),
          inArray(outboxEvents.id, events.map((e) => e.id)),
        ),
      );
    return events.length;
  });
}
