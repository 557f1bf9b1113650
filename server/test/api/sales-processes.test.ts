import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type ApiClient, type TestApp } from '../test-app.js';

let t: TestApp;
let admin: ApiClient;
let rep: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Process Co');
  rep = (await t.addUser(admin, { role: 'sales_rep' })).client;
});
afterAll(() => t.close());

interface StageBody { id: string; key: string | null; name: string; order: number; probability: number; forecastCategory: string; isWon: boolean; isLost: boolean; exitCriteria: Record<string, unknown[]> }
const keys = (p: { stages: StageBody[] }) => p.stages.map((s) => s.key ?? s.name);

const stagesInput = [
  { key: 'discover', name: 'Discover', probability: 10, forecastCategory: 'pipeline', exitCriteria: { checklist: [{ key: 'call', label: 'Call held' }] } },
  { key: 'propose', name: 'Propose', probability: 40, forecastCategory: 'best_case', exitCriteria: { requiredFields: ['amount'], requiredDocuments: ['proposal'] } },
];

describe('sales processes', () => {
  it('a new tenant has the simple and the solution sale, the simple one by default', async () => {
    const list = await rep.get('/sales-processes');
    expect(list.status).toBe(200);
    const byTemplate = Object.fromEntries(list.body.data.map((p: { templateKey: string }) => [p.templateKey, p]));
    expect(Object.keys(byTemplate).sort()).toEqual(['simple', 'solution']);
    expect(byTemplate.simple).toMatchObject({ name: 'Simple product sale', isDefault: true, allowManagerOverride: true, active: true });
    expect(keys(byTemplate.simple)).toEqual(['contact', 'product_understanding', 'quote', 'won', 'lost']);
    const solution = byTemplate.solution;
    expect(solution.isDefault).toBe(false);
    expect(solution.stages.map((s: StageBody) => [s.key, s.order, s.probability, s.forecastCategory])).toEqual([
      ['goal_identification', 1, 10, 'pipeline'],
      ['solution', 2, 25, 'pipeline'],
      ['win_power_sponsor', 3, 50, 'best_case'],
      ['key_decision_makers', 4, 60, 'best_case'],
      ['evaluation', 5, 75, 'commit'],
      ['negotiation', 6, 90, 'commit'],
      ['won', 7, 100, 'closed'],
      ['lost', 8, 0, 'omitted'],
    ]);
    const sponsor = solution.stages.find((s: StageBody) => s.key === 'win_power_sponsor');
    expect(sponsor.exitCriteria).toEqual({ checklist: [], requiredFields: ['bant.authority'], requiredDocuments: [], requiredStakeholders: ['power_sponsor_supports'] });
    expect(solution.stages.find((s: StageBody) => s.key === 'evaluation').exitCriteria.requiredDocuments).toEqual(['tender', 'final_proposal']);
    // Seeded once: listing again creates nothing more.
    expect((await admin.get('/sales-processes')).body.data).toHaveLength(2);
  });

  it('seeds in the tenant’s language, with loss reasons labelled in both languages', async () => {
    const zh = t.anonymous();
    const signup = await zh.post('/auth/signup', { tenantName: '华南科技', name: '管理员', email: `zh-${Date.now()}@example.cn`, password: PASSWORD, locale: 'zh-CN' });
    expect(signup.status).toBe(201);
    const processes = (await zh.as('zh-CN').get('/sales-processes')).body.data;
    expect(processes.map((p: { name: string }) => p.name).sort()).toEqual(['简单产品销售', '解决方案销售']);
    const solution = processes.find((p: { templateKey: string }) => p.templateKey === 'solution');
    expect(solution.stages.find((s: StageBody) => s.key === 'win_power_sponsor').name).toBe('赢得权力支持者');
    const reasons = await zh.as('zh-CN').get('/loss-reasons');
    expect(reasons.body.data.map((r: { key: string }) => r.key)).toEqual(
      ['price', 'competitor', 'no_budget', 'no_decision', 'product_fit', 'relationship', 'timing', 'other'],
    );
    expect(reasons.body.data[0]).toMatchObject({ label: '价格过高', labels: { 'en-US': 'Price too high', 'zh-CN': '价格过高' } });
    expect((await zh.as('en-US').get('/loss-reasons')).body.data[0].label).toBe('Price too high');
  });

  it('creates a process from a template, under a free name, in the caller’s language', async () => {
    const res = await admin.post('/sales-processes/from-template', { template: 'solution', businessLine: 'Government' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Solution sale (2)', businessLine: 'Government', templateKey: 'solution', isDefault: false });
    expect(res.body.stages).toHaveLength(8);
    const named = await admin.post('/sales-processes/from-template', { template: 'simple', name: 'Retail quick sale', isDefault: true });
    expect(named.body).toMatchObject({ name: 'Retail quick sale', isDefault: true });
    const defaults = (await admin.get('/sales-processes?filter[isDefault]=true')).body.data;
    expect(defaults.map((p: { name: string }) => p.name)).toEqual(['Retail quick sale']);
    const templates = await rep.as('zh-CN').get('/sales-process-templates');
    expect(templates.body.data.map((x: { key: string; name: string }) => `${x.key}:${x.name}`)).toEqual(['simple:简单产品销售', 'solution:解决方案销售']);
    expect((await admin.post('/sales-processes/from-template', { template: 'complex' })).status).toBe(400);
  });

  it('an admin creates a process; won and lost stages are added when not listed', async () => {
    const res = await admin.post('/sales-processes', { name: 'Channel deals', businessLine: 'Channel', stages: stagesInput, allowManagerOverride: false });
    expect(res.status).toBe(201);
    expect(res.body.stages.map((s: StageBody) => [s.name, s.order, s.probability, s.isWon, s.isLost])).toEqual([
      ['Discover', 1, 10, false, false],
      ['Propose', 2, 40, false, false],
      ['Closed won', 3, 100, true, false],
      ['Closed lost', 4, 0, false, true],
    ]);
    expect(res.body.stages[1].exitCriteria).toEqual({ checklist: [], requiredFields: ['amount'], requiredDocuments: ['proposal'], requiredStakeholders: [] });
    const audit = await admin.get(`/audit?recordId=${res.body.id}`);
    const stageEntry = audit.body.data.find((e: { changes: Record<string, unknown> }) => e.changes.stages);
    expect(stageEntry.changes.stages.after).toHaveLength(4);
  });

  it('refuses an invalid set of stages with the field at fault', async () => {
    const bad = async (stages: unknown[]) => {
      const res = await admin.post('/sales-processes', { name: `Bad ${Math.random()}`, stages });
      expect(res.status).toBe(400);
      return res.body.error.details.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`);
    };
    expect(await bad([
      { name: 'A', exitCriteria: { checklist: [{ key: 'k', label: 'K' }] } },
      { name: 'B', exitCriteria: { checklist: [{ key: 'k', label: 'K' }] } },
    ])).toEqual(['stages.1.exitCriteria.checklist:STAGE_KEY_DUPLICATE']);
    expect(await bad([{ name: 'Won', isWon: true }, { name: 'A' }])).toEqual(['stages:TERMINAL_STAGES_LAST']);
    expect(await bad([{ name: 'A', probability: 120 }])).toEqual(['stages.0.probability:FIELD_INVALID']);
    expect(await bad([{ name: 'A', exitCriteria: { requiredFields: ['colour'] } }])).toEqual(['stages.0.exitCriteria.requiredFields.0:FIELD_ENUM']);
    expect(await bad([{ name: 'A', exitCriteria: { requiredStakeholders: ['ceo_likes_us'] } }])).toEqual(['stages.0.exitCriteria.requiredStakeholders.0:FIELD_ENUM']);
    const dupName = await admin.post('/sales-processes', { name: 'Channel deals', stages: stagesInput });
    expect(dupName.status).toBe(409);
    expect(dupName.body.error).toMatchObject({ code: 'ALREADY_EXISTS', details: { field: 'name' } });
  });

  it('adds, edits, moves, reorders and removes stages under the process version, audited', async () => {
    const process = (await admin.post('/sales-processes', { name: 'Editable', stages: stagesInput })).body;
    const [discover, propose, won, lost] = process.stages as StageBody[];

    const added = await admin.post(`/sales-processes/${process.id}/stages`, { name: 'Negotiate', probability: 70, forecastCategory: 'commit', version: process.version });
    expect(added.status).toBe(201);
    expect(keys(added.body)).toEqual(['discover', 'propose', 'Negotiate', 'Closed won', 'Closed lost']);
    expect(added.body.version).toBe(process.version + 1);
    const stale = await admin.post(`/sales-processes/${process.id}/stages`, { name: 'Late', version: process.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');

    const negotiate = added.body.stages[2] as StageBody;
    const edited = await admin.patch(`/sales-processes/${process.id}/stages/${propose.id}`, {
      probability: 45, exitCriteria: { checklist: [{ key: 'proposal_sent', label: 'Proposal sent' }] }, order: 1,
    });
    expect(edited.status).toBe(200);
    expect(keys(edited.body)).toEqual(['propose', 'discover', 'Negotiate', 'Closed won', 'Closed lost']);
    expect(edited.body.stages[0]).toMatchObject({ id: propose.id, probability: 45, order: 1 });
    // Parts of the exit criteria not given stay as they were.
    expect(edited.body.stages[0].exitCriteria).toMatchObject({ requiredFields: ['amount'], requiredDocuments: ['proposal'], checklist: [{ key: 'proposal_sent', label: 'Proposal sent' }] });

    const reordered = await admin.post(`/sales-processes/${process.id}/reorder-stages`, { stageIds: [discover.id, propose.id, negotiate.id, won.id, lost.id] });
    expect(reordered.status).toBe(200);
    expect(keys(reordered.body)).toEqual(['discover', 'propose', 'Negotiate', 'Closed won', 'Closed lost']);
    expect(reordered.body.stages.map((s: StageBody) => s.order)).toEqual([1, 2, 3, 4, 5]);
    const terminalFirst = await admin.post(`/sales-processes/${process.id}/reorder-stages`, { stageIds: [won.id, discover.id, propose.id, negotiate.id, lost.id] });
    expect(terminalFirst.status).toBe(400);
    expect(terminalFirst.body.error.details.fields[0].code).toBe('TERMINAL_STAGES_LAST');
    const partial = await admin.post(`/sales-processes/${process.id}/reorder-stages`, { stageIds: [discover.id, propose.id] });
    expect(partial.status).toBe(400);
    expect(partial.body.error.code).toBe('REORDER_MISMATCH');

    const removed = await admin.delete(`/sales-processes/${process.id}/stages/${negotiate.id}`);
    expect(removed.status).toBe(200);
    expect(keys(removed.body)).toEqual(['discover', 'propose', 'Closed won', 'Closed lost']);
    const lastWon = await admin.delete(`/sales-processes/${process.id}/stages/${won.id}`);
    expect(lastWon.status).toBe(400);
    expect(lastWon.body.error.details.fields[0].code).toBe('ONE_WON_ONE_LOST');
    expect((await admin.delete(`/sales-processes/${process.id}/stages/${process.id}`)).status).toBe(404);

    const audit = (await admin.get(`/audit?recordId=${process.id}`)).body.data;
    const stageChanges = audit.filter((e: { changes: Record<string, unknown> }) => e.changes.stages);
    expect(stageChanges.length).toBeGreaterThanOrEqual(5);
  });

  it('patches process fields; one default process at a time', async () => {
    const a = (await admin.post('/sales-processes', { name: 'Default A', stages: stagesInput, isDefault: true })).body;
    const b = (await admin.post('/sales-processes', { name: 'Default B', stages: stagesInput })).body;
    const res = await admin.patch(`/sales-processes/${b.id}`, { isDefault: true, allowManagerOverride: false, version: b.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ isDefault: true, allowManagerOverride: false });
    expect((await admin.get(`/sales-processes/${a.id}`)).body.isDefault).toBe(false);
    expect((await admin.patch(`/sales-processes/${b.id}`, { name: 'No version' })).status).toBe(428);
  });

  it('reps read processes but cannot change them', async () => {
    expect((await rep.post('/sales-processes', { name: 'Rep process', stages: stagesInput })).status).toBe(403);
    expect((await rep.post('/sales-processes/from-template', { template: 'simple' })).status).toBe(403);
    const process = (await rep.get('/sales-processes')).body.data[0];
    expect((await rep.post(`/sales-processes/${process.id}/stages`, { name: 'Sneaky' })).status).toBe(403);
    expect((await rep.patch(`/sales-processes/${process.id}`, { name: 'Renamed', version: process.version })).status).toBe(403);
    expect((await rep.post('/loss-reasons', { key: 'rep', labels: { 'en-US': 'Rep' } })).status).toBe(403);
  });

  it('keeps processes per tenant', async () => {
    const other = await t.signUp('Other Process Co');
    const mine = (await admin.get('/sales-processes?limit=200')).body.data;
    const theirs = (await other.get('/sales-processes')).body.data;
    expect(theirs).toHaveLength(2);
    expect(theirs.some((p: { id: string }) => mine.some((m: { id: string }) => m.id === p.id))).toBe(false);
    expect((await other.get(`/sales-processes/${mine[0].id}`)).status).toBe(404);
  });

  it('an admin adds a loss reason; a missing language takes the other', async () => {
    const res = await admin.post('/loss-reasons', { key: 'compliance', labels: { 'zh-CN': '合规要求不满足' }, sortOrder: 85 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ key: 'compliance', labels: { 'en-US': '合规要求不满足', 'zh-CN': '合规要求不满足' } });
    expect((await admin.post('/loss-reasons', { key: 'compliance', labels: { 'en-US': 'Again' } })).status).toBe(409);
    expect((await admin.post('/loss-reasons', { key: 'Bad Key', labels: { 'en-US': 'x' } })).status).toBe(400);
  });
});

describe('opportunity settings', () => {
  it('defaults to lenient with all four BANT parts; admins change it, audited; reps cannot', async () => {
    const res = await rep.get('/opportunity-settings');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ bantMode: 'lenient', bantRequired: ['budget', 'authority', 'need', 'timeline'] });
    expect((await rep.request('PUT', '/opportunity-settings', { bantMode: 'strict', bantRequired: ['need'] })).status).toBe(403);
    const updated = await admin.request('PUT', '/opportunity-settings', { bantMode: 'strict', bantRequired: ['timeline', 'need'], version: res.body.version });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ bantMode: 'strict', bantRequired: ['need', 'timeline'] });
    const stale = await admin.request('PUT', '/opportunity-settings', { bantMode: 'lenient', bantRequired: [], version: res.body.version });
    expect(stale.status).toBe(409);
    const me = (await admin.get('/me')).body;
    const audit = (await admin.get(`/audit?recordId=${me.tenant.id}`)).body.data;
    expect(audit[0]).toMatchObject({ object: 'opportunity_settings', changes: { bantMode: { before: 'lenient', after: 'strict' } } });
  });
});
