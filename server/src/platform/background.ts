import { scheduleAuthHousekeeping } from './auth/housekeeping.job.js';
import type { AppDb } from './db/client.js';
import { startEventProcessing } from './events/event-processing.js';
import type { JobWorker, WorkerLogger } from './jobs/job-worker.js';

/** Everything this process runs besides serving requests: events, webhooks, scheduled jobs. */
export async function startBackgroundWork(db: AppDb, logger?: WorkerLogger): Promise<JobWorker> {
  await scheduleAuthHousekeeping(db);
  return startEventProcessing(db, { logger });
}
