import { inArray, lt } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { defineJob } from '../jobs/registry.js';
import { schedule } from '../jobs/schedules.js';
import { outboxEvents } from './events.schema.js';

const BATCH = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Dispatched events are only needed while their deliveries run; the audit log is the lasting record. */
export const cleanupOutboxJob = defineJob<{ retentionDays: number }>('events.cleanup', async (payload, { db }) => {
  const before = new Date(Date.now() - payload.retentionDays * DAY_MS);
  for (;;) {
    const batch = db
      .select({ id: outboxEvents.id })
      .from(outboxEvents)
      .where(lt(outboxEvents.dispatchedAt, before))
      .limit(BATCH);
    const deleted = await db
      .delete(outboxEvents)
      .where(inArray(outboxEvents.id, batch))
      .returning({ id: outboxEvents.id });
    if (deleted.length < BATCH) return;
  }
});

export const scheduleOutboxCleanup = (exec: Executor) =>
  schedule(exec, { name: 'events.cleanup', cron: '27 3 * * *', type: cleanupOutboxJob.type, payload: { retentionDays: 30 } });
