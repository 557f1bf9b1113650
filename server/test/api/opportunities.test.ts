import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

/**
 * Deals: creation and qualification (BANT), money (line items, amount), probability and
 * forecast, close / reopen, stage history, and who sees what. Company → North → Beijing; East.
 */
let t: TestApp;
let admin: ApiClient;
let manager: ApiClient;
let rep: { client: ApiClient; id: string };
let rep2: { client: ApiClient; id: string };
let eastRep: { client: ApiClient; id: string };
let teams: Record<string, string>;
let simple: { id: string; stages: { id: string; key: string; probability: number }[] };
const accounts: Record<string, string> = {};
const products: Record<string, string> = {};

const stage = (key: string) => simple.stages.find((s) => s.key === key)!;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Deals Co');
  const root = (await admin.get('/teams')).body.data[0];
  const north = (await admin.post('/teams', { name: 'North', parentId: root.id })).body;
  const beijing = (await admin.post('/teams', { name: 'Beijing', parentId: north.id })).body;
  const east = (await admin.post('/teams', { name: 'East', parentId: root.id })).body;
  teams = { north: north.id, beijing: beijing.id, east: east.id };
  manager = (await t.addUser(admin, { role: 'sales_manager', teamId: north.id })).client;
  rep = await t.addUser(admin, { role: 'sales_rep', teamId: beijing.id });
  rep2 = await t.addUser(admin, { role: 'sales_rep', teamId: beijing.id });
  eastRep = await t.addUser(admin, { role: 'sales_rep', teamId: east.id });
  accounts.rep = (await rep.client.post('/accounts', { name: '北京星河智造科技有限公司' })).body.id;
  accounts.rep2 = (await rep2.client.post('/accounts', { name: 'Rep2 Co' })).body.id;
  accounts.east = (await eastRep.client.post('/accounts', { name: 'East Co' })).body.id;
  const line = (await admin.post('/product-lines', { name: 'CRM' })).body;
  products.pro = (await admin.post('/products', { name: 'CRM Pro', code: 'PRO', productLineId: line.id, listPrice: { amount: '19800.00', currency: 'CNY' } })).body.id;
  products.seat = (await admin.post('/products', { name: 'Extra seat', code: 'SEAT', productLineId: line.id, listPrice: { amount: '19.99', currency: 'CNY' } })).body.id;
  products.custom = (await admin.post('/products', { name: 'Custom work', code: 'CUSTOM' })).body.id;
  products.usd = (await admin.post('/products', { name: 'US licence', code: 'USD-1', listPrice: { amount: '100.00', currency: 'USD' } })).body.id;
  products.retired = (await admin.post('/products', { name: 'Old edition', code: 'OLD', listPrice: { amount: '10.00', currency: 'CNY' }, active: false })).body.id;
  simple = (await admin.get('/sales-processes?filter[templateKey]=simple')).body.data[0];
});
afterAll(() => t.close());

const deal = async (client: ApiClient, extra: Record<string, unknown> = {}) => {
  const res = await client.post('/opportunities', { name: 'ERP 升级', accountId: accounts.rep, closeDate: '2026-03-31', ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};

const fullBant = (contactId: string) => ({
  budget: { amount: { amount: '500000', currency: 'CNY' }, approved: false },
  authority: { decisionMakerContactIds: [contactId], participants: ['IT 部'] },
  need: { problem: '手工对账', goal: '月结提速' },
  timeline: { date: '2026-03-31', reason: '财年预算' },
});

describe('creating a deal', () => {
  it('starts at the first stage of the default process, with its win rate, owned by the creator and their team', async () => {
    const created = await deal(rep.client, { nextStep: '  约 CIO 演示  ', competitors: ['Acme', 'Acme', ' '] });
    expect(created).toMatchObject({
      name: 'ERP 升级',
      accountId: accounts.rep,
      accountName: '北京星河智造科技有限公司',
      processId: simple.id,
      stageId: stage('contact').id,
      stageName: 'Contact',
      status: 'open',
      currency: 'CNY',
      amount: null,
      closeDate: '2026-03-31',
      probability: 10,
      stageProbability: 10,
      probabilityOverride: null,
      forecastCategory: 'pipeline',
      stageForecastCategory: 'pipeline',
      ownerId: rep.id,
      teamId: teams.beijing,
      nextStep: '约 CIO 演示',
      competitors: ['Acme'],
      lineItems: [],
      version: 1,
    });
    const history = (await rep.client.get(`/opportunities/${created.id}/stage-history`)).body.data;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'create', fromStageId: null, toStageId: stage('contact').id, status: 'open', exitedAt: null });
  });

  it('needs an account the caller can see, through the customers module', async () => {
    const foreign = (await (await t.signUp('Foreign Co')).post('/accounts', { name: 'Foreign' })).body.id;
    for (const accountId of [foreign, accounts.rep2, '00000000-0000-7000-8000-000000000000']) {
      const res = await rep.client.post('/opportunities', { name: 'X', accountId, closeDate: '2026-01-01' });
      expect(res.status).toBe(400);
      expect(res.body.error.details.fields[0]).toMatchObject({ field: 'accountId', code: 'REFERENCE_NOT_FOUND' });
    }
    expect((await rep.client.post('/opportunities', { name: 'X', accountId: accounts.rep })).status).toBe(400);
  });

  it('refuses unknown contacts, and a terminal or foreign stage to start at', async () => {
    const ghost = '00000000-0000-7000-8000-000000000001';
    const res = await rep.client.post('/opportunities', {
      name: 'X', accountId: accounts.rep, closeDate: '2026-01-01', contacts: [{ contactId: ghost, role: 'user' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields[0]).toMatchObject({ field: 'contacts.0.contactId', code: 'REFERENCE_NOT_FOUND' });
    const won = await rep.client.post('/opportunities', { name: 'X', accountId: accounts.rep, closeDate: '2026-01-01', stageId: stage('won').id });
    expect(won.body.error.details.fields[0]).toMatchObject({ field: 'stageId', code: 'STAGE_IS_TERMINAL' });
    const solution = (await admin.get('/sales-processes?filter[templateKey]=solution')).body.data[0];
    const foreignStage = await rep.client.post('/opportunities', { name: 'X', accountId: accounts.rep, closeDate: '2026-01-01', stageId: solution.stages[0].id });
    expect(foreignStage.body.error.details.fields[0]).toMatchObject({ field: 'stageId', code: 'STAGE_NOT_IN_PROCESS' });
  });

  it('starting at a later stage needs the gates of the stages skipped', async () => {
    const refused = await rep.client.post('/opportunities', { name: 'Late', accountId: accounts.rep, closeDate: '2026-01-01', stageId: stage('quote').id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('STAGE_GATE_UNMET');
    expect(refused.body.error.details.missing.map((m: { key: string }) => m.key)).toEqual(['first_meeting', 'contacts', 'product_presented', 'bant.need']);
  });
});

describe('BANT qualification', () => {
  let contactId: string;
  beforeAll(async () => {
    contactId = (await rep.client.post('/contacts', { name: '王建国', title: 'CIO', accountId: accounts.rep })).body.id;
  });

  it('lenient (the default): an unqualified deal is created, flagged, and kept out of the qualified filter', async () => {
    const thin = await deal(rep.client, { name: 'Thin deal', bant: { need: { problem: 'Excel' } } });
    expect(thin).toMatchObject({ qualified: false, bantMissing: ['budget', 'authority', 'timeline'] });
    const full = await deal(rep.client, { name: 'Qualified deal', bant: fullBant(contactId) });
    expect(full).toMatchObject({ qualified: true, bantMissing: [] });
    expect(full.bant).toEqual({
      budget: { amount: { amount: '500000.00', currency: 'CNY' }, approved: false },
      authority: { decisionMakerContactIds: [contactId], participants: ['IT 部'] },
      need: { problem: '手工对账', goal: '月结提速' },
      timeline: { date: '2026-03-31', reason: '财年预算' },
    });
    const qualified = (await rep.client.get('/opportunities?filter[qualified]=true&limit=200')).body.data.map((o: { name: string }) => o.name);
    expect(qualified).toContain('Qualified deal');
    expect(qualified).not.toContain('Thin deal');
    expect((await rep.client.get('/opportunities?filter[qualified]=false&limit=200')).body.data.map((o: { name: string }) => o.name)).toContain('Thin deal');
    // BANT parts given replace those parts; the others stay.
    const patched = await rep.client.patch(`/opportunities/${thin.id}`, { bant: { timeline: { date: '2026-06-30' } }, version: 1 });
    expect(patched.body.bant.need.problem).toBe('Excel');
    expect(patched.body.bantMissing).toEqual(['budget', 'authority']);
  });

  it('strict: refuses to create an unqualified deal and names the missing parts; the required parts re-flag deals', async () => {
    const lenientThin = await deal(rep.client, { name: 'Need only', bant: { need: { goal: 'Grow' }, timeline: { date: '2026-05-01' } } });
    expect(lenientThin.qualified).toBe(false);
    const settings = (await admin.get('/opportunity-settings')).body;
    await admin.request('PUT', '/opportunity-settings', { bantMode: 'strict', bantRequired: ['need', 'timeline'], version: settings.version });
    // The deal already there now meets what is required.
    expect((await rep.client.get(`/opportunities/${lenientThin.id}`)).body.qualified).toBe(true);

    const refused = await rep.client.as('zh-CN').post('/opportunities', { name: 'Strictly thin', accountId: accounts.rep, closeDate: '2026-03-31', bant: { need: { problem: 'x' } } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('BANT_INCOMPLETE');
    expect(refused.body.error.details.missing).toEqual(['timeline']);
    expect(refused.body.error.message).toContain('时间表');
    const ok = await deal(rep.client, { name: 'Strictly ok', bant: { need: { problem: 'x' }, timeline: { date: '2026-04-01' } } });
    expect(ok.qualified).toBe(true);
    // A strict tenant also refuses to un-qualify a deal by editing its BANT.
    const emptied = await rep.client.patch(`/opportunities/${ok.id}`, { bant: { timeline: { date: null } }, version: ok.version });
    expect(emptied.status).toBe(400);
    expect(emptied.body.error.code).toBe('BANT_INCOMPLETE');
    await admin.request('PUT', '/opportunity-settings', { bantMode: 'lenient', bantRequired: ['budget', 'authority', 'need', 'timeline'] });
  });
});

describe('amount and line items', () => {
  it('the amount follows the line items, computed exactly in minor units', async () => {
    const created = await deal(rep.client, {
      name: 'Licences',
      lineItems: [
        { productId: products.pro, quantity: 1.5, discountPercent: 12.5 },
        { productId: products.seat, quantity: 3 },
        { productId: products.custom, quantity: 0.333, unitPrice: { amount: '1234.56', currency: 'CNY' } },
      ],
    });
    expect(created.lineItems.map((l: Record<string, unknown>) => [l.productName, l.quantity, (l.unitPrice as { amount: string }).amount, l.discountPercent, (l.lineTotal as { amount: string }).amount])).toEqual([
      ['CRM Pro', 1.5, '19800.00', 12.5, '25987.50'],
      ['Extra seat', 3, '19.99', 0, '59.97'],
      ['Custom work', 0.333, '1234.56', 0, '411.11'],
    ]);
    expect(created.amount).toEqual({ amount: '26458.58', currency: 'CNY' });
    expect(created.lineItems[0].productLineId).toBeTruthy();
    expect((await rep.client.get(`/opportunities/${created.id}`)).body.lineItems).toHaveLength(3);

    const manual = await rep.client.patch(`/opportunities/${created.id}`, { amount: { amount: '30000', currency: 'CNY' }, version: created.version });
    expect(manual.status).toBe(400);
    expect(manual.body.error.details.fields[0]).toMatchObject({ field: 'amount', code: 'AMOUNT_FOLLOWS_LINE_ITEMS' });

    const fewer = await rep.client.patch(`/opportunities/${created.id}`, { lineItems: [{ productId: products.seat, quantity: 10, discountPercent: 33.33 }], version: created.version });
    expect(fewer.status).toBe(200);
    expect(fewer.body.amount).toEqual({ amount: '133.27', currency: 'CNY' }); // 199.90 × 0.6667 = 133.27333
    const audit = (await admin.get(`/audit?recordId=${created.id}`)).body.data;
    expect(audit.find((e: { changes: Record<string, unknown> }) => e.changes.lineItems)).toBeTruthy();

    const none = await rep.client.patch(`/opportunities/${created.id}`, { lineItems: [], amount: { amount: '5000.00', currency: 'CNY' }, version: fewer.body.version });
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ lineItems: [], amount: { amount: '5000.00', currency: 'CNY' } });
  });

  it('refuses lines in another currency, retired products and products without a price', async () => {
    const res = await rep.client.post('/opportunities', {
      name: 'Mixed', accountId: accounts.rep, closeDate: '2026-01-01', amount: { amount: '10.00', currency: 'CNY' },
      lineItems: [{ productId: products.seat, quantity: 1 }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields[0].code).toBe('AMOUNT_FOLLOWS_LINE_ITEMS');
    const bad = await rep.client.post('/opportunities', {
      name: 'Bad lines', accountId: accounts.rep, closeDate: '2026-01-01',
      lineItems: [
        { productId: products.seat, quantity: 1 },
        { productId: products.usd, quantity: 1 },
        { productId: products.retired, quantity: 1 },
        { productId: products.custom, quantity: 1 },
        { productId: products.seat, quantity: 0.0001 },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`)).toEqual([
      'lineItems.1.unitPrice:UNIT_PRICE_REQUIRED',
      'lineItems.2.productId:PRODUCT_INACTIVE',
      'lineItems.3.unitPrice:UNIT_PRICE_REQUIRED',
      'lineItems.4.quantity:FIELD_INVALID',
    ]);
    const usd = await deal(rep.client, { name: 'Dollar deal', lineItems: [{ productId: products.usd, quantity: 2 }] });
    expect(usd).toMatchObject({ currency: 'USD', amount: { amount: '200.00', currency: 'USD' } });
  });
});

describe('probability and forecast', () => {
  it('an override needs a reason and is kept apart from the stage’s win rate', async () => {
    const created = await deal(rep.client, { name: 'Probable' });
    const noReason = await rep.client.patch(`/opportunities/${created.id}`, { probabilityOverride: 70, version: 1 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.fields[0]).toMatchObject({ field: 'probabilityOverrideReason', code: 'OVERRIDE_REASON_REQUIRED' });
    const set = await rep.client.patch(`/opportunities/${created.id}`, {
      probabilityOverride: 70, probabilityOverrideReason: 'CFO confirmed the budget', forecastCategoryOverride: 'commit', version: 1,
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      probability: 70, stageProbability: 10, probabilityOverride: 70, probabilityOverrideReason: 'CFO confirmed the budget',
      forecastCategory: 'commit', stageForecastCategory: 'pipeline', forecastCategoryOverride: 'commit',
    });
    // Another edit keeps the override and its reason.
    const other = await rep.client.patch(`/opportunities/${created.id}`, { nextStep: 'Send contract', version: 2 });
    expect(other.body).toMatchObject({ probability: 70, probabilityOverrideReason: 'CFO confirmed the budget' });
    // A new value needs a new reason.
    expect((await rep.client.patch(`/opportunities/${created.id}`, { probabilityOverride: 80, version: 3 })).status).toBe(400);
    const cleared = await rep.client.patch(`/opportunities/${created.id}`, { probabilityOverride: null, forecastCategoryOverride: null, version: 3 });
    expect(cleared.body).toMatchObject({ probability: 10, probabilityOverride: null, probabilityOverrideReason: null, forecastCategory: 'pipeline' });
  });

  it('a stage’s new win rate reaches its open deals; a person’s override still wins', async () => {
    const process = (await admin.post('/sales-processes/from-template', { template: 'simple', name: 'Rates' })).body;
    const first = process.stages[0];
    const plain = await deal(rep.client, { name: 'Plain', processId: process.id });
    const overridden = await deal(rep.client, { name: 'Overridden', processId: process.id, probabilityOverride: 35, probabilityOverrideReason: 'Gut feeling' });
    await admin.patch(`/sales-processes/${process.id}/stages/${first.id}`, { probability: 15, forecastCategory: 'best_case' });
    expect((await rep.client.get(`/opportunities/${plain.id}`)).body).toMatchObject({ probability: 15, stageProbability: 15, forecastCategory: 'best_case' });
    expect((await rep.client.get(`/opportunities/${overridden.id}`)).body).toMatchObject({ probability: 35, stageProbability: 15, probabilityOverride: 35 });
    // A stage with deals cannot be removed.
    const refused = await admin.delete(`/sales-processes/${process.id}/stages/${first.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'STAGE_IN_USE', details: { count: 2 } });
    // Nor can a process with deals.
    const inUse = await admin.delete(`/sales-processes/${process.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe('HAS_DEPENDENTS');
  });
});

describe('closing and reopening', () => {
  it('lost needs a loss reason from the picklist and a note', async () => {
    const created = await deal(rep.client, { name: 'To lose' });
    const bare = await rep.client.post(`/opportunities/${created.id}/close`, { outcome: 'lost' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.details.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`)).toEqual(['lossReason:FIELD_REQUIRED', 'note:FIELD_REQUIRED']);
    const unknown = await rep.client.post(`/opportunities/${created.id}/close`, { outcome: 'lost', lossReason: 'bad_luck', note: 'n' });
    expect(unknown.body.error.details.fields[0]).toMatchObject({ field: 'lossReason', code: 'LOSS_REASON_UNKNOWN' });
    const lost = await rep.client.as('zh-CN').post(`/opportunities/${created.id}/close`, {
      outcome: 'lost', lossReason: 'price', competitor: 'Acme', note: '对方报价低 30%',
    });
    expect(lost.status).toBe(200);
    expect(lost.body).toMatchObject({
      status: 'lost', stageId: stage('lost').id, probability: 0, forecastCategory: 'omitted',
      lossReason: 'price', lossReasonLabel: '价格过高', closeCompetitor: 'Acme', closeNote: '对方报价低 30%',
    });
    expect(lost.body.closedAt).toBeTruthy();
    const edit = await rep.client.patch(`/opportunities/${created.id}`, { nextStep: 'x', version: lost.body.version });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('OPPORTUNITY_CLOSED');
    const again = await rep.client.post(`/opportunities/${created.id}/advance`, { stageId: stage('quote').id });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ILLEGAL_TRANSITION');
    expect((await rep.client.get(`/opportunities?filter[status]=lost`)).body.data.map((o: { id: string }) => o.id)).toContain(created.id);
  });

  it('reopens at the stage it was closed from, audited with the reason', async () => {
    const created = await deal(rep.client, { name: 'Comeback', contacts: [] });
    const contact = (await rep.client.post('/contacts', { name: 'Li', accountId: accounts.rep })).body.id;
    await rep.client.post(`/opportunities/${created.id}/checklist/first_meeting`, { done: true });
    const v = (await rep.client.get(`/opportunities/${created.id}`)).body.version;
    await rep.client.patch(`/opportunities/${created.id}`, { contacts: [{ contactId: contact, role: 'decision_maker' }], version: v });
    const advanced = await rep.client.post(`/opportunities/${created.id}/advance`, { stageId: stage('product_understanding').id });
    expect(advanced.status).toBe(200);
    await rep.client.post(`/opportunities/${created.id}/close`, { outcome: 'lost', lossReason: 'no_decision', note: 'Shelved' });
    expect((await rep.client.post(`/opportunities/${created.id}/reopen`, {})).status).toBe(200);
    const reopenedTwice = await rep.client.post(`/opportunities/${created.id}/reopen`, {});
    expect(reopenedTwice.status).toBe(409);
    const now = (await rep.client.get(`/opportunities/${created.id}`)).body;
    expect(now).toMatchObject({
      status: 'open', stageId: stage('product_understanding').id, probability: 30, lossReason: null, closedAt: null, closeNote: null,
    });
    const audit = (await admin.get(`/audit?recordId=${created.id}`)).body.data;
    expect(audit.map((e: { action: string }) => e.action)).toContain('reopen');
    const history = (await rep.client.get(`/opportunities/${created.id}/stage-history`)).body.data;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'advance', 'close', 'reopen']);
  });

  it('checklist items must belong to the deal’s process; who ticked them and when is kept', async () => {
    const created = await deal(rep.client, { name: 'Checklist' });
    expect((await rep.client.post(`/opportunities/${created.id}/checklist/nonsense`, { done: true })).status).toBe(404);
    const ticked = await rep.client.post(`/opportunities/${created.id}/checklist/first_meeting`, { done: true });
    expect(ticked.body.checklist.first_meeting).toMatchObject({ done: true, byId: rep.id });
    const unticked = await rep.client.post(`/opportunities/${created.id}/checklist/first_meeting`, { done: false });
    expect(unticked.body.checklist.first_meeting.done).toBe(false);
  });
});

describe('stage history', () => {
  it('keeps each stage entry with its time, and how long the deal stayed', async () => {
    const contact = (await rep.client.post('/contacts', { name: 'Zhao', accountId: accounts.rep })).body.id;
    const created = await deal(rep.client, { name: 'Velocity', contacts: [{ contactId: contact, role: 'user' }], bant: { need: { problem: 'Slow' } } });
    await rep.client.post(`/opportunities/${created.id}/checklist/first_meeting`, { done: true });
    await new Promise((r) => setTimeout(r, 1100));
    const second = await rep.client.post(`/opportunities/${created.id}/advance`, { stageId: stage('product_understanding').id });
    expect(second.body).toMatchObject({ stageName: 'Product understanding', probability: 30 });
    expect(Date.parse(second.body.stageEnteredAt)).toBeGreaterThan(Date.parse(created.stageEnteredAt));
    const back = await rep.client.post(`/opportunities/${created.id}/advance`, { stageId: stage('contact').id });
    expect(back.status).toBe(200);
    const history = (await rep.client.get(`/opportunities/${created.id}/stage-history`)).body.data;
    expect(history.map((h: { action: string; toStageName: string }) => `${h.action}:${h.toStageName}`)).toEqual([
      'create:Contact', 'advance:Product understanding', 'back:Contact',
    ]);
    expect(history[0].enteredAt).toBe(created.stageEnteredAt);
    expect(history[0].exitedAt).toBe(history[1].enteredAt);
    expect(history[0].durationSeconds).toBeGreaterThanOrEqual(1);
    expect(history[1]).toMatchObject({ fromStageName: 'Contact', probability: 30, actorId: rep.id });
    expect(history[2].exitedAt).toBeNull();
    expect(history[2].enteredAt).toBe(back.body.stageEnteredAt);
  });
});

describe('who sees which deal', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ids.rep = (await deal(rep.client, { name: 'Vis rep' })).id;
    ids.rep2 = (await deal(rep2.client, { name: 'Vis rep2', accountId: accounts.rep2 })).id;
    ids.east = (await deal(eastRep.client, { name: 'Vis east', accountId: accounts.east })).id;
  });
  const visNames = async (client: ApiClient) =>
    (await client.get('/opportunities?q=Vis&limit=200')).body.data.map((o: { name: string }) => o.name).sort();

  it('a rep sees their own deals; a manager the team below; an admin all; another tenant nothing', async () => {
    expect(await visNames(rep.client)).toEqual(['Vis rep']);
    expect((await rep.client.get(`/opportunities/${ids.rep2}`)).status).toBe(404);
    expect((await rep.client.get(`/opportunities/${ids.rep2}/stakeholders`)).status).toBe(404);
    expect(await visNames(manager)).toEqual(['Vis rep', 'Vis rep2']);
    expect((await manager.get(`/opportunities/${ids.east}`)).status).toBe(404);
    expect(await visNames(admin)).toEqual(['Vis east', 'Vis rep', 'Vis rep2']);
    const other = await t.signUp('Nosy Co');
    expect((await other.get(`/opportunities/${ids.rep}`)).status).toBe(404);
    expect((await other.get(`/opportunities/${ids.rep}/gaps`)).status).toBe(404);
    expect((await other.post(`/opportunities/${ids.rep}/advance`, { stageId: stage('quote').id })).status).toBe(404);
    expect(await visNames(other)).toEqual([]);
  });

  it('a rep cannot change another rep’s deal; the manager can', async () => {
    expect((await rep.client.patch(`/opportunities/${ids.rep2}`, { nextStep: 'x', version: 1 })).status).toBe(404);
    expect((await rep.client.post(`/opportunities/${ids.rep2}/close`, { outcome: 'lost', lossReason: 'price', note: 'x' })).status).toBe(404);
    const edited = await manager.patch(`/opportunities/${ids.rep2}`, { nextStep: 'Manager visit', version: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body.nextStep).toBe('Manager visit');
  });

  it('filters by stage, owner and team, and exports what the list shows', async () => {
    const byTeam = (await manager.get(`/opportunities?filter[teamId]=${teams.beijing}&q=Vis`)).body.data;
    expect(byTeam.map((o: { name: string }) => o.name).sort()).toEqual(['Vis rep', 'Vis rep2']);
    const byOwner = (await admin.get(`/opportunities?filter[ownerId]=${eastRep.id}&q=Vis`)).body.data;
    expect(byOwner.map((o: { name: string }) => o.name)).toEqual(['Vis east']);
    const csv = await rep.client.get('/opportunities/export?q=Vis');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Vis rep');
    expect(csv.text).not.toContain('Vis rep2');
  });
});
