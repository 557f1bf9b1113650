import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

let t: TestApp;
let admin: ApiClient;
let marketing: { client: ApiClient; id: string };
let rep: { client: ApiClient; id: string };
let finance: { client: ApiClient; id: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Campaigns Co');
  marketing = await t.addUser(admin, { role: 'marketing' });
  rep = await t.addUser(admin, { role: 'sales_rep' });
  finance = await t.addUser(admin, { role: 'finance' });
});
afterAll(() => t.close());

const cny = (amount: string) => ({ amount, currency: 'CNY' });

const newCampaign = async (extra: Record<string, unknown> = {}) => {
  const res = await marketing.client.post('/campaigns', {
    name: '2025 北京制造业数字化研讨会', type: 'seminar', startDate: '2025-09-18', endDate: '2025-09-19', budget: cny('50000'), ...extra,
  });
  expect(res.status).toBe(201);
  return res.body;
};

const newLead = async (name: string, email: string) => {
  const res = await marketing.client.post('/leads', { name, email, company: '星河智造' });
  expect(res.status).toBe(201);
  return res.body;
};

describe('campaigns', () => {
  it('creates a campaign with exact money, goals, an owner and its own form key', async () => {
    const c = await newCampaign({ goals: { leads: 200, mqls: 40, pipeline: cny('1234567890123.45') } });
    expect(c).toMatchObject({
      name: '2025 北京制造业数字化研讨会',
      type: 'seminar',
      status: 'planned',
      startDate: '2025-09-18',
      endDate: '2025-09-19',
      budget: { amount: '50000.00', currency: 'CNY' },
      goals: { leads: 200, mqls: 40, pipeline: { amount: '1234567890123.45', currency: 'CNY' } },
      ownerId: marketing.id,
      actualCost: null,
      memberCount: 0,
      form: { open: true, fields: ['email', 'phone', 'company', 'title', 'message'], requiredFields: [], consentRequired: false },
    });
    expect(c.formKey).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect((await newCampaign()).formKey).not.toBe(c.formKey);
    const list = await rep.client.get('/campaigns?filter[type]=seminar&sort=name');
    expect(list.body.data.map((x: { id: string }) => x.id)).toContain(c.id);
  });

  it('refuses invalid input with each problem on its field', async () => {
    const bad = await marketing.client.post('/campaigns', {
      name: '', type: 'billboard', startDate: '2025-13-01', budget: { amount: '12.345', currency: 'CNY' },
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'type', 'startDate', 'budget.amount']));

    const backwards = await marketing.client.as('zh-CN').post('/campaigns', { name: 'X', type: 'seo', startDate: '2025-09-18', endDate: '2025-09-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details.fields[0]).toMatchObject({ field: 'endDate', code: 'CAMPAIGN_END_BEFORE_START', message: '结束日期不能早于开始日期。' });

    const finished = await marketing.client.post('/campaigns', { name: 'X', type: 'seo', startDate: '2025-09-18', status: 'completed' });
    expect(finished.body.error.details.fields[0]).toMatchObject({ field: 'status', code: 'CAMPAIGN_INITIAL_STATUS' });

    const noContact = await marketing.client.post('/campaigns', { name: 'X', type: 'seo', startDate: '2025-09-18', form: { fields: ['company'] } });
    expect(noContact.body.error.details.fields[0]).toMatchObject({ field: 'form.fields', code: 'FORM_NEEDS_EMAIL_OR_PHONE' });
  });

  it('edits with optimistic concurrency and merges form settings', async () => {
    const c = await newCampaign();
    const edited = await marketing.client.patch(`/campaigns/${c.id}`, {
      version: c.version, name: '研讨会（第二场）', form: { requiredFields: ['company'], thankYouMessage: '期待与您见面' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      name: '研讨会（第二场）',
      version: c.version + 1,
      form: { fields: ['email', 'phone', 'company', 'title', 'message'], requiredFields: ['company'], thankYouMessage: '期待与您见面' },
    });
    const stale = await marketing.client.patch(`/campaigns/${c.id}`, { version: c.version, name: 'stale' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const audit = await admin.get(`/audit?recordId=${c.id}`);
    expect(audit.body.data[0].changes.name).toEqual({ before: '2025 北京制造业数字化研讨会', after: '研讨会（第二场）' });
  });

  it('moves through planned → active → completed; illegal moves are refused with what is allowed', async () => {
    const c = await newCampaign();
    const active = await marketing.client.post(`/campaigns/${c.id}/activate`, {});
    expect(active.body.status).toBe('active');
    const again = await marketing.client.post(`/campaigns/${c.id}/activate`, {});
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { status: 'active', allowed: ['complete', 'abort'] } });
    expect((await marketing.client.post(`/campaigns/${c.id}/complete`, {})).body.status).toBe('completed');
    expect((await marketing.client.post(`/campaigns/${c.id}/abort`, {})).status).toBe(409);
    const aborted = await newCampaign();
    expect((await marketing.client.post(`/campaigns/${aborted.id}/abort`, {})).body.status).toBe('aborted');
    const stale = await marketing.client.post(`/campaigns/${aborted.id}/activate`, { version: 1 });
    expect(stale.status).toBe(409);
  });
});

describe('campaign costs', () => {
  it('sums the cost entries in SQL, exactly, against the budget', async () => {
    const c = await newCampaign();
    for (const [date, category, amount] of [['2025-08-01', 'venue', '12000.50'], ['2025-08-15', 'catering', '8000.25'], ['2025-09-18', 'materials', '0.25']]) {
      const res = await marketing.client.post(`/campaigns/${c.id}/costs`, { date, category, amount: cny(amount), note: `${category} deposit` });
      expect(res.status).toBe(201);
    }
    const costs = await rep.client.get(`/campaigns/${c.id}/costs`);
    expect(costs.body.data.map((x: { date: string }) => x.date)).toEqual(['2025-09-18', '2025-08-15', '2025-08-01']);
    expect((await marketing.client.get(`/campaigns/${c.id}`)).body.actualCost).toEqual(cny('20001.00'));

    const summary = await rep.client.get(`/campaigns/${c.id}/summary`);
    expect(summary.body.cost).toEqual({ budget: cny('50000.00'), actual: cny('20001.00'), remaining: cny('29999.00'), percentOfBudget: 40, entries: 3 });

    const venue = costs.body.data[2];
    const corrected = await marketing.client.patch(`/campaigns/${c.id}/costs/${venue.id}`, { version: venue.version, amount: cny('11999.50') });
    expect(corrected.body).toMatchObject({ amount: cny('11999.50'), version: venue.version + 1, category: 'venue' });
    const removed = await marketing.client.delete(`/campaigns/${c.id}/costs/${costs.body.data[0].id}?version=1`);
    expect(removed.status).toBe(204);
    // 20001.00 − 1.00 corrected − 0.25 removed
    expect((await marketing.client.get(`/campaigns/${c.id}`)).body.actualCost).toEqual(cny('19999.75'));
    const audit = await admin.get(`/audit?recordId=${venue.id}`);
    expect(audit.body.data[0].changes.amount).toEqual({ before: cny('12000.50'), after: cny('11999.50') });
  });

  it('keeps one currency per campaign and refuses amounts that are not positive', async () => {
    const c = await newCampaign();
    const usd = await marketing.client.post(`/campaigns/${c.id}/costs`, { date: '2025-08-01', category: 'media', amount: { amount: '100.00', currency: 'USD' } });
    expect(usd.status).toBe(400);
    expect(usd.body.error.details.fields[0]).toMatchObject({ field: 'amount.currency', code: 'CAMPAIGN_CURRENCY_MISMATCH' });
    for (const amount of ['0', '-5.00']) {
      const res = await marketing.client.post(`/campaigns/${c.id}/costs`, { date: '2025-08-01', category: 'media', amount: cny(amount) });
      expect(res.body.error.details.fields[0].code).toBe('AMOUNT_NOT_POSITIVE');
    }
    await marketing.client.post(`/campaigns/${c.id}/costs`, { date: '2025-08-01', category: 'media', amount: cny('10') });
    const switched = await marketing.client.patch(`/campaigns/${c.id}`, { version: c.version, budget: { amount: '7000.00', currency: 'USD' } });
    expect(switched.status).toBe(400);
    expect(switched.body.error.details.fields[0]).toMatchObject({ field: 'budget', code: 'CAMPAIGN_CURRENCY_MISMATCH' });

    const noBudget = await newCampaign({ budget: null });
    await marketing.client.post(`/campaigns/${noBudget.id}/costs`, { date: '2025-08-01', category: 'media', amount: { amount: '100.00', currency: 'USD' } });
    const mixed = await marketing.client.post(`/campaigns/${noBudget.id}/costs`, { date: '2025-08-02', category: 'media', amount: cny('1') });
    expect(mixed.status).toBe(400);
    const summary = await marketing.client.get(`/campaigns/${noBudget.id}/summary`);
    expect(summary.body.cost).toMatchObject({ budget: null, actual: { amount: '100.00', currency: 'USD' }, remaining: null, percentOfBudget: null });
  });
});

describe('campaign members', () => {
  it('adds a lead as invited and moves it forward only, each engagement a touch on the lead', async () => {
    const c = await newCampaign({ type: 'webinar' });
    const lead = await newLead('李娜', 'lina@example.cn');
    const added = await marketing.client.post(`/campaigns/${c.id}/members`, { leadId: lead.id });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ leadId: lead.id, contactId: null, status: 'invited', name: '李娜', email: 'lina@example.cn', source: 'manual' });
    expect(added.body.invitedAt).not.toBeNull();
    const twice = await marketing.client.post(`/campaigns/${c.id}/members`, { leadId: lead.id });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('ALREADY_EXISTS');

    let member = added.body;
    for (const status of ['registered', 'attended']) {
      const moved = await marketing.client.patch(`/campaigns/${c.id}/members/${member.id}`, { status, version: member.version });
      expect(moved.status).toBe(200);
      member = moved.body;
    }
    expect(member).toMatchObject({ status: 'attended', version: 3 });
    expect(member.registeredAt).not.toBeNull();
    const back = await marketing.client.as('zh-CN').patch(`/campaigns/${c.id}/members/${member.id}`, { status: 'registered', version: member.version });
    expect(back.status).toBe(409);
    expect(back.body.error).toMatchObject({ code: 'MEMBER_ILLEGAL_STATUS', details: { status: 'attended', allowed: ['responded'] } });
    expect(back.body.error.message).toContain('只能向前推进');
    const stale = await marketing.client.patch(`/campaigns/${c.id}/members/${member.id}`, { status: 'responded', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');

    const touches = await marketing.client.get(`/campaigns/${c.id}/touches?leadId=${lead.id}`);
    expect(touches.body.data.map((x: { kind: string }) => x.kind)).toEqual(['attended', 'registered']);
    // The first campaign to touch a lead becomes its campaign.
    expect((await marketing.client.get(`/leads/${lead.id}`)).body.campaignId).toBe(c.id);
  });

  it('adding a member as responded records a touch; contacts can be members too; filters work', async () => {
    const c = await newCampaign({ type: 'email' });
    const lead = await newLead('赵强', 'zhaoqiang@example.cn');
    const responded = await marketing.client.post(`/campaigns/${c.id}/members`, { leadId: lead.id, status: 'responded' });
    expect(responded.body).toMatchObject({ status: 'responded', invitedAt: null });
    expect(responded.body.respondedAt).not.toBeNull();
    const touches = await marketing.client.get(`/campaigns/${c.id}/touches?leadId=${lead.id}`);
    expect(touches.body.data).toMatchObject([{ kind: 'responded', campaignId: c.id, leadId: lead.id }]);

    const account = await admin.post('/accounts', { name: '东方电气有限公司' });
    const contact = await admin.post('/contacts', { name: '孙伟', accountId: account.body.id, email: 'sunwei@dongfang.cn' });
    const contactMember = await marketing.client.post(`/campaigns/${c.id}/members`, { contactId: contact.body.id });
    expect(contactMember.body).toMatchObject({ contactId: contact.body.id, name: '孙伟', company: '东方电气有限公司', status: 'invited' });

    const both = await marketing.client.post(`/campaigns/${c.id}/members`, { leadId: lead.id, contactId: contact.body.id });
    expect(both.status).toBe(400);
    expect(both.body.error.details.fields[0].code).toBe('MEMBER_PERSON_REQUIRED');
    const missing = await marketing.client.post(`/campaigns/${c.id}/members`, { leadId: '0190f5a2-7b3c-7d4e-8f60-1a2b3c4d5e6f' });
    expect(missing.body.error.details.fields[0]).toMatchObject({ field: 'leadId', code: 'REFERENCE_NOT_FOUND' });

    const onlyResponded = await marketing.client.get(`/campaigns/${c.id}/members?filter[status]=responded`);
    expect(onlyResponded.body.data.map((m: { leadId: string }) => m.leadId)).toEqual([lead.id]);
    const page1 = await marketing.client.get(`/campaigns/${c.id}/members?limit=1`);
    const page2 = await marketing.client.get(`/campaigns/${c.id}/members?limit=1&cursor=${page1.body.nextCursor}`);
    expect([page1.body.data[0].id, page2.body.data[0].id].sort()).toEqual([responded.body.id, contactMember.body.id].sort());
    expect(page2.body.nextCursor).toBeNull();

    const removed = await marketing.client.delete(`/campaigns/${c.id}/members/${contactMember.body.id}`);
    expect(removed.status).toBe(204);
  });

  it('summarises members by status, leads and touches in SQL', async () => {
    const c = await newCampaign({ type: 'webinar', goals: { leads: 4, mqls: 2 } });
    const leads = await Promise.all(['a', 'b', 'c'].map((x) => newLead(`Lead ${x}`, `${x}@summary.cn`)));
    await marketing.client.post(`/campaigns/${c.id}/members`, { leadId: leads[0].id });
    await marketing.client.post(`/campaigns/${c.id}/members`, { leadId: leads[1].id, status: 'registered' });
    await marketing.client.post(`/campaigns/${c.id}/members`, { leadId: leads[2].id, status: 'attended' });
    await marketing.client.post(`/leads/${leads[2].id}/promote`, {});
    const summary = await rep.client.get(`/campaigns/${c.id}/summary`);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      members: { total: 3, byStatus: { invited: 1, registered: 1, attended: 1, responded: 0 }, reached: { registered: 2, attended: 1, responded: 0 } },
      responses: 0,
      leads: { created: 2, mqls: 1, touched: 2, touches: 2 },
      goals: { leads: { target: 4, actual: 2, percent: 50 }, mqls: { target: 2, actual: 1, percent: 50 } },
      cost: { actual: cny('0.00'), remaining: cny('50000.00'), percentOfBudget: 0, entries: 0 },
    });
    expect((await marketing.client.get(`/campaigns/${c.id}`)).body.memberCount).toBe(3);
  });

  it('records a response entered by hand: finds or creates the lead, touches it, makes it a member', async () => {
    const c = await newCampaign({ type: 'trade_show' });
    const first = await marketing.client.post(`/campaigns/${c.id}/responses`, { name: '钱进', phone: '139 1234 5678', company: '钱氏机械', message: '展台扫码' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ leadCreated: true, memberStatus: 'registered', duplicate: false });
    const again = await marketing.client.post(`/campaigns/${c.id}/responses`, { name: '钱进', phone: '+86 139-1234-5678', title: '采购经理' });
    expect(again.body).toMatchObject({ leadId: first.body.leadId, leadCreated: false });
    const lead = await marketing.client.get(`/leads/${first.body.leadId}`);
    expect(lead.body).toMatchObject({ phone: '+8613912345678', title: '采购经理', source: 'campaign:trade_show', campaignId: c.id, ownerId: marketing.id });
    expect(lead.body.fieldSources.title.source).toBe('user');
    const touches = await marketing.client.get(`/campaigns/${c.id}/touches`);
    expect(touches.body.data.map((x: { kind: string }) => x.kind)).toEqual(['manual', 'manual']);
    expect(touches.body.data[1].details.message).toBe('展台扫码');
  });
});

describe('campaign access', () => {
  it('marketing manages campaigns; reps and managers read them; finance does not see them', async () => {
    const c = await newCampaign();
    const lead = await newLead('访问测试', 'access@example.cn');
    expect((await rep.client.get(`/campaigns/${c.id}`)).status).toBe(200);
    expect((await rep.client.get(`/campaigns/${c.id}/members`)).status).toBe(200);
    expect((await rep.client.get(`/campaigns/${c.id}/costs`)).status).toBe(200);
    expect((await rep.client.post('/campaigns', { name: 'X', type: 'seo', startDate: '2025-01-01' })).status).toBe(403);
    expect((await rep.client.patch(`/campaigns/${c.id}`, { version: c.version, name: 'mine now' })).status).toBe(403);
    expect((await rep.client.post(`/campaigns/${c.id}/costs`, { date: '2025-01-01', category: 'media', amount: cny('1') })).status).toBe(403);
    expect((await rep.client.post(`/campaigns/${c.id}/members`, { leadId: lead.id })).status).toBe(403);
    expect((await rep.client.post(`/campaigns/${c.id}/activate`, {})).status).toBe(403);
    expect((await rep.client.post(`/campaigns/${c.id}/responses`, { name: 'x', email: 'x@y.cn' })).status).toBe(403);
    const manager = await t.addUser(admin, { role: 'sales_manager' });
    expect((await manager.client.get(`/campaigns/${c.id}/summary`)).status).toBe(200);
    expect((await finance.client.get('/campaigns')).status).toBe(403);
    expect((await finance.client.get(`/campaigns/${c.id}/summary`)).status).toBe(403);
    // A rep sees the member rows, but not the names of leads that are not theirs.
    await marketing.client.post(`/campaigns/${c.id}/members`, { leadId: lead.id });
    const members = await rep.client.get(`/campaigns/${c.id}/members`);
    expect(members.body.data[0]).toMatchObject({ leadId: lead.id, name: null, email: null });
    expect((await rep.client.get(`/campaigns/${c.id}/touches`)).body.data).toEqual([]);
  });

  it('another tenant’s campaigns, costs, members and leads are not found', async () => {
    const other = await t.signUp('Other Campaigns Co');
    const theirs = (await other.post('/campaigns', { name: 'Theirs', type: 'seo', startDate: '2025-01-01' })).body;
    const theirLead = (await other.post('/leads', { name: 'Their lead', email: 'their@example.cn' })).body;
    const cost = (await other.post(`/campaigns/${theirs.id}/costs`, { date: '2025-01-02', category: 'media', amount: cny('5') })).body;
    for (const path of ['', '/summary', '/members', '/costs', '/touches']) {
      expect((await admin.get(`/campaigns/${theirs.id}${path}`)).status).toBe(404);
    }
    expect((await admin.post(`/campaigns/${theirs.id}/members`, { leadId: theirLead.id })).status).toBe(404);
    expect((await admin.delete(`/campaigns/${theirs.id}/costs/${cost.id}`)).status).toBe(404);
    const ours = await newCampaign();
    const foreignLead = await marketing.client.post(`/campaigns/${ours.id}/members`, { leadId: theirLead.id });
    expect(foreignLead.body.error.details.fields[0]).toMatchObject({ field: 'leadId', code: 'REFERENCE_NOT_FOUND' });
    expect((await admin.delete(`/campaigns/${ours.id}/costs/${cost.id}`)).status).toBe(404);
    expect((await admin.get('/campaigns?limit=200')).body.data.map((c: { id: string }) => c.id)).not.toContain(theirs.id);
  });

  it('a campaign with members cannot be deleted (abort it); one with only costs can', async () => {
    const withMembers = await newCampaign();
    const lead = await newLead('删除测试', 'delete@example.cn');
    await marketing.client.post(`/campaigns/${withMembers.id}/members`, { leadId: lead.id });
    const refused = await marketing.client.delete(`/campaigns/${withMembers.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('HAS_DEPENDENTS');
    const withCosts = await newCampaign();
    await marketing.client.post(`/campaigns/${withCosts.id}/costs`, { date: '2025-08-01', category: 'media', amount: cny('10') });
    expect((await marketing.client.delete(`/campaigns/${withCosts.id}`)).status).toBe(204);
    expect((await marketing.client.get(`/campaigns/${withCosts.id}`)).status).toBe(404);
  });
});

describe('campaigns in the API contract', () => {
  it('documents the API.md names in the OpenAPI document', async () => {
    const doc = (await t.anonymous().get('/api/v1/openapi.json')).body;
    for (const path of [
      '/api/v1/campaigns', '/api/v1/campaigns/{id}', '/api/v1/campaigns/{id}/costs', '/api/v1/campaigns/{id}/members',
      '/api/v1/campaigns/{id}/summary', '/api/v1/public/forms/{formKey}',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    const create = doc.paths['/api/v1/campaigns'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(['name', 'type', 'startDate']);
    expect(Object.keys(create.properties)).toEqual(expect.arrayContaining(['name', 'type', 'status', 'startDate', 'endDate', 'budget', 'goals']));
    expect(doc.paths['/api/v1/public/forms/{formKey}'].post.security).toEqual([]);
  });
});
