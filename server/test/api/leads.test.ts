import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEvents } from '../../src/platform/events/events.schema.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

let t: TestApp;
let admin: ApiClient;
let marketing: { client: ApiClient; id: string };
let rep: { client: ApiClient; id: string };
let otherRep: { client: ApiClient; id: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Leads Co');
  marketing = await t.addUser(admin, { role: 'marketing' });
  rep = await t.addUser(admin, { role: 'sales_rep' });
  otherRep = await t.addUser(admin, { role: 'sales_rep' });
});
afterAll(() => t.close());

const newLead = async (extra: Record<string, unknown> = {}) => {
  const res = await marketing.client.post('/leads', {
    name: '王建国', company: '星河智造（北京）科技有限公司', email: 'Wang@XingHe.cn', phone: '138 0101 2345', source: 'trade_show', ...extra,
  });
  expect(res.status).toBe(201);
  return res.body;
};

describe('leads', () => {
  it('creates a lead with normalised contact points and remembers which fields a person typed', async () => {
    const lead = await newLead({ industry: '制造业' });
    expect(lead).toMatchObject({ status: 'new', email: 'wang@xinghe.cn', phone: '+8613801012345', ownerId: marketing.id });
    expect(Object.keys(lead.fieldSources).sort()).toEqual(['company', 'email', 'industry', 'name', 'phone', 'source']);
    expect(lead.fieldSources.industry.source).toBe('user');
    const bad = await marketing.client.post('/leads', { name: 'x', phone: '12', creditCode: '123' });
    expect(bad.status).toBe(400);
  });

  it('walks the lifecycle: MQL → assigned → accepted → SQL, with full history', async () => {
    const lead = await newLead();
    expect((await marketing.client.post(`/leads/${lead.id}/promote`, {})).body.status).toBe('mql');
    const assigned = await marketing.client.post(`/leads/${lead.id}/assign`, { ownerId: rep.id });
    expect(assigned.body).toMatchObject({ ownerId: rep.id, status: 'mql' });
    expect((await rep.client.get(`/leads/${lead.id}`)).status).toBe(200);
    expect((await otherRep.client.get(`/leads/${lead.id}`)).status).toBe(404);
    expect((await rep.client.post(`/leads/${lead.id}/accept`, {})).body.status).toBe('accepted');
    expect((await rep.client.post(`/leads/${lead.id}/qualify`, {})).body.status).toBe('sql');
    const history = await rep.client.get(`/leads/${lead.id}/history`);
    expect(history.body.data.map((h: { action: string }) => h.action)).toEqual(['create', 'promote', 'assign', 'accept', 'qualify']);
    expect(history.body.data.map((h: { toStatus: string }) => h.toStatus)).toEqual(['new', 'mql', 'mql', 'accepted', 'sql']);
    // When it became MQL and SQL is kept on the lead, at the history's times.
    const at = (action: string) => history.body.data.find((h: { action: string }) => h.action === action).at;
    const sqlLead = (await rep.client.get(`/leads/${lead.id}`)).body;
    expect(sqlLead).toMatchObject({ becameMqlAt: at('promote'), becameSqlAt: at('qualify'), statusChangedAt: at('qualify') });
    expect(lead).toMatchObject({ becameMqlAt: null, becameSqlAt: null });
  });

  it('a rejected lead goes to the manual routing queue with its reason', async () => {
    const lead = await newLead();
    await marketing.client.post(`/leads/${lead.id}/promote`, {});
    await marketing.client.post(`/leads/${lead.id}/assign`, { ownerId: rep.id });
    const noReason = await rep.client.post(`/leads/${lead.id}/reject`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.fields[0]).toMatchObject({ field: 'reason', code: 'FIELD_REQUIRED' });
    const rejected = await rep.client.post(`/leads/${lead.id}/reject`, { reason: 'Wrong region: Guangzhou' });
    expect(rejected.body).toMatchObject({ status: 'mql', ownerId: null, inRoutingQueue: true, lastReason: 'Wrong region: Guangzhou' });
    const queue = await marketing.client.get('/leads?filter[inRoutingQueue]=true');
    expect(queue.body.data.map((l: { id: string }) => l.id)).toContain(lead.id);
    // The rep no longer sees it; marketing re-routes it by hand.
    expect((await rep.client.get(`/leads/${lead.id}`)).status).toBe(404);
    const rerouted = await marketing.client.post(`/leads/${lead.id}/assign`, { ownerId: otherRep.id });
    expect(rerouted.body).toMatchObject({ ownerId: otherRep.id, inRoutingQueue: false });
  });

  it('return to nurture puts the lead back in the pool; illegal moves are refused with what is allowed', async () => {
    const lead = await newLead();
    const illegal = await marketing.client.as('zh-CN').post(`/leads/${lead.id}/accept`, {});
    expect(illegal.status).toBe(409);
    expect(illegal.body.error).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { status: 'new' } });
    expect(illegal.body.error.details.allowed).toEqual(['promote', 'return-to-nurture', 'disqualify']);
    expect(illegal.body.error.message).toContain('不能执行该操作');
    await marketing.client.post(`/leads/${lead.id}/promote`, {});
    await marketing.client.post(`/leads/${lead.id}/assign`, { ownerId: rep.id });
    const nurtured = await rep.client.post(`/leads/${lead.id}/return-to-nurture`, { reason: 'Budget next year' });
    expect(nurtured.body).toMatchObject({ status: 'recycled', ownerId: null, lastReason: 'Budget next year' });
    const disq = await marketing.client.post(`/leads/${lead.id}/disqualify`, { reason: 'Student' });
    expect(disq.body.status).toBe('disqualified');
    expect((await marketing.client.post(`/leads/${lead.id}/assign`, { ownerId: rep.id })).status).toBe(409);
    // Back in the funnel later, it keeps when it first became MQL.
    const firstMql = nurtured.body.becameMqlAt;
    expect(firstMql).toEqual(expect.any(String));
    await marketing.client.post(`/leads/${lead.id}/reopen`, {});
    const again = await marketing.client.post(`/leads/${lead.id}/promote`, {});
    expect(again.body).toMatchObject({ status: 'mql', becameMqlAt: firstMql, becameSqlAt: null });
  });

  it('publishes lifecycle events and audits every change', async () => {
    const lead = await newLead();
    await marketing.client.post(`/leads/${lead.id}/promote`, {});
    const audit = await admin.get(`/audit?recordId=${lead.id}`);
    expect(audit.body.data[0].changes.status).toEqual({ before: 'new', after: 'mql' });
    const events = await t.database.db.select().from(outboxEvents).where(eq(outboxEvents.recordId, lead.id)).orderBy(asc(outboxEvents.id));
    expect(events.map((e) => e.type)).toEqual(['leads.created', 'leads.updated', 'leads.promote']);
    const [created, updated, promoted] = events.map((e) => e.payload as { record?: object; changes?: Record<string, unknown> });
    // A creation carries the record once; an update the record and what changed.
    expect(created).toEqual({ record: expect.objectContaining({ id: lead.id, name: lead.name, status: 'new' }) });
    expect(updated.record).toMatchObject({ id: lead.id, status: 'mql' });
    expect(updated.changes?.status).toEqual({ before: 'new', after: 'mql' });
    expect(promoted).toMatchObject({ from: 'new', to: 'mql' });
  });
});
