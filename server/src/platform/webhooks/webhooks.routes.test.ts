import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/test-app.js';
import { drainEvents } from '../events/event-processing.js';
import { verifySignature } from './signature.js';
import { startTestReceiver } from './test-receiver.js';

let t: TestApp;
let admin: ApiClient;
const quiet = { warn: () => {}, error: () => {} };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp();
});
afterAll(() => t.close());

describe('webhooks API', () => {
  it('creates a webhook, delivers a signed event to it, and shows the delivery log', async () => {
    const receiver = await startTestReceiver();
    try {
      const created = await admin.post('/webhooks', { url: receiver.url, events: ['accounts.created'], description: 'ERP mirror' });
      expect(created.status).toBe(201);
      expect(created.body.secret).toMatch(/^whsec_/);

      const fetched = await admin.get(`/webhooks/${created.body.id}`);
      expect(fetched.status).toBe(200);
      expect(fetched.body).not.toHaveProperty('secret');
      expect((await admin.get('/webhooks')).body.data.map((w: { id: string }) => w.id)).toContain(created.body.id);

      const account = await admin.post('/accounts', { name: 'ACME' });
      expect(account.status).toBe(201);
      await admin.patch(`/accounts/${account.body.id}`, { name: 'ACME Ltd', version: 1 });
      await drainEvents(t.database.db, { logger: quiet });

      expect(receiver.received.map((r) => r.headers['x-l2c-event'])).toEqual(['accounts.created']);
      const [request] = receiver.received;
      expect(verifySignature(created.body.secret, request.headers['x-l2c-signature'] as string, request.body)).toBe(true);
      expect(JSON.parse(request.body).data.record.id).toBe(account.body.id);

      const log = await admin.get(`/webhooks/${created.body.id}/deliveries`);
      expect(log.status).toBe(200);
      expect(log.body.data).toMatchObject([{ eventType: 'accounts.created', status: 'succeeded', attempts: 1, lastStatusCode: 200 }]);
    } finally {
      await receiver.close();
    }
  });

  it('validates input and versions', async () => {
    expect((await admin.post('/webhooks', { url: 'https://x.example', events: ['Bad Pattern'] })).status).toBe(400);
    const created = await admin.post('/webhooks', { url: 'https://x.example/hook', events: ['*'] });
    expect((await admin.patch(`/webhooks/${created.body.id}`, { active: false })).status).toBe(428);
    const updated = await admin.patch(`/webhooks/${created.body.id}`, { active: false, version: 1 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ active: false, version: 2 });

    const rotated = await admin.post(`/webhooks/${created.body.id}/rotate-secret`, { version: 2 });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect((await admin.delete(`/webhooks/${created.body.id}?version=3`)).status).toBe(204);
  });

  it('is for admins only', async () => {
    const { client: rep } = await t.addUser(admin, { role: 'sales_rep' });
    expect((await rep.get('/webhooks')).status).toBe(403);
    expect((await rep.post('/webhooks', { url: 'https://x.example/hook', events: ['*'] })).status).toBe(403);
  });
});
