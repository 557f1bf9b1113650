import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.js';
import { openTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { cleanupJobsJob, scheduleJobsCleanup } from './cleanup.job.js';
import { enqueue } from './enqueue.js';
import { JobWorker } from './job-worker.js';
import { jobs, jobSchedules } from './jobs.schema.js';
import { defineJob } from './registry.js';
import { nextSlot, schedule } from './schedules.js';

let testDb: TestDatabase;
/** A second connection pool on PostgreSQL, as another process would have; the same database on PGlite. */
let otherDb: Database | undefined;
const reports: string[] = [];

const reportJob = defineJob<{ report: string }>('test.report', async ({ report }) => {
  reports.push(report);
});

const quiet = { warn: () => {}, error: () => {} };
const scheduleRow = async (name: string) =>
  (await testDb.db.select().from(jobSchedules).where(eq(jobSchedules.name, name)))[0];

beforeAll(async () => {
  testDb = await openTestDatabase();
  if (testDb.url) otherDb = await openDatabase({ databaseUrl: testDb.url, poolSize: 5 });
});
afterAll(async () => {
  await otherDb?.close();
  await testDb.close();
});
beforeEach(async () => {
  reports.length = 0;
  await testDb.db.delete(jobs);
  await testDb.db.delete(jobSchedules);
});

describe('nextSlot', () => {
  it('reads the expression in the schedule time zone', () => {
    const after = new Date('2025-03-10T02:00:00Z');
    expect(nextSlot('0 9 * * *', 'Asia/Shanghai', after).toISOString()).toBe('2025-03-11T01:00:00.000Z');
    expect(nextSlot('0 9 * * *', 'UTC', after).toISOString()).toBe('2025-03-10T09:00:00.000Z');
    expect(nextSlot('*/15 * * * *', 'UTC', after).toISOString()).toBe('2025-03-10T02:15:00.000Z');
  });

  it('rejects an invalid expression', () => {
    expect(() => nextSlot('61 * * * *', 'UTC', new Date())).toThrow();
  });
});

describe('schedule', () => {
  it('creates the schedule with its next slot, and keeps that slot when called again unchanged', async () => {
    await schedule(testDb.db, { name: 'daily-report', cron: '0 9 * * *', type: reportJob.type, payload: { report: 'a' } });
    const created = await scheduleRow('daily-report');
    expect(created).toMatchObject({ cron: '0 9 * * *', timezone: 'UTC', enabled: true, payload: { report: 'a' } });
    expect(created.nextRunAt.getUTCHours()).toBe(9);
    expect(created.nextRunAt.getTime()).toBeGreaterThan(Date.now());

    await testDb.db.update(jobSchedules).set({ nextRunAt: new Date('2030-01-01T09:00:00Z') });
    await schedule(testDb.db, { name: 'daily-report', cron: '0 9 * * *', type: reportJob.type, payload: { report: 'b' } });
    expect(await scheduleRow('daily-report')).toMatchObject({
      nextRunAt: new Date('2030-01-01T09:00:00Z'),
      payload: { report: 'b' },
    });

    await schedule(testDb.db, { name: 'daily-report', cron: '30 6 * * *', type: reportJob.type, timezone: 'Asia/Shanghai' });
    const changed = await scheduleRow('daily-report');
    expect(changed.nextRunAt.getTime()).toBeLessThan(new Date('2030-01-01T00:00:00Z').getTime());
    expect(changed.nextRunAt.getUTCHours()).toBe(22);
    expect(changed.nextRunAt.getUTCMinutes()).toBe(30);
  });

  it('enqueues each due slot exactly once with two workers polling at the same time', async () => {
    await schedule(testDb.db, { name: 'hourly-report', cron: '0 * * * *', type: reportJob.type, payload: { report: 'r' } });
    const a = new JobWorker(testDb.db, { id: 'a', logger: quiet });
    const b = new JobWorker(otherDb?.db ?? testDb.db, { id: 'b', logger: quiet });
    const slots = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2024, 0, 1, i)));
    for (const slot of slots) {
      await testDb.db.update(jobSchedules).set({ nextRunAt: slot }).where(eq(jobSchedules.name, 'hourly-report'));
      await Promise.all([a.runOnce(), b.runOnce()]);
    }
    const enqueued = await testDb.db.select({ uniqueKey: jobs.uniqueKey, status: jobs.status }).from(jobs);
    expect(enqueued.map((j) => j.uniqueKey).sort()).toEqual(slots.map((s) => `hourly-report@${s.toISOString()}`));
    expect(enqueued.every((j) => j.status === 'succeeded')).toBe(true);
    expect(reports).toHaveLength(slots.length);

    const row = await scheduleRow('hourly-report');
    expect(row.lastRunAt).toEqual(slots[slots.length - 1]);
    // Missed slots are not replayed: the schedule moved on to the next future hour.
    expect(row.nextRunAt.getTime()).toBeGreaterThan(Date.now());
    expect(row.nextRunAt.getTime()).toBeLessThanOrEqual(Date.now() + 3_600_000);
  });

  it('never enqueues a slot twice, even if the schedule is set back to it', async () => {
    await schedule(testDb.db, { name: 'report', cron: '0 * * * *', type: reportJob.type, payload: { report: 'r' } });
    const worker = new JobWorker(testDb.db, { logger: quiet });
    for (let i = 0; i < 2; i++) {
      await testDb.db.update(jobSchedules).set({ nextRunAt: new Date('2024-01-01T00:00:00Z') });
      await worker.runOnce();
    }
    expect(reports).toEqual(['r']);
  });

  it('skips disabled schedules', async () => {
    await schedule(testDb.db, { name: 'off', cron: '0 * * * *', type: reportJob.type, enabled: false });
    await testDb.db.update(jobSchedules).set({ nextRunAt: new Date('2024-01-01T00:00:00Z') });
    await new JobWorker(testDb.db, { logger: quiet }).runOnce();
    expect(await testDb.db.select().from(jobs)).toHaveLength(0);
  });
});

describe('jobs cleanup', () => {
  it('is scheduled daily and deletes only succeeded jobs older than the retention', async () => {
    await scheduleJobsCleanup(testDb.db);
    expect(await scheduleRow('jobs.cleanup')).toMatchObject({ type: cleanupJobsJob.type, enabled: true });

    const old = sql`now() - interval '8 days'`;
    const recent = sql`now() - interval '1 day'`;
    await testDb.db.insert(jobs).values([
      { type: 'x', payload: {}, status: 'succeeded', finishedAt: old, uniqueKey: 'old-succeeded' },
      { type: 'x', payload: {}, status: 'succeeded', finishedAt: recent, uniqueKey: 'recent-succeeded' },
      { type: 'x', payload: {}, status: 'dead', finishedAt: old, uniqueKey: 'old-dead' },
    ]);
    await enqueue(testDb.db, { type: cleanupJobsJob.type, payload: { retentionDays: 7 }, uniqueKey: 'cleanup' });
    await new JobWorker(testDb.db, { logger: quiet }).runOnce();
    const left = await testDb.db.select({ uniqueKey: jobs.uniqueKey }).from(jobs);
    expect(left.map((j) => j.uniqueKey).sort()).toEqual(['cleanup', 'old-dead', 'recent-succeeded']);
  });
});
