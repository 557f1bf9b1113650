import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/client.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

/** Lead conversion (issue 4): account matching through duplicate detection, one transaction, read-only lead. */
let t: TestApp;
let admin: ApiClient;
let marketing: ApiClient;
let rep: { client: ApiClient; id: string };
let otherRep: { client: ApiClient; id: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Convert Co');
  marketing = (await t.addUser(admin, { role: 'marketing' })).client;
  rep = await t.addUser(admin, { role: 'sales_rep', name: 'Rep Li' });
  otherRep = await t.addUser(admin, { role: 'sales_rep', name: 'Rep Zhou' });
});
afterAll(() => t.close());

/** A lead of the rep, walked to SQL. */
const qualifiedLead = async (fields: Record<string, unknown>) => {
  const created = await marketing.post('/leads', { source: 'trade_show', ...fields });
  expect(created.status).toBe(201);
  const id = created.body.id;
  expect((await marketing.post(`/leads/${id}/promote`, {})).status).toBe(200);
  expect((await marketing.post(`/leads/${id}/assign`, { ownerId: rep.id })).status).toBe(200);
  expect((await rep.client.post(`/leads/${id}/accept`, {})).status).toBe(200);
  const sqlLead = await rep.client.post(`/leads/${id}/qualify`, {});
  expect(sqlLead.body.status).toBe('sql');
  return sqlLead.body;
};

const newAccount = async (client: ApiClient, fields: Record<string, unknown>) => {
  const res = await client.post('/accounts', fields);
  expect(res.status).toBe(201);
  return res.body;
};

const count = async (table: 'accounts' | 'contacts' | 'opportunities', name: string) => {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE name = ${name}`);
  return row.n;
};

describe('lead conversion', () => {
  it('attaches to the existing account (a name variant of the same company), with a contact and an opportunity that keeps the campaign touches', async () => {
    const account = await newAccount(rep.client, { name: '星河智造（北京）科技有限公司', city: '北京', industry: '制造业' });
    const campaign = (await marketing.post('/campaigns', {
      name: '2026 北京工业展', type: 'trade_show', startDate: '2026-03-01', endDate: '2026-03-03',
    })).body;
    const lead = await qualifiedLead({ name: '王建国', company: '北京星河智造科技有限公司', title: 'CIO', email: 'wang@xinghe.cn', phone: '13801012345', productInterest: 'MES' });
    expect((await marketing.post(`/campaigns/${campaign.id}/members`, { leadId: lead.id, status: 'attended' })).status).toBe(201);
    const call = (await rep.client.post('/activities', { type: 'call', subject: '电话沟通 MES 需求', leadId: lead.id, startAt: new Date().toISOString() })).body;

    const preview = await rep.client.get(`/leads/${lead.id}/conversion`);
    expect(preview.status).toBe(200);
    expect(preview.body.account).toMatchObject({ decision: 'existing', accountId: account.id, by: 'match' });
    expect(preview.body.account.candidates[0]).toMatchObject({ id: account.id, visible: true });
    expect(preview.body.contact).toBeNull();

    const processes = (await rep.client.get('/sales-processes')).body.data;
    const converted = await rep.client.post(`/leads/${lead.id}/convert`, {
      createOpportunity: true,
      opportunity: { name: '星河智造 MES', amount: { amount: '480000.00', currency: 'CNY' }, closeDate: '2026-06-30', processId: processes[0].id },
    });
    expect(converted.status).toBe(200);
    expect(converted.body).toMatchObject({ accountId: account.id, accountCreated: false, contactCreated: true });
    expect(converted.body.lead).toMatchObject({
      status: 'converted',
      convertedAccountId: account.id,
      convertedContactId: converted.body.contactId,
      convertedOpportunityId: converted.body.opportunityId,
    });

    const contact = (await rep.client.get(`/contacts/${converted.body.contactId}`)).body;
    expect(contact).toMatchObject({ accountId: account.id, name: '王建国', title: 'CIO', email: 'wang@xinghe.cn', phones: ['+8613801012345'], ownerId: rep.id });
    const deal = (await rep.client.get(`/opportunities/${converted.body.opportunityId}`)).body;
    expect(deal).toMatchObject({ accountId: account.id, leadId: lead.id, name: '星河智造 MES', amount: { amount: '480000.00', currency: 'CNY' }, ownerId: rep.id });
    expect(deal.contacts).toEqual([{ contactId: contact.id, role: null }]);
    // The call logged on the lead now shows on the account (timeline) with the contact.
    expect((await rep.client.get(`/activities/${call.id}`)).body).toMatchObject({ leadId: lead.id, accountId: account.id, contactIds: [contact.id] });
    const touches = await rep.client.get(`/opportunities/${deal.id}/campaign-touches`);
    expect(touches.body.data).toHaveLength(1);
    expect(touches.body.data[0]).toMatchObject({ leadId: lead.id, campaignId: campaign.id, campaignName: '2026 北京工业展' });

    // No twin: still one account of that company.
    expect(await count('accounts', '星河智造（北京）科技有限公司')).toBe(1);
    expect(await count('accounts', '北京星河智造科技有限公司')).toBe(0);
    const [event] = await queryRows<{ payload: Record<string, unknown> }>(
      t.database.db, sql`SELECT payload FROM outbox_events WHERE type = 'leads.converted' AND record_id = ${lead.id}`,
    );
    expect(event.payload).toMatchObject({ accountId: account.id, contactId: contact.id, opportunityId: deal.id, accountCreated: false });
    const history = (await rep.client.get(`/leads/${lead.id}/history`)).body.data;
    expect(history.at(-1)).toMatchObject({ action: 'convert', fromStatus: 'sql', toStatus: 'converted' });
  });

  it('makes the lead read-only: edits and actions are refused with LEAD_CONVERTED, and it cannot convert twice', async () => {
    const lead = await qualifiedLead({ name: '赵敏', company: '澄海数据服务有限公司', email: 'zhao@chenghai.cn' });
    const done = await rep.client.post(`/leads/${lead.id}/convert`, {});
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ accountCreated: true, contactCreated: true, opportunityId: null });
    const account = (await rep.client.get(`/accounts/${done.body.accountId}`)).body;
    expect(account).toMatchObject({ name: '澄海数据服务有限公司', ownerId: rep.id });

    const edit = await rep.client.patch(`/leads/${lead.id}`, { title: 'CTO', version: done.body.lead.version });
    expect(edit.status).toBe(409);
    expect(edit.body.error).toMatchObject({ code: 'LEAD_CONVERTED', details: { accountId: account.id } });
    for (const action of ['disqualify', 'return-to-nurture']) {
      const refused = await rep.client.post(`/leads/${lead.id}/${action}`, { reason: 'x' });
      expect(refused.body.error.code).toBe('LEAD_CONVERTED');
    }
    expect((await marketing.post(`/leads/${lead.id}/assign`, { ownerId: otherRep.id })).body.error.code).toBe('LEAD_CONVERTED');
    expect((await admin.delete(`/leads/${lead.id}`)).body.error.code).toBe('LEAD_CONVERTED');
    const again = await rep.client.as('zh-CN').post(`/leads/${lead.id}/convert`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('已转化');
  });

  it('converts only a qualified lead (accepted or SQL)', async () => {
    const created = (await marketing.post('/leads', { name: '钱多多', company: '新锐科技' })).body;
    const refused = await marketing.post(`/leads/${created.id}/convert`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'LEAD_NOT_QUALIFIED', details: { status: 'new', allowedFrom: ['accepted', 'sql'] } });
  });

  it('reuses the contact of the account with the same e-mail', async () => {
    const account = await newAccount(rep.client, { name: '远航物流股份有限公司', city: '上海' });
    const existing = (await rep.client.post('/contacts', { accountId: account.id, name: '孙悦', email: 'sun@yuanhang.cn' })).body;
    const lead = await qualifiedLead({ name: '孙 悦', company: '远航物流股份有限公司', email: 'SUN@yuanhang.cn', city: '上海' });
    const preview = (await rep.client.get(`/leads/${lead.id}/conversion`)).body;
    expect(preview.contact).toMatchObject({ id: existing.id });
    const done = await rep.client.post(`/leads/${lead.id}/convert`, {});
    expect(done.body).toMatchObject({ accountId: account.id, contactId: existing.id, accountCreated: false, contactCreated: false });
  });

  it('asks when the company may be one of several accounts: 409 with candidates, then the choice or "create anyway"', async () => {
    const a = await newAccount(rep.client, { name: '华信软件（上海）有限公司', city: '上海' });
    const b = await newAccount(rep.client, { name: '华信软件（深圳）有限公司', city: '深圳' });
    const lead = await qualifiedLead({ name: '周杰', company: '华信软件有限公司', email: 'zhou@huaxin.cn' });
    const asked = await rep.client.post(`/leads/${lead.id}/convert`, {});
    expect(asked.status).toBe(409);
    expect(asked.body.error.code).toBe('ACCOUNT_MATCH_AMBIGUOUS');
    expect(asked.body.error.details.candidates.map((c: { id: string }) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(await count('contacts', '周杰')).toBe(0);

    const chosen = await rep.client.post(`/leads/${lead.id}/convert`, { accountId: b.id });
    expect(chosen.body).toMatchObject({ accountId: b.id, accountCreated: false });

    const second = await qualifiedLead({ name: '吴磊', company: '华信软件有限公司', email: 'wu@huaxin.cn' });
    const anyway = await rep.client.post(`/leads/${second.id}/convert`, { createAccount: true });
    expect(anyway.body).toMatchObject({ accountCreated: true });
    expect(anyway.body.accountId).not.toBe(a.id);
  });

  it('matches by credit code first, and refuses to attach silently to an account the rep cannot see', async () => {
    await newAccount(otherRep.client, { name: '蓝海医疗器械有限公司', creditCode: '911101051017386531' });
    const lead = await qualifiedLead({ name: '郑爽', company: '蓝海医疗', creditCode: '911101051017386531' });
    const refused = await rep.client.post(`/leads/${lead.id}/convert`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'ACCOUNT_NOT_VISIBLE' });
    expect(refused.body.error.message).toContain('Rep Zhou');
    expect(refused.body.error.details.candidates[0]).toMatchObject({ sameCreditCode: true, visible: false });
  });

  it('is one transaction: a refused opportunity leaves no account or contact behind', async () => {
    expect((await admin.request('PUT', '/opportunity-settings', { bantMode: 'strict', bantRequired: ['budget', 'need'] })).status).toBe(200);
    const lead = await qualifiedLead({ name: '冯巩', company: '极光电子商务有限公司', email: 'feng@jiguang.cn' });
    const refused = await rep.client.post(`/leads/${lead.id}/convert`, { createOpportunity: true, opportunity: { closeDate: '2026-09-30' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('BANT_INCOMPLETE');
    expect(await count('accounts', '极光电子商务有限公司')).toBe(0);
    expect(await count('contacts', '冯巩')).toBe(0);
    expect((await rep.client.get(`/leads/${lead.id}`)).body).toMatchObject({ status: 'sql', convertedAccountId: null });
    await admin.request('PUT', '/opportunity-settings', { bantMode: 'lenient', bantRequired: ['budget', 'authority', 'need', 'timeline'] });
  });

  it('a strict tenant creates the deal when the conversion sends its BANT; the lead\'s contact can be its decision maker', async () => {
    expect((await admin.request('PUT', '/opportunity-settings', { bantMode: 'strict', bantRequired: ['budget', 'authority', 'need'] })).status).toBe(200);
    const lead = await qualifiedLead({ name: '秦岚', company: '星河物流有限公司', email: 'qin@xinghe.cn' });
    const opportunity = {
      closeDate: '2026-10-31',
      bant: { budget: { amount: { amount: '300000.00', currency: 'CNY' }, approved: true }, need: { problem: '  调度靠人工  ' } },
    };
    const missingAuthority = await rep.client.post(`/leads/${lead.id}/convert`, { createOpportunity: true, opportunity });
    expect(missingAuthority.status).toBe(400);
    expect(missingAuthority.body.error).toMatchObject({ code: 'BANT_INCOMPLETE', details: { missing: ['authority'] } });
    expect(await count('accounts', '星河物流有限公司')).toBe(0);

    const res = await rep.client.post(`/leads/${lead.id}/convert`, { createOpportunity: true, opportunity: { ...opportunity, contactIsDecisionMaker: true } });
    expect(res.status).toBe(200);
    const deal = (await rep.client.get(`/opportunities/${res.body.opportunityId}`)).body;
    expect(deal).toMatchObject({
      qualified: true,
      leadId: lead.id,
      bant: {
        budget: { amount: { amount: '300000.00', currency: 'CNY' }, approved: true },
        authority: { decisionMakerContactIds: [res.body.contactId] },
        need: { problem: '调度靠人工' },
      },
    });
    await admin.request('PUT', '/opportunity-settings', { bantMode: 'lenient', bantRequired: ['budget', 'authority', 'need', 'timeline'] });
  });

  it('needs the rights to create what it creates', async () => {
    const lead = await qualifiedLead({ name: '韩梅', company: '青松教育科技有限公司' });
    const refused = await marketing.post(`/leads/${lead.id}/convert`, {});
    expect(refused.status).toBe(403);
    expect((await otherRep.client.post(`/leads/${lead.id}/convert`, {})).status).toBe(404);
  });
});
