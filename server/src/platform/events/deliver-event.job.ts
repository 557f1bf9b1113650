import { and, eq } from 'drizzle-orm';
import { defineJob } from '../jobs/registry.js';
import { timeStage } from '../perf/stage-times.js';
import { outboxEvents } from './events.schema.js';
import { findSubscriber } from './subscribers.js';

export interface DeliverEventPayload {
  subscriber: string;
  tenantId: string;
  eventId: string;
}

/** Hands one event to one in-process subscriber; the job queue retries it when the handler throws. */
export const deliverEventJob = defineJob<DeliverEventPayload>('events.deliver', async (payload, { db }) => {
  // A subscriber removed since the event was dispatched has nothing left to do.
  const subscriber = findSubscriber(payload.subscriber);
  if (!subscriber) return;
  const [event] = await db
    .select()
    .from(outboxEvents)
    .where(and(eq(outboxEvents.tenantId, payload.tenantId), eq(outboxEvents.id, payload.eventId)));
  if (event) await timeStage(`subscriber.${subscriber.name}`, () => subscriber.handler(event, { db }));
});
