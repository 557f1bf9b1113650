import type { AppDb } from '../db/client.js';
import { scheduleJobsCleanup } from '../jobs/cleanup.job.js';
import { JobWorker, type JobWorkerOptions } from '../jobs/job-worker.js';
import { scheduleDeliveriesCleanup } from '../webhooks/cleanup.job.js';
import { scheduleOutboxCleanup } from './cleanup.job.js';
import { OutboxDispatcher } from './dispatcher.js';

export interface EventProcessingOptions extends Omit<JobWorkerOptions, 'pollTasks'> {
  /** Events moved from the outbox per transaction; default 100. */
  dispatchBatch?: number;
}

/**
 * Starts the background work of this process: one loop that dispatches outbox events, enqueues
 * due recurring jobs and runs queued jobs. Safe to start in several processes on one database.
 * Stop it with `await worker.stop()`, which lets running jobs finish.
 */
export async function startEventProcessing(db: AppDb, opts: EventProcessingOptions = {}): Promise<JobWorker> {
  await scheduleJobsCleanup(db);
  await scheduleOutboxCleanup(db);
  await scheduleDeliveriesCleanup(db);
  const dispatcher = new OutboxDispatcher(db, opts.dispatchBatch);
  const worker = new JobWorker(db, { ...opts, pollTasks: [() => dispatcher.dispatch()] });
  worker.start();
  return worker;
}

/**
 * For tests and scripts: dispatches events and runs jobs until nothing is left to do. Retries
 * are due at once unless `retryDelayMs` says otherwise, so a flaky handler is retried here too.
 */
export async function drainEvents(db: AppDb, opts: Omit<JobWorkerOptions, 'pollTasks'> = {}, maxRounds = 1000): Promise<void> {
  const worker = new JobWorker(db, { retryDelayMs: () => 0, ...opts });
  const dispatcher = new OutboxDispatcher(db);
  for (let round = 0; round < maxRounds; round++) {
    const dispatched = await dispatcher.dispatch();
    const ran = await worker.runOnce();
    if (dispatched === 0 && ran === 0) return;
  }
  throw new Error(`Events and jobs were still coming after ${maxRounds} rounds`);
}
