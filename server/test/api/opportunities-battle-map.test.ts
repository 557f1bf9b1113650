import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

/**
 * Journey 4 — Wednesday, the same rep, a big deal: fills BANT, draws the buying committee (the
 * CIO as power sponsor, neutral; the CFO, not met yet; two supportive evaluators), tries to move
 * the deal to "win the power sponsor" and is told exactly what is missing; plans a visit to the
 * CIO with the manager. Then the battle map drives the gates of the solution sale.
 */
let t: TestApp;
let admin: ApiClient;
let manager: { client: ApiClient; id: string };
let rep: { client: ApiClient; id: string };
let otherRep: { client: ApiClient; id: string };
let solution: { id: string; version: number; stages: { id: string; key: string; name: string }[] };
let accountId: string;
const contacts: Record<string, string> = {};
const stakeholders: Record<string, string> = {};
let dealId: string;

const stage = (key: string) => solution.stages.find((s) => s.key === key)!;
const missingOf = (res: { body: { error: { details: { missing: Record<string, unknown>[] } } } }) =>
  res.body.error.details.missing.map((m) => `${m.kind}:${m.key}:${m.code}`);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Big Deals Co');
  const root = (await admin.get('/teams')).body.data[0];
  const north = (await admin.post('/teams', { name: 'North', parentId: root.id })).body;
  manager = await t.addUser(admin, { role: 'sales_manager', teamId: north.id });
  rep = await t.addUser(admin, { role: 'sales_rep', teamId: north.id });
  otherRep = await t.addUser(admin, { role: 'sales_rep', teamId: north.id });
  solution = (await admin.get('/sales-processes?filter[templateKey]=solution')).body.data[0];
  accountId = (await rep.client.post('/accounts', { name: '华北电网信息公司' })).body.id;
  for (const [key, name, title] of [['cio', '王建国', 'CIO'], ['cfo', '李娜', 'CFO'], ['eval1', '张伟', 'IT 架构师'], ['eval2', '刘洋', '财务系统经理']]) {
    contacts[key] = (await rep.client.post('/contacts', { name, title, accountId })).body.id;
  }
});
afterAll(() => t.close());

describe('journey 4: a big deal on the battle map', () => {
  it('the rep fills BANT and starts the deal in the solution sale', async () => {
    const res = await rep.client.post('/opportunities', {
      name: '数据中台项目',
      accountId,
      processId: solution.id,
      closeDate: '2026-06-30',
      amount: { amount: '2800000', currency: 'CNY' },
      bant: {
        budget: { amount: { amount: '3000000', currency: 'CNY' }, approved: false },
        authority: { decisionMakerContactIds: [contacts.cio, contacts.cfo], participants: ['信息中心', '财务部'] },
        need: { problem: '数据分散在 12 个系统', goal: '统一经营分析' },
        timeline: { date: '2026-06-30', reason: '年中上线' },
      },
      contacts: [{ contactId: contacts.cio, role: 'power_sponsor' }, { contactId: contacts.cfo, role: 'financial_approver' }],
      competitors: ['Acme Data'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ stageId: stage('goal_identification').id, probability: 10, qualified: true });
    dealId = res.body.id;
  });

  it('an empty battle map shows every gap', async () => {
    const gaps = await rep.client.get(`/opportunities/${dealId}/gaps`);
    expect(gaps.status).toBe(200);
    expect(gaps.body.data.map((g: { code: string }) => g.code)).toEqual(['NO_POWER_SPONSOR', 'NO_EXECUTIVE_LEVEL', 'NO_SUPPORTER']);
    expect(gaps.body.data[0]).toMatchObject({ check: 'power_sponsor_identified', severity: 'warning', message: 'No power sponsor is identified on the battle map.' });
  });

  it('the rep draws the buying committee', async () => {
    const add = async (body: Record<string, unknown>) => {
      const res = await rep.client.post(`/opportunities/${dealId}/stakeholders`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const cio = await add({ contactId: contacts.cio, role: 'power_sponsor', level: 'c_level', attitude: 'neutral', influence: 5, lastContactAt: '2025-09-01T02:00:00Z', relationshipOwnerId: rep.id });
    expect(cio).toMatchObject({ contactName: '王建国', contactTitle: 'CIO', role: 'power_sponsor', level: 'c_level', attitude: 'neutral', influence: 5, actions: [] });
    stakeholders.cio = cio.id;
    stakeholders.cfo = (await add({ contactId: contacts.cfo, role: 'financial_approver', level: 'c_level', reportsToId: null, influence: 5 })).id;
    stakeholders.eval1 = (await add({ contactId: contacts.eval1, role: 'technical_evaluator', level: 'manager', attitude: 'support', reportsToId: cio.id })).id;
    stakeholders.eval2 = (await add({ contactId: contacts.eval2, role: 'technical_evaluator', level: 'staff', attitude: 'support', reportsToId: stakeholders.cfo })).id;

    const twice = await rep.client.post(`/opportunities/${dealId}/stakeholders`, { contactId: contacts.cio, role: 'influencer' });
    expect(twice.status).toBe(409);
    const ghost = await rep.client.post(`/opportunities/${dealId}/stakeholders`, { contactId: '00000000-0000-7000-8000-000000000009', role: 'user' });
    expect(ghost.body.error.details.fields[0]).toMatchObject({ field: 'contactId', code: 'REFERENCE_NOT_FOUND' });
    const badRole = await rep.client.post(`/opportunities/${dealId}/stakeholders`, { contactId: contacts.cio, role: 'king', influence: 9 });
    expect(badRole.status).toBe(400);
    // An org chart has no loops.
    const loop = await rep.client.patch(`/opportunities/${dealId}/stakeholders/${stakeholders.cio}`, { reportsToId: stakeholders.eval1 });
    expect(loop.status).toBe(400);
    expect(loop.body.error.details.fields[0].code).toBe('STAKEHOLDER_CYCLE');

    const map = (await rep.client.get(`/opportunities/${dealId}/stakeholders`)).body.data;
    expect(map.map((s: { contactName: string; reportsToId: string | null }) => [s.contactName, s.reportsToId])).toEqual([
      ['王建国', null], ['李娜', null], ['张伟', stakeholders.cio], ['刘洋', stakeholders.cfo],
    ]);
    expect((await rep.client.get(`/opportunities/${dealId}/gaps`)).body.data).toEqual([]);
  });

  it('moving to "win the power sponsor" is refused with exactly what is missing, in the rep’s language', async () => {
    const res = await rep.client.post(`/opportunities/${dealId}/advance`, { stageId: stage('win_power_sponsor').id });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('STAGE_GATE_UNMET');
    expect(res.body.error.message).toBe('The deal cannot move to "Win the power sponsor" yet: 2 exit criteria are not met.');
    expect(res.body.error.details).toMatchObject({ stageId: stage('win_power_sponsor').id, canOverride: false });
    expect(res.body.error.details.missing).toEqual([
      {
        kind: 'checklist', key: 'goals_confirmed', code: 'CHECKLIST_ITEM_NOT_DONE', label: "Customer's goals and pains confirmed",
        message: "Not done yet: Customer's goals and pains confirmed.", stageId: stage('goal_identification').id, stageName: 'Goal identification',
      },
      {
        kind: 'checklist', key: 'solution_presented', code: 'CHECKLIST_ITEM_NOT_DONE', label: 'Solution vision presented',
        message: 'Not done yet: Solution vision presented.', stageId: stage('solution').id, stageName: 'Solution',
      },
    ]);
    const zh = await rep.client.as('zh-CN').post(`/opportunities/${dealId}/advance`, { stageId: stage('win_power_sponsor').id });
    expect(zh.body.error.message).toBe('商机尚不能推进到“Win the power sponsor”：有 2 项阶段退出条件未满足。');
    expect(zh.body.error.details.missing[0].message).toBe("尚未完成：Customer's goals and pains confirmed。");
    // The same list is there before trying.
    const preview = await rep.client.get(`/opportunities/${dealId}/gate?stageId=${stage('win_power_sponsor').id}`);
    expect(preview.body).toMatchObject({ passable: false, canOverride: false });
    expect(preview.body.missing.map((m: { key: string }) => m.key)).toEqual(['goals_confirmed', 'solution_presented']);
    expect((await rep.client.get(`/opportunities/${dealId}`)).body.stageId).toBe(stage('goal_identification').id);
  });

  it('with the checklist done the deal reaches "win the power sponsor" at 50 %', async () => {
    await rep.client.post(`/opportunities/${dealId}/checklist/goals_confirmed`, { done: true });
    await rep.client.post(`/opportunities/${dealId}/checklist/solution_presented`, { done: true });
    const res = await rep.client.post(`/opportunities/${dealId}/advance`, { stageId: stage('win_power_sponsor').id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stageId: stage('win_power_sponsor').id, probability: 50, forecastCategory: 'best_case' });
  });

  it('plans a visit to the CIO with the manager, and marks it done', async () => {
    const planned = await rep.client.post(`/opportunities/${dealId}/stakeholders/${stakeholders.cio}/actions`, {
      description: '与销售经理一起拜访 CIO，确认项目愿景', visitorIds: [rep.id, manager.id], dueAt: '2025-09-10T02:00:00Z',
    });
    expect(planned.status).toBe(201);
    expect(planned.body).toMatchObject({ stakeholderId: stakeholders.cio, visitorIds: [rep.id, manager.id], done: false, doneAt: null });
    const bad = await rep.client.post(`/opportunities/${dealId}/stakeholders/${stakeholders.cio}/actions`, { description: 'x', visitorIds: [contacts.cio] });
    expect(bad.body.error.details.fields[0]).toMatchObject({ field: 'visitorIds', code: 'REFERENCE_NOT_FOUND' });
    const done = await manager.client.patch(`/opportunities/${dealId}/stakeholders/${stakeholders.cio}/actions/${planned.body.id}`, { done: true });
    expect(done.status).toBe(200);
    expect(done.body.done).toBe(true);
    expect(done.body.doneAt).toBeTruthy();
    const map = (await manager.client.get(`/opportunities/${dealId}/stakeholders`)).body.data;
    expect(map[0].actions.map((a: { id: string; done: boolean }) => [a.id, a.done])).toEqual([[planned.body.id, true]]);
  });

  it('cannot leave "win the power sponsor" until the power sponsor supports; a rep cannot override', async () => {
    const next = stage('key_decision_makers').id;
    const refused = await rep.client.post(`/opportunities/${dealId}/advance`, { stageId: next });
    expect(refused.status).toBe(409);
    expect(missingOf(refused)).toEqual(['stakeholder:power_sponsor_supports:POWER_SPONSOR_NOT_SUPPORTIVE']);
    expect(refused.body.error.details.missing[0].stakeholderIds).toEqual([stakeholders.cio]);

    const repOverride = await rep.client.post(`/opportunities/${dealId}/advance`, { stageId: next, overrideReason: 'Trust me' });
    expect(repOverride.status).toBe(403);
    expect(repOverride.body.error.code).toBe('GATE_OVERRIDE_FORBIDDEN');
    expect(repOverride.body.error.details.missing).toHaveLength(1);

    const swayed = await rep.client.patch(`/opportunities/${dealId}/stakeholders/${stakeholders.cio}`, {
      attitude: 'support', attitudeNote: '演示后明确支持', lastContactAt: '2025-09-10T03:00:00Z',
    });
    expect(swayed.status).toBe(200);
    expect(swayed.body.attitude).toBe('support');
    const history = (await rep.client.get(`/opportunities/${dealId}/stakeholders/${stakeholders.cio}/attitude-history`)).body.data;
    expect(history.map((h: { fromAttitude: string | null; toAttitude: string; note: string | null }) => [h.fromAttitude, h.toAttitude, h.note]))
      .toEqual([[null, 'neutral', null], ['neutral', 'support', '演示后明确支持']]);

    const passed = await rep.client.post(`/opportunities/${dealId}/advance`, { stageId: next });
    expect(passed.status).toBe(200);
    expect(passed.body).toMatchObject({ stageId: next, probability: 60 });
  });

  it('a manager overrides the CFO gate with a reason: recorded in the stage history and the audit log', async () => {
    const evaluation = stage('evaluation').id;
    const refused = await rep.client.post(`/opportunities/${dealId}/advance`, { stageId: evaluation });
    expect(missingOf(refused)).toEqual(['stakeholder:executive_covered:EXECUTIVE_NOT_COVERED']);
    const preview = (await manager.client.get(`/opportunities/${dealId}/gate`)).body;
    expect(preview).toMatchObject({ stageId: evaluation, passable: false, canOverride: true });

    const withoutReason = await manager.client.post(`/opportunities/${dealId}/advance`, { stageId: evaluation });
    expect(withoutReason.status).toBe(409);
    expect(withoutReason.body.error.details.canOverride).toBe(true);
    const overridden = await manager.client.post(`/opportunities/${dealId}/advance`, { stageId: evaluation, overrideReason: 'CFO 出差，CIO 已书面确认预算' });
    expect(overridden.status).toBe(200);
    expect(overridden.body).toMatchObject({ stageId: evaluation, probability: 75, forecastCategory: 'commit' });

    const history = (await rep.client.get(`/opportunities/${dealId}/stage-history`)).body.data;
    const last = history[history.length - 1];
    expect(last).toMatchObject({ action: 'override', toStageId: evaluation, overrideReason: 'CFO 出差，CIO 已书面确认预算', actorId: manager.id });
    expect(last.overriddenMissing.map((m: { code: string }) => m.code)).toEqual(['EXECUTIVE_NOT_COVERED']);
    const audit = (await admin.get(`/audit?recordId=${dealId}`)).body.data;
    const entry = audit.find((e: { action: string }) => e.action === 'stage_override');
    expect(entry).toMatchObject({ actorId: manager.id, changes: { overrideReason: { after: 'CFO 出差，CIO 已书面确认预算' }, stageId: { after: evaluation } } });
  });

  it('evaluation needs the tender and the final proposal attached', async () => {
    const negotiation = stage('negotiation').id;
    expect(missingOf(await rep.client.post(`/opportunities/${dealId}/advance`, { stageId: negotiation }))).toEqual([
      'document:tender:REQUIRED_DOCUMENT_MISSING', 'document:final_proposal:REQUIRED_DOCUMENT_MISSING',
    ]);
    const tender = await rep.client.post(`/opportunities/${dealId}/documents`, { name: '招标文件.pdf', kind: 'tender', url: 'https://files.example.cn/t.pdf' });
    expect(tender.status).toBe(201);
    expect(tender.body).toMatchObject({ name: '招标文件.pdf', kind: 'tender', createdById: rep.id });
    const refused = await rep.client.as('zh-CN').post(`/opportunities/${dealId}/advance`, { stageId: negotiation });
    expect(refused.body.error.details.missing).toEqual([
      expect.objectContaining({ kind: 'document', key: 'final_proposal', message: '请上传文档：final_proposal。' }),
    ]);
    await rep.client.post(`/opportunities/${dealId}/documents`, { name: 'Final proposal v3', kind: 'final_proposal' });
    expect((await rep.client.get(`/opportunities/${dealId}/documents`)).body.data).toHaveLength(2);
    expect((await rep.client.post(`/opportunities/${dealId}/advance`, { stageId: negotiation })).status).toBe(200);
  });

  it('closing won passes the last gate too; the process can forbid overrides', async () => {
    const won = await rep.client.post(`/opportunities/${dealId}/close`, { outcome: 'won', note: 'Signed' });
    expect(won.status).toBe(409);
    expect(missingOf(won)).toEqual(['checklist:terms_agreed:CHECKLIST_ITEM_NOT_DONE', 'field:bant.budget.approved:REQUIRED_FIELD_MISSING']);

    const current = (await admin.get(`/sales-processes/${solution.id}`)).body;
    await admin.patch(`/sales-processes/${solution.id}`, { allowManagerOverride: false, version: current.version });
    const disabled = await manager.client.post(`/opportunities/${dealId}/close`, { outcome: 'won', overrideReason: 'Urgent' });
    expect(disabled.status).toBe(403);
    expect(disabled.body.error.code).toBe('GATE_OVERRIDE_DISABLED');
    expect((await manager.client.get(`/opportunities/${dealId}/gate`)).body.canOverride).toBe(false);

    await rep.client.post(`/opportunities/${dealId}/checklist/terms_agreed`, { done: true });
    const deal = (await rep.client.get(`/opportunities/${dealId}`)).body;
    await rep.client.patch(`/opportunities/${dealId}`, { bant: { budget: { amount: { amount: '3000000', currency: 'CNY' }, approved: true } }, version: deal.version });
    const closed = await rep.client.post(`/opportunities/${dealId}/close`, { outcome: 'won', competitor: 'Acme Data', note: '合同已签' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'won', stageId: stage('won').id, probability: 100, forecastCategory: 'closed', closeCompetitor: 'Acme Data' });
    const history = (await rep.client.get(`/opportunities/${dealId}/stage-history`)).body.data;
    expect(history.map((h: { action: string; toStageName: string }) => `${h.action}:${h.toStageName}`)).toEqual([
      'create:Goal identification', 'advance:Win the power sponsor', 'advance:Other key decision makers',
      'override:Evaluation: tender and final proposal', 'advance:Negotiation', 'close:Closed won',
    ]);
    await admin.patch(`/sales-processes/${solution.id}`, { allowManagerOverride: true, version: current.version + 1 });
  });
});

describe('battle-map gaps and access', () => {
  let deal: string;
  beforeAll(async () => {
    deal = (await rep.client.post('/opportunities', { name: 'Gaps', accountId, processId: solution.id, closeDate: '2026-01-31' })).body.id;
  });

  it('flags an opposing power sponsor and a missing CFO/CEO level, by stable code', async () => {
    const cio = (await rep.client.post(`/opportunities/${deal}/stakeholders`, { contactId: contacts.cio, role: 'power_sponsor', level: 'c_level', attitude: 'oppose' })).body;
    await rep.client.post(`/opportunities/${deal}/stakeholders`, { contactId: contacts.eval1, role: 'technical_evaluator', attitude: 'support' });
    const gaps = (await rep.client.as('zh-CN').get(`/opportunities/${deal}/gaps`)).body.data;
    expect(gaps.map((g: { code: string }) => g.code)).toEqual(['POWER_SPONSOR_OPPOSES', 'NO_EXECUTIVE_LEVEL']);
    expect(gaps[0]).toMatchObject({ stakeholderIds: [cio.id], message: '权力支持者反对我们。' });
    const cfo = (await rep.client.post(`/opportunities/${deal}/stakeholders`, { contactId: contacts.cfo, role: 'financial_approver', level: 'c_level' })).body;
    expect((await rep.client.get(`/opportunities/${deal}/gaps`)).body.data.map((g: { code: string }) => g.code)).toEqual(['POWER_SPONSOR_OPPOSES']);
    // Taking someone off the map: those who reported to them report to nobody.
    const eval2 = (await rep.client.post(`/opportunities/${deal}/stakeholders`, { contactId: contacts.eval2, role: 'user', reportsToId: cfo.id })).body;
    expect((await rep.client.delete(`/opportunities/${deal}/stakeholders/${cfo.id}`)).status).toBe(204);
    const map = (await rep.client.get(`/opportunities/${deal}/stakeholders`)).body.data;
    expect(map.find((s: { id: string }) => s.id === eval2.id).reportsToId).toBeNull();
    expect((await rep.client.get(`/opportunities/${deal}/gaps`)).body.data.map((g: { code: string }) => g.code)).toEqual(['POWER_SPONSOR_OPPOSES', 'NO_EXECUTIVE_LEVEL']);
    const audit = (await admin.get(`/audit?recordId=${cio.id}`)).body.data;
    expect(audit[0]).toMatchObject({ object: 'opportunity_stakeholders', action: 'create' });
  });

  it('another rep neither sees nor changes the battle map; the manager does', async () => {
    expect((await otherRep.client.get(`/opportunities/${deal}/stakeholders`)).status).toBe(404);
    expect((await otherRep.client.post(`/opportunities/${deal}/stakeholders`, { contactId: contacts.cfo, role: 'user' })).status).toBe(404);
    expect((await otherRep.client.post(`/opportunities/${deal}/documents`, { name: 'x' })).status).toBe(404);
    expect((await manager.client.get(`/opportunities/${deal}/stakeholders`)).body.data).toHaveLength(3);
    const other = await t.signUp('Spy Co');
    expect((await other.get(`/opportunities/${deal}/stakeholders`)).status).toBe(404);
  });

  it('deleting a deal takes its battle map, documents and history with it', async () => {
    const doomed = (await rep.client.post('/opportunities', { name: 'Doomed', accountId, processId: solution.id, closeDate: '2026-01-31' })).body.id;
    const boss = (await rep.client.post(`/opportunities/${doomed}/stakeholders`, { contactId: contacts.cio, role: 'decision_maker', level: 'c_level' })).body;
    const report = (await rep.client.post(`/opportunities/${doomed}/stakeholders`, { contactId: contacts.eval1, role: 'user', reportsToId: boss.id })).body;
    await rep.client.post(`/opportunities/${doomed}/stakeholders/${report.id}/actions`, { description: 'Lunch' });
    await rep.client.patch(`/opportunities/${doomed}/stakeholders/${boss.id}`, { attitude: 'support' });
    await rep.client.post(`/opportunities/${doomed}/documents`, { name: 'Brief' });
    expect((await otherRep.client.delete(`/opportunities/${doomed}`)).status).toBe(404);
    expect((await rep.client.delete(`/opportunities/${doomed}`)).status).toBe(204);
    expect((await rep.client.get(`/opportunities/${doomed}`)).status).toBe(404);
    expect((await rep.client.get(`/opportunities/${doomed}/stakeholders`)).status).toBe(404);
  });
});
