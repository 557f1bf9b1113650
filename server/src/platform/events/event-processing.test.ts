import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RequestContext } from '../access/context.js';
import { jobSchedules } from '../jobs/jobs.schema.js';
import { openTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { startEventProcessing } from './event-processing.js';
import { publishEvent } from './publish.js';
import { subscribe } from './subscribers.js';
import { createTestTenant } from './testing.js';

let testDb: TestDatabase;
let ctx: RequestContext;
const seen: string[] = [];

subscribe('test.seen', 'deals.*', async (event) => {
  seen.push(event.type);
});

beforeAll(async () => {
  testDb = await openTestDatabase();
  ctx = await createTestTenant(testDb.db);
});
afterAll(() => testDb.close());

it('startEventProcessing runs the dispatcher and the jobs in one background loop until stopped', async () => {
  const worker = await startEventProcessing(testDb.db, { pollMs: 20, logger: { warn: () => {}, error: () => {} } });
  try {
    await publishEvent(ctx, { type: 'deals.won', object: 'deals', payload: {} });
    await expect.poll(() => seen, { timeout: 5000, interval: 20 }).toEqual(['deals.won']);
  } finally {
    await worker.stop();
  }
  const schedules = await testDb.db.select({ name: jobSchedules.name }).from(jobSchedules);
  expect(schedules.map((s) => s.name).sort()).toEqual(['events.cleanup', 'jobs.cleanup', 'webhooks.cleanup']);

  // Stopped: nothing more is dispatched.
  await publishEvent(ctx, { type: 'deals.lost', object: 'deals', payload: {} });
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(seen).toEqual(['deals.won']);
});
