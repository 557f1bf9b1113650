import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDb } from '../../src/platform/db/client.js';
import { createTestApp, type ApiClient, type Response, type TestApp } from '../test-app.js';

/** Counts the statements the app sends to the database (pool or PGlite) while `work` runs. */
async function countQueries(db: AppDb, work: () => Promise<unknown>): Promise<number> {
  const client = (db as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } }).$client;
  const query = client.query;
  let count = 0;
  client.query = function (this: unknown, ...args: unknown[]) {
    count++;
    return query.apply(this, args);
  };
  try {
    await work();
  } finally {
    client.query = query;
  }
  return count;
}

/**
 * The reads integrations call most have a budget of statements: one for the caller (credential,
 * user, role, team, tenant) and one for the records with their owners' names.
 */
describe('query budget of reads', () => {
  let t: TestApp;
  let admin: ApiClient;
  let integration: ApiClient;
  let accountId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signUp();
    accountId = (await admin.post('/accounts', { name: '预算科技有限公司', industry: '制造业' })).body.id;
    await admin.post('/accounts', { name: 'Budget Trading', industry: '制造业' });
    integration = t.anonymous().withBearer((await admin.post('/api-keys', { name: 'budget' })).body.key);
  });
  afterAll(() => t.close());

  it('an API key records its use once a minute, not on every call', async () => {
    const read = () => integration.get(`/accounts/${accountId}`);
    expect(await countQueries(t.database.db, read)).toBe(3);
    expect(await countQueries(t.database.db, read)).toBe(2);
    expect((await admin.get('/api-keys')).body.data[0].lastUsedAt).not.toBeNull();
  });

  it('gets one record in two statements, with its owner name, by key and by session', async () => {
    for (const client of [integration, admin]) {
      let response!: Response;
      const count = await countQueries(t.database.db, async () => (response = await client.get(`/accounts/${accountId}`)));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: accountId, name: '预算科技有限公司', ownerName: expect.any(String) });
      expect(count).toBe(2);
    }
  });

  it('lists a filtered, sorted page in two statements, owner names included', async () => {
    let response!: Response;
    const count = await countQueries(t.database.db, async () => {
      response = await integration.get(`/accounts?filter[industry]=${encodeURIComponent('制造业')}&sort=name&limit=50`);
    });
    expect(response.status).toBe(200);
    expect(response.body.data.map((a: { name: string }) => a.name)).toEqual(['Budget Trading', '预算科技有限公司']);
    expect(response.body.data.every((a: { ownerName: unknown }) => typeof a.ownerName === 'string')).toBe(true);
    expect(count).toBe(2);
  });
});
