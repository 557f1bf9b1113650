import { inArray, lt } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { defineJob } from '../jobs/registry.js';
import { schedule } from '../jobs/schedules.js';
import { webhookDeliveries } from './webhooks.schema.js';

const BATCH = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The delivery log is for troubleshooting recent traffic; older entries are dropped. */
export const cleanupDeliveriesJob = defineJob<{ retentionDays: number }>('webhooks.cleanup', async (payload, { db }) => {
  const before = new Date(Date.now() - payload.retentionDays * DAY_MS);
  for (;;) {
    const batch = db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(lt(webhookDeliveries.createdAt, before))
      .limit(BATCH);
    const deleted = await db
      .delete(webhookDeliveries)
      .where(inArray(webhookDeliveries.id, batch))
      .returning({ id: webhookDeliveries.id });
    if (deleted.length < BATCH) return;
  }
});

export const scheduleDeliveriesCleanup = (exec: Executor) =>
  schedule(exec, { name: 'webhooks.cleanup', cron: '37 3 * * *', type: cleanupDeliveriesJob.type, payload: { retentionDays: 30 } });
