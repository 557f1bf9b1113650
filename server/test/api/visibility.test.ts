import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

/**
 * Company → North region → Beijing team. The North manager sees the subtree below; each rep
 * sees only their own records; the rule holds for read, list, search and export alike.
 */
let t: TestApp;
let admin: ApiClient;
let manager: ApiClient;
let rep1: { client: ApiClient; id: string };
let rep2: { client: ApiClient; id: string };
let eastRep: { client: ApiClient; id: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Visibility Co');
  const root = (await admin.get('/teams')).body.data[0];
  const north = (await admin.post('/teams', { name: 'North', parentId: root.id })).body;
  const beijing = (await admin.post('/teams', { name: 'Beijing', parentId: north.id })).body;
  const east = (await admin.post('/teams', { name: 'East', parentId: root.id })).body;
  manager = (await t.addUser(admin, { role: 'sales_manager', teamId: north.id })).client;
  rep1 = await t.addUser(admin, { role: 'sales_rep', teamId: beijing.id });
  rep2 = await t.addUser(admin, { role: 'sales_rep', teamId: beijing.id });
  eastRep = await t.addUser(admin, { role: 'sales_rep', teamId: east.id });
  ids.rep1 = (await rep1.client.post('/accounts', { name: 'Rep1 Zeta Ltd' })).body.id;
  ids.rep2 = (await rep2.client.post('/accounts', { name: 'Rep2 Zeta Ltd' })).body.id;
  ids.east = (await eastRep.client.post('/accounts', { name: 'East Zeta Ltd' })).body.id;
});
afterAll(() => t.close());

const names = (res: { body: { data: { name?: string; title?: string }[] } }) =>
  res.body.data.map((r) => r.name ?? r.title).sort();

describe('record visibility by role', () => {
  it('a rep lists, reads, searches and exports only their own records', async () => {
    expect(names(await rep1.client.get('/accounts'))).toEqual(['Rep1 Zeta Ltd']);
    expect((await rep1.client.get(`/accounts/${ids.rep2}`)).status).toBe(404);
    expect((await rep1.client.get(`/accounts/${ids.rep1}`)).status).toBe(200);
    expect(names(await rep1.client.get('/search?q=Zeta'))).toEqual(['Rep1 Zeta Ltd']);
    const csv = await rep1.client.get('/accounts/export');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Rep1 Zeta Ltd');
    expect(csv.text).not.toContain('Rep2 Zeta Ltd');
    expect(csv.text).not.toContain('East Zeta Ltd');
  });

  it('a manager sees the team subtree below, not other regions', async () => {
    expect(names(await manager.get('/accounts'))).toEqual(['Rep1 Zeta Ltd', 'Rep2 Zeta Ltd']);
    expect((await manager.get(`/accounts/${ids.east}`)).status).toBe(404);
    const csv = await manager.get('/accounts/export');
    expect(csv.text).toContain('Rep2 Zeta Ltd');
    expect(csv.text).not.toContain('East Zeta Ltd');
  });

  it('an admin sees everything', async () => {
    expect(names(await admin.get('/accounts'))).toEqual(['East Zeta Ltd', 'Rep1 Zeta Ltd', 'Rep2 Zeta Ltd']);
  });

  it('a rep cannot edit or delete a record they cannot see; a manager edits the team subtree', async () => {
    expect((await rep1.client.patch(`/accounts/${ids.rep2}`, { industry: 'x', version: 1 })).status).toBe(404);
    expect((await rep1.client.delete(`/accounts/${ids.rep2}`)).status).toBe(404);
    const edited = await manager.patch(`/accounts/${ids.rep2}`, { industry: '制造业', version: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body.industry).toBe('制造业');
  });

  it('names on contacts and activities only accounts the reader may see', async () => {
    const contact = await admin.post('/contacts', { name: 'Zhou East', accountId: ids.east, ownerId: rep1.id });
    expect(contact.status, contact.text).toBe(201);
    const activity = await admin.post('/activities', { type: 'call', subject: 'Call about East', accountId: ids.east, ownerId: rep1.id });
    expect(activity.status, activity.text).toBe(201);
    const own = await admin.post('/contacts', { name: 'Li Own', accountId: ids.rep1, ownerId: rep1.id });
    expect(contact.body.accountName).toBe('East Zeta Ltd');

    expect((await rep1.client.get(`/contacts/${contact.body.id}`)).body).toMatchObject({ accountId: ids.east, accountName: null });
    expect((await rep1.client.get(`/activities/${activity.body.id}`)).body).toMatchObject({ accountId: ids.east, accountName: null });
    expect((await rep1.client.get(`/contacts/${own.body.id}`)).body.accountName).toBe('Rep1 Zeta Ltd');
    const listed = (await rep1.client.get('/contacts')).body.data as { name: string; accountName: string | null }[];
    expect(listed.map((c) => [c.name, c.accountName]).sort()).toEqual([['Li Own', 'Rep1 Zeta Ltd'], ['Zhou East', null]]);
    expect((await rep1.client.get('/activities/export')).text).not.toContain('East Zeta Ltd');
    expect((await rep1.client.get('/search?q=Zhou')).text).not.toContain('East Zeta Ltd');
  });

  it('follows permission changes an admin makes to a role', async () => {
    const roles = await admin.get('/roles?filter[key]=sales_rep');
    const role = roles.body.data[0];
    const permissions = { ...role.permissions, accounts: { ...role.permissions.accounts, read: 'team' } };
    const res = await admin.patch(`/roles/${role.id}`, { permissions, version: role.version });
    expect(res.status).toBe(200);
    expect(names(await rep1.client.get('/accounts'))).toEqual(['Rep1 Zeta Ltd', 'Rep2 Zeta Ltd']);
    const none = { ...permissions, accounts: { ...permissions.accounts, read: 'none' } };
    await admin.patch(`/roles/${role.id}`, { permissions: none, version: res.body.version });
    const refused = await rep1.client.get('/accounts');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await rep1.client.get('/search?q=Zeta')).body.data).toEqual([]);
  });

  it('keeps the admin role intact so a tenant cannot lock itself out', async () => {
    const role = (await admin.get('/roles?filter[key]=admin')).body.data[0];
    const res = await admin.patch(`/roles/${role.id}`, { permissions: { accounts: { read: 'none' } }, version: role.version });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ADMIN_ROLE_LOCKED');
  });

  it('a rep cannot manage users, teams or roles', async () => {
    expect((await rep1.client.post('/teams', { name: 'Mine' })).status).toBe(403);
    const role = (await admin.get('/roles?filter[key]=sales_rep')).body.data[0];
    expect((await rep1.client.patch(`/roles/${role.id}`, { name: 'x', version: role.version })).status).toBe(403);
    expect((await rep1.client.get('/audit')).status).toBe(403);
  });
});

describe('teams', () => {
  it('moving a team moves its subtree, and a team cannot move under itself', async () => {
    const teams = (await admin.get('/teams?limit=50')).body.data as { id: string; name: string; version: number }[];
    const north = teams.find((x) => x.name === 'North')!;
    const beijing = teams.find((x) => x.name === 'Beijing')!;
    const cycle = await admin.patch(`/teams/${north.id}`, { parentId: beijing.id, version: north.version });
    expect(cycle.status).toBe(409);
    expect(cycle.body.error.code).toBe('TEAM_CYCLE');
    const east = teams.find((x) => x.name === 'East')!;
    // Move Beijing under East: the North manager no longer sees the Beijing reps' accounts.
    const moved = await admin.patch(`/teams/${beijing.id}`, { parentId: east.id, version: beijing.version });
    expect(moved.status).toBe(200);
    expect((await manager.get('/accounts')).body.data).toEqual([]);
  });
});
