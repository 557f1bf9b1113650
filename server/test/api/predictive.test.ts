import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeadsBulk, leadStore } from '../../src/modules/leads/leads.service.js';
import { recordEngagementEvent } from '../../src/modules/scoring/engagement-events.service.js';
import { predictLeads } from '../../src/modules/scoring/predictive-scoring.service.js';
import { systemContext } from '../../src/platform/auth/context-loader.js';
import { queryRows } from '../../src/platform/db/client.js';
import { drainEvents } from '../../src/platform/events/event-processing.js';
import { enqueue } from '../../src/platform/jobs/enqueue.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

const quiet = { warn: () => {}, error: () => {} };
/** The machine may be busy: draining hundreds of leads' events takes a while, never a sleep. */
const slow = { timeout: 600_000 };

let t: TestApp;
let admin: ApiClient;
let marketing: ApiClient;
let rep: ApiClient;
let small: ApiClient;
let smallTenantId: string;
const history = { labelled: 0, positives: 0 };
const openLeadIds: string[] = [];
const sqlLeadIds: string[] = [];

/** Runs events and jobs to the end, and fails on any scoring job or subscriber that failed. */
async function drain() {
  // Seeding ~350 leads sets off thousands of subscriber jobs (every module reacts to leads.*).
  await drainEvents(t.database.db, { logger: quiet }, 20_000);
  const failed = await queryRows<{ type: string; last_error: string }>(
    t.database.db,
    sql`SELECT type, last_error FROM jobs WHERE status IN ('failed', 'dead')
        AND (type LIKE 'scoring.%' OR payload->>'subscriber' LIKE 'scoring.%')`,
  );
  expect(failed).toEqual([]);
}

const tenantOf = async (client: ApiClient) => (await client.get('/me')).body.tenant.id as string;

/** Small, reproducible generator, so the history (and its split by id) is the same on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, list: readonly T[]) => list[Math.floor(r() * list.length)];
/** Fixed ids: the held-out quarter is then the same leads every run. */
const leadId = (prefix: number, i: number) => `0190${prefix.toString(16).padStart(4, '0')}-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;

const SOURCES = ['referral', 'website', 'trade_show', 'cold_call'];
const INDUSTRIES = ['制造业', '软件', '零售', '教育'];
const PROVINCES = ['江苏', '浙江', '广东', '北京', '四川'];
const TITLES = ['总经理', '生产总监', '采购经理', '工程师', 'IT Director', null];

/**
 * ~330 past leads with a planted signal: referrals from manufacturing convert 90 % of the
 * time, either one alone 55 %, the rest 6 %. Province, title and headcount are noise.
 * Converted leads are `sql` or `converted`, lost ones `disqualified` or (12 of them) still
 * `new` after 120 days; 20 recent leads are still open.
 */
async function seedHistory(tenantId: string) {
  const r = random(42);
  const inputs: Record<string, unknown>[] = [];
  for (let i = 0; i < 320; i++) {
    const source = pick(r, SOURCES);
    const industry = pick(r, INDUSTRIES);
    const signals = Number(source === 'referral') + Number(industry === '制造业');
    const converted = r() < [0.06, 0.55, 0.9][signals];
    const status = converted ? (r() < 0.5 ? 'sql' : 'converted') : 'disqualified';
    history.labelled++;
    if (converted) history.positives++;
    inputs.push({
      id: leadId(1, i), name: `历史线索 ${i}`, company: `公司 ${i}`, source, industry, status,
      province: pick(r, PROVINCES), title: pick(r, TITLES), headcount: Math.floor(r() * 2000),
    });
    if (status === 'sql') sqlLeadIds.push(leadId(1, i));
  }
  const stale: string[] = [];
  for (let i = 0; i < 12; i++) {
    stale.push(leadId(2, i));
    history.labelled++;
    inputs.push({ id: leadId(2, i), name: `久未跟进 ${i}`, source: 'cold_call', industry: pick(r, INDUSTRIES), status: 'new' });
  }
  for (let i = 0; i < 20; i++) {
    openLeadIds.push(leadId(3, i));
    inputs.push({ id: leadId(3, i), name: `新线索 ${i}`, source: pick(r, SOURCES), industry: pick(r, INDUSTRIES), status: i % 2 ? 'mql' : 'new' });
  }
  await createLeadsBulk(systemContext(t.database.db, tenantId), inputs);
  await t.database.db.execute(sql`UPDATE leads SET created_at = now() - interval '120 days'
    WHERE tenant_id = ${tenantId} AND id = ANY(${sql.param(stale)}::uuid[])`);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Predictive Co');
  marketing = (await t.addUser(admin, { role: 'marketing' })).client;
  rep = (await t.addUser(admin, { role: 'sales_rep' })).client;
  await seedHistory(await tenantOf(admin));
  small = await t.signUp('Small Co');
  smallTenantId = await tenantOf(small);
  await createLeadsBulk(systemContext(t.database.db, smallTenantId), [
    ...Array.from({ length: 5 }, (_, i) => ({ name: `Won ${i}`, source: 'referral', industry: '制造业', status: 'sql' })),
    ...Array.from({ length: 3 }, (_, i) => ({ name: `Lost ${i}`, source: 'cold_call', industry: '零售', status: 'disqualified' })),
  ]);
  await drain();
}, 600_000);
afterAll(() => t.close());

const lead = async (client: ApiClient, id: string) => (await client.get(`/leads/${id}`)).body;

describe('training the predictive score', slow, () => {
  let modelId: string;

  it('only admins and marketing may train; everyone who reads scoring rules may read the model', async () => {
    const refused = await rep.post('/predictive-models/train');
    expect(refused.status).toBe(403);
    expect((await rep.get('/predictive-models')).body).toEqual({ data: [] });
    const none = await rep.get('/predictive-models/active');
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('PREDICTIVE_NO_MODEL');
  });

  it('learns from the history: AUC on held-out leads well above chance, the planted factors on top', async () => {
    const started = await marketing.post('/predictive-models/train');
    expect(started.status, started.text).toBe(202);
    expect(started.body).toMatchObject({ started: true, model: { status: 'training', modelVersion: 1, trigger: 'manual', active: false } });
    expect(started.body.jobId).toEqual(expect.any(String));
    modelId = started.body.modelId;
    // Asked again while it runs: the same training, not a second one.
    const again = await admin.post('/predictive-models/train');
    expect(again.body).toMatchObject({ started: false, modelId, jobId: null });
    await drain();

    const active = await rep.get('/predictive-models/active');
    expect(active.status, active.text).toBe(200);
    const model = active.body;
    expect(model).toMatchObject({
      id: modelId, status: 'ready', active: true, modelVersion: 1, error: null,
      trainingRows: history.labelled, positives: history.positives, negatives: history.labelled - history.positives,
      settings: { staleDays: 90, minPositives: 50, minNegatives: 50, testPercent: 25 },
    });
    expect(model.trainedAt).toEqual(expect.any(String));
    // The held-out quarter (by lead id) measured the model; the planted signal makes it strong.
    expect(model.testRows).toBeGreaterThan(history.labelled * 0.15);
    expect(model.testRows).toBeLessThan(history.labelled * 0.35);
    expect(model.testAuc).toBeGreaterThan(0.7);
    expect(['fair', 'good', 'excellent']).toContain(model.quality);
    const top = model.topFactors.slice(0, 2).map((f: { feature: string }) => f.feature).sort();
    expect(top).toEqual(['industry', 'source']);
    const source = model.topFactors.find((f: { feature: string }) => f.feature === 'source');
    expect(source.levels[0]).toMatchObject({ value: 'referral' });
    expect(source.levels[0].weight).toBeGreaterThan(0);

    const audit = await admin.get(`/audit?recordId=${modelId}`);
    expect(audit.body.data.map((e: { action: string }) => e.action).sort()).toEqual(['train', 'update']);
  });

  it('scores the open leads once trained, and leaves leads with a known outcome alone', async () => {
    for (const id of openLeadIds) {
      const open = await lead(admin, id);
      expect(open.predictedScore).toEqual(expect.any(Number));
    }
    expect((await lead(admin, sqlLeadIds[0])).predictedScore).toBeNull();
  });
});

describe('scoring leads with the active model', slow, () => {
  let strong: { id: string };
  let weak: { id: string; version: number };

  it('scores a new lead within its jobs, higher with the planted signal, and explains why', async () => {
    strong = (await admin.post('/leads', { name: '周明', company: '恒力精密制造', source: 'referral', industry: '制造业', province: '江苏' })).body;
    weak = (await admin.post('/leads', { name: 'Jane Smith', company: 'Acme Retail', source: 'cold_call', industry: '零售', province: '江苏' })).body;
    await drain();
    const [s, w] = [await lead(admin, strong.id), await lead(admin, weak.id)];
    expect(s.predictedScore).toBeGreaterThan(w.predictedScore + 30);
    // The automated value sits apart: the rule score and what the person typed are untouched.
    expect(s).toMatchObject({ source: 'referral', industry: '制造业', fieldSources: { source: { source: 'user' } } });
    expect(s.fieldSources.predictedScore).toBeUndefined();

    const why = await admin.get(`/leads/${strong.id}/predicted-score`);
    expect(why.status, why.text).toBe(200);
    expect(why.body).toMatchObject({ leadId: strong.id, score: s.predictedScore, storedScore: s.predictedScore, model: { modelVersion: 1 } });
    expect(why.body.probability).toBeCloseTo(s.predictedScore / 100, 1);
    expect(why.body.baseline.score).toBeLessThan(s.predictedScore);
    const byFeature = new Map(why.body.contributions.map((c: { feature: string }) => [c.feature, c]));
    expect(byFeature.get('source')).toMatchObject({ value: 'referral', level: 'referral', levelKind: 'value' });
    expect((byFeature.get('source') as { weight: number }).weight).toBeGreaterThan(0);
    expect(why.body.contributions[0].feature).toMatch(/^(source|industry)$/);
    const weakWhy = await admin.get(`/leads/${weak.id}/predicted-score`);
    expect((weakWhy.body.contributions as { feature: string; weight: number }[]).find((c) => c.feature === 'source')!.weight).toBeLessThan(0);
  });

  it('rescores when a field it reads changes, never on its own write or an unrelated edit', async () => {
    const before = await lead(admin, weak.id);
    await admin.patch(`/leads/${weak.id}`, { description: '展会上聊过', version: before.version });
    await drain();
    const edited = await lead(admin, weak.id);
    expect(edited.predictedScore).toBe(before.predictedScore);
    await admin.patch(`/leads/${weak.id}`, { source: 'referral', industry: '制造业', version: edited.version });
    await drain();
    const after = await lead(admin, weak.id);
    expect(after.predictedScore).toBeGreaterThan(before.predictedScore + 30);

    // Predicted-score writes are computed values: only the two edits moved the version, and the
    // audit trail holds the edits, not the score writes.
    expect(after.version).toBe(before.version + 2);
    const audit = await admin.get(`/audit?recordId=${weak.id}&limit=100`);
    const writes = audit.body.data.filter((e: { changes: Record<string, unknown> }) => 'predictedScore' in e.changes);
    expect(writes).toHaveLength(0);
  });

  it('scores many leads at once as it scores each on its own: scores, events, deleted and closed leads', async () => {
    const tenantId = await tenantOf(admin);
    const ctx = systemContext(t.database.db, tenantId, 'predictive-scoring');
    const LEADS: Record<string, Record<string, unknown>> = {
      strong: { source: 'referral', industry: '制造业', province: '江苏' },
      weak: { source: 'cold_call', industry: '零售' },
      engaged: { source: 'website', industry: '软件', status: 'mql' },
      deleted: { source: 'referral', industry: '教育' },
    };
    // A lead whose outcome is known (a history lead: a new one would change the history the nightly training reads).
    const labels = [...Object.keys(LEADS), 'closed'];
    const makeSet = async (set: string) => {
      const leads = await createLeadsBulk(ctx, Object.entries(LEADS).map(([l, input]) => ({ name: `${l} ${set}`, ...input })));
      const ids = new Map([...Object.keys(LEADS).map((l, i): [string, string] => [l, leads[i].id]), ['closed', sqlLeadIds[0]]]);
      for (const kind of ['web_visit', 'web_visit', 'email_click'] as const) await recordEngagementEvent(ctx, { leadId: ids.get('engaged')!, kind });
      await leadStore.remove(ctx, ids.get('deleted')!, undefined);
      return ids;
    };
    /** Each lead's stored score and the leads.scored events that wrote a predicted score, by label. */
    const scored = async (ids: Map<string, string>) => {
      const leads = new Map((await leadStore.getMany(ctx, [...ids.values()])).map((l) => [l.id, l]));
      const events = await queryRows<{ record_id: string; changes: unknown }>(t.database.db, sql`
        SELECT record_id, payload->'changes' AS changes FROM outbox_events
        WHERE tenant_id = ${tenantId} AND type = 'leads.scored' AND record_id = ANY(${sql.param([...ids.values()])}::uuid[])
          AND payload->'changes'->'predictedScore' IS NOT NULL`);
      return labels.map((l) => [l, leads.get(ids.get(l)!)?.predictedScore, events.filter((e) => e.record_id === ids.get(l)).map((e) => e.changes)]);
    };
    const one = await makeSet('one by one');
    const many = await makeSet('at once');

    const each = { scored: 0, changed: 0 };
    for (const id of one.values()) {
      const outcome = await predictLeads(ctx, [id]);
      each.scored += outcome.scored;
      each.changed += outcome.changed;
    }
    expect(await predictLeads(ctx, [...many.values()])).toEqual(each);
    expect(each).toEqual({ scored: 3, changed: 3 });
    const batch = await scored(many);
    expect(batch).toEqual(await scored(one));
    const [strong, weak, engaged, deleted, closed] = batch;
    expect(strong[1]).toBeGreaterThan((weak[1] as number) + 30);
    expect(strong[2]).toEqual([{ predictedScore: { before: null, after: strong[1] } }]);
    expect(engaged[1]).toEqual(expect.any(Number));
    expect([closed[1], closed[2]]).toEqual([null, []]);
    expect([deleted[1], deleted[2]]).toEqual([undefined, []]);

    // Scoring again moves nothing and writes nothing.
    expect(await predictLeads(ctx, [...many.values()])).toEqual({ scored: 3, changed: 0 });
    expect(await scored(many)).toEqual(batch);
  });

  it('a rep reads the explanation of their own leads only', async () => {
    const mine = (await rep.post('/leads', { name: '李强', source: 'referral', industry: '制造业' })).body;
    await drain();
    const why = await rep.get(`/leads/${mine.id}/predicted-score`);
    expect(why.status).toBe(200);
    expect(why.body.score).toEqual(expect.any(Number));
    expect((await rep.get(`/leads/${strong.id}/predicted-score`)).status).toBe(404);
  });
});

describe('too little history', slow, () => {
  let smallModelId: string;

  it('is reported clearly, in the caller’s language, and no model is made', async () => {
    const started = await small.post('/predictive-models/train');
    expect(started.status).toBe(202);
    smallModelId = started.body.modelId;
    await drain();
    const result = await small.get(`/predictive-models/${smallModelId}`);
    expect(result.body).toMatchObject({
      status: 'insufficient_data', active: false, trainingRows: 8, positives: 5, negatives: 3, testAuc: null,
      error: { code: 'PREDICTIVE_INSUFFICIENT_DATA' },
    });
    expect(result.body.message).toContain('5 converted and 3 not converted leads, at least 50 of each are needed');
    const zh = await small.as('zh-CN').get(`/predictive-models/${smallModelId}`);
    expect(zh.body.message).toContain('已转化线索 5 条、未转化线索 3 条');
    expect((await small.get('/predictive-models/active')).status).toBe(404);
  });

  it('keeps the last five trainings', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await small.post('/predictive-models/train')).body.started).toBe(true);
      await drain();
    }
    const list = await small.get('/predictive-models');
    expect(list.body.data.map((m: { modelVersion: number }) => m.modelVersion)).toEqual([6, 5, 4, 3, 2]);
  });
});

describe('tenant isolation', slow, () => {
  it('another tenant’s model never scores this tenant’s leads, nor can it be read', async () => {
    const own = (await small.post('/leads', { name: '王芳', source: 'referral', industry: '制造业' })).body;
    await drain();
    expect((await lead(small, own.id)).predictedScore).toBeNull();
    const why = await small.get(`/leads/${own.id}/predicted-score`);
    expect(why.body).toMatchObject({ model: null, score: null, probability: null, contributions: [] });

    const theirs = (await admin.get('/predictive-models/active')).body;
    expect((await small.get(`/predictive-models/${theirs.id}`)).status).toBe(404);
    expect((await small.get(`/leads/${openLeadIds[0]}/predicted-score`)).status).toBe(404);
    expect((await admin.get('/predictive-models')).body.data.every((m: { status: string }) => m.status === 'ready')).toBe(true);
  });
});

describe('nightly retraining', slow, () => {
  it('retrains every tenant that trained before; the new model takes over', async () => {
    await enqueue(t.database.db, { type: 'scoring.train_predictive_nightly', payload: {} });
    await drain();
    const list = (await admin.get('/predictive-models')).body.data;
    expect(list.map((m: { modelVersion: number; active: boolean; trigger: string }) => [m.modelVersion, m.active, m.trigger])).toEqual([
      [2, true, 'schedule'],
      [1, false, 'manual'],
    ]);
    // The same history gives the same model.
    expect(list[0].testAuc).toBe(list[1].testAuc);
    expect((await small.get('/predictive-models')).body.data[0]).toMatchObject({ modelVersion: 7, status: 'insufficient_data', trigger: 'schedule' });
  });
});
