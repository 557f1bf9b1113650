import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RequestContext } from '../access/context.js';
import { dispatchEvents } from '../events/dispatcher.js';
import { drainEvents } from '../events/event-processing.js';
import { outboxEvents } from '../events/events.schema.js';
import { publishEvent } from '../events/publish.js';
import { createTestTenant } from '../events/testing.js';
import { jobs } from '../jobs/jobs.schema.js';
import { openTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { verifySignature } from './signature.js';
import { startTestReceiver } from './test-receiver.js';
import { webhookDeliveries, webhooks } from './webhooks.schema.js';
import { createWebhook, deleteWebhook, listDeliveries, updateWebhook } from './webhooks.service.js';

let testDb: TestDatabase;
let ctx: RequestContext;
let otherTenant: RequestContext;
const quiet = { warn: () => {}, error: () => {} };
const recordId = '0190a6f0-0000-7000-8000-000000000001';
const accountCreated = (c: RequestContext, payload: unknown = { name: 'ACME' }) =>
  publishEvent(c, { type: 'accounts.created', object: 'accounts', recordId, payload });
const drain = () => drainEvents(testDb.db, { logger: quiet });
/** Webhook changes are domain events too (`webhooks.created`…); tests that subscribe to `*` drop them. */
const forgetEvents = () => testDb.db.delete(outboxEvents);

beforeAll(async () => {
  testDb = await openTestDatabase();
  ctx = await createTestTenant(testDb.db, 'Receiver Co');
  otherTenant = await createTestTenant(testDb.db, 'Other Co');
});
afterAll(() => testDb.close());
beforeEach(async () => {
  await testDb.db.delete(webhooks);
  await testDb.db.delete(outboxEvents);
  await testDb.db.delete(jobs);
});

describe('webhook delivery', () => {
  it('POSTs a signed event to the receiver and logs the success', async () => {
    const receiver = await startTestReceiver([{ status: 202, body: 'thanks' }]);
    try {
      const hook = await createWebhook(ctx, { url: receiver.url, events: ['accounts.*'] });
      const eventId = await accountCreated(ctx);
      await drain();

      expect(receiver.received).toHaveLength(1);
      const [request] = receiver.received;
      expect(request.method).toBe('POST');
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['x-l2c-event']).toBe('accounts.created');
      expect(verifySignature(hook.secret, request.headers['x-l2c-signature'] as string, request.body)).toBe(true);
      expect(verifySignature('whsec_wrong', request.headers['x-l2c-signature'] as string, request.body)).toBe(false);
      const body = JSON.parse(request.body);
      expect(body).toEqual({
        id: eventId,
        type: 'accounts.created',
        occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        tenantId: ctx.tenantId,
        data: { name: 'ACME' },
      });

      const { data: log } = await listDeliveries(ctx, hook.id);
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({
        id: request.headers['x-l2c-delivery'],
        eventId,
        eventType: 'accounts.created',
        status: 'succeeded',
        attempts: 1,
        lastStatusCode: 202,
        lastError: null,
        responseSnippet: 'thanks',
        nextAttemptAt: null,
      });
      expect(log[0].deliveredAt).toEqual(expect.any(String));
    } finally {
      await receiver.close();
    }
  });

  it('retries a failing receiver and logs every attempt until it succeeds', async () => {
    const receiver = await startTestReceiver([
      { status: 500, body: 'database down' },
      { status: 503, body: 'still down' },
      { status: 200, body: 'ok' },
    ]);
    try {
      const hook = await createWebhook(ctx, { url: receiver.url, events: ['*'] });
      await forgetEvents();
      await accountCreated(ctx);
      await drain();
      expect(receiver.received).toHaveLength(3);
      // Every attempt names the same delivery, so the receiver can deduplicate.
      expect(new Set(receiver.received.map((r) => r.headers['x-l2c-delivery'])).size).toBe(1);
      const { data: log } = await listDeliveries(ctx, hook.id);
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ status: 'succeeded', attempts: 3, lastStatusCode: 200, lastError: null });
    } finally {
      await receiver.close();
    }
  });

  it('records a failed attempt with the status, the error and when it will retry', async () => {
    const receiver = await startTestReceiver([{ status: 500, body: 'x'.repeat(2000) }]);
    try {
      const hook = await createWebhook(ctx, { url: receiver.url, events: ['*'] });
      await forgetEvents();
      await accountCreated(ctx);
      // A real backoff: the retry is scheduled in the future, so one drain makes one attempt.
      await drainEvents(testDb.db, { logger: quiet, retryDelayMs: () => 60_000 });
      const { data: log } = await listDeliveries(ctx, hook.id);
      expect(log[0]).toMatchObject({ status: 'retrying', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
      expect(log[0].responseSnippet).toHaveLength(500);
      expect(new Date(log[0].nextAttemptAt!).getTime()).toBeGreaterThan(Date.now() + 50_000);
    } finally {
      await receiver.close();
    }
  });

  it('gives up after 8 attempts and marks the delivery failed', async () => {
    const receiver = await startTestReceiver([{ status: 410 }]);
    try {
      const hook = await createWebhook(ctx, { url: receiver.url, events: ['*'] });
      await forgetEvents();
      await accountCreated(ctx);
      await drain();
      expect(receiver.received).toHaveLength(8);
      const { data: log } = await listDeliveries(ctx, hook.id);
      expect(log[0]).toMatchObject({ status: 'failed', attempts: 8, lastStatusCode: 410, nextAttemptAt: null });
      const [job] = await testDb.db.select().from(jobs).where(eq(jobs.type, 'webhooks.deliver'));
      expect(job).toMatchObject({ status: 'dead', attempts: 8 });
    } finally {
      await receiver.close();
    }
  });

  it('logs a network error when the receiver cannot be reached', async () => {
    const receiver = await startTestReceiver();
    await receiver.close(); // nothing listens on that port any more
    const hook = await createWebhook(ctx, { url: receiver.url, events: ['*'] });
    await forgetEvents();
    await accountCreated(ctx);
    await drainEvents(testDb.db, { logger: quiet, retryDelayMs: () => 60_000 });
    const { data: log } = await listDeliveries(ctx, hook.id);
    expect(log[0]).toMatchObject({ status: 'retrying', attempts: 1, lastStatusCode: null });
    expect(log[0].lastError).toMatch(/^Request failed: .*ECONNREFUSED/);
  });

  it('sends only the events a webhook subscribed to', async () => {
    const receiver = await startTestReceiver();
    try {
      const hook = await createWebhook(ctx, { url: receiver.url, events: ['contacts.*'] });
      await accountCreated(ctx);
      await publishEvent(ctx, { type: 'contacts.updated', object: 'contacts', recordId, payload: {} });
      await drain();
      expect(receiver.received.map((r) => r.headers['x-l2c-event'])).toEqual(['contacts.updated']);
      expect((await listDeliveries(ctx, hook.id)).data.map((d) => d.eventType)).toEqual(['contacts.updated']);
    } finally {
      await receiver.close();
    }
  });

  it("never sends another tenant's events", async () => {
    const receiver = await startTestReceiver();
    try {
      await createWebhook(ctx, { url: receiver.url, events: ['*'] });
      await forgetEvents();
      await accountCreated(otherTenant, { name: 'Secret deal' });
      await drain();
      expect(receiver.received).toEqual([]);
      expect(await testDb.db.select().from(webhookDeliveries)).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('sends nothing to a disabled webhook, and nothing after the webhook is deleted', async () => {
    const receiver = await startTestReceiver();
    try {
      const hook = await createWebhook(ctx, { url: receiver.url, events: ['accounts.*'] });
      const disabled = await updateWebhook(ctx, hook.id, { active: false }, hook.version);
      await accountCreated(ctx);
      await drain();
      expect(receiver.received).toEqual([]);

      await updateWebhook(ctx, hook.id, { active: true }, disabled.version);
      await forgetEvents();
      await accountCreated(ctx);
      // Dispatched (delivery and job created), then the webhook is deleted before the job runs.
      expect(await dispatchEvents(testDb.db)).toHaveLength(1);
      expect((await listDeliveries(ctx, hook.id)).data).toMatchObject([{ status: 'pending', attempts: 0 }]);
      await deleteWebhook(ctx, hook.id);
      await drain();
      expect(receiver.received).toEqual([]);
      expect(await testDb.db.select().from(webhookDeliveries)).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
