import { eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction, type RequestContext } from '../access/context.js';
import { openDatabase, queryRows, type Database } from '../db/client.js';
import { enqueue } from '../jobs/enqueue.js';
import { jobs } from '../jobs/jobs.schema.js';
import { openTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { dispatchEvents, OutboxDispatcher } from './dispatcher.js';
import { drainEvents } from './event-processing.js';
import { outboxEvents, type DomainEvent } from './events.schema.js';
import { publishEvent } from './publish.js';
import { subscribe, subscribeBatch } from './subscribers.js';
import { createTestTenant } from './testing.js';

let testDb: TestDatabase;
let otherDb: Database | undefined;
let ctx: RequestContext;
let otherCtx: RequestContext;
const seen: Array<{ subscriber: string; type: string; recordId: string | null }> = [];
let failNext = 0;

subscribe('test.accounts', 'accounts.*', async (event: DomainEvent) => {
  seen.push({ subscriber: 'accounts', type: event.type, recordId: event.recordId });
});
subscribe('test.everything', '*', async (event) => {
  if (failNext-- > 0) throw new Error('not yet');
  seen.push({ subscriber: 'everything', type: event.type, recordId: event.recordId });
});
const batches: Array<Array<{ tenantId: string; id: string }>> = [];
subscribeBatch('test.batch', 'invoices.*', async (events) => {
  batches.push(events.map((e) => ({ tenantId: e.tenantId, id: e.id })));
});
/** Orders whose payload says `poison` fail every time, for one-event and batch subscribers alike. */
const ordersSeen: Array<{ subscriber: string; n: number }> = [];
const isPoison = (event: DomainEvent) => (event.payload as { poison?: boolean }).poison === true;
subscribe('test.orders', 'orders.*', async (event) => {
  if (isPoison(event)) throw new Error('poison order');
  ordersSeen.push({ subscriber: 'orders', n: (event.payload as { n: number }).n });
});
subscribeBatch('test.orders-batch', 'orders.*', async (events) => {
  if (events.some(isPoison)) throw new Error('poison order in batch');
  for (const e of events) ordersSeen.push({ subscriber: 'orders-batch', n: (e.payload as { n: number }).n });
});

const quiet = { warn: () => {}, error: () => {} };

beforeAll(async () => {
  testDb = await openTestDatabase();
  if (testDb.url) otherDb = await openDatabase({ databaseUrl: testDb.url, poolSize: 5 });
  ctx = await createTestTenant(testDb.db);
  otherCtx = await createTestTenant(testDb.db, 'Other tenant');
});
afterAll(async () => {
  await otherDb?.close();
  await testDb.close();
});
beforeEach(async () => {
  seen.length = 0;
  batches.length = 0;
  ordersSeen.length = 0;
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
      dispatched += a.length + b.length;
      if (a.length + b.length === 0) break;
    }
    expect(dispatched).toBe(60);
    const [counts] = await queryRows<{ jobs: number; keys: number }>(
      testDb.db,
      sql`SELECT count(*)::int AS jobs, count(DISTINCT unique_key)::int AS keys FROM jobs`,
    );
    // Two subscribers match each event.
    expect(counts.jobs).toBe(counts.keys);
    // Each event went to each of the two subscribers in exactly one job.
    const [deliveries] = await queryRows<{ all: number; distinct: number }>(
      testDb.db,
      sql`SELECT count(*)::int AS all, count(DISTINCT (payload->>'subscriber', event_id))::int AS distinct
          FROM jobs, jsonb_array_elements_text(payload->'eventIds') AS e(event_id)`,
    );
    expect(deliveries).toEqual({ all: 120, distinct: 120 });
  });

  it('reach a subscriber in one job per tenant of a dispatched batch, in outbox order', async () => {
    const ids: Record<string, string[]> = { [ctx.tenantId]: [], [otherCtx.tenantId]: [] };
    for (let i = 0; i < 6; i++) {
      const c = i % 2 ? otherCtx : ctx;
      ids[c.tenantId].push(await publishEvent(c, { type: 'invoices.issued', object: 'invoices', recordId, payload: { i } }));
    }
    await drainEvents(testDb.db, { logger: quiet });
    expect(batches).toHaveLength(2);
    expect(batches).toEqual(
      expect.arrayContaining(
        Object.entries(ids).map(([tenantId, eventIds]) => eventIds.map((id) => ({ tenantId, id }))),
      ),
    );
    const deliveries = await queryRows<{ subscriber: string; n: number }>(
      testDb.db,
      sql`SELECT payload->>'subscriber' AS subscriber, count(*)::int AS n FROM jobs
          WHERE type = 'events.deliver' AND status = 'succeeded' GROUP BY 1 ORDER BY 1`,
    );
    expect(deliveries).toEqual([
      { subscriber: 'test.batch', n: 2 },
      { subscriber: 'test.everything', n: 2 },
    ]);
  });

  it('of a failing batch are delivered one by one, and only the poison one fails for good', async () => {
    for (let n = 1; n <= 4; n++) {
      await publishEvent(ctx, { type: 'orders.placed', object: 'orders', recordId, payload: { n, poison: n === 3 } });
    }
    await drainEvents(testDb.db, { logger: quiet });
    const delivered = (subscriber: string) => [...new Set(ordersSeen.filter((o) => o.subscriber === subscriber).map((o) => o.n))].sort();
    expect(delivered('orders')).toEqual([1, 2, 4]);
    expect(delivered('orders-batch')).toEqual([1, 2, 4]);
    const outcomes = await queryRows<{ subscriber: string; events: number; status: string; attempts: number; last_error: string | null }>(
      testDb.db,
      sql`SELECT payload->>'subscriber' AS subscriber, jsonb_array_length(payload->'eventIds')::int AS events,
            status, attempts, last_error FROM jobs
          WHERE payload->>'subscriber' LIKE 'test.orders%' AND status <> 'succeeded'`,
    );
    expect(outcomes).toHaveLength(2);
    for (const subscriber of ['test.orders', 'test.orders-batch']) {
      const outcome = outcomes.find((o) => o.subscriber === subscriber);
      expect(outcome).toMatchObject({ events: 1, status: 'dead', attempts: 5 });
      expect(outcome?.last_error).toContain('poison order');
    }
    // The batch jobs themselves ended well after handing their events on.
    const [batchJobs] = await queryRows<{ n: number }>(
      testDb.db,
      sql`SELECT count(*)::int AS n FROM jobs WHERE payload->>'subscriber' LIKE 'test.orders%'
          AND jsonb_array_length(payload->'eventIds') = 4 AND status = 'succeeded'`,
    );
    expect(batchJobs.n).toBe(2);
  });

  it('queued one per job before deliveries were batched are still delivered', async () => {
    const eventId = await publishEvent(ctx, { type: 'accounts.created', object: 'accounts', recordId, payload: {} });
    await testDb.db.update(outboxEvents).set({ dispatchedAt: sql`now()` });
    await enqueue(testDb.db, { type: 'events.deliver', tenantId: ctx.tenantId, payload: { subscriber: 'test.accounts', tenantId: ctx.tenantId, eventId } });
    await drainEvents(testDb.db, { logger: quiet });
    expect(seen).toEqual([{ subscriber: 'accounts', type: 'accounts.created', recordId }]);
  });
});

describe('a dispatcher following its cursor', () => {
  const publishSome = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push(await publishEvent(ctx, { type: 'notes.added', object: 'notes', recordId, payload: { i } }));
    return ids;
  };
  /** Events of a transaction that commits late: their ids were taken before newer events committed. */
  const publishLate = async (n: number) => {
    const ids = await publishSome(n);
    const hide = (dispatchedAt: unknown) => testDb.db.update(outboxEvents).set({ dispatchedAt: dispatchedAt as null }).where(inArray(outboxEvents.id, ids));
    await hide(sql`'-infinity'::timestamptz`);
    return { ids, commit: () => hide(null) };
  };
  const undispatched = async () =>
    (await testDb.db.select({ id: outboxEvents.id }).from(outboxEvents).where(isNull(outboxEvents.dispatchedAt)).orderBy(outboxEvents.id)).map((e) => e.id);

  it('takes newer events first, then those that committed below it, all of them', async () => {
    const late = await publishLate(3);
    const first = await publishSome(2);
    const dispatcher = new OutboxDispatcher(testDb.db, 2, 60_000);
    expect(await dispatcher.dispatch()).toBe(2);
    await late.commit();
    expect(late.ids[2] < first[0]).toBe(true);
    const newer = await publishSome(4);

    const step = async () => [await dispatcher.dispatch(), await undispatched()];
    expect(await step()).toEqual([2, [...late.ids, ...newer.slice(2)]]);
    expect(await step()).toEqual([2, late.ids]);
    // Nothing beyond the cursor: a sweep from the start.
    expect(await step()).toEqual([2, [late.ids[2]]]);
    // It found a full batch below the cursor, so it sweeps again before taking newer events.
    const newest = await publishSome(2);
    expect(await step()).toEqual([2, [newest[1]]]);
    expect(await step()).toEqual([1, []]);
    expect(await step()).toEqual([0, []]);
    await drainEvents(testDb.db, { logger: quiet });
    expect(seen.filter((e) => e.subscriber === 'everything')).toHaveLength(11);
  });

  it('sweeps from the start when its interval is up, even while newer events keep coming', async () => {
    const late = await publishLate(1);
    await publishSome(1);
    const dispatcher = new OutboxDispatcher(testDb.db, 1, 0);
    await dispatcher.dispatch();
    await late.commit();
    const newer = await publishSome(1);
    await dispatcher.dispatch();
    expect(await undispatched()).toEqual(newer);
  });

  it('sweeps after a poll that found nothing, so a quiet outbox costs one statement a poll', async () => {
    const late = await publishLate(1);
    await publishSome(1);
    const dispatcher = new OutboxDispatcher(testDb.db, 1, 60_000);
    expect(await dispatcher.dispatch()).toBe(1);
    expect(await dispatcher.dispatch()).toBe(0);
    await late.commit();
    const newer = await publishSome(1);
    await dispatcher.dispatch();
    expect(await undispatched()).toEqual(newer);
  });
});
