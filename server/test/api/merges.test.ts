import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leads } from '../../src/modules/leads/leads.schema.js';
import { queryRows } from '../../src/platform/db/client.js';
import { outboxEvents } from '../../src/platform/events/events.schema.js';
import { drainEvents } from '../../src/platform/events/event-processing.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

let t: TestApp;
let admin: ApiClient;
let tenantId: string;
let marketing: { client: ApiClient; id: string };
let rep: { client: ApiClient; id: string };
let manager: { client: ApiClient; id: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Merge Co');
  tenantId = (await admin.get('/me')).body.tenant.id;
  const team = await admin.post('/teams', { name: '华北大区' });
  marketing = await t.addUser(admin, { role: 'marketing' });
  manager = await t.addUser(admin, { role: 'sales_manager', teamId: team.body.id });
  rep = await t.addUser(admin, { role: 'sales_rep', teamId: team.body.id });
});
afterAll(() => t.close());

const created = async (res: { status: number; body: any; text: string }) => {
  expect(res.status, res.text).toBe(201);
  return res.body;
};

/** Counts what would change if a refused merge had done anything. */
async function snapshot() {
  const [row] = await queryRows<Record<string, number>>(
    t.database.db,
    sql`SELECT (SELECT count(*)::int FROM leads WHERE tenant_id = ${tenantId}) AS leads,
               (SELECT count(*)::int FROM accounts WHERE tenant_id = ${tenantId}) AS accounts,
               (SELECT count(*)::int FROM audit_log WHERE tenant_id = ${tenantId}) AS audit,
               (SELECT coalesce(sum(version), 0)::int FROM leads WHERE tenant_id = ${tenantId}) AS versions`,
  );
  return row;
}

/** Two duplicate leads, the second with an activity, a note, a campaign membership and touches, and history. */
async function plantDuplicates(client: ApiClient, suffix: string) {
  const survivor = await created(await client.post('/leads', {
    name: '王建国', company: '北京星河智造科技有限公司', email: `wangjg${suffix}@xinghe.cn`, industry: '制造业', source: 'trade_show',
  }));
  const merged = await created(await client.post('/leads', {
    name: '王建国', company: '星河智造（北京）科技有限公司', email: `WangJG${suffix}@Xinghe.cn`, phone: '138 0101 2345',
    industry: '软件', title: 'CIO',
  }));
  return { survivor, merged };
}

describe('merging leads', () => {
  it('keeps activities, touches, notes, memberships and history, deletes the merged lead, and audits it all', async () => {
    const m = marketing.client;
    const { survivor, merged } = await plantDuplicates(m, '1');
    const campaign = await created(await m.post('/campaigns', { name: '2025 数字化研讨会', type: 'seminar', startDate: '2025-09-18', endDate: '2025-09-19' }));
    await created(await m.post(`/campaigns/${campaign.id}/members`, { leadId: merged.id, status: 'registered' }));
    const activity = await created(await m.post('/activities', { type: 'call', subject: '首次电话', leadId: merged.id }));
    const note = await created(await m.post('/notes', { object: 'leads', recordId: merged.id, body: '对 CRM 有兴趣' }));
    expect((await m.post(`/leads/${merged.id}/promote`, {})).status).toBe(200);
    const history = (await m.get(`/leads/${merged.id}/history`)).body.data as { id: string }[];
    const touches = (await m.get(`/campaigns/${campaign.id}/touches`)).body.data as { id: string; leadId: string }[];
    expect(touches.map((x) => x.leadId)).toEqual([merged.id]);
    const mergedNow = (await m.get(`/leads/${merged.id}`)).body;

    const res = await m.post('/merges', {
      object: 'leads',
      survivorId: survivor.id,
      mergedIds: [merged.id],
      fields: { industry: merged.id, title: merged.id },
      versions: { [survivor.id]: survivor.version, [merged.id]: mergedNow.version },
    });
    expect(res.status, res.text).toBe(200);
    // The chosen values, plus what the survivor lacked (phone); its own values otherwise.
    expect(res.body.survivor).toMatchObject({ id: survivor.id, industry: '软件', title: 'CIO', phone: '+8613801012345', email: survivor.email, name: '王建国' });
    // A taken value keeps its origin: typed by a person when the merged lead was created.
    expect(res.body.survivor.fieldSources.industry).toEqual(merged.fieldSources.industry);
    expect(res.body.fields).toMatchObject({ industry: merged.id, phone: merged.id, email: survivor.id });
    expect(res.body.moved).toMatchObject({ activities: [activity.id], notes: [note.id] });
    expect(res.body.moved.touches).toEqual(touches.map((x) => x.id));
    expect(res.body.moved.statusHistory.sort()).toEqual(history.map((h) => h.id).sort());

    expect((await m.get(`/leads/${merged.id}`)).status).toBe(404);
    expect((await m.get(`/activities/${activity.id}`)).body.leadId).toBe(survivor.id);
    expect((await m.get(`/notes/${note.id}`)).body.recordId).toBe(survivor.id);
    expect((await m.get(`/campaigns/${campaign.id}/members`)).body.data.map((x: { leadId: string }) => x.leadId)).toEqual([survivor.id]);
    expect((await m.get(`/campaigns/${campaign.id}/touches`)).body.data.map((x: { leadId: string }) => x.leadId)).toEqual([survivor.id]);
    const after = (await m.get(`/leads/${survivor.id}/history`)).body.data as { id: string; action: string }[];
    expect(after.map((h) => h.id)).toEqual(expect.arrayContaining(history.map((h) => h.id)));
    // The survivor, still new itself, became an MQL when the merged lead did: the funnel counts it.
    expect(survivor.becameMqlAt).toBeNull();
    expect((await m.get(`/leads/${survivor.id}`)).body).toMatchObject({ status: 'new', becameMqlAt: mergedNow.becameMqlAt, becameSqlAt: null });
    expect(mergedNow.becameMqlAt).toEqual(expect.any(String));

    const audit = (await admin.get(`/audit?recordId=${survivor.id}`)).body.data as { action: string; changes: Record<string, { before: unknown; after: unknown }> }[];
    const entry = audit.find((a) => a.action === 'merge');
    expect(entry?.changes.merged.before).toEqual([merged.id]);
    expect(entry?.changes.activities.after).toEqual([activity.id]);
    expect(audit.find((a) => a.action === 'update')?.changes.industry).toEqual({ before: '制造业', after: '软件' });
    const deletion = (await admin.get(`/audit?recordId=${merged.id}`)).body.data as { action: string }[];
    expect(deletion.map((a) => a.action)).toContain('delete');
    expect((await admin.post('/audit/verify', {})).body.ok).toBe(true);

    const events = await t.database.db.select().from(outboxEvents).where(and(eq(outboxEvents.tenantId, tenantId), eq(outboxEvents.type, 'leads.merged')));
    expect(events.map((e) => e.recordId)).toEqual([survivor.id]);
    expect(events[0].payload).toMatchObject({ survivorId: survivor.id, mergedIds: [merged.id] });

    // The duplicates page no longer shows the pair.
    const groups = (await m.get('/duplicates?object=leads')).body.groups as { members: { id: string }[] }[];
    expect(groups.flatMap((g) => g.members.map((x) => x.id))).not.toContain(merged.id);
  });

  it('replays a merge sent again with the same Idempotency-Key', async () => {
    const { survivor, merged } = await plantDuplicates(marketing.client, '2');
    const body = { object: 'leads', survivorId: survivor.id, mergedIds: [merged.id] };
    const headers = { 'idempotency-key': `merge-${survivor.id}` };
    const first = await marketing.client.post('/merges', body, headers);
    expect(first.status).toBe(200);
    const again = await marketing.client.post('/merges', body, headers);
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('refuses bad requests with clear errors and changes nothing', async () => {
    const { survivor, merged } = await plantDuplicates(marketing.client, '3');
    const account = await created(await admin.post('/accounts', { name: '北京星河智造科技有限公司' }));
    const before = await snapshot();
    const merge = (body: Record<string, unknown>, client = marketing.client) => client.post('/merges', { object: 'leads', survivorId: survivor.id, mergedIds: [merged.id], ...body });

    const self = await merge({ mergedIds: [survivor.id] });
    expect(self.status).toBe(400);
    expect(self.body.error.details.fields[0]).toMatchObject({ field: 'mergedIds', code: 'MERGE_SURVIVOR_IN_MERGED' });

    const badField = await merge({ fields: { status: merged.id } });
    expect(badField.status).toBe(400);
    expect(badField.body.error.details.fields[0]).toMatchObject({ field: 'fields.status', code: 'MERGE_FIELD_UNKNOWN' });

    const across = await marketing.client.as('zh-CN').post('/merges', { object: 'leads', survivorId: survivor.id, mergedIds: [account.id] });
    expect(across.status).toBe(400);
    expect(across.body.error).toMatchObject({ code: 'MERGE_ACROSS_OBJECTS', details: { recordId: account.id, object: 'accounts' } });
    expect(across.body.error.message).toContain('线索');

    const stale = await merge({ versions: { [merged.id]: merged.version + 5 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { recordId: merged.id } });

    // A rep sees only own leads; a manager sees the team's but deletes only own.
    expect((await merge({}, rep.client)).status).toBe(404);
    const repLead = await created(await rep.client.post('/leads', { name: '王建国', email: 'wangjg3@xinghe.cn' }));
    const managerLead = await created(await manager.client.post('/leads', { name: '王建国', email: 'WANGJG3@xinghe.cn' }));
    const forbidden = await manager.client.post('/merges', { object: 'leads', survivorId: managerLead.id, mergedIds: [repLead.id] });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toMatchObject({ code: 'FORBIDDEN', details: { recordId: repLead.id } });

    // A converted lead never disappears into an open one.
    await t.database.db.update(leads).set({ status: 'converted' }).where(and(eq(leads.tenantId, tenantId), eq(leads.id, merged.id)));
    const converted = await merge({});
    expect(converted.status).toBe(409);
    expect(converted.body.error.code).toBe('MERGE_CONVERTED_LEAD');
    // It may survive, taking in the open duplicate, but as it is read-only it takes none of its values.
    const readOnly = await marketing.client.post('/merges', { object: 'leads', survivorId: merged.id, mergedIds: [survivor.id], fields: { industry: survivor.id } });
    expect(readOnly.status).toBe(409);
    expect(readOnly.body.error.code).toBe('MERGE_CONVERTED_READ_ONLY');

    const after = await snapshot();
    expect(after.leads).toBe(before.leads + 2);
    expect(after.accounts).toBe(before.accounts);
    expect(after.audit).toBe(before.audit + 2);
    expect(after.versions).toBe(before.versions + 2);
    expect((await admin.post('/audit/verify', {})).body.ok).toBe(true);

    const absorbed = await marketing.client.post('/merges', { object: 'leads', survivorId: merged.id, mergedIds: [survivor.id] });
    expect(absorbed.status, absorbed.text).toBe(200);
    expect(absorbed.body.survivor.status).toBe('converted');
  });
});

describe('merging accounts and contacts', () => {
  it('moves contacts, activities and child accounts to the surviving account, which may take the other’s credit code', async () => {
    const code = `91110108MA01ABCD1E`;
    const survivor = await created(await admin.post('/accounts', { name: '北京星河智造科技有限公司', industry: '制造业' }));
    const merged = await created(await admin.post('/accounts', { name: '星河智造（北京）科技有限公司', creditCode: code, headcount: 820 }));
    const child = await created(await admin.post('/accounts', { name: '星河智造上海分公司', parentAccountId: merged.id }));
    const contact = await created(await admin.post('/contacts', { name: '李娜', accountId: merged.id, email: 'lina@xinghe.cn' }));
    const visit = await created(await admin.post('/activities', { type: 'visit', subject: '拜访 CIO', accountId: merged.id, contactIds: [contact.id] }));

    const res = await admin.post('/merges', { object: 'accounts', survivorId: survivor.id, mergedIds: [merged.id], fields: { creditCode: merged.id } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.survivor).toMatchObject({ creditCode: code, headcount: 820, industry: '制造业', name: '北京星河智造科技有限公司' });
    expect(res.body.moved).toMatchObject({ contacts: [contact.id], childAccounts: [child.id], activities: [visit.id] });
    expect((await admin.get(`/contacts/${contact.id}`)).body.accountId).toBe(survivor.id);
    expect((await admin.get(`/accounts/${child.id}`)).body.parentAccountId).toBe(survivor.id);
    expect((await admin.get(`/activities/${visit.id}`)).body.accountId).toBe(survivor.id);
    expect((await admin.get(`/accounts/${merged.id}`)).status).toBe(404);
  });

  it('merges contacts: activities name the survivor once, every phone is kept', async () => {
    const a = await created(await admin.post('/contacts', { name: '张伟', phones: ['13801034567'], email: 'zhangw@xinghe.cn' }));
    const b = await created(await admin.post('/contacts', { name: '张伟', phones: ['010 6552 8888'], email: 'ZhangW@xinghe.cn', title: 'IT 经理' }));
    const meeting = await created(await admin.post('/activities', { type: 'meeting', subject: '方案评审', contactIds: [b.id, a.id] }));
    const res = await admin.post('/merges', { object: 'contacts', survivorId: a.id, mergedIds: [b.id] });
    expect(res.status, res.text).toBe(200);
    expect(res.body.survivor.phones).toEqual(['+8613801034567', '+861065528888']);
    expect(res.body.survivor.title).toBe('IT 经理');
    expect((await admin.get(`/activities/${meeting.id}`)).body.contactIds).toEqual([a.id]);
  });

  it('moves deals to the surviving account and contact, on the battle map too; two boxes for one person must be reconciled first', async () => {
    const solution = (await admin.get('/sales-processes?filter[templateKey]=solution')).body.data[0];
    const accountA = await created(await admin.post('/accounts', { name: '华北电网信息公司' }));
    const accountB = await created(await admin.post('/accounts', { name: '华北电网信息有限公司' }));
    const keep = await created(await admin.post('/contacts', { name: '王建国', accountId: accountA.id, email: 'wangjg@hbdw.cn' }));
    const dup = await created(await admin.post('/contacts', { name: '王建国', accountId: accountB.id, email: 'WangJG@hbdw.cn' }));
    const cfo = await created(await admin.post('/contacts', { name: '李娜', accountId: accountB.id }));
    const deal = await created(await admin.post('/opportunities', {
      name: '数据中台项目', accountId: accountB.id, processId: solution.id, closeDate: '2026-06-30',
      contacts: [{ contactId: dup.id, role: 'power_sponsor' }, { contactId: cfo.id, role: 'financial_approver' }],
    }));
    const box = await created(await admin.post(`/opportunities/${deal.id}/stakeholders`, { contactId: dup.id, role: 'decision_maker' }));

    const accounts = await admin.post('/merges', { object: 'accounts', survivorId: accountA.id, mergedIds: [accountB.id] });
    expect(accounts.status, accounts.text).toBe(200);
    expect(accounts.body.moved.opportunities).toEqual([deal.id]);
    expect((await admin.get(`/opportunities/${deal.id}`)).body.accountId).toBe(accountA.id);

    const contacts = await admin.post('/merges', { object: 'contacts', survivorId: keep.id, mergedIds: [dup.id] });
    expect(contacts.status, contacts.text).toBe(200);
    expect(contacts.body.moved).toMatchObject({ stakeholders: [box.id], opportunities: [deal.id] });
    const after = (await admin.get(`/opportunities/${deal.id}`)).body;
    expect(after.contacts).toEqual([{ contactId: keep.id, role: 'power_sponsor' }, { contactId: cfo.id, role: 'financial_approver' }]);

    const twin = await created(await admin.post('/contacts', { name: '李娜', accountId: accountA.id, email: 'lina@hbdw.cn' }));
    await created(await admin.post(`/opportunities/${deal.id}/stakeholders`, { contactId: cfo.id, role: 'financial_approver' }));
    await created(await admin.post(`/opportunities/${deal.id}/stakeholders`, { contactId: twin.id, role: 'user' }));
    const conflict = await admin.post('/merges', { object: 'contacts', survivorId: twin.id, mergedIds: [cfo.id] });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({ code: 'MERGE_STAKEHOLDER_CONFLICT', details: { opportunityIds: [deal.id] } });
    expect((await admin.get(`/contacts/${cfo.id}`)).status).toBe(200);
  });
});

describe('merging leads carries scoring and nurturing to the survivor', () => {
  it('rescores the survivor with the merged lead’s engagement, and moves or ends its enrolments without enrolling anyone twice', async () => {
    const m = marketing.client;
    await created(await m.post('/scoring-rules', { name: '制造业', category: 'fit', field: 'industry', operator: 'in', value: ['制造业'], points: 10 }));
    await created(await m.post('/scoring-rules', { name: '访问官网', category: 'engagement', eventKind: 'web_visit', points: 15 }));
    const { survivor, merged } = await plantDuplicates(m, '-nurture');
    await created(await m.post('/engagement-events', { leadId: merged.id, kind: 'web_visit', details: { url: 'https://xinghe.cn/pricing' } }));
    const template = await created(await m.post('/email-templates', { name: '邀请', subject: '{{lead.name}}，您好', bodyHtml: '<p>您好</p>', locale: 'zh-CN' }));
    const steps = [{ type: 'wait', days: 7 }, { type: 'send_email', templateId: template.id }];
    const both = await created(await m.post('/nurture-programs', { name: '两人都在', status: 'active', steps }));
    const onlyMerged = await created(await m.post('/nurture-programs', { name: '只有重复线索', status: 'active', steps }));
    expect((await m.post(`/nurture-programs/${both.id}/enrollments`, { leadIds: [survivor.id, merged.id] })).body.enrolled).toHaveLength(2);
    expect((await m.post(`/nurture-programs/${onlyMerged.id}/enrollments`, { leadIds: [merged.id] })).body.enrolled).toHaveLength(1);
    await drainEvents(t.database.db);
    expect((await m.get(`/leads/${survivor.id}`)).body.score).toBe(10);

    const res = await m.post('/merges', { object: 'leads', survivorId: survivor.id, mergedIds: [merged.id] });
    expect(res.status, res.text).toBe(200);
    expect(res.body.moved.nurtureEnrollments).toHaveLength(1);
    expect(res.body.moved.nurtureEnrollmentsEnded).toHaveLength(1);
    await drainEvents(t.database.db);

    const after = (await m.get(`/leads/${survivor.id}`)).body;
    expect(after).toMatchObject({ score: 25, fitScore: 10, engagementScore: 15 });
    const engagement = (await m.get(`/engagement-events?leadId=${survivor.id}`)).body.data;
    expect(engagement.map((e: { kind: string }) => e.kind)).toEqual(['web_visit']);

    const inBoth = (await m.get(`/nurture-programs/${both.id}/enrollments`)).body.data as { leadId: string; status: string; exitReason: string | null }[];
    expect(inBoth.filter((e) => e.status === 'active').map((e) => e.leadId)).toEqual([survivor.id]);
    expect(inBoth.filter((e) => e.status === 'exited')).toEqual([expect.objectContaining({ leadId: survivor.id, exitReason: 'merged' })]);
    const inOther = (await m.get(`/nurture-programs/${onlyMerged.id}/enrollments`)).body.data;
    expect(inOther).toEqual([expect.objectContaining({ leadId: survivor.id, status: 'active' })]);
    const summary = (await m.get(`/nurture/leads/${survivor.id}`)).body;
    expect(summary.enrollments.filter((e: { status: string }) => e.status === 'active')).toHaveLength(2);
  });
});
