import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED_ATTEMPTS } from '../../src/platform/auth/login.service.js';
import { ApiClient, createTestApp, PASSWORD, type TestApp } from '../test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-up and sign-in', () => {
  it('sign-up creates a tenant with the default roles, a root team and its admin, signed in', async () => {
    const admin = await t.signUp('Acme 北京');
    const me = await admin.get('/me');
    expect(me.status).toBe(200);
    expect(me.body.tenant.name).toBe('Acme 北京');
    expect(me.body.user.roleKey).toBe('admin');
    const roles = await admin.get('/roles?limit=50');
    expect(roles.body.data.map((r: { key: string }) => r.key).sort()).toEqual(
      ['admin', 'executive', 'finance', 'marketing', 'sales_manager', 'sales_rep', 'service_agent'],
    );
    const teams = await admin.get('/teams');
    expect(teams.body.data).toHaveLength(1);
    expect(teams.body.data[0].parentId).toBeNull();
  });

  it('refuses a second sign-up with an e-mail already registered', async () => {
    await t.signUp('First', 'taken@example.com');
    const res = await t.anonymous().post('/auth/signup', {
      tenantName: 'Second', name: 'X', email: 'TAKEN@example.com', password: PASSWORD,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('EMAIL_TAKEN');
  });

  it('signs in with the right password and refuses a wrong one', async () => {
    await t.signUp('Login Co', 'login@example.com');
    const ok = await t.anonymous().post('/auth/login', { email: 'Login@Example.com', password: PASSWORD });
    expect(ok.status).toBe(200);
    expect(ok.headers['set-cookie']).toMatch(/l2c_session=.+HttpOnly/i);
    const bad = await t.anonymous().post('/auth/login', { email: 'login@example.com', password: 'wrong password' });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('INVALID_CREDENTIALS');
    const unknown = await t.anonymous().post('/auth/login', { email: 'nobody@example.com', password: PASSWORD });
    expect(unknown.status).toBe(401);
  });

  it(`locks the e-mail after ${MAX_FAILED_ATTEMPTS} wrong passwords, even for the right one`, async () => {
    await t.signUp('Lock Co', 'lock@example.com');
    const client = t.anonymous();
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      expect((await client.post('/auth/login', { email: 'lock@example.com', password: `nope ${i}` })).status).toBe(401);
    }
    const locked = await client.post('/auth/login', { email: 'lock@example.com', password: 'nope again' });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    const stillLocked = await client.post('/auth/login', { email: 'lock@example.com', password: PASSWORD });
    expect(stillLocked.status).toBe(429);
    const zh = await client.as('zh-CN').post('/auth/login', { email: 'lock@example.com', password: PASSWORD });
    expect(zh.body.error.message).toMatch(/登录失败次数过多/);
  });

  it('sign-out ends the session on the server, not only in the browser', async () => {
    const admin = await t.signUp();
    const stolen = new ApiClient(t.app, { cookie: admin.cookie });
    expect((await stolen.get('/me')).status).toBe(200);
    expect((await admin.post('/auth/logout')).status).toBe(204);
    const after = await stolen.get('/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('requires sign-in for the API, with the message in the caller language', async () => {
    const en = await t.anonymous().get('/accounts');
    expect(en.status).toBe(401);
    expect(en.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Please sign in.', details: {} } });
    const zh = await t.anonymous().as('zh-CN').get('/accounts');
    expect(zh.body.error.message).toBe('请先登录。');
  });

  it('changing the password needs the current one and ends other sessions', async () => {
    const admin = await t.signUp('Pwd Co', 'pwd@example.com');
    const other = t.anonymous();
    await other.post('/auth/login', { email: 'pwd@example.com', password: PASSWORD });
    const wrong = await admin.post('/me/password', { currentPassword: 'not it', newPassword: 'a new password 1' });
    expect(wrong.status).toBe(401);
    const ok = await admin.post('/me/password', { currentPassword: PASSWORD, newPassword: 'a new password 1' });
    expect(ok.status).toBe(204);
    expect((await other.get('/me')).status).toBe(401);
    expect((await admin.get('/me')).status).toBe(200);
    const relogin = await t.anonymous().post('/auth/login', { email: 'pwd@example.com', password: 'a new password 1' });
    expect(relogin.status).toBe(200);
  });
});

describe('API keys', () => {
  it('acts as its owner with the owner rights, is shown once and stored hashed', async () => {
    const admin = await t.signUp();
    const rep = await t.addUser(admin, { role: 'sales_rep' });
    const created = await rep.client.post('/api-keys', { name: 'ERP sync' });
    expect(created.status).toBe(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^l2c_[0-9a-f]{32}_/);

    const listed = await rep.client.get('/api-keys');
    expect(listed.body.data[0]).not.toHaveProperty('key');
    // The secret is what follows the tenant part (base64url: it may itself hold '_').
    expect(JSON.stringify(listed.body)).not.toContain(key.slice('l2c_'.length + 33));

    const integration = t.anonymous().withBearer(key);
    const me = await integration.get('/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(rep.id);
    // A rep may not manage users, and neither may the rep's key.
    expect((await integration.get('/users')).status).toBe(200);
    const forbidden = await integration.post('/users', { name: 'x', email: 'x@example.com', roleId: me.body.user.roleId });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');

    const account = await integration.post('/accounts', { name: 'Created by key' });
    expect(account.body.ownerId).toBe(rep.id);
    const audit = await admin.get(`/audit?recordId=${account.body.id}`);
    expect(audit.body.data[0]).toMatchObject({ actorKind: 'api_key', actorId: rep.id, apiKeyId: created.body.id });

    expect((await rep.client.delete(`/api-keys/${created.body.id}`)).status).toBe(204);
    expect((await integration.get('/me')).status).toBe(401);
  });

  it('refuses a malformed or unknown key', async () => {
    expect((await t.anonymous().withBearer('nonsense').get('/me')).status).toBe(401);
    const fake = `l2c_${'0'.repeat(32)}_${'x'.repeat(43)}`;
    expect((await t.anonymous().withBearer(fake).get('/me')).status).toBe(401);
  });
});

describe('rate limits', () => {
  it('limits sign-up attempts per address with the error shape and Retry-After', async () => {
    const { buildApp } = await import('../../src/app.js');
    const limited = await buildApp({ db: t.database.db, logLevel: 'error' });
    const client = new ApiClient(limited);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await client.post('/auth/signup', { tenantName: '' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    const last = await client.post('/auth/signup', { tenantName: '' });
    expect(last.status).toBe(429);
    expect(last.body.error.code).toBe('RATE_LIMITED');
    expect(last.headers['retry-after']).toBeDefined();
    await limited.close();
  });
});

describe('tenant settings', () => {
  it('lets an admin set the time zone and fiscal calendar, audited; others may only read', async () => {
    const admin = await t.signUp('Settings Co');
    const res = await admin.patch('/tenant', { timezone: 'Europe/Berlin', fiscalYearStartMonth: 4 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ timezone: 'Europe/Berlin', fiscalYearStartMonth: 4, currency: 'CNY' });
    const audit = await admin.get(`/audit?recordId=${res.body.id}`);
    expect(audit.body.data[0].changes).toEqual({
      timezone: { before: 'Asia/Shanghai', after: 'Europe/Berlin' },
      fiscalYearStartMonth: { before: 1, after: 4 },
    });
    expect((await admin.patch('/tenant', { timezone: 'Mars/Olympus' })).status).toBe(400);
    expect((await admin.patch('/tenant', { fiscalYearStartMonth: 13 })).status).toBe(400);
    const rep = await t.addUser(admin, { role: 'sales_rep' });
    expect((await rep.client.get('/tenant')).body.timezone).toBe('Europe/Berlin');
    expect((await rep.client.patch('/tenant', { currency: 'USD' })).status).toBe(403);
  });
});
