import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/client.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

/**
 * Roles are copied into a tenant at sign-up. A tenant that signed up before a permission object
 * existed has no stored rights to it: the admin keeps every right anyway, and the default roles
 * take their default grants for what their stored matrix does not mention.
 */
let t: TestApp;
let admin: ApiClient;
let marketing: ApiClient;
let rep: ApiClient;
let custom: ApiClient;

const NEWER_OBJECTS = ['scoring_rules', 'nurture_programs', 'email_templates', 'assignment_rules', 'sales_processes', 'loss_reasons', 'product_lines'];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Old Tenant Ltd');
  const created = await admin.post('/roles', {
    key: 'event_staff',
    name: 'Event staff',
    permissions: { leads: { create: 'all', read: 'own', update: 'own', delete: 'none' } },
  });
  expect(created.status, created.text).toBe(201);
  marketing = (await t.addUser(admin, { role: 'marketing' })).client;
  rep = (await t.addUser(admin, { role: 'sales_rep' })).client;
  custom = (await t.addUser(admin, { role: 'event_staff' })).client;
  // What a tenant from before these objects existed has stored: no word about them, in any role.
  const strip = NEWER_OBJECTS.reduce((expr, object) => sql`${expr} - ${object}::text`, sql`permissions`);
  await t.database.db.execute(sql`UPDATE roles SET permissions = ${strip}`);
  // An admin's explicit choice stays: this tenant had taken product lines away from its reps.
  await t.database.db.execute(sql`UPDATE roles SET permissions = permissions || '{"product_lines": {"read": "none"}}'::jsonb WHERE key = 'sales_rep'`);
  const [{ count }] = await queryRows<{ count: number }>(t.database.db, sql`SELECT count(*)::int AS count FROM roles WHERE permissions ? 'scoring_rules'`);
  expect(count).toBe(0);
});

afterAll(() => t.close());

describe('permission objects newer than the tenant', () => {
  it('the admin has every right, whatever its stored matrix lacks', async () => {
    expect((await admin.get('/scoring-rules')).status).toBe(200);
    const rule = await admin.post('/scoring-rules', { name: 'Manufacturing', category: 'fit', field: 'industry', operator: 'in', value: ['制造业'], points: 20 });
    expect(rule.status, rule.text).toBe(201);
    const template = await admin.post('/email-templates', { name: 'Hello', subject: 'Hi {{lead.name}}', bodyHtml: '<p>Hi</p>', locale: 'en-US' });
    expect(template.status, template.text).toBe(201);
    const role = (await admin.get('/roles?filter[key]=admin')).body.data[0];
    for (const object of NEWER_OBJECTS) {
      expect(role.permissions[object]).toEqual({ create: 'all', read: 'all', update: 'all', delete: 'all' });
    }
    // Its name can still change; its rights cannot.
    const renamed = await admin.patch(`/roles/${role.id}`, { name: 'Administrators', version: role.version });
    expect(renamed.status, renamed.text).toBe(200);
    const narrowed = await admin.patch(`/roles/${role.id}`, { permissions: { ...role.permissions, scoring_rules: { read: 'none' } }, version: renamed.body.version });
    expect(narrowed.status).toBe(409);
    expect(narrowed.body.error.code).toBe('ADMIN_ROLE_LOCKED');
  });

  it('a default role gets its default grants for objects its matrix does not mention', async () => {
    const rule = await marketing.post('/scoring-rules', { name: 'Opened', category: 'engagement', eventKind: 'email_open', points: 5 });
    expect(rule.status, rule.text).toBe(201);
    expect((await marketing.get('/nurture-programs')).status).toBe(200);
    // Reps read the scoring rules (to understand a score) but do not edit them.
    expect((await rep.get('/scoring-rules')).status).toBe(200);
    const refused = await rep.post('/scoring-rules', { name: 'x', category: 'engagement', eventKind: 'email_open', points: 1 });
    expect(refused.status).toBe(403);
    const roles = (await admin.get('/roles')).body.data as { key: string; permissions: Record<string, Record<string, string>> }[];
    const byKey = new Map(roles.map((r) => [r.key, r.permissions]));
    expect(byKey.get('marketing')!.scoring_rules).toEqual({ create: 'all', read: 'all', update: 'all', delete: 'all' });
    expect(byKey.get('sales_rep')!.scoring_rules).toEqual({ create: 'none', read: 'all', update: 'none', delete: 'none' });
  });

  it('keeps what an admin chose, and gives a tenant-made role nothing it was not given', async () => {
    const roles = (await admin.get('/roles')).body.data as { key: string; permissions: Record<string, Record<string, string>> }[];
    const byKey = new Map(roles.map((r) => [r.key, r.permissions]));
    expect(byKey.get('sales_rep')!.product_lines.read).toBe('none');
    expect(byKey.get('event_staff')!.scoring_rules).toBeUndefined();
    expect((await custom.get('/scoring-rules')).status).toBe(403);
  });

  it('a saved matrix names every object, so later defaults never reach into an edited role', async () => {
    const role = (await admin.get('/roles?filter[key]=sales_rep')).body.data[0];
    const saved = await admin.patch(`/roles/${role.id}`, { permissions: { leads: { create: 'all', read: 'own', update: 'own', delete: 'none' } }, version: role.version });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.permissions.scoring_rules).toEqual({ create: 'none', read: 'none', update: 'none', delete: 'none' });
    expect((await rep.get('/scoring-rules')).status).toBe(403);
  });
});
