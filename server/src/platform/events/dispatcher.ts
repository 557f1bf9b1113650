import { and, asc, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { AppDb } from '../db/client.js';
import { timeStage } from '../perf/stage-times.js';
import { enqueueWebhookDeliveries } from '../webhooks/fan-out.js';
import { enqueueDeliveries } from './deliver-event.job.js';
import { outboxEvents } from './events.schema.js';

/**
 * Moves a batch of committed events from the outbox to the job queue: one `events.deliver` job
 * per matching subscriber and tenant, carrying that tenant's events of the batch in order, and
 * one delivery per event and matching webhook, then marks the events dispatched, all in one
 * transaction. Several dispatchers may run: each locks its own batch (SKIP LOCKED), and unique
 * keys make a repeated hand-off harmless. Takes the oldest events, or with `after` the oldest
 * after that id. Returns the ids handled, in order.
 * Jobs run in parallel and retry: delivery is at least once and only roughly in order, so
 * subscribers and receivers must be idempotent.
 */
export async function dispatchEvents(db: AppDb, batchSize = 100, after?: string): Promise<string[]> {
  return db.transaction(async (tx) => {
    // What the hand-off needs, not the payloads (a created record's is a kilobyte or more).
    const events = await tx
      .select({ tenantId: outboxEvents.tenantId, id: outboxEvents.id, type: outboxEvents.type })
      .from(outboxEvents)
      .where(after ? and(isNull(outboxEvents.dispatchedAt), gt(outboxEvents.id, after)) : isNull(outboxEvents.dispatchedAt))
      .orderBy(asc(outboxEvents.id))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (events.length === 0) return [];
    await enqueueDeliveries(tx, events);
    await enqueueWebhookDeliveries(tx, events);
    const ids = events.map((e) => e.id);
    await tx
      .update(outboxEvents)
      .set({ dispatchedAt: sql`now()` })
      .where(and(inArray(outboxEvents.tenantId, [...new Set(events.map((e) => e.tenantId))]), inArray(outboxEvents.id, ids)));
    return ids;
  });
}

/** How often a dispatcher that follows its cursor still looks at the whole outbox. */
const SWEEP_EVERY_MS = 10_000;

/**
 * Dispatches the outbox batch by batch from a cursor: the highest id it has handed on.
 *
 * Why a cursor: a dispatched event leaves an entry in the index of undispatched events until
 * vacuum removes it, and while any transaction older than the dispatch is open (a long job, an
 * import) no scan may skip it. Taking "the oldest undispatched" from the start of the index then
 * reads every event dispatched since, once per batch: after a bulk import, minutes of polls.
 *
 * Ids are time-ordered but taken before commit, so an event can commit below the cursor (a long
 * transaction's). A sweep from the start finds those: whenever nothing lies beyond the cursor,
 * at least every `sweepEveryMs` while events keep coming, and again at once while a sweep keeps
 * finding a full batch below the cursor. A quiet outbox is swept, one statement per poll.
 */
export class OutboxDispatcher {
  private cursor: string | undefined;
  private sweptAt = 0;
  private sweepNext = false;

  constructor(
    private readonly db: AppDb,
    private readonly batchSize = 100,
    private readonly sweepEveryMs = SWEEP_EVERY_MS,
  ) {}

  /** Dispatches one batch; returns how many events it handled. */
  dispatch(): Promise<number> {
    return timeStage('events.dispatch', () => this.dispatchBatch());
  }

  private async dispatchBatch(): Promise<number> {
    if (this.cursor && !this.sweepNext && Date.now() - this.sweptAt < this.sweepEveryMs) {
      const ids = await dispatchEvents(this.db, this.batchSize, this.cursor);
      if (ids.length > 0) {
        this.cursor = ids[ids.length - 1];
        return ids.length;
      }
    }
    const ids = await dispatchEvents(this.db, this.batchSize);
    this.sweptAt = Date.now();
    const last = ids[ids.length - 1];
    // Sweep again next time while sweeps find full batches below the cursor (more may wait
    // there), or after finding nothing (a quiet outbox: one statement per poll). uuid text
    // compares as PostgreSQL orders uuids.
    this.sweepNext = ids.length === 0 || (ids.length === this.batchSize && !!this.cursor && last < this.cursor);
    if (last && (!this.cursor || last > this.cursor)) this.cursor = last;
    return ids.length;
  }
}
