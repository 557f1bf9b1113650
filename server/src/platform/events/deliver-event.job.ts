import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { enqueueMany, type NewJob } from '../jobs/enqueue.js';
import { defineJob } from '../jobs/registry.js';
import { timeStage } from '../perf/stage-times.js';
import { outboxEvents, type EventHandle } from './events.schema.js';
import { findSubscriber, subscribersFor } from './subscribers.js';

export interface DeliverEventPayload {
  subscriber: string;
  tenantId: string;
  /** One tenant's events, in outbox order. */
  eventIds: string[];
}

/** Jobs queued before deliveries were batched carry one `eventId`. */
type QueuedPayload = DeliverEventPayload | { subscriber: string; tenantId: string; eventId: string };

const JOB_TYPE = 'events.deliver';

/**
 * The job that hands `eventIds` to one subscriber. `uniqueKey` keeps a repeated hand-off of
 * the same delivery from queueing it twice.
 */
function deliveryJob(subscriber: string, tenantId: string, eventIds: string[], uniqueKey: string): NewJob {
  return { type: JOB_TYPE, tenantId, payload: { subscriber, tenantId, eventIds } satisfies DeliverEventPayload, uniqueKey };
}

/**
 * Queues one delivery per (subscriber, tenant) of a dispatched batch; `events` must be in outbox
 * order. A group is keyed by its first event, which no other group of that subscriber starts with.
 */
export async function enqueueDeliveries(exec: Executor, events: readonly EventHandle[]): Promise<void> {
  const groups = new Map<string, { subscriber: string; tenantId: string; eventIds: string[] }>();
  for (const event of events) {
    for (const { name } of subscribersFor(event.type)) {
      const key = `${name}\n${event.tenantId}`;
      const group = groups.get(key) ?? { subscriber: name, tenantId: event.tenantId, eventIds: [] };
      group.eventIds.push(event.id);
      groups.set(key, group);
    }
  }
  await enqueueMany(
    exec,
    [...groups.values()].map((g) => deliveryJob(g.subscriber, g.tenantId, g.eventIds, `${JOB_TYPE}:${g.subscriber}:${g.eventIds[0]}`)),
  );
}

/**
 * Hands a batch of one tenant's events to one in-process subscriber. A single event is retried
 * by the job queue when the handler throws; a batch that throws is split instead, each event
 * queued as its own delivery, so one event that keeps failing holds none of the others back.
 */
export const deliverEventJob = defineJob<QueuedPayload>(JOB_TYPE, async (payload, { db }) => {
  // A subscriber removed since the event was dispatched has nothing left to do.
  const subscriber = findSubscriber(payload.subscriber);
  if (!subscriber) return;
  const eventIds = 'eventIds' in payload ? payload.eventIds : [payload.eventId];
  const events = await db
    .select()
    .from(outboxEvents)
    .where(and(eq(outboxEvents.tenantId, payload.tenantId), inArray(outboxEvents.id, eventIds)))
    .orderBy(asc(outboxEvents.id));
  if (events.length === 0) return;
  try {
    await timeStage(`subscriber.${subscriber.name}`, () => subscriber.handleBatch(events, { db }));
  } catch (err) {
    if (events.length === 1) throw err;
    // The single deliveries record the error when it happens again.
    await enqueueMany(
      db,
      events.map((e) => deliveryJob(subscriber.name, payload.tenantId, [e.id], `${JOB_TYPE}:${subscriber.name}:${e.id}:alone`)),
    );
  }
});
