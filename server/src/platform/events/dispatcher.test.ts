import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction, type RequestContext } from '../access/context.js';
import { openDatabase, queryRows, type Database } from '../db/client.js';
import { jobs } from '../jobs/jobs.schema.js';
import { openTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { dispatchEvents } from './dispatcher.js';
import { drainEvents } from './event-processing.js';
import { outboxEvents, type DomainEvent } from './events.schema.js';
import { publishEvent } from './publish.js';
import { subscribe } from './subscribers.js';
import { createTestTenant } from './testing.js';

let testDb: TestDatabase;
let otherDb: Database | undefined;
let ctx: RequestContext;
const seen: Array<{ subscriber: string; type: string; recordId: string | null }> = [];
let failNext = 0;

subscribe('test.accounts', 'accounts.*', async (event: DomainEvent) => {
  seen.push({ subscriber: 'accounts', type: event.type, recordId: event.recordId });
});
subscribe('test.everything', '*', async (event) => {
  if (failNext-- > 0) throw new Error('not yet');
  seen.push({ subscriber: 'everything', type: event.type, recordId: event.recordId });
});

const quiet = { warn: () => {}, error: () => {} };

beforeAll(async () => {
  testDb = await openTestDatabase();
  if (testDb.url) otherDb = await openDatabase({ databaseUrl: testDb.url, poolSize: 5 });
  ctx = await createTestTenant(testDb.db);
});
afterAll(async () => {
  await otherDb?.close();
  await testDb.close();
});
beforeEach(async () => {
  seen.length = 0;
  failNext = 0;
  await testDb.db.delete(outboxEvents);
  await testDb.db.delete(jobs);
});

const recordId = '0190a6f0-0000-7000-8000-000000000001';

describe('domain events', () => {
  it('reach each matching subscriber once, after the change committed', async () => {
    await inTransaction(ctx, async (txCtx) => {
      await publishEvent(txCtx, { type: 'accounts.created', object: 'accounts', recordId, payload: { name: 'ACME' } });
      await publishEvent(txCtx, { type: 'contacts.created', object: 'contacts', recordId, payload: {} });
    });
    await drainEvents(testDb.db, { logger: quiet });
    expect(seen).toHaveLength(3);
    expect(seen).toEqual(
      expect.arrayContaining([
        { subscriber: 'accounts', type: 'accounts.created', recordId },
        { subscriber: 'everything', type: 'accounts.created', recordId },
        { subscriber: 'everything', type: 'contacts.created', recordId },
      ]),
    );
    const [event] = await testDb.db.select().from(outboxEvents).where(eq(outboxEvents.type, 'accounts.created'));
    expect(event).toMatchObject({ tenantId: ctx.tenantId, object: 'accounts', payload: { name: 'ACME' }, actorId: null });
    expect(event.dispatchedAt).toBeInstanceOf(Date);
    // Nothing is delivered twice on a later drain.
    await drainEvents(testDb.db, { logger: quiet });
    expect(seen).toHaveLength(3);
  });

  it('are never published when the change rolls back', async () => {
    await inTransaction(ctx, async (txCtx) => {
      await publishEvent(txCtx, { type: 'accounts.created', object: 'accounts', recordId, payload: {} });
      throw new Error('validation failed');
    }).catch(() => {});
    await drainEvents(testDb.db, { logger: quiet });
    expect(seen).toEqual([]);
    expect(await testDb.db.select().from(outboxEvents)).toHaveLength(0);
  });

  it('are retried through the job queue when a subscriber fails', async () => {
    failNext = 2;
    await publishEvent(ctx, { type: 'deals.won', object: 'deals', recordId, payload: {} });
    await drainEvents(testDb.db, { logger: quiet });
    expect(seen).toEqual([{ subscriber: 'everything', type: 'deals.won', recordId }]);
    const [job] = await testDb.db.select().from(jobs).where(eq(jobs.type, 'events.deliver'));
    expect(job).toMatchObject({ status: 'succeeded', attempts: 3 });
  });

  it('are dispatched once even by two dispatchers at the same time', async () => {
    for (let i = 0; i < 60; i++) {
      await publishEvent(ctx, { type: 'accounts.updated', object: 'accounts', recordId, payload: { i } });
    }
    const other = otherDb?.db ?? testDb.db;
    let dispatched = 0;
    for (;;) {
      const [a, b] = await Promise.all([dispatchEvents(testDb.db, 7), dispatchEvents(other, 7)]);
      dispatched += a + b;
      if (a + b === 0) break;
    }
    expect(dispatched).toBe(60);
    const [counts] = await queryRows<{ jobs: number; keys: number }>(
      testDb.db,
      sql`SELECT count(*)::int AS jobs, count(DISTINCT unique_key)::int AS keys FROM jobs`,
    );
    // Two subscribers match each event.
    expect(counts).toEqual({ jobs: 120, keys: 120 });
  });
});
