import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { enqueue } from './enqueue.js';
import { JobWorker } from './job-worker.js';
import { jobs, type Job } from './jobs.schema.js';
import { defineJob } from './registry.js';

let testDb: TestDatabase;
const runs: Array<{ type: string; payload: unknown; attempt: number; retryAt: Date | null }> = [];
let failuresLeft = 0;

const recordJob = defineJob<{ n: number }>('test.record', async (payload, { job, retryAt }) => {
  runs.push({ type: job.type, payload, attempt: job.attempts, retryAt });
});
const flakyJob = defineJob<Record<string, never>>('test.flaky', async () => {
  if (failuresLeft-- > 0) throw new Error('receiver unavailable');
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const slowJob = defineJob<{ ms: number }>('test.slow', async ({ ms }) => {
  await sleep(ms);
});
/** The first attempt hangs past its lease and then fails; later attempts succeed at once. */
const hangingJob = defineJob<Record<string, never>>('test.hanging', async (_payload, { job }) => {
  if (job.attempts > 1) return;
  await sleep(300);
  throw new Error('gave up after hanging');
});

const quiet = { warn: () => {}, error: () => {} };
const jobById = async (id: string): Promise<Job> => (await testDb.db.select().from(jobs).where(eq(jobs.id, id)))[0];
/** Makes a waiting job due now, as if its time had come. */
const makeDue = (id: string) => testDb.db.update(jobs).set({ runAt: sql`now()` }).where(eq(jobs.id, id));

beforeAll(async () => {
  testDb = await openTestDatabase();
});
afterAll(() => testDb.close());
beforeEach(async () => {
  runs.length = 0;
  await testDb.db.delete(jobs);
});

describe('JobWorker', () => {
  it('runs a queued job once and marks it succeeded', async () => {
    const id = (await enqueue(testDb.db, { type: recordJob.type, payload: { n: 1 } }))!;
    const worker = new JobWorker(testDb.db, { logger: quiet });
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);
    expect(runs).toEqual([{ type: 'test.record', payload: { n: 1 }, attempt: 1, retryAt: expect.any(Date) }]);
    const job = await jobById(id);
    expect(job).toMatchObject({ status: 'succeeded', attempts: 1, lockedBy: null, lockedUntil: null });
    expect(job.finishedAt).toBeInstanceOf(Date);
  });

  it('commits jobs with the enqueuing transaction and drops them when it rolls back', async () => {
    await testDb.db
      .transaction(async (tx) => {
        await enqueue(tx, { type: recordJob.type, payload: { n: 1 } });
        throw new Error('business rule failed');
      })
      .catch(() => {});
    expect(await testDb.db.select().from(jobs)).toHaveLength(0);
  });

  it('retries a failing job with exponential backoff, then succeeds', async () => {
    failuresLeft = 2;
    const id = (await enqueue(testDb.db, { type: flakyJob.type, payload: {} }))!;
    const worker = new JobWorker(testDb.db, { logger: quiet });

    const before = Date.now();
    await worker.runOnce();
    let job = await jobById(id);
    expect(job).toMatchObject({ status: 'failed', attempts: 1, lockedBy: null });
    expect(job.lastError).toContain('receiver unavailable');
    // 2^1 s, ±20 %: not claimable yet.
    expect(job.runAt.getTime() - before).toBeGreaterThanOrEqual(1600 - 50);
    expect(job.runAt.getTime() - Date.now()).toBeLessThanOrEqual(2400);
    expect(await worker.runOnce()).toBe(0);

    await makeDue(id);
    const beforeSecond = Date.now();
    await worker.runOnce();
    job = await jobById(id);
    expect(job).toMatchObject({ status: 'failed', attempts: 2 });
    expect(job.runAt.getTime() - beforeSecond).toBeGreaterThanOrEqual(3200 - 50);

    await makeDue(id);
    await worker.runOnce();
    expect(await jobById(id)).toMatchObject({ status: 'succeeded', attempts: 3 });
  });

  it('gives up after max attempts: the job is dead and keeps its last error', async () => {
    failuresLeft = 100;
    const id = (await enqueue(testDb.db, { type: flakyJob.type, payload: {}, maxAttempts: 3 }))!;
    const worker = new JobWorker(testDb.db, { logger: quiet, retryDelayMs: () => 0 });
    for (let i = 0; i < 5; i++) await worker.runOnce();
    const job = await jobById(id);
    expect(job).toMatchObject({ status: 'dead', attempts: 3 });
    expect(job.lastError).toContain('receiver unavailable');
    expect(job.finishedAt).toBeInstanceOf(Date);
  });

  it('tells the handler when a failed attempt would be retried, and null on the last attempt', async () => {
    await enqueue(testDb.db, { type: recordJob.type, payload: { n: 1 }, maxAttempts: 1 });
    await new JobWorker(testDb.db, { logger: quiet }).runOnce();
    expect(runs[0].retryAt).toBeNull();
  });

  it('does not claim a job before its run time', async () => {
    const worker = new JobWorker(testDb.db, { logger: quiet });
    const later = (await enqueue(testDb.db, { type: recordJob.type, payload: { n: 1 }, delayMs: 60_000 }))!;
    await enqueue(testDb.db, { type: recordJob.type, payload: { n: 2 }, runAt: new Date(Date.now() + 3_600_000) });
    expect(await worker.runOnce()).toBe(0);
    await makeDue(later);
    expect(await worker.runOnce()).toBe(1);
    expect(runs.map((r) => r.payload)).toEqual([{ n: 1 }]);
  });

  it('runs higher priority jobs first', async () => {
    await enqueue(testDb.db, { type: recordJob.type, payload: { n: 1 } });
    await enqueue(testDb.db, { type: recordJob.type, payload: { n: 2 }, priority: 10 });
    const worker = new JobWorker(testDb.db, { logger: quiet, concurrency: 1 });
    await worker.runOnce();
    await worker.runOnce();
    expect(runs.map((r) => r.payload)).toEqual([{ n: 2 }, { n: 1 }]);
  });

  it('ignores a second job with the same unique key', async () => {
    const first = await enqueue(testDb.db, { type: recordJob.type, payload: { n: 1 }, uniqueKey: 'welcome:42' });
    const second = await enqueue(testDb.db, { type: recordJob.type, payload: { n: 2 }, uniqueKey: 'welcome:42' });
    await enqueue(testDb.db, { type: recordJob.type, payload: { n: 3 }, uniqueKey: 'welcome:43' });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    await new JobWorker(testDb.db, { logger: quiet }).runOnce();
    expect(runs.map((r) => r.payload)).toEqual(expect.arrayContaining([{ n: 1 }, { n: 3 }]));
    expect(runs).toHaveLength(2);
  });

  it('takes back a job whose worker died (lease expired) and runs it again', async () => {
    const id = (await enqueue(testDb.db, { type: recordJob.type, payload: { n: 1 } }))!;
    // A worker claimed it, then crashed: the lease ran out a second ago.
    await testDb.db
      .update(jobs)
      .set({ status: 'running', attempts: 1, lockedBy: 'crashed-worker', lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(jobs.id, id));
    await new JobWorker(testDb.db, { id: 'rescuer', logger: quiet }).runOnce();
    const job = await jobById(id);
    expect(job).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(job.lastError).toContain('crashed-worker');
    expect(runs).toHaveLength(1);
  });

  it('leaves a running job alone while its lease holds', async () => {
    const id = (await enqueue(testDb.db, { type: recordJob.type, payload: { n: 1 } }))!;
    await testDb.db
      .update(jobs)
      .set({ status: 'running', attempts: 1, lockedBy: 'busy-worker', lockedUntil: sql`now() + interval '1 minute'` })
      .where(eq(jobs.id, id));
    expect(await new JobWorker(testDb.db, { logger: quiet }).runOnce()).toBe(0);
    expect(await jobById(id)).toMatchObject({ status: 'running', lockedBy: 'busy-worker' });
  });

  it('marks a job dead when its lease expires on the last attempt', async () => {
    const id = (await enqueue(testDb.db, { type: recordJob.type, payload: { n: 1 }, maxAttempts: 2 }))!;
    await testDb.db
      .update(jobs)
      .set({ status: 'running', attempts: 2, lockedBy: 'crashed-worker', lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(jobs.id, id));
    await new JobWorker(testDb.db, { logger: quiet }).runOnce();
    expect(await jobById(id)).toMatchObject({ status: 'dead', attempts: 2 });
    expect(runs).toHaveLength(0);
  });

  it('does not let a worker that lost its lease overwrite the new outcome', async () => {
    const id = (await enqueue(testDb.db, { type: hangingJob.type, payload: {} }))!;
    const hung = new JobWorker(testDb.db, { id: 'hung', logger: quiet, leaseMs: 50 }).runOnce();
    await sleep(150);
    // The lease has expired: another worker takes the job back and completes it first.
    expect(await new JobWorker(testDb.db, { id: 'rescuer', logger: quiet }).runOnce()).toBe(1);
    expect(await jobById(id)).toMatchObject({ status: 'succeeded', attempts: 2 });
    // The hung attempt then fails; its outcome no longer counts.
    await hung;
    expect(await jobById(id)).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('stop() waits for the jobs already running', async () => {
    const id = (await enqueue(testDb.db, { type: slowJob.type, payload: { ms: 200 } }))!;
    const worker = new JobWorker(testDb.db, { logger: quiet, pollMs: 20 });
    worker.start();
    await expect.poll(async () => (await jobById(id)).status, { timeout: 5000, interval: 10 }).toBe('running');
    await worker.stop();
    expect(await jobById(id)).toMatchObject({ status: 'succeeded' });
  });

  it('leaves jobs of unknown types for a worker that knows them', async () => {
    const id = (await enqueue(testDb.db, { type: 'test.from-a-newer-version', payload: {} }))!;
    expect(await new JobWorker(testDb.db, { logger: quiet }).runOnce()).toBe(0);
    expect(await jobById(id)).toMatchObject({ status: 'queued', attempts: 0 });
  });
});
