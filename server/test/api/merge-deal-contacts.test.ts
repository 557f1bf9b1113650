import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

/** Merging contacts relinks the deals that name them: contact roles and BANT decision makers, audited. */
let t: TestApp;
let admin: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Merge Deals Co');
});
afterAll(() => t.close());

const created = (res: { status: number; body: any; text: string }) => {
  expect(res.status, res.text).toBe(201);
  return res.body;
};

describe('contact merge and deals', () => {
  it('moves BANT decision makers and deal contacts to the survivor, once each, with an audit entry on the deal', async () => {
    const account = created(await admin.post('/accounts', { name: '华东能源集团' }));
    const keep = created(await admin.post('/contacts', { name: '陈刚', accountId: account.id, email: 'chen@hdny.cn' }));
    const dup = created(await admin.post('/contacts', { name: '陈 刚', accountId: account.id, email: 'CHEN@hdny.cn' }));
    const cfo = created(await admin.post('/contacts', { name: '刘洋', accountId: account.id }));
    const deal = created(await admin.post('/opportunities', {
      name: '能源管理平台', accountId: account.id, closeDate: '2026-09-30',
      contacts: [{ contactId: dup.id, role: 'decision_maker' }, { contactId: keep.id, role: 'user' }],
      bant: { authority: { decisionMakerContactIds: [dup.id, cfo.id, keep.id], participants: ['IT'] } },
    }));
    const other = created(await admin.post('/opportunities', {
      name: '其他项目', accountId: account.id, closeDate: '2026-09-30',
      bant: { authority: { decisionMakerContactIds: [cfo.id] } },
    }));

    const merged = await admin.post('/merges', { object: 'contacts', survivorId: keep.id, mergedIds: [dup.id] });
    expect(merged.status, merged.text).toBe(200);
    expect(merged.body.moved.opportunities).toEqual([deal.id]);

    const after = (await admin.get(`/opportunities/${deal.id}`)).body;
    expect(after.bant.authority).toEqual({ decisionMakerContactIds: [keep.id, cfo.id], participants: ['IT'] });
    expect(after.contacts).toEqual([{ contactId: keep.id, role: 'decision_maker' }]);
    expect(after.version).toBeGreaterThan(deal.version);
    expect((await admin.get(`/opportunities/${other.id}`)).body.version).toBe(other.version);

    const audit = (await admin.get(`/audit?recordId=${deal.id}`)).body.data;
    const entry = audit.find((e: { changes: Record<string, unknown> }) => 'bant' in e.changes);
    expect(entry).toMatchObject({ action: 'update', object: 'opportunities' });
    expect(entry.changes.bant.before.authority.decisionMakerContactIds).toEqual([dup.id, cfo.id, keep.id]);
    expect(entry.changes.bant.after.authority.decisionMakerContactIds).toEqual([keep.id, cfo.id]);
    expect(entry.changes.contacts.after).toEqual([{ contactId: keep.id, role: 'decision_maker' }]);
  });
});
