import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '../db/client.js';
import { openTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { enqueueMany } from './enqueue.js';
import { JobWorker } from './job-worker.js';
import { defineJob } from './registry.js';

const JOBS = 300;
let testDb: TestDatabase;
/** On PostgreSQL the second worker has its own pool, as another process would; PGlite has one connection. */
let otherDb: Database | undefined;

const countedJob = defineJob<{ n: number }>('test.counted', async (_payload, { job, db }) => {
  await db.execute(sql`INSERT INTO test_job_runs (job_id, worker) VALUES (${job.id}, ${job.lockedBy})`);
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
});

beforeAll(async () => {
  testDb = await openTestDatabase();
  if (testDb.url) otherDb = await openDatabase({ databaseUrl: testDb.url, poolSize: 5 });
  await testDb.db.execute(sql`CREATE TABLE test_job_runs (job_id uuid NOT NULL, worker text NOT NULL)`);
});
afterAll(async () => {
  await otherDb?.close();
  await testDb.close();
});

it('two workers on one database run every job exactly once', async () => {
  await enqueueMany(testDb.db, Array.from({ length: JOBS }, (_, n) => ({ type: countedJob.type, payload: { n } })));
  const quiet = { warn: () => {}, error: () => {} };
  const workers = [
    new JobWorker(testDb.db, { id: 'worker-a', concurrency: 8, pollMs: 10, logger: quiet }),
    new JobWorker(otherDb?.db ?? testDb.db, { id: 'worker-b', concurrency: 8, pollMs: 10, logger: quiet }),
  ];
  workers.forEach((w) => w.start());
  await expect
    .poll(async () => (await queryRows<{ n: number }>(testDb.db, sql`SELECT count(*)::int AS n FROM jobs WHERE status = 'succeeded'`))[0].n, {
      timeout: 25_000,
      interval: 50,
    })
    .toBe(JOBS);
  await Promise.all(workers.map((w) => w.stop()));

  const [runs] = await queryRows<{ total: number; distinct: number }>(
    testDb.db,
    sql`SELECT count(*)::int AS total, count(DISTINCT job_id)::int AS distinct FROM test_job_runs`,
  );
  expect(runs).toEqual({ total: JOBS, distinct: JOBS });
  const perWorker = await queryRows<{ worker: string; n: number }>(
    testDb.db,
    sql`SELECT worker, count(*)::int AS n FROM test_job_runs GROUP BY worker ORDER BY worker`,
  );
  expect(perWorker.map((w) => w.worker)).toEqual(['worker-a', 'worker-b']);
  expect(perWorker.every((w) => w.n > 0)).toBe(true);
  const [attempts] = await queryRows<{ max: number }>(testDb.db, sql`SELECT max(attempts)::int AS max FROM jobs`);
  expect(attempts.max).toBe(1);
});
