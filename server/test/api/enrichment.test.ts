import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrichLead, enrichLeads, type EnrichmentResult } from '../../src/modules/enrichment/enrichment.service.js';
import { createLeadsBulk, leadStore } from '../../src/modules/leads/leads.service.js';
import { systemContext } from '../../src/platform/auth/context-loader.js';
import { queryRows } from '../../src/platform/db/client.js';
import { drainEvents } from '../../src/platform/events/event-processing.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';
import { csv, multipart } from './imports-test-helpers.js';

let t: TestApp;
let admin: ApiClient;
let marketing: { client: ApiClient; id: string };
let rep: { client: ApiClient; id: string };

/** Made-up companies in the format of a registry export (cn_enterprise_registry), not real records. */
const HEADER = ['企业名称', '统一社会信用代码', '注册日期', '企业类型', '法人代表', '注册资金', '经营范围', '所在省份', '地区', '注册地址'];
const XINGHE = ['北京星河智造科技有限公司', '91110108MA01ABCD1E', '2019-01-02', '有限责任公司', '测试甲', '1,000(万元人民币)', '软件开发；技术服务；销售计算机', '北京', '海淀', '北京市海淀区上地信息路12号'];
const BOHAI = ['天津渤海精密机械股份有限公司', '91120116MA05T7XQ3G', '2012-03-04', 'N/A', '测试乙', '50万美元', '机械设备制造；货物进出口', '天津', '滨海新区', '天津市滨海新区第三大街88号'];
const XIXI = ['杭州西溪电子商务有限公司', '91330106MA27Y2JJ7N', '2012-05-06', 'N/A', '测试丙', '100（万元）', '互联网信息服务；电子商务', '浙江', '杭州', '杭州市西湖区文二西路738号'];
const BRANCH = ['杭州西溪电子商务有限公司宁波分公司', '', '2012-07-08', '分公司', '测试丁', 'N/A', '电子商务', '浙江', '宁波', '宁波市鄞州区'];

const uploadRegistry = (client: ApiClient, rows: string[][], name = 'registry-2019.csv') => {
  const { body, headers } = multipart({ source: name }, { name, content: csv([HEADER, ...rows]), type: 'text/csv' });
  return client.post('/enrichment/registry', body, headers);
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Enrich Co');
  marketing = await t.addUser(admin, { role: 'marketing' });
  rep = await t.addUser(admin, { role: 'sales_rep' });
});
afterAll(() => t.close());

describe('the company registry', () => {
  it('loads a registry CSV: capital read, industry from the business scope, the legal representative not kept', async () => {
    const res = await uploadRegistry(marketing.client, [XINGHE, BOHAI, XIXI, BRANCH, ['', '', '', '', '', '', '', '', '', '']]);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ received: 4, inserted: 4, updated: 0, rejected: 0, invalidCreditCodes: 0 });

    const list = await rep.client.get('/enrichment/registry?q=星河');
    expect(list.status).toBe(200);
    const [xinghe] = list.body.data;
    expect(xinghe).toMatchObject({
      name: '北京星河智造科技有限公司', creditCode: '91110108MA01ABCD1E', registeredOn: '2019-01-02', industry: '软件',
      registeredCapital: { amount: '10000000.00', currency: 'CNY' }, province: '北京', city: '北京', district: '海淀', region: '华北大区',
      source: 'registry-2019.csv',
    });
    expect(JSON.stringify(list.body)).not.toContain('测试甲');
    const bohai = (await rep.client.get('/enrichment/registry?filter[creditCode]=91120116MA05T7XQ3G')).body.data[0];
    expect(bohai).toMatchObject({ registeredCapital: { amount: '500000.00', currency: 'USD' }, industry: '制造业', city: '天津' });

    // Loading again updates by credit code; JSON rows work too.
    const again = await marketing.client.post('/enrichment/registry', {
      rows: [Object.fromEntries(HEADER.map((h, i) => [h, i === 5 ? '2,000(万元人民币)' : XINGHE[i]])), { 企业名称: '' }],
    });
    expect(again.body).toMatchObject({ received: 2, inserted: 0, updated: 1, rejected: 1, errors: [{ row: 2, code: 'REGISTRY_NAME_REQUIRED' }] });
    expect((await rep.client.get('/enrichment/registry/summary')).body.count).toBe(4);
    expect((await rep.client.post('/enrichment/registry', { rows: [] })).status).toBe(403);

    const noName = await uploadRegistry(marketing.client, []);
    expect(noName.status).toBe(200);
    const { body, headers } = multipart({}, { name: 'x.csv', content: csv([['foo', 'bar'], ['1', '2']]) });
    const badFile = await marketing.client.post('/enrichment/registry', body, headers);
    expect(badFile.status).toBe(400);
    expect(badFile.body.error.code).toBe('REGISTRY_NO_NAME_COLUMN');
  });

  it('fills a new lead’s empty fields from the registry and never overwrites what a person typed', async () => {
    const created = await marketing.client.post('/leads', {
      name: '王建国', company: '星河智造（北京）科技有限公司', industry: '制造业', source: 'trade_show',
    });
    expect(created.status).toBe(201);
    await drainEvents(t.database.db);
    const lead = (await marketing.client.get(`/leads/${created.body.id}`)).body;
    expect(lead).toMatchObject({
      industry: '制造业',
      creditCode: '91110108MA01ABCD1E',
      registeredCapital: { amount: '20000000.00', currency: 'CNY' },
      province: '北京',
      city: '北京',
      region: '华北大区',
      address: '北京市海淀区上地信息路12号',
    });
    expect(lead.fieldSources.industry.source).toBe('user');
    for (const field of ['creditCode', 'registeredCapital', 'province', 'city', 'region', 'address']) {
      expect(lead.fieldSources[field]?.source, field).toBe('registry');
    }
    // The audit trail shows who filled what.
    const audit = (await admin.get(`/audit?recordId=${lead.id}`)).body.data as { action: string; actorName: string; changes: Record<string, unknown> }[];
    const fill = audit.find((a) => a.action === 'update' && 'address' in a.changes);
    expect(fill?.actorName).toBe('registry enrichment');
  });

  it('enriches on demand by a name variant, says what it filled and from which record, and keeps typed and cleared fields', async () => {
    const created = (await marketing.client.post('/leads', { name: '郑浩', company: '西溪电子商务（杭州）有限公司', city: '杭州', address: '杭州市余杭区', industry: '零售' })).body;
    // A person typed an industry, then cleared it on purpose: it stays empty.
    const cleared = (await marketing.client.patch(`/leads/${created.id}`, { industry: null, version: created.version })).body;
    expect(cleared.industry).toBeNull();
    const res = await marketing.client.post(`/leads/${created.id}/enrich`, {});
    expect(res.status, res.text).toBe(200);
    expect(res.body.match).toMatchObject({ provider: 'registry', name: '杭州西溪电子商务有限公司', creditCode: '91330106MA27Y2JJ7N', matchedBy: 'name_location' });
    expect(res.body.filled).toMatchObject({ province: '浙江', region: '华东大区', registeredCapital: { amount: '1000000.00', currency: 'CNY' } });
    expect(res.body.filled).not.toHaveProperty('address');
    expect(res.body.kept).toEqual(expect.arrayContaining(['address']));
    expect(res.body.record).toMatchObject({ address: '杭州市余杭区', city: '杭州', industry: null });
    const registryId = (await rep.client.get('/enrichment/registry?filter[creditCode]=91330106MA27Y2JJ7N')).body.data[0].id;
    expect(res.body.match.recordId).toBe(registryId);

    // Running again fills nothing new.
    const again = await marketing.client.post(`/leads/${created.id}/enrich`, {});
    expect(again.body.filled).toEqual({});
  });

  it('finds no match where it cannot be sure, and refuses a lead without a company', async () => {
    const elsewhere = (await marketing.client.post('/leads', { name: '刘洋', company: '星河智造科技', province: '广东' })).body;
    const res = await marketing.client.post(`/leads/${elsewhere.id}/enrich`, {});
    expect(res.body).toMatchObject({ match: null, filled: {} });
    const nobody = (await marketing.client.post('/leads', { name: '陈静' })).body;
    const refused = await marketing.client.as('zh-CN').post(`/leads/${nobody.id}/enrich`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('统一社会信用代码');
  });

  it('enriches an account’s empty fields, by credit code', async () => {
    const account = (await admin.post('/accounts', { name: '渤海精机', creditCode: '91120116MA05T7XQ3G', industry: '汽车' })).body;
    await drainEvents(t.database.db);
    const after = (await admin.get(`/accounts/${account.id}`)).body;
    expect(after).toMatchObject({ name: '渤海精机', industry: '汽车', registeredCapital: { amount: '500000.00', currency: 'USD' }, city: '天津', address: '天津市滨海新区第三大街88号' });
    const res = await admin.post(`/accounts/${account.id}/enrich`, {});
    expect(res.body.match.matchedBy).toBe('credit_code');
    expect(res.body.filled).toEqual({});
    expect(res.body.kept).toContain('industry');
  });

  it('keeps each tenant’s registry to itself', async () => {
    const other = await t.signUp('Other Co');
    expect((await other.get('/enrichment/registry')).body.data).toEqual([]);
    expect((await other.get('/enrichment/registry/summary')).body.count).toBe(0);
    const lead = (await other.post('/leads', { name: '王建国', company: '北京星河智造科技有限公司' })).body;
    const res = await other.post(`/leads/${lead.id}/enrich`, {});
    expect(res.body).toMatchObject({ match: null, filled: {} });
    const theirs = (await rep.client.get('/enrichment/registry?q=星河')).body.data[0];
    expect((await other.get(`/enrichment/registry/${theirs.id}`)).status).toBe(404);
  });
});

describe('enriching many leads at once', () => {
  /** Enrichable by name and place, by credit code, with a typed field kept; not enrichable (elsewhere, no company); one deleted. */
  const LEADS: Record<string, Record<string, unknown>> = {
    byName: { company: '星河智造（北京）科技有限公司', industry: '制造业', source: 'trade_show' },
    byCode: { creditCode: '91120116MA05T7XQ3G', headcount: 300 },
    typedAddress: { company: '西溪电子商务（杭州）有限公司', city: '杭州', address: '杭州市余杭区' },
    elsewhere: { company: '星河智造科技', province: '广东' },
    noCompany: { title: '采购经理' },
    deleted: { company: '天津渤海精密机械股份有限公司' },
  };
  const labels = Object.keys(LEADS);
  const AT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g;

  /** What enrichment decided and wrote, in terms the two sets share (no ids or times of their own). */
  const outcome = (r: EnrichmentResult) => {
    const { id: _id, name: _name, createdAt: _c, updatedAt: _u, ...record } = r.record;
    return JSON.parse(JSON.stringify({ match: r.match, filled: r.filled, kept: [...r.kept].sort(), record }).replace(AT, 'at'));
  };

  /** The audit entries and events the enrichment wrote, by label. */
  async function written(tenantId: string, ids: Map<string, string>) {
    const label = new Map([...ids].map(([l, id]) => [id, l]));
    const audit = await queryRows<{ record_id: string; action: string; actor_name: string; changes: unknown }>(t.database.db, sql`
      SELECT record_id, action, actor_name, changes FROM audit_log
      WHERE tenant_id = ${tenantId} AND record_id = ANY(${sql.param([...ids.values()])}::uuid[]) AND action <> 'create' AND action <> 'delete'
      ORDER BY seq`);
    const events = await queryRows<{ record_id: string; type: string; changes: unknown }>(t.database.db, sql`
      SELECT record_id, type, payload->'changes' AS changes FROM outbox_events
      WHERE tenant_id = ${tenantId} AND record_id = ANY(${sql.param([...ids.values()])}::uuid[]) AND type NOT IN ('leads.created', 'leads.deleted')
      ORDER BY id`);
    const byLabel = (rows: { record_id: string }[]) =>
      labels.map((l) => [l, rows.filter((r) => label.get(r.record_id) === l).map(({ record_id: _r, ...rest }) => rest)]);
    return JSON.parse(JSON.stringify({ audit: byLabel(audit), events: byLabel(events) }).replace(AT, 'at'));
  }

  it('gives what enriching each lead on its own gives: fields, sources, matches, audit entries and events', async () => {
    const tenantId = (await admin.get('/me')).body.tenant.id as string;
    const ctx = systemContext(t.database.db, tenantId, 'registry enrichment');
    const makeSet = async (set: string) => {
      const leads = await createLeadsBulk(ctx, labels.map((l) => ({ name: `${l} ${set}`, ...LEADS[l] })));
      const ids = new Map(labels.map((l, i) => [l, leads[i].id]));
      await leadStore.remove(ctx, ids.get('deleted')!, undefined);
      return ids;
    };
    const one = await makeSet('one by one');
    const many = await makeSet('at once');

    const each: EnrichmentResult[] = [];
    for (const id of one.values()) {
      await enrichLead(ctx, id, { quiet: true }).then((r) => each.push(r), (err: { status?: number }) => expect(err.status).toBe(404));
    }
    const batch = await enrichLeads(ctx, [...many.values()], { quiet: true });

    expect(batch.map((r) => r.recordId)).toEqual(labels.filter((l) => l !== 'deleted').map((l) => many.get(l)));
    expect(batch.map(outcome)).toEqual(each.map(outcome));
    expect(batch.filter((r) => Object.keys(r.filled).length > 0).map((r) => r.record.name)).toEqual(['byName at once', 'byCode at once', 'typedAddress at once']);
    expect(batch[0]).toMatchObject({ match: { matchedBy: 'name_location' }, record: { industry: '制造业', creditCode: '91110108MA01ABCD1E' } });
    expect(batch[1]).toMatchObject({ match: { matchedBy: 'credit_code' }, record: { city: '天津', headcount: 300 } });
    expect(batch[2].kept).toContain('address');
    expect(batch.slice(3).map((r) => r.match)).toEqual([null, null]);
    const writes = await written(tenantId, many);
    expect(writes).toEqual(await written(tenantId, one));
    // One audit entry by the enrichment and one leads.updated event per lead filled.
    expect(writes.audit.map(([, rows]: [string, unknown[]]) => rows.length)).toEqual([1, 1, 1, 0, 0, 0]);
    expect(writes.events.map(([, rows]: [string, { type: string }[]]) => rows.map((r) => r.type))).toEqual([['leads.updated'], ['leads.updated'], ['leads.updated'], [], [], []]);
    expect((await admin.post('/audit/verify', {})).body.ok).toBe(true);

    // Enriching again writes nothing; without `quiet` a lead without a company is refused.
    const again = await enrichLeads(ctx, [...many.values()], { quiet: true });
    expect(again.map((r) => r.filled)).toEqual(again.map(() => ({})));
    await expect(enrichLeads(ctx, [...many.values()])).rejects.toMatchObject({ status: 422 });
  });
});
