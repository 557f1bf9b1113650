import { and, inArray, lt, sql } from 'drizzle-orm';
import type { AppDb, Executor } from '../db/client.js';
import { jobs } from './jobs.schema.js';
import { defineJob } from './registry.js';
import { schedule } from './schedules.js';

const BATCH = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes succeeded jobs finished before `before`, in batches so no lock is held long. Returns the count. */
export async function deleteSucceededJobs(db: AppDb, before: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const batch = db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(sql`${jobs.status} = 'succeeded'`, lt(jobs.finishedAt, before)))
      .limit(BATCH);
    const deleted = await db.delete(jobs).where(inArray(jobs.id, batch)).returning({ id: jobs.id });
    total += deleted.length;
    if (deleted.length < BATCH) return total;
  }
}

export const cleanupJobsJob = defineJob<{ retentionDays: number }>('jobs.cleanup', async (payload, { db }) => {
  await deleteSucceededJobs(db, new Date(Date.now() - payload.retentionDays * DAY_MS));
});

/** Daily, at night: succeeded jobs are kept a week (failed and dead ones stay for inspection). */
export const scheduleJobsCleanup = (exec: Executor) =>
  schedule(exec, { name: 'jobs.cleanup', cron: '17 3 * * *', type: cleanupJobsJob.type, payload: { retentionDays: 7 } });
