import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/client.js';
import { drainEvents } from '../../src/platform/events/event-processing.js';
import { enqueue } from '../../src/platform/jobs/enqueue.js';
import { systemContext } from '../../src/platform/auth/context-loader.js';
import { createLead, recordTouch } from '../../src/modules/leads/leads.service.js';
import { inTransaction } from '../../src/platform/access/context.js';
import { setScoringClock } from '../../src/modules/scoring/scoring-clock.js';
import { paging } from '../../src/modules/scoring/lead-scoring.service.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

const DAY_MS = 86_400_000;
const quiet = { warn: () => {}, error: () => {} };

let t: TestApp;
let admin: ApiClient;
let marketing: { client: ApiClient; id: string };
let rep: { client: ApiClient; id: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Scoring Co');
  marketing = await t.addUser(admin, { role: 'marketing' });
  rep = await t.addUser(admin, { role: 'sales_rep' });
});
afterAll(() => t.close());
afterEach(() => setScoringClock(null));

/** Runs events and jobs to the end, and fails on any scoring job or subscriber that failed. */
async function drain() {
  await drainEvents(t.database.db, { logger: quiet });
  const failed = await queryRows<{ type: string; last_error: string }>(
    t.database.db,
    sql`SELECT type, last_error FROM jobs WHERE status IN ('failed', 'dead')
        AND (type LIKE 'scoring.%' OR payload->>'subscriber' LIKE 'scoring.%')`,
  );
  expect(failed).toEqual([]);
}

const createRule = async (client: ApiClient, rule: Record<string, unknown>) => {
  const res = await client.post('/scoring-rules', rule);
  expect(res.status, res.text).toBe(201);
  return res.body;
};

/** The journey's ICP: manufacturing +20, headcount ≥ 500 +15, decision makers +15. */
async function icpRules(client: ApiClient) {
  const industry = await createRule(client, { name: '制造业', category: 'fit', field: 'industry', operator: 'in', value: ['制造业', 'Manufacturing'], points: 20, order: 1 });
  const headcount = await createRule(client, { name: '人数 ≥ 500', category: 'fit', field: 'headcount', operator: 'gte', value: 500, points: 15, order: 2 });
  const title = await createRule(client, {
    name: 'Decision maker', category: 'fit', field: 'title', operator: 'contains', value: ['总监', 'CIO', 'Director'], points: 15, order: 3,
  });
  return { industry, headcount, title };
}

const newLead = async (client: ApiClient, fields: Record<string, unknown>) => {
  const res = await client.post('/leads', { name: '周明', company: '恒力精密制造（苏州）有限公司', ...fields });
  expect(res.status, res.text).toBe(201);
  return res.body;
};

const lead = async (client: ApiClient, id: string) => (await client.get(`/leads/${id}`)).body;

describe('scoring rules API', () => {
  it('creates, edits and deletes rules, with validation and an audit trail', async () => {
    const rule = await createRule(marketing.client, {
      name: 'Headcount ≥ 500', category: 'fit', field: 'headcount', operator: 'gte', value: 500, points: 15,
    });
    expect(rule).toMatchObject({ category: 'fit', field: 'headcount', operator: 'gte', value: 500, points: 15, active: true, order: 0, cap: null });

    const unknownField = await marketing.client.post('/scoring-rules', { name: 'x', category: 'fit', field: 'salary', operator: 'gte', value: 1, points: 1 });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.details.fields[0]).toMatchObject({ field: 'field', code: 'SCORING_FIELD_UNKNOWN' });
    const badRange = await marketing.client.as('zh-CN').post('/scoring-rules', {
      name: 'x', category: 'fit', field: 'headcount', operator: 'between', value: [500, 100], points: 1,
    });
    expect(badRange.status).toBe(400);
    expect(badRange.body.error.details.fields[0]).toMatchObject({ field: 'value', code: 'SCORING_VALUE_RANGE', message: '请输入区间：两个数字，较小的在前。' });
    const decayOnFit = await marketing.client.post('/scoring-rules', {
      name: 'x', category: 'fit', field: 'industry', operator: 'equals', value: '制造业', points: 1, halfLifeDays: 7,
    });
    expect(decayOnFit.body.error.details.fields[0]).toMatchObject({ field: 'halfLifeDays', code: 'SCORING_ENGAGEMENT_ONLY' });
    const noKind = await marketing.client.post('/scoring-rules', { name: 'x', category: 'engagement', points: 1 });
    expect(noKind.body.error.details.fields[0]).toMatchObject({ field: 'eventKind', code: 'FIELD_REQUIRED' });

    expect((await marketing.client.patch(`/scoring-rules/${rule.id}`, { points: 20 })).status).toBe(428);
    const edited = await marketing.client.patch(`/scoring-rules/${rule.id}`, { points: 20, value: 1000, version: rule.version });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ points: 20, value: 1000, version: rule.version + 1 });
    const invalidEdit = await marketing.client.patch(`/scoring-rules/${rule.id}`, { operator: 'contains', version: edited.body.version });
    expect(invalidEdit.body.error.details.fields[0]).toMatchObject({ field: 'operator', code: 'SCORING_OPERATOR_MISMATCH' });

    const audit = await admin.get(`/audit?recordId=${rule.id}`);
    expect(audit.body.data.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
    const update = audit.body.data.find((e: { action: string }) => e.action === 'update');
    expect(update.changes).toMatchObject({ points: { before: 15, after: 20 }, value: { before: 500, after: 1000 } });

    expect((await marketing.client.delete(`/scoring-rules/${rule.id}?version=${edited.body.version}`)).status).toBe(204);
    expect((await marketing.client.get(`/scoring-rules/${rule.id}`)).status).toBe(404);
    await drain();
  });

  it('lets every role read the rules, and only admins and marketing change them', async () => {
    const rule = await createRule(admin, { name: 'Opened', category: 'engagement', eventKind: 'email_open', points: 2, cap: 10, halfLifeDays: 14 });
    const list = await rep.client.get('/scoring-rules?filter[category]=engagement');
    expect(list.status).toBe(200);
    expect(list.body.data.map((r: { id: string }) => r.id)).toContain(rule.id);
    expect((await rep.client.get('/scoring-settings')).status).toBe(200);

    const refused = [
      await rep.client.post('/scoring-rules', { name: 'mine', category: 'engagement', eventKind: 'email_open', points: 50 }),
      await rep.client.patch(`/scoring-rules/${rule.id}`, { points: 50, version: rule.version }),
      await rep.client.delete(`/scoring-rules/${rule.id}?version=${rule.version}`),
      await rep.client.request('PUT', '/scoring-settings', { gradeA: 10, gradeB: 5, gradeC: 1, mqlThreshold: 1, engagementWindowDays: 30 }),
      await rep.client.post('/scoring-rules/preview', { removed: [rule.id] }),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect((await marketing.client.delete(`/scoring-rules/${rule.id}?version=${rule.version}`)).status).toBe(204);
    await drain();
  });

  it('keeps settings with checked thresholds, versions and an audit entry', async () => {
    const defaults = await marketing.client.get('/scoring-settings');
    expect(defaults.body).toMatchObject({ gradeA: 80, gradeB: 60, gradeC: 40, mqlThreshold: 60, engagementWindowDays: 180, version: 0 });
    const inverted = await marketing.client.request('PUT', '/scoring-settings', { gradeA: 40, gradeB: 60, gradeC: 20, mqlThreshold: 50, engagementWindowDays: 90 });
    expect(inverted.status).toBe(400);
    expect(inverted.body.error.details.fields[0].code).toBe('SCORING_THRESHOLDS_ORDER');
    const saved = await marketing.client.request('PUT', '/scoring-settings', {
      gradeA: 80, gradeB: 60, gradeC: 40, mqlThreshold: 60, engagementWindowDays: 120, version: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ engagementWindowDays: 120, version: 1 });
    const stale = await marketing.client.request('PUT', '/scoring-settings', {
      gradeA: 80, gradeB: 60, gradeC: 40, mqlThreshold: 60, engagementWindowDays: 100, version: 0,
    });
    expect(stale.status).toBe(409);
    const audit = await admin.get('/audit?object=scoring_settings');
    expect(audit.body.data[0].changes).toEqual({ engagementWindowDays: { before: 180, after: 120 } });
    await drain();
  });
});

describe('scoring leads', () => {
  let sc: ApiClient;
  let rules: Awaited<ReturnType<typeof icpRules>>;
  let leadId: string;

  beforeAll(async () => {
    sc = await t.signUp('ICP Co');
    rules = await icpRules(sc);
    await createRule(sc, { name: '留资表单', category: 'engagement', eventKind: 'form_submit', points: 25, halfLifeDays: 30, order: 10 });
    await createRule(sc, {
      name: 'Visit ≥ 2 min', category: 'engagement', eventKind: 'web_visit', field: 'dwellSeconds', operator: 'gte', value: 120,
      points: 8, cap: 24, halfLifeDays: 7, order: 11,
    });
    await drain();
  });

  it('gives a lead matching the ICP its fit points and grade, and explains them', async () => {
    const created = await newLead(sc, { industry: '制造业', headcount: 1200, title: '信息中心总监', email: 'zhou.ming@hengli-mfg.cn' });
    leadId = created.id;
    expect(created.score).toBeNull();
    await drain();
    expect(await lead(sc, leadId)).toMatchObject({ fitScore: 50, engagementScore: 0, score: 50, grade: 'C', status: 'new' });

    const why = await sc.get(`/leads/${leadId}/score`);
    expect(why.status).toBe(200);
    expect(why.body).toMatchObject({ fit: 50, engagement: 0, total: 50, grade: 'C', mqlThreshold: 60 });
    expect(why.body.fired.map((f: { name: string; points: number }) => [f.name, f.points])).toEqual([
      ['制造业', 20], ['人数 ≥ 500', 15], ['Decision maker', 15],
    ]);
    expect(why.body.fired[1]).toMatchObject({ ruleId: rules.headcount.id, category: 'fit', detail: { field: 'headcount', operator: 'gte', value: 500, actual: 1200 } });

    // A score is computed, not typed: writing it neither bumps the version (a rep's open edit
    // still saves) nor adds audit entries, and it does not loop.
    expect((await lead(sc, leadId)).version).toBe(created.version);
    const audit = await sc.get(`/audit?recordId=${leadId}`);
    expect(audit.body.data.filter((e: { action: string }) => e.action === 'update')).toHaveLength(0);
  });

  it('rescores when a scored field changes, not when an unrelated one does', async () => {
    const before = await lead(sc, leadId);
    await sc.patch(`/leads/${leadId}`, { description: '展会上聊过 MES 选型', version: before.version });
    await drain();
    expect((await lead(sc, leadId)).version).toBe(before.version + 1);
    const edited = await lead(sc, leadId);
    await sc.patch(`/leads/${leadId}`, { headcount: 300, version: edited.version });
    await drain();
    expect(await lead(sc, leadId)).toMatchObject({ fitScore: 35, score: 35, grade: 'D' });
    await sc.patch(`/leads/${leadId}`, { headcount: 1200, version: edited.version + 1 });
    await drain();
    expect(await lead(sc, leadId)).toMatchObject({ fitScore: 50, grade: 'C' });
  });

  it('an engagement raises the score; crossing the MQL bar promotes the lead as the system', async () => {
    const visit = await sc.post('/engagement-events', {
      leadId, kind: 'web_visit', details: { dwellSeconds: 300, url: 'https://l2c.example.cn/mes/pricing' }, externalId: 'pv-1001',
    });
    expect(visit.status).toBe(201);
    // Sent again (a longer dwell reported later): recorded once, details updated.
    const again = await sc.post('/engagement-events', { leadId, kind: 'web_visit', details: { dwellSeconds: 420 }, externalId: 'pv-1001' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: visit.body.id, details: { dwellSeconds: 420, url: 'https://l2c.example.cn/mes/pricing' } });
    await drain();
    expect(await lead(sc, leadId)).toMatchObject({ engagementScore: 8, score: 58, grade: 'C', status: 'new' });

    expect((await sc.post('/engagement-events', { leadId, kind: 'form_submit' })).status).toBe(201);
    await drain();
    expect(await lead(sc, leadId)).toMatchObject({ engagementScore: 33, score: 83, grade: 'A', status: 'mql' });
    const history = await sc.get(`/leads/${leadId}/history`);
    const promote = history.body.data.find((h: { action: string }) => h.action === 'promote');
    expect(promote).toMatchObject({ fromStatus: 'new', toStatus: 'mql', actorId: null });

    const why = await sc.get(`/leads/${leadId}/score`);
    expect(why.body.fired.filter((f: { category: string }) => f.category === 'engagement')).toMatchObject([
      { name: '留资表单', points: 25, detail: { eventKind: 'form_submit', occurrences: 1 } },
      { name: 'Visit ≥ 2 min', points: 8, detail: { eventKind: 'web_visit', occurrences: 1, capped: false } },
    ]);
    const events = await sc.get(`/engagement-events?leadId=${leadId}`);
    expect(events.body.data.map((e: { kind: string }) => e.kind)).toEqual(['form_submit', 'web_visit']);
  });

  it('refuses engagement in the future, of unknown kinds or on leads the caller cannot see', async () => {
    const future = await sc.post('/engagement-events', { leadId, kind: 'email_open', at: new Date(Date.now() + DAY_MS).toISOString() });
    expect(future.status).toBe(400);
    expect(future.body.error.details.fields[0]).toMatchObject({ field: 'at', code: 'ENGAGEMENT_IN_FUTURE' });
    expect((await sc.post('/engagement-events', { leadId, kind: 'tweet' })).status).toBe(400);
    expect((await admin.post('/engagement-events', { leadId, kind: 'email_open' })).status).toBe(404);
    expect((await admin.get(`/leads/${leadId}/score`)).status).toBe(404);
  });

  it('engagement decays with time: the nightly pass lowers the score', async () => {
    const cold = await newLead(sc, { name: 'Jane Smith', company: 'Acme Robotics', industry: 'Software', email: 'jane@acme.io' });
    const clicked = new Date();
    await sc.post('/engagement-events', { leadId: cold.id, kind: 'form_submit', at: clicked.toISOString() });
    await drain();
    expect(await lead(sc, cold.id)).toMatchObject({ fitScore: 0, engagementScore: 25, grade: 'D' });

    // 30 days later (one half-life): 12.5 → 13; 60 days: 6.25 → 6.
    for (const [days, expected] of [[30, 13], [60, 6]] as const) {
      setScoringClock(() => new Date(clicked.getTime() + days * DAY_MS));
      await enqueue(t.database.db, { type: 'scoring.decay', payload: {} });
      await drain();
      expect((await lead(sc, cold.id)).engagementScore).toBe(expected);
    }
    expect((await sc.get(`/leads/${cold.id}/score`)).body.fired[0].detail).toMatchObject({ occurrences: 1, undecayed: 25, capped: false });
  });

  it('a burst of engagement is coalesced into few rescore jobs', async () => {
    const busy = await newLead(sc, { name: 'Li Na', industry: 'Retail', email: 'li.na@shop.cn' });
    await drain();
    for (let i = 0; i < 6; i++) {
      expect((await sc.post('/engagement-events', { leadId: busy.id, kind: 'web_visit', details: { dwellSeconds: 130 + i } })).status).toBe(201);
    }
    await drain();
    const [{ count }] = await queryRows<{ count: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS count FROM jobs WHERE type = 'scoring.rescore' AND payload->>'leadId' = ${busy.id}`,
    );
    // One for the creation, then a few for the six visits (each visit's delivery may start a new one only after the last began).
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThan(7);
    // 6 visits × 8, capped at 24.
    expect(await lead(sc, busy.id)).toMatchObject({ engagementScore: 24 });
  });

  it('campaign touches (a form response) count as engagement, once per touch', async () => {
    const me = await sc.get('/me');
    const responder = await newLead(sc, { name: '孙悦', industry: '制造业', email: 'sun.yue@jinggong.cn' });
    await drain();
    const ctx = systemContext(t.database.db, me.body.tenant.id, 'test');
    await recordTouch(ctx, responder.id, { kind: 'responded', details: { form: '白皮书下载' } });
    await recordTouch(ctx, responder.id, { kind: 'invited' });
    await drain();
    const events = await sc.get(`/engagement-events?leadId=${responder.id}`);
    expect(events.body.data.map((e: { kind: string; externalId: string }) => [e.kind, e.externalId.startsWith('touch:')])).toEqual([['form_submit', true]]);
    expect(await lead(sc, responder.id)).toMatchObject({ fitScore: 20, engagementScore: 25, score: 45, grade: 'C' });
  });

  it('a deleted lead takes its engagement with it', async () => {
    const gone = await newLead(sc, { name: 'Temp', email: 'temp@x.cn' });
    await sc.post('/engagement-events', { leadId: gone.id, kind: 'email_open' });
    await drain();
    const current = await lead(sc, gone.id);
    expect((await sc.delete(`/leads/${gone.id}?version=${current.version}`)).status).toBe(204);
    await drain();
    const rows = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM engagement_events WHERE lead_id = ${gone.id}`);
    expect(rows[0].n).toBe(0);
  });

  it('a rule change rescores every lead of the tenant', async () => {
    const before = await lead(sc, leadId);
    expect(before.fitScore).toBe(50);
    const headcount = (await sc.get(`/scoring-rules/${rules.headcount.id}`)).body;
    await sc.patch(`/scoring-rules/${headcount.id}`, { points: 25, version: headcount.version });
    await drain();
    expect(await lead(sc, leadId)).toMatchObject({ fitScore: 60 });
  });
});

describe('preview of a rule change', () => {
  it('tells how many leads would change grade, from → to, without saving anything', async () => {
    const pc = await t.signUp('Preview Co');
    const rules = await icpRules(pc);
    const leads = {
      // 20 + 15 + 15 = 50 (C)
      bigMfgDirector: await newLead(pc, { name: '李强', industry: '制造业', headcount: 2000, title: '生产总监' }),
      // 20 + 15 = 35 (D)
      bigMfg: await newLead(pc, { name: 'Wang Fang', industry: 'Manufacturing', headcount: 800, title: 'Buyer' }),
      // 20 = 20 (D)
      smallMfg: await newLead(pc, { name: '赵磊', industry: '制造业', headcount: 60, title: '采购' }),
      // 15 (D)
      softwareCio: await newLead(pc, { name: 'Chen Jie', industry: '软件', headcount: 150, title: 'CIO' }),
    };
    await drain();

    // The journey: manufacturing +20 → +30, headcount ≥ 500 +15 → +25, and a new region rule.
    const preview = await pc.post('/scoring-rules/preview', {
      changed: [{ id: rules.industry.id, points: 30 }, { id: rules.headcount.id, points: 25 }],
      added: [{ name: '华东', category: 'fit', field: 'region', operator: 'in', value: ['华东'], points: 10 }],
    });
    expect(preview.status, preview.text).toBe(200);
    // After: 70 (B), 55 (C), 30 (D), 15 (D).
    expect(preview.body).toMatchObject({ evaluated: 4, gradeChanged: 2, scoreChanged: 3, wouldPromote: 1 });
    expect(preview.body.matrix).toEqual([
      { from: 'C', to: 'B', count: 1 },
      { from: 'D', to: 'C', count: 1 },
      { from: 'D', to: 'D', count: 2 },
    ]);
    expect(preview.body.sample.map((s: { leadId: string; fromGrade: string; toGrade: string; fromTotal: number; toTotal: number }) =>
      [s.leadId, s.fromGrade, s.toGrade, s.fromTotal, s.toTotal])).toEqual([
      [leads.bigMfgDirector.id, 'C', 'B', 50, 70],
      [leads.bigMfg.id, 'D', 'C', 35, 55],
    ]);

    // A lower MQL bar and removed title rule, previewed as well.
    const lowerBar = await pc.post('/scoring-rules/preview', { removed: [rules.title.id], settings: { mqlThreshold: 30 } });
    expect(lowerBar.body).toMatchObject({ gradeChanged: 1, wouldPromote: 2 });
    expect(lowerBar.body.matrix).toContainEqual({ from: 'C', to: 'D', count: 1 });

    // Nothing was saved.
    expect((await pc.get(`/scoring-rules/${rules.industry.id}`)).body.points).toBe(20);
    expect((await pc.get('/scoring-rules')).body.data).toHaveLength(3);
    expect((await pc.get(`/leads/${leads.bigMfgDirector.id}`)).body).toMatchObject({ score: 50, grade: 'C', status: 'new' });

    const bad = await pc.post('/scoring-rules/preview', {
      changed: [{ id: '00000000-0000-7000-8000-000000000000', points: 1 }],
      added: [{ name: 'x', category: 'fit', field: 'headcount', operator: 'gte', value: 'big', points: 1 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`)).toEqual([
      'added[0].value:SCORING_VALUE_NUMBER',
      'changed[0].id:REFERENCE_NOT_FOUND',
    ]);
  });

  it('pages through every lead once, even an import whose leads share one created_at', async () => {
    paging.batchSize = 20;
    const bc = await t.signUp('Bulk Co');
    const rules = await icpRules(bc);
    const tenantId = (await bc.get('/me')).body.tenant.id;
    const ctx = systemContext(t.database.db, tenantId, 'import');
    // 23 education leads (15 points: D), 22 manufacturers (35 points: D): three pages of 20.
    await inTransaction(ctx, async (tx) => {
      for (let i = 0; i < 45; i++) await createLead(tx, { name: `展会名单 ${i}`, industry: i % 2 ? '制造业' : '教育', headcount: 500 + i }, 'import');
    });
    await drain();
    const byFit = async () => queryRows<{ fit: number; n: number }>(
      t.database.db,
      sql`SELECT fit_score AS fit, count(*)::int AS n FROM leads WHERE tenant_id = ${tenantId} GROUP BY fit_score ORDER BY fit_score`,
    );
    expect(await byFit()).toEqual([{ fit: 15, n: 23 }, { fit: 35, n: 22 }]);

    const preview = await bc.post('/scoring-rules/preview', { changed: [{ id: rules.industry.id, points: 30 }] });
    expect(preview.body).toMatchObject({ evaluated: 45, gradeChanged: 22 });
    expect(preview.body.matrix).toEqual([{ from: 'D', to: 'C', count: 22 }, { from: 'D', to: 'D', count: 23 }]);

    // Saved, the tenant-wide rescore pages through both pages and scores each lead once.
    await bc.patch(`/scoring-rules/${rules.industry.id}`, { points: 30, version: rules.industry.version });
    await drain();
    expect(await byFit()).toEqual([{ fit: 15, n: 23 }, { fit: 45, n: 22 }]);
    paging.batchSize = 200;
  });
});
