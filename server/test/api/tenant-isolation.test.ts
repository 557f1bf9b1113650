import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

/** A user of tenant A gets 404 for every record of tenant B: by id, in lists, search and exports. */
let t: TestApp;
let a: ApiClient;
let b: ApiClient;
const bIds: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  a = await t.signUp('Tenant A');
  b = await t.signUp('Tenant B');
  await a.post('/accounts', { name: 'Shared Name Co' });
  const account = (await b.post('/accounts', { name: 'Shared Name Co', creditCode: '911101051017386531' })).body;
  bIds.accounts = account.id;
  bIds.contacts = (await b.post('/contacts', { name: 'B Contact', accountId: account.id })).body.id;
  bIds.activities = (await b.post('/activities', { type: 'call', subject: 'B call', accountId: account.id })).body.id;
  bIds.notes = (await b.post('/notes', { object: 'accounts', recordId: account.id, body: 'B note' })).body.id;
  bIds.teams = (await b.post('/teams', { name: 'B team' })).body.id;
  bIds.users = (await b.get('/me')).body.user.id;
  bIds.roles = (await b.get('/roles')).body.data[0].id;
  bIds['api-keys'] = (await b.post('/api-keys', { name: 'B key' })).body.id;
});
afterAll(() => t.close());

describe('tenant isolation', () => {
  it.each(['accounts', 'contacts', 'activities', 'notes', 'teams', 'users', 'roles', 'api-keys'])(
    '%s of another tenant are 404 by id, for read, update and delete',
    async (resource) => {
      const id = bIds[resource];
      expect((await a.get(`/${resource}/${id}`)).status).toBe(404);
      expect((await a.patch(`/${resource}/${id}`, { version: 1 })).status).toBe(404);
      const del = await a.delete(`/${resource}/${id}`);
      expect([404, 405].includes(del.status) || del.body?.error?.code === 'ROUTE_NOT_FOUND').toBe(true);
      expect((await b.get(`/${resource}/${id}`)).status).toBe(200);
    },
  );

  it('lists, search, exports, timelines and audit never show the other tenant', async () => {
    const accounts = await a.get('/accounts');
    expect(accounts.body.data).toHaveLength(1);
    expect(accounts.body.data[0].id).not.toBe(bIds.accounts);
    for (const resource of ['contacts', 'activities', 'notes', 'api-keys']) {
      expect((await a.get(`/${resource}`)).body.data).toEqual([]);
    }
    expect((await a.get(`/contacts?filter[accountId]=${bIds.accounts}`)).body.data).toEqual([]);
    const search = await a.get('/search?q=B');
    expect(search.body.data.map((r: { id: string }) => r.id)).not.toContain(bIds.contacts);
    const csv = await a.get('/contacts/export');
    expect(csv.text).not.toContain('B Contact');
    expect((await a.get(`/accounts/${bIds.accounts}/timeline`)).status).toBe(404);
    expect((await a.get(`/audit?recordId=${bIds.accounts}`)).body.data).toEqual([]);
  });

  it('cannot point a record at another tenant record', async () => {
    const contact = await a.post('/contacts', { name: 'Sneaky', accountId: bIds.accounts });
    expect(contact.status).toBe(400);
    expect(contact.body.error.details.fields[0].field).toBe('accountId');
    const note = await a.post('/notes', { object: 'accounts', recordId: bIds.accounts, body: 'x' });
    expect(note.status).toBe(400);
    const user = await a.post('/users', { name: 'x', email: 'x-iso@example.com', roleId: bIds.roles });
    expect(user.status).toBe(400);
  });
});
