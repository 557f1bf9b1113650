import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

let t: TestApp;
let admin: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Accounts Co');
});
afterAll(() => t.close());

const valid = {
  name: '北京星河智造科技有限公司',
  creditCode: '9111010510173365xd',
  industry: '制造业',
  registeredCapital: { amount: '50000000.5', currency: 'CNY' },
  headcount: 820,
  province: '北京',
  city: '北京',
  region: '华北',
  address: '北京市海淀区上地信息路 12 号',
  website: 'https://example.cn',
  phone: '010-6552 8888',
};

describe('accounts', () => {
  it('creates an account with registry fields, normalised', async () => {
    const res = await admin.post('/accounts', valid);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: valid.name,
      creditCode: '9111010510173365XD',
      registeredCapital: { amount: '50000000.50', currency: 'CNY' },
      headcount: 820,
      phone: '+861065528888',
      version: 1,
    });
    expect(res.headers.etag).toBe('"1"');
    const me = await admin.get('/me');
    expect(res.body.ownerId).toBe(me.body.user.id);
    expect(res.body.ownerName).toBe('Admin');
  });

  it('refuses bad input with field errors in the caller language, and changes nothing', async () => {
    const before = (await admin.get('/accounts')).body.data.length;
    const res = await admin.post('/accounts', {
      name: '',
      creditCode: '9111010510173365XE',
      headcount: -3,
      website: 'not a url',
      registeredCapital: { amount: '1.234', currency: 'cny' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const fields = res.body.error.details.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['name', 'headcount', 'website', 'registeredCapital.amount', 'registeredCapital.currency']));
    const bad = await admin.as('zh-CN').post('/accounts', { name: 'X 公司', creditCode: '9111010510173365XE' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields).toEqual([
      { field: 'creditCode', code: 'INVALID_CREDIT_CODE', message: expect.stringContaining('统一社会信用代码无效') },
    ]);
    const unknown = await admin.post('/accounts', { name: 'X', color: 'red' });
    expect(unknown.status).toBe(400);
    expect((await admin.get('/accounts')).body.data.length).toBe(before);
  });

  it('names the account that already has a credit code instead of creating a twin', async () => {
    const res = await admin.post('/accounts', { name: 'Twin', creditCode: '9111010510173365XD' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('DUPLICATE_CREDIT_CODE');
    expect(res.body.error.message).toContain(valid.name);
  });

  it('updates with optimistic concurrency: a stale version gets 409, a missing one 428', async () => {
    const created = (await admin.post('/accounts', { name: 'Versioned Ltd' })).body;
    const first = await admin.patch(`/accounts/${created.id}`, { industry: '金融', version: 1 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await admin.patch(`/accounts/${created.id}`, { industry: '能源', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    const viaHeader = await admin.patch(`/accounts/${created.id}`, { industry: '能源' }, { 'if-match': '"2"' });
    expect(viaHeader.status).toBe(200);
    const missing = await admin.patch(`/accounts/${created.id}`, { industry: '零售' });
    expect(missing.status).toBe(428);
    expect((await admin.get(`/accounts/${created.id}`)).body.industry).toBe('能源');
  });

  it('replays a POST with the same Idempotency-Key instead of creating twice', async () => {
    const headers = { 'idempotency-key': 'import-row-42' };
    const first = await admin.post('/accounts', { name: 'Idempotent Co' }, headers);
    const retry = await admin.post('/accounts', { name: 'Idempotent Co' }, headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const list = await admin.get('/accounts?q=Idempotent');
    expect(list.body.data).toHaveLength(1);
    const reused = await admin.post('/accounts', { name: 'Something else' }, headers);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('lists with filters, search, sort and cursor paging without gaps or repeats', async () => {
    const tenant = await t.signUp('Paging Co');
    const names = Array.from({ length: 23 }, (_, i) => `Paging ${String(i).padStart(2, '0')}`);
    for (const [i, name] of names.entries()) {
      await tenant.post('/accounts', { name, industry: i % 2 ? '金融' : '制造业' });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { name: string }[]; nextCursor: string | null } } = await tenant.get(
        `/accounts?sort=name&limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.data.map((r) => r.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(names);
    // The page size is written into the prepared statement of its shape: each size gets its own.
    for (const limit of [4, 7, 4, 1]) expect((await tenant.get(`/accounts?sort=name&limit=${limit}`)).body.data).toEqual(names.slice(0, limit).map((name) => expect.objectContaining({ name })));
    const desc = await tenant.get('/accounts?sort=-name&limit=3');
    expect(desc.body.data.map((r: { name: string }) => r.name)).toEqual(['Paging 22', 'Paging 21', 'Paging 20']);
    const finance = await tenant.get(`/accounts?filter[industry]=${encodeURIComponent('金融')}&limit=200`);
    expect(finance.body.data).toHaveLength(11);
    const both = await tenant.get(`/accounts?filter[industry]=${encodeURIComponent('金融,制造业')}&limit=200`);
    expect(both.body.data).toHaveLength(23);
    const searched = await tenant.get('/accounts?q=ging 1');
    expect(searched.body.data).toHaveLength(10);
    expect((await tenant.get('/accounts?sort=color')).status).toBe(400);
    expect((await tenant.get('/accounts?cursor=garbage')).status).toBe(400);
    expect((await tenant.get('/accounts?filter[ownerId]=not-a-uuid')).status).toBe(400);
  });

  it('answers nullable money, segments and owner names as stored, null where unset', async () => {
    const tenant = await t.signUp('Nullable Co');
    const full = (await tenant.post('/accounts', { name: 'Full', registeredCapital: { amount: '12', currency: 'USD' }, segment: 'key' })).body;
    const bare = (await tenant.post('/accounts', { name: 'Bare', registeredCapital: null, segment: null })).body;
    const expected = [
      { id: bare.id, name: 'Bare', registeredCapital: null, segment: null, headcount: null, ownerName: 'Admin' },
      { id: full.id, name: 'Full', registeredCapital: { amount: '12.00', currency: 'USD' }, segment: 'key', headcount: null, ownerName: 'Admin' },
    ];
    const page = await tenant.get('/accounts?sort=name');
    expect(page.body.data).toEqual(expected.map((e) => expect.objectContaining(e)));
    expect(page.text).toContain('"registeredCapital":null');
    expect(page.text).toContain('"registeredCapital":{"amount":"12.00","currency":"USD"}');
    expect((await tenant.get(`/accounts/${full.id}`)).body).toMatchObject(expected[1]);
    expect((await tenant.get(`/accounts/${bare.id}`)).body).toMatchObject(expected[0]);
  });

  it('refuses to delete an account that still has contacts, then deletes it once they are gone', async () => {
    const account = (await admin.post('/accounts', { name: 'To Delete Ltd' })).body;
    const contact = (await admin.post('/contacts', { name: 'Only Contact', accountId: account.id })).body;
    const refused = await admin.delete(`/accounts/${account.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('HAS_DEPENDENTS');
    expect((await admin.delete(`/contacts/${contact.id}`)).status).toBe(204);
    expect((await admin.delete(`/accounts/${account.id}?version=1`)).status).toBe(204);
    expect((await admin.get(`/accounts/${account.id}`)).status).toBe(404);
  });
});

describe('contacts, activities, notes and the 360° timeline', () => {
  it('shows activities, notes, contacts and changes on the account, newest first', async () => {
    const account = (await admin.post('/accounts', { name: 'Timeline Co' })).body;
    const contact = await admin.post('/contacts', {
      name: '王建国', title: 'CIO', accountId: account.id, phones: ['138 0101 2345'], email: 'WANG@Example.cn', wechat: 'wjg',
    });
    expect(contact.status).toBe(201);
    expect(contact.body).toMatchObject({ phones: ['+8613801012345'], email: 'wang@example.cn', accountName: 'Timeline Co' });
    const badPhone = await admin.post('/contacts', { name: 'x', phones: ['12'] });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.details.fields[0]).toMatchObject({ field: 'phones', code: 'INVALID_PHONE' });

    const visit = await admin.post('/activities', {
      type: 'visit',
      subject: 'First visit',
      accountId: account.id,
      contactIds: [contact.body.id],
      startAt: new Date(Date.now() - 60_000).toISOString(),
      status: 'done',
      outcome: 'Needs a CRM for 120 reps',
      nextStep: 'Demo next week',
      checkIn: { lat: 39.99, lng: 116.31, at: new Date().toISOString() },
    });
    expect(visit.status).toBe(201);
    const note = await admin.post('/notes', { object: 'accounts', recordId: account.id, body: 'Budget approved in Q3' });
    expect(note.status).toBe(201);
    await admin.patch(`/accounts/${account.id}`, { industry: '制造业', version: 1 });

    const timeline = await admin.get(`/accounts/${account.id}/timeline`);
    expect(timeline.status).toBe(200);
    const kinds = timeline.body.data.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['activity', 'note', 'contact', 'change']));
    const ats = timeline.body.data.map((i: { at: string }) => i.at);
    expect(ats).toEqual([...ats].sort().reverse());
    const change = timeline.body.data.find((i: { kind: string; action?: string }) => i.kind === 'change' && i.action === 'update');
    expect(change.changes).toEqual([{ field: 'industry', before: null, after: '制造业' }]);
    const activity = timeline.body.data.find((i: { kind: string }) => i.kind === 'activity');
    expect(activity).toMatchObject({ activityType: 'visit', title: 'First visit', body: 'Needs a CRM for 120 reps → Demo next week' });
  });

  it('validates activity types, times and contacts', async () => {
    expect((await admin.post('/activities', { type: 'party', subject: 'x' })).status).toBe(400);
    const backwards = await admin.post('/activities', {
      type: 'meeting', subject: 'x', startAt: '2026-01-02T10:00:00Z', endAt: '2026-01-02T09:00:00Z',
    });
    expect(backwards.status).toBe(400);
    const ghost = await admin.post('/activities', { type: 'call', subject: 'x', contactIds: ['0190a0a0-0000-7000-8000-000000000000'] });
    expect(ghost.status).toBe(400);
    expect(ghost.body.error.details.fields[0].field).toBe('contactIds');
  });
});

describe('cursor paging over equal timestamps', () => {
  it('pages rows created in one statement (same created_at) without repeating a page', async () => {
    const tenant = await t.signUp('Same Instant Co');
    const me = (await tenant.get('/me')).body;
    const { sql } = await import('drizzle-orm');
    await t.database.db.execute(sql`
      INSERT INTO accounts (tenant_id, id, name, owner_id)
      SELECT ${me.tenant.id}, gen_random_uuid(), 'Bulk ' || n, ${me.user.id} FROM generate_series(1, 7) AS n`);
    const seen = new Set<string>();
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: { body: { data: { id: string }[]; nextCursor: string | null } } = await tenant.get(
        `/accounts?sort=-createdAt&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      for (const row of res.body.data) seen.add(row.id);
      cursor = res.body.nextCursor;
      if (!cursor) break;
    }
    expect(seen.size).toBe(7);
    expect(cursor).toBeNull();
  });
});

describe('clearing optional fields', () => {
  it('stores null, not 0 or "", when a nullable number or text is cleared', async () => {
    const account = (await admin.post('/accounts', { name: 'Clearable Ltd', headcount: 50, city: '上海' })).body;
    const cleared = await admin.patch(`/accounts/${account.id}`, { headcount: null, city: null, version: account.version });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ headcount: null, city: null });
    const zero = await admin.patch(`/accounts/${account.id}`, { headcount: 0, version: cleared.body.version });
    expect(zero.body.headcount).toBe(0);
  });
});
