import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDuplicates } from '../../src/modules/dedup/duplicate-candidates.service.js';
import { dedupIndexState, dedupKeys } from '../../src/modules/dedup/duplicates.schema.js';
import { createLead } from '../../src/modules/leads/leads.service.js';
import { inTransaction } from '../../src/platform/access/context.js';
import { loadUserContext } from '../../src/platform/auth/context-loader.js';
import { drainEvents } from '../../src/platform/events/event-processing.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

let t: TestApp;
let admin: ApiClient;
let marketing: { client: ApiClient; id: string };
let rep1: { client: ApiClient; id: string };
let rep2: { client: ApiClient; id: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Dedup Co');
  marketing = await t.addUser(admin, { role: 'marketing' });
  rep1 = await t.addUser(admin, { role: 'sales_rep' });
  rep2 = await t.addUser(admin, { role: 'sales_rep' });
});
afterAll(() => t.close());

const lead = async (client: ApiClient, body: Record<string, unknown>) => {
  const res = await client.post('/leads', body);
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; name: string };
};

interface Group {
  level: string;
  members: { id: string; title: string; record: Record<string, unknown> }[];
  pairs: { recordIds: string[]; score: number; level: string; reasons: { code: string; weight: number; detail: string }[] }[];
}

const groupOf = (groups: Group[], id: string) => groups.find((g) => g.members.some((m) => m.id === id));
const ids = (g: Group | undefined) => (g?.members.map((m) => m.id) ?? []).sort();
const reasons = (g: Group | undefined) => g?.pairs.flatMap((p) => p.reasons.map((r) => r.code)) ?? [];

describe('duplicate groups', () => {
  const planted: Record<string, { id: string }> = {};

  beforeAll(async () => {
    const m = marketing.client;
    planted.emailA = await lead(m, { name: 'Zhang Wei', company: 'Acme Robotics', email: 'Zhang.Wei@Xinghe-Robotics.cn' });
    planted.emailB = await lead(m, { name: '张伟', email: 'zhang.wei@xinghe-robotics.cn' });
    planted.phoneA = await lead(m, { name: '李娜', phone: '138 1234 5678', source: 'trade_show' });
    planted.phoneB = await lead(m, { name: 'Li Na', phone: '+86 138-1234-5678' });
    planted.companyA = await lead(m, { name: '王建国', company: '北京星河智造科技有限公司' });
    planted.companyB = await lead(m, { name: '王建国', company: '星河智造（北京）科技有限公司', title: 'CIO' });
    planted.colleague = await lead(m, { name: '赵敏', company: '星河智造科技' });
    planted.stranger = await lead(m, { name: '孙丽', company: '云帆物流', email: 'sunli@yunfan.cn' });
  });

  it('groups the planted duplicates with their reasons: e-mail in another case, phone in another format, company name variants', async () => {
    const res = await marketing.client.get('/duplicates?object=leads');
    expect(res.status, res.text).toBe(200);
    const groups: Group[] = res.body.groups;
    const byEmail = groupOf(groups, planted.emailA.id);
    expect(ids(byEmail)).toEqual([planted.emailA.id, planted.emailB.id].sort());
    expect(byEmail?.level).toBe('exact');
    expect(reasons(byEmail)).toContain('SAME_EMAIL');

    const byPhone = groupOf(groups, planted.phoneA.id);
    expect(ids(byPhone)).toEqual([planted.phoneA.id, planted.phoneB.id].sort());
    expect(reasons(byPhone)).toContain('SAME_PHONE');

    const byCompany = groupOf(groups, planted.companyA.id);
    expect(ids(byCompany)).toEqual([planted.companyA.id, planted.companyB.id].sort());
    expect(byCompany?.level).toBe('strong');
    expect(reasons(byCompany)).toContain('SAME_PERSON_AT_COMPANY');
    const pair = byCompany!.pairs[0];
    expect(pair.score).toBeGreaterThanOrEqual(0.9);
    expect(pair.reasons[0].detail).toContain('星河智造');

    // A colleague at the same company and a stranger are nobody's duplicate.
    expect(groupOf(groups, planted.colleague.id)).toBeUndefined();
    expect(groupOf(groups, planted.stranger.id)).toBeUndefined();
    expect(res.body.indexPending).toBe(false);
    // Members carry the full record for the merge dialog.
    expect(byCompany!.members.find((m) => m.id === planted.companyB.id)?.record.title).toBe('CIO');
  });

  it('keeps the index current through events, one job per changed record', async () => {
    const fresh = await lead(marketing.client, { name: '周敏', email: 'zhoumin@huijin.cn' });
    const state = () =>
      t.database.db.select().from(dedupIndexState).where(and(eq(dedupIndexState.recordId, fresh.id)));
    expect(await state()).toHaveLength(0);
    await drainEvents(t.database.db);
    const [indexed] = await state();
    const { version } = (await marketing.client.get(`/leads/${fresh.id}`)).body;
    expect(indexed).toMatchObject({ object: 'leads', version });
    const keys = await t.database.db.select().from(dedupKeys).where(eq(dedupKeys.recordId, fresh.id));
    expect(keys.map((k) => k.key)).toContain('email:zhoumin@huijin.cn');

    const current = (await marketing.client.get(`/leads/${fresh.id}`)).body;
    await marketing.client.patch(`/leads/${fresh.id}`, { email: 'zhou.min@huijin.cn', version: current.version });
    await drainEvents(t.database.db);
    const after = await t.database.db.select().from(dedupKeys).where(eq(dedupKeys.recordId, fresh.id));
    expect(after.map((k) => k.key)).toContain('email:zhou.min@huijin.cn');
    expect(after.map((k) => k.key)).not.toContain('email:zhoumin@huijin.cn');

    await marketing.client.delete(`/leads/${fresh.id}`);
    await drainEvents(t.database.db);
    expect(await state()).toHaveLength(0);
  });

  it('lists possible pairs apart from the groups, and only strong ones on request', async () => {
    // A branch and its parent company: maybe one customer, maybe two — a person decides.
    const a = await admin.post('/accounts', { name: '常州途畅互联网科技有限公司合肥分公司' });
    const b = await admin.post('/accounts', { name: '常州途畅互联网科技有限公司' });
    const all = await admin.get('/duplicates?object=accounts&minLevel=possible');
    const pair = (all.body.possible as Group[]).find((g) => g.members.some((m) => m.id === a.body.id));
    expect(ids(pair)).toEqual([a.body.id, b.body.id].sort());
    expect(pair?.level).toBe('possible');
    expect(reasons(pair)).toContain('SIMILAR_COMPANY');
    const strong = await admin.get('/duplicates?object=accounts&minLevel=strong');
    expect(strong.body.possible).toEqual([]);
    expect(groupOf(strong.body.groups, a.body.id)).toBeUndefined();
  });

  it('sees a typo in a person’s name at the same company', async () => {
    const a = await lead(marketing.client, { name: '陈静', company: '天津渤海精密机械股份有限公司', city: '天津' });
    const b = await lead(marketing.client, { name: '陈晶', company: '渤海精密机械', city: '天津' });
    const res = await marketing.client.get('/duplicates?object=leads');
    const group = groupOf(res.body.groups, a.id);
    expect(ids(group)).toEqual([a.id, b.id].sort());
    expect(reasons(group)).toEqual(expect.arrayContaining(['SIMILAR_PERSON_NAME', 'SAME_COMPANY']));
  });

  it('leaves colleagues with their own mailboxes, and namesakes elsewhere, out — even as possible duplicates', async () => {
    // A trade-show list: two people of one company, and a namesake at another company in the same city.
    const li = await lead(marketing.client, { name: '李军', company: '华信精工有限公司', email: 'li.jun@huaxin-jg.cn', city: '上海', phone: '158 4392 1186' });
    const wang = await lead(marketing.client, { name: '王军', company: '华信精工有限公司', email: 'wang.jun@huaxin-jg.cn', city: '上海', phone: '187 9849 3540' });
    const namesake = await lead(marketing.client, { name: '李军', company: '远航物流有限公司', city: '上海' });
    // And one person twice: a second mailbox, the same mobile.
    const again = await lead(marketing.client, { name: '李军', company: '华信精工', email: 'lijun1988@163.com', phone: '+86 158-4392-1186' });
    const res = await marketing.client.get('/duplicates?object=leads&minLevel=possible');
    expect(res.status, res.text).toBe(200);
    const all = [...res.body.groups, ...res.body.possible] as Group[];
    const together = (x: string, y: string) => all.some((g) => g.members.some((m) => m.id === x) && g.members.some((m) => m.id === y));
    expect(together(li.id, again.id)).toBe(true);
    expect(together(li.id, wang.id)).toBe(false);
    expect(together(wang.id, again.id)).toBe(false);
    expect(together(li.id, namesake.id)).toBe(false);
    expect(together(namesake.id, again.id)).toBe(false);
    // The lead's own duplicates agree with the list.
    const own = await marketing.client.get(`/leads/${li.id}/duplicates?minLevel=possible`);
    expect(own.status, own.text).toBe(200);
    expect((own.body.data as { id: string }[]).map((c) => c.id)).toEqual([again.id]);
  });

  it('shows a rep only the groups of records the rep can see', async () => {
    const mine1 = await lead(rep1.client, { name: '黄志强', email: 'huangzq@shulian.cn' });
    const mine2 = await lead(rep1.client, { name: '黄志强', email: 'HuangZQ@shulian.cn', company: '深圳前海数联科技有限公司' });
    const theirs = await lead(rep2.client, { name: '黄志强', email: 'huangzq@shulian.cn' });

    const asRep1 = await rep1.client.get('/duplicates?object=leads');
    expect(asRep1.status).toBe(200);
    const everyId = (body: { groups: Group[]; possible: Group[] }) => [...body.groups, ...body.possible].flatMap((g) => g.members.map((m) => m.id));
    expect(ids(groupOf(asRep1.body.groups, mine1.id))).toEqual([mine1.id, mine2.id].sort());
    expect(everyId(asRep1.body)).not.toContain(theirs.id);
    expect(everyId(asRep1.body)).not.toContain(planted.emailA.id);

    const asRep2 = await rep2.client.get('/duplicates?object=leads');
    expect(everyId(asRep2.body)).toEqual([]);

    const asAdmin = await admin.get('/duplicates?object=leads');
    expect(ids(groupOf(asAdmin.body.groups, mine1.id))).toEqual([mine1.id, mine2.id, theirs.id].sort());

    // One record's candidates respect visibility the same way.
    const own = await rep1.client.get(`/leads/${mine1.id}/duplicates`);
    expect(own.body.data.map((c: { id: string }) => c.id)).toEqual([mine2.id]);
    expect((await rep1.client.get(`/leads/${theirs.id}/duplicates`)).status).toBe(404);
  });

  it('finds a new lead’s duplicates at once, including the account its company already is', async () => {
    const account = await admin.post('/accounts', { name: '杭州西溪电子商务有限公司', city: '杭州', province: '浙江' });
    expect(account.status).toBe(201);
    const first = await lead(marketing.client, { name: '郑浩', company: '西溪电子商务（杭州）有限公司', email: 'zhenghao@xixi.cn' });
    const second = await lead(marketing.client, { name: '郑浩', company: '杭州西溪电子商务有限公司', email: 'ZhengHao@xixi.cn' });
    const res = await marketing.client.get(`/leads/${second.id}/duplicates`);
    expect(res.status).toBe(200);
    const found = res.body.data as { object: string; id: string; level: string; reasons: { code: string }[] }[];
    expect(found[0]).toMatchObject({ object: 'leads', id: first.id, level: 'exact' });
    const asAccount = found.find((c) => c.object === 'accounts');
    expect(asAccount).toMatchObject({ id: account.body.id });
    expect(asAccount?.reasons.map((r) => r.code)).toContain('SAME_COMPANY');
  });

  it('finds duplicates from inside a transaction that wrote them, as a service composing writes does', async () => {
    const me = await marketing.client.get('/me');
    const { ctx } = (await loadUserContext(t.database.db, me.body.tenant.id, marketing.id, {}))!;
    // On the embedded database (one connection), a search that opened its own transaction here used to wait forever.
    const found = await inTransaction(ctx, async (tx) => {
      const first = await createLead(tx, { name: '钱峰', company: '苏州太湖精工有限公司', email: 'qianfeng@taihu-jg.cn' });
      const second = await createLead(tx, { name: 'Qian Feng', email: 'QianFeng@taihu-jg.cn' });
      return { first, candidates: await recordDuplicates(tx, 'leads', second.id) };
    });
    expect(found.candidates[0]).toMatchObject({ object: 'leads', id: found.first.id, level: 'exact' });
  });

  it('groups duplicate accounts, and rebuilds the index on request', async () => {
    const a = await admin.post('/accounts', { name: '北京云帆物流有限公司', phone: '010-6552 8888', city: '北京' });
    const b = await admin.post('/accounts', { name: '云帆物流（北京）有限公司', phone: '(010) 65528888' });
    const res = await admin.get('/duplicates?object=accounts');
    const group = groupOf(res.body.groups, a.body.id);
    expect(ids(group)).toEqual([a.body.id, b.body.id].sort());
    expect(reasons(group)).toEqual(expect.arrayContaining(['SAME_COMPANY', 'SAME_PHONE']));

    expect((await rep1.client.post('/duplicates/rebuild', { object: 'accounts' })).status).toBe(403);
    const rebuild = await admin.post('/duplicates/rebuild', { object: 'accounts' });
    expect(rebuild.status).toBe(202);
    await drainEvents(t.database.db);
    const again = await admin.get('/duplicates?object=accounts');
    expect(ids(groupOf(again.body.groups, a.body.id))).toEqual([a.body.id, b.body.id].sort());
  });

  it('refuses an unknown object', async () => {
    const res = await admin.get('/duplicates?object=opportunities');
    expect(res.status).toBe(400);
  });
});
