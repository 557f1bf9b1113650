import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { queryRows } from '../../src/platform/db/client.js';
import { ApiClient, createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
let admin: ApiClient;
let marketing: { client: ApiClient; id: string };
let visitor: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Public Form Co');
  marketing = await t.addUser(admin, { role: 'marketing' });
  visitor = t.anonymous();
});
afterAll(() => t.close());

const newCampaign = async (client: ApiClient, extra: Record<string, unknown> = {}) => {
  const res = await client.post('/campaigns', { name: '工业互联网线上研讨会', type: 'webinar', startDate: '2025-10-10', ...extra });
  expect(res.status).toBe(201);
  return res.body;
};

const leadsByEmail = async (client: ApiClient, email: string) => (await client.get(`/leads?filter[email]=${encodeURIComponent(email)}`)).body.data;
const responseCount = async (campaignId: string) =>
  (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM campaign_responses WHERE campaign_id = ${campaignId}`))[0].n;

describe('the public form', () => {
  it('describes itself to a public page without sign-in', async () => {
    const c = await newCampaign(marketing.client, { form: { requiredFields: ['company'], description: '10 月 10 日 14:00 在线' } });
    const form = await visitor.as('zh-CN').get(`/public/forms/${c.formKey}`);
    expect(form.status).toBe(200);
    expect(form.body).toEqual({
      formKey: c.formKey,
      title: '工业互联网线上研讨会',
      description: '10 月 10 日 14:00 在线',
      open: true,
      fields: [
        { name: 'name', required: true },
        { name: 'email', required: false },
        { name: 'phone', required: false },
        { name: 'company', required: true },
        { name: 'title', required: false },
        { name: 'message', required: false },
      ],
      consentRequired: false,
      consentText: null,
      thankYouMessage: '感谢您的报名，我们已收到您的信息！',
    });
    expect(JSON.stringify(form.body)).not.toContain(c.id);
  });

  it('creates a lead attributed to the campaign, registered as a member, with a touch and an event', async () => {
    const c = await newCampaign(marketing.client);
    const res = await visitor.post(`/public/forms/${c.formKey}`, {
      name: '周杰', email: 'Zhou.Jie@HuaXin-Tech.cn', company: '华信科技', message: '想了解 MES 方案', website_url: '',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ ok: true, message: 'Thank you! We have received your registration.' });

    const [lead] = await leadsByEmail(marketing.client, 'zhou.jie@huaxin-tech.cn');
    expect(lead).toMatchObject({ name: '周杰', company: '华信科技', source: 'campaign:webinar', campaignId: c.id, ownerId: null, status: 'new' });
    expect(lead.fieldSources.company.source).toBe('form');
    const members = await marketing.client.get(`/campaigns/${c.id}/members`);
    expect(members.body.data).toMatchObject([{ leadId: lead.id, status: 'registered', source: 'form', name: '周杰' }]);
    const touches = await marketing.client.get(`/campaigns/${c.id}/touches?leadId=${lead.id}`);
    expect(touches.body.data).toMatchObject([{ kind: 'form', details: { message: '想了解 MES 方案' } }]);
    const events = await queryRows<{ type: string; payload: { leadId: string; leadCreated: boolean } }>(
      t.database.db,
      sql`SELECT type, payload FROM outbox_events WHERE record_id = ${c.id} AND type = 'campaigns.response_received'`,
    );
    expect(events).toMatchObject([{ payload: { leadId: lead.id, leadCreated: true } }]);
    const audit = await admin.get(`/audit?recordId=${lead.id}`);
    expect(audit.body.data.at(-1)).toMatchObject({ action: 'create', actorName: 'web form' });
  });

  it('a second submission with the same e-mail fills only empty fields, never what a person typed, and adds a touch', async () => {
    const c = await newCampaign(marketing.client, { type: 'email' });
    await visitor.post(`/public/forms/${c.formKey}`, { name: '吴敏', email: 'wumin@chuangyi.cn', company: '创意科技' });
    const [lead] = await leadsByEmail(marketing.client, 'wumin@chuangyi.cn');
    const typed = await marketing.client.patch(`/leads/${lead.id}`, { version: lead.version, company: '创意信息科技（上海）有限公司' });
    expect(typed.body.fieldSources.company.source).toBe('user');

    const second = await visitor.post(`/public/forms/${c.formKey}`, {
      name: 'Wu Min', email: ' WuMin@ChuangYi.cn ', company: '创意', phone: '021-6888 1234', title: 'IT 总监',
    });
    expect(second.status).toBe(201);
    const after = await leadsByEmail(marketing.client, 'wumin@chuangyi.cn');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ name: '吴敏', company: '创意信息科技（上海）有限公司', phone: '+862168881234', title: 'IT 总监' });
    expect(after[0].fieldSources).toMatchObject({ company: { source: 'user' }, phone: { source: 'form' }, title: { source: 'form' } });

    const touches = await marketing.client.get(`/campaigns/${c.id}/touches?leadId=${lead.id}`);
    expect(touches.body.data.map((x: { kind: string }) => x.kind)).toEqual(['form', 'form']);
    const members = await marketing.client.get(`/campaigns/${c.id}/members`);
    expect(members.body.data).toMatchObject([{ leadId: lead.id, status: 'responded' }]);
    const summary = await marketing.client.get(`/campaigns/${c.id}/summary`);
    expect(summary.body).toMatchObject({ responses: 2, leads: { created: 1, touched: 1, touches: 2 }, members: { byStatus: { responded: 1 } } });
  });

  it('a phone number alone finds the lead too; another campaign keeps the lead’s first campaign', async () => {
    const first = await newCampaign(marketing.client, { type: 'content' });
    const second = await newCampaign(marketing.client, { type: 'seminar' });
    await visitor.post(`/public/forms/${first.formKey}`, { name: '郑爽', phone: '13712345678' });
    await visitor.post(`/public/forms/${second.formKey}`, { name: '郑爽', phone: '137 1234 5678', email: 'zheng@example.cn' });
    const [lead] = await leadsByEmail(marketing.client, 'zheng@example.cn');
    expect(lead).toMatchObject({ phone: '+8613712345678', campaignId: first.id, source: 'campaign:content' });
    expect((await marketing.client.get(`/campaigns/${second.id}/members`)).body.data).toMatchObject([{ leadId: lead.id, status: 'registered' }]);
  });

  it('a filled honeypot looks accepted to the bot and stores nothing', async () => {
    const c = await newCampaign(marketing.client);
    const res = await visitor.post(`/public/forms/${c.formKey}`, { name: 'Cheap pills', email: 'bot@spam.example', website_url: 'http://spam.example' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ ok: true, message: 'Thank you! We have received your registration.' });
    expect(await leadsByEmail(marketing.client, 'bot@spam.example')).toEqual([]);
    expect(await responseCount(c.id)).toBe(0);
    expect((await marketing.client.get(`/campaigns/${c.id}/members`)).body.data).toEqual([]);
  });

  it('explains what is missing, field by field, in the visitor’s language', async () => {
    const c = await newCampaign(marketing.client, { form: { consentRequired: true, consentText: '我同意接收活动通知' } });
    const res = await visitor.as('zh-CN').post(`/public/forms/${c.formKey}`, { name: ' ', phone: '12' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields).toEqual([
      { field: 'name', code: 'FIELD_REQUIRED', message: '此项为必填项。' },
      { field: 'phone', code: 'INVALID_PHONE', message: '电话号码 12 无效。' },
      { field: 'consent', code: 'CONSENT_REQUIRED', message: '请先同意相关条款。' },
    ]);
    const none = await visitor.post(`/public/forms/${c.formKey}`, { name: 'A', consent: true });
    expect(none.body.error.details.fields.map((f: { code: string }) => f.code)).toEqual(['FORM_EMAIL_OR_PHONE', 'FORM_EMAIL_OR_PHONE']);
    expect(none.body.error.details.fields[0].message).toBe('Enter an e-mail address or a phone number so we can reach you.');
    const unknownField = await visitor.post(`/public/forms/${c.formKey}`, { name: 'A', email: 'a@b.cn', consent: true, salary: 1 });
    expect(unknownField.status).toBe(400);

    const ok = await visitor.post(`/public/forms/${c.formKey}`, { name: '冯涛', email: 'fengtao@example.cn', consent: true });
    expect(ok.status).toBe(201);
    const [stored] = await queryRows<{ consent_text: string }>(t.database.db, sql`SELECT consent_text FROM campaign_responses WHERE campaign_id = ${c.id}`);
    expect(stored.consent_text).toBe('我同意接收活动通知');
  });

  it('refuses a closed form, or a finished campaign’s, with a clear error', async () => {
    const c = await newCampaign(marketing.client);
    const closed = await marketing.client.patch(`/campaigns/${c.id}`, { version: c.version, form: { open: false } });
    expect(closed.body.form.open).toBe(false);
    expect((await visitor.get(`/public/forms/${c.formKey}`)).body.open).toBe(false);
    const refused = await visitor.as('zh-CN').post(`/public/forms/${c.formKey}`, { name: '陈晨', email: 'chenchen@example.cn' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'FORM_CLOSED', message: '该表单已关闭，不再接受报名。' });

    const done = await newCampaign(marketing.client, { status: 'active' });
    await marketing.client.post(`/campaigns/${done.id}/complete`, {});
    expect((await visitor.post(`/public/forms/${done.formKey}`, { name: '陈晨', email: 'chenchen@example.cn' })).body.error.code).toBe('FORM_CLOSED');
    expect(await leadsByEmail(marketing.client, 'chenchen@example.cn')).toEqual([]);
  });

  it('counts a retried submission once (Idempotency-Key or submissionId)', async () => {
    const c = await newCampaign(marketing.client);
    const body = { name: '韩雪', email: 'hanxue@example.cn' };
    const headers = { 'idempotency-key': 'c0ffee00-retry-1' };
    expect((await visitor.post(`/public/forms/${c.formKey}`, body, headers)).status).toBe(201);
    expect((await visitor.post(`/public/forms/${c.formKey}`, body, headers)).status).toBe(201);
    await visitor.post(`/public/forms/${c.formKey}`, { ...body, submissionId: 'browser-tab-42' });
    await visitor.post(`/public/forms/${c.formKey}`, { ...body, submissionId: 'browser-tab-42' });
    expect(await responseCount(c.id)).toBe(2);
    const [lead] = await leadsByEmail(marketing.client, 'hanxue@example.cn');
    expect((await marketing.client.get(`/campaigns/${c.id}/touches?leadId=${lead.id}`)).body.data).toHaveLength(2);
  });

  it('simultaneous submissions of one person make one lead; simultaneous retries count once', async () => {
    const c = await newCampaign(marketing.client);
    const body = { name: '蒋琳', email: 'jianglin@example.cn' };
    const clicks = await Promise.all([1, 2, 3].map(() => visitor.post(`/public/forms/${c.formKey}`, body)));
    expect(clicks.map((r) => r.status)).toEqual([201, 201, 201]);
    const leads = await leadsByEmail(marketing.client, 'jianglin@example.cn');
    expect(leads).toHaveLength(1);
    expect((await marketing.client.get(`/campaigns/${c.id}/touches?leadId=${leads[0].id}`)).body.data).toHaveLength(3);

    const retries = await Promise.all([1, 2, 3].map(() => visitor.post(`/public/forms/${c.formKey}`, { ...body, submissionId: 'same-click-123' })));
    expect(retries.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(await responseCount(c.id)).toBe(4);
  });

  it('a form key reaches only its own tenant; unknown and rotated keys are not found', async () => {
    const otherAdmin = await t.signUp('Other Tenant');
    const theirs = await newCampaign(otherAdmin);
    const ours = await newCampaign(marketing.client);
    await visitor.post(`/public/forms/${theirs.formKey}`, { name: '外部客户', email: 'shared@example.cn' });
    expect(await leadsByEmail(marketing.client, 'shared@example.cn')).toEqual([]);
    expect(await leadsByEmail(otherAdmin, 'shared@example.cn')).toHaveLength(1);

    // Our tenant half with their random half, and the reverse, match nothing.
    for (const forged of [ours.formKey.slice(0, 22) + theirs.formKey.slice(22), theirs.formKey.slice(0, 22) + ours.formKey.slice(22)]) {
      const res = await visitor.post(`/public/forms/${forged}`, { name: 'x', email: 'forged@example.cn' });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('FORM_NOT_FOUND');
    }
    expect((await visitor.get('/public/forms/not-a-key')).status).toBe(404);

    const rotated = await marketing.client.post(`/campaigns/${ours.id}/rotate-form-key`, {});
    expect(rotated.body.formKey).not.toBe(ours.formKey);
    expect((await visitor.get(`/public/forms/${ours.formKey}`)).status).toBe(404);
    expect((await visitor.get(`/public/forms/${rotated.body.formKey}`)).status).toBe(200);
  });
});

describe('public form rate limit', () => {
  it('limits submissions per address with the error shape and Retry-After', async () => {
    const c = await newCampaign(marketing.client);
    const limited = await buildApp({ db: t.database.db, logLevel: 'error' });
    const client = new ApiClient(limited);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await client.post(`/public/forms/${c.formKey}`, { name: '' })).status);
    expect(statuses.every((s) => s === 400)).toBe(true);
    const last = await client.post(`/public/forms/${c.formKey}`, { name: 'Real person', email: 'late@example.cn' });
    expect(last.status).toBe(429);
    expect(last.body.error.code).toBe('RATE_LIMITED');
    expect(last.headers['retry-after']).toBeDefined();
    await limited.close();
  });
});
