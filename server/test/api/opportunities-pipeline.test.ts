import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

/**
 * The pipeline list: close-date and amount ranges, and the totals (count, amount, weighted
 * amount per currency) of exactly what the list shows, within the caller's visibility.
 */
let t: TestApp;
let admin: ApiClient;
let rep: { client: ApiClient; id: string };
let otherRep: { client: ApiClient; id: string };
let accountId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Pipeline Co');
  const root = (await admin.get('/teams')).body.data[0];
  rep = await t.addUser(admin, { role: 'sales_rep', teamId: root.id });
  otherRep = await t.addUser(admin, { role: 'sales_rep', teamId: root.id });
  accountId = (await rep.client.post('/accounts', { name: '上海远景制造有限公司' })).body.id;
  const otherAccount = (await otherRep.client.post('/accounts', { name: 'Other Co' })).body.id;
  const deal = async (client: ApiClient, name: string, closeDate: string, amount: { amount: string; currency: string } | null, account = accountId) => {
    const res = await client.post('/opportunities', { name, accountId: account, closeDate, amount });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  // Contact stage of the simple process: 10 %.
  ids.q1 = await deal(rep.client, 'Pipe Q1', '2026-02-15', { amount: '100000.00', currency: 'CNY' });
  ids.q1b = await deal(rep.client, 'Pipe Q1 small', '2026-03-31', { amount: '333.33', currency: 'CNY' });
  ids.q2 = await deal(rep.client, 'Pipe Q2', '2026-05-10', { amount: '50000.00', currency: 'CNY' });
  ids.usd = await deal(rep.client, 'Pipe USD', '2026-03-01', { amount: '2000.00', currency: 'USD' });
  ids.none = await deal(rep.client, 'Pipe no amount', '2026-03-15', null);
  ids.other = await deal(otherRep.client, 'Pipe other rep', '2026-03-15', { amount: '999999.00', currency: 'CNY' }, otherAccount);
});
afterAll(() => t.close());

const names = (res: { body: { data: { name: string }[] } }) => res.body.data.map((o) => o.name).sort();

describe('range filters on the deal list', () => {
  it('keeps deals whose close date lies in the range, both ends included', async () => {
    const res = await rep.client.get('/opportunities?filter[closeDate]=2026-02-15..2026-03-31&q=Pipe');
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(['Pipe Q1', 'Pipe Q1 small', 'Pipe USD', 'Pipe no amount']);
  });

  it('takes open-ended ranges and amounts; a deal without an amount is outside any amount range', async () => {
    expect(names(await rep.client.get('/opportunities?filter[closeDate]=2026-04-01..&q=Pipe'))).toEqual(['Pipe Q2']);
    expect(names(await rep.client.get('/opportunities?filter[amount]=..2000&q=Pipe'))).toEqual(['Pipe Q1 small', 'Pipe USD']);
    expect(names(await rep.client.get('/opportunities?filter[amount]=50000..100000&filter[currency]=CNY&q=Pipe'))).toEqual(['Pipe Q1', 'Pipe Q2']);
  });

  it('refuses a malformed range with a field error', async () => {
    for (const bad of ['2026-01-01', '..', 'abc..def', '1..2..3']) {
      const res = await rep.client.get(`/opportunities?filter[closeDate]=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('exports what the filtered list shows', async () => {
    const res = await rep.client.get('/opportunities/export?filter[closeDate]=2026-04-01..&q=Pipe');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Pipe Q2');
    expect(res.text).not.toContain('Pipe Q1');
  });
});

describe('pipeline totals', () => {
  it('sums amount and weighted amount per currency, exactly, for what the list shows', async () => {
    const res = await rep.client.get('/opportunities/totals?q=Pipe');
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(5);
    expect(res.body.totals).toEqual([
      // 100000 + 333.33 + 50000 (+ the deal without amount); 10 % of 150333.33 = 15033.333 → 15033.33
      { currency: 'CNY', count: 4, amount: '150333.33', weighted: '15033.33' },
      { currency: 'USD', count: 1, amount: '2000.00', weighted: '200.00' },
    ]);
  });

  it('follows the filters, and sees only what the caller may see', async () => {
    const q2 = await rep.client.get('/opportunities/totals?filter[closeDate]=2026-04-01..&q=Pipe');
    expect(q2.body).toEqual({ count: 1, totals: [{ currency: 'CNY', count: 1, amount: '50000.00', weighted: '5000.00' }] });
    const mine = await rep.client.get(`/opportunities/totals?filter[ownerId]=${otherRep.id}`);
    expect(mine.body).toEqual({ count: 0, totals: [] });
    const all = await admin.get('/opportunities/totals?filter[currency]=CNY&q=Pipe');
    expect(all.body.count).toBe(5);
    expect(all.body.totals[0].amount).toBe('1150332.33');
  });

  it('counts a won deal at 100 % and a lost one at 0 %', async () => {
    const lossReason = (await rep.client.get('/loss-reasons')).body.data[0].key;
    const lost = await rep.client.post(`/opportunities/${ids.q1}/close`, { outcome: 'lost', lossReason, note: 'Price' });
    expect(lost.status, JSON.stringify(lost.body)).toBe(200);
    const res = await rep.client.get('/opportunities/totals?filter[status]=lost&q=Pipe');
    expect(res.body.totals).toEqual([{ currency: 'CNY', count: 1, amount: '100000.00', weighted: '0.00' }]);
  });
});
