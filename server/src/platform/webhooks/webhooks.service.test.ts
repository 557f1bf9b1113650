import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../access/context.js';
import { auditLog } from '../audit/audit.schema.js';
import { createTestTenant } from '../events/testing.js';
import { AppError, ValidationError } from '../http/errors.js';
import { openTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { webhooks } from './webhooks.schema.js';
import {
  createWebhook, deleteWebhook, getWebhook, listDeliveries, listWebhooks, rotateWebhookSecret, updateWebhook,
} from './webhooks.service.js';

let testDb: TestDatabase;
let ctx: RequestContext;
let otherTenant: RequestContext;
const url = 'https://hooks.example.com/l2c';

beforeAll(async () => {
  testDb = await openTestDatabase();
  ctx = await createTestTenant(testDb.db, 'Tenant A');
  otherTenant = await createTestTenant(testDb.db, 'Tenant B');
});
afterAll(() => testDb.close());

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
};

describe('webhook service', () => {
  it('creates a webhook with a secret that is shown once', async () => {
    const created = await createWebhook(ctx, { url, events: ['accounts.*', 'accounts.*'], description: 'ERP sync' });
    expect(created.secret).toMatch(/^whsec_[\w-]{32}$/);
    expect(created).toMatchObject({ url, events: ['accounts.*'], active: true, description: 'ERP sync', version: 1 });
    const listed = (await listWebhooks(ctx)).data.find((w) => w.id === created.id)!;
    expect(listed).not.toHaveProperty('secret');
    expect(listed.secretHint).toBe(`…${created.secret.slice(-4)}`);
    expect(JSON.stringify(await getWebhook(ctx, created.id))).not.toContain(created.secret);
  });

  it.each([
    [{ url: 'ftp://example.com/x', events: ['*'] }, 'url'],
    [{ url: 'not a url', events: ['*'] }, 'url'],
    [{ url, events: [] }, 'events'],
    [{ url, events: ['Accounts.Created'] }, 'events'],
    [{ url, events: ['*'], description: 'x'.repeat(501) }, 'description'],
  ])('refuses %j (field %s)', async (input, field) => {
    const err = await rejection(createWebhook(ctx, input));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fields.map((f) => f.field)).toEqual([field]);
  });

  it('updates with optimistic concurrency', async () => {
    const hook = await createWebhook(ctx, { url, events: ['*'] });
    const updated = await updateWebhook(ctx, hook.id, { events: ['contacts.created'], active: false }, 1);
    expect(updated).toMatchObject({ url, events: ['contacts.created'], active: false, version: 2 });
    expect(await rejection(updateWebhook(ctx, hook.id, { active: true }, 1))).toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
    expect(await rejection(updateWebhook(ctx, hook.id, { active: true }, undefined))).toMatchObject({ status: 428 });
    expect(await rejection(updateWebhook(ctx, hook.id, { url: 'javascript:alert(1)' }, 2))).toBeInstanceOf(ValidationError);
  });

  it('rotates the secret and audits the change without recording the secret', async () => {
    const hook = await createWebhook(ctx, { url, events: ['*'] });
    const rotated = await rotateWebhookSecret(ctx, hook.id, hook.version);
    expect(rotated.secret).not.toBe(hook.secret);
    expect(rotated.secretHint).toBe(`…${rotated.secret.slice(-4)}`);
    const [row] = await testDb.db.select().from(webhooks).where(eq(webhooks.id, hook.id));
    expect(row.secret).toBe(rotated.secret);
    const entries = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.recordId, hook.id)));
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(JSON.stringify(entries)).not.toContain(hook.secret);
    expect(JSON.stringify(entries)).not.toContain(rotated.secret);
  });

  it('deletes a webhook', async () => {
    const hook = await createWebhook(ctx, { url, events: ['*'] });
    await deleteWebhook(ctx, hook.id);
    expect(await rejection(getWebhook(ctx, hook.id))).toMatchObject({ status: 404 });
  });

  it("keeps every tenant to its own webhooks", async () => {
    const hook = await createWebhook(ctx, { url, events: ['*'] });
    expect((await listWebhooks(otherTenant)).data.map((w) => w.id)).not.toContain(hook.id);
    // One at a time: promises made up front would reject before anything awaits them.
    for (const attempt of [
      () => getWebhook(otherTenant, hook.id),
      () => updateWebhook(otherTenant, hook.id, { active: false }, 1),
      () => deleteWebhook(otherTenant, hook.id),
      () => rotateWebhookSecret(otherTenant, hook.id, 1),
      () => listDeliveries(otherTenant, hook.id),
    ]) {
      expect(await rejection(attempt())).toMatchObject({ status: 404 });
    }
    expect(await getWebhook(ctx, hook.id)).toMatchObject({ active: true, version: 1 });
  });

  it('requires the webhooks permission', async () => {
    const rep: RequestContext = { ...ctx, permissions: {} };
    const err = await rejection(createWebhook(rep, { url, events: ['*'] }));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 403 });
    expect(await rejection(listWebhooks(rep))).toMatchObject({ status: 403 });
  });
});
