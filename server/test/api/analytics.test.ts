import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../src/modules/analytics/fiscal-periods.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';
import { expectForecastDrills, expectWinRateDrills, followDrill } from './analytics-drill-helpers.js';
import { multipart } from './imports-test-helpers.js';

/*
 * Analytics over a small synthetic history: every expected figure below is computed here from
 * the rows of the files, independently of the SQL that produces the API's.
 */

let t: TestApp;
let admin: ApiClient;
const today = todayIn('Asia/Shanghai');
const D = (n: number) => addDays(today, n);

const TEAMS = 'sales_agent,manager,regional_office\nAnn Rep,Mary Boss,East\nBob Rep,Mary Boss,East\nCid Rep,Tom Lead,West\n';
const PRODUCTS = 'product,series,sales_price\nAlpha,A,100\nBeta Pro,B,250.50\n';
const ACCOUNTS = 'account,sector,employees,office_location,subsidiary_of\nAcme,tech,100,North,\nAcme Sub,tech,10,North,Acme\nZeta,retail,50,South,\n';

interface Deal { id: string; agent: string; product: string; account: string; stage: string; engage: string; close: string; value: string }
const DEALS: Deal[] = [
  { id: 'O1', agent: 'Ann Rep', product: 'Alpha', account: 'Acme', stage: 'Won', engage: D(-100), close: D(-40), value: '120' },
  { id: 'O2', agent: 'Ann Rep', product: 'Beta Pro', account: 'Zeta', stage: 'Lost', engage: D(-90), close: D(-30), value: '0' },
  { id: 'O3', agent: 'Bob Rep', product: 'Alpha', account: 'Acme Sub', stage: 'Won', engage: D(-80), close: D(-20), value: '300' },
  { id: 'O4', agent: 'Cid Rep', product: 'BetaPro', account: 'Zeta', stage: 'Won', engage: D(-70), close: D(-10), value: '200.50' },
  { id: 'O5', agent: 'Ann Rep', product: 'Alpha', account: '', stage: 'Prospecting', engage: '', close: '', value: '' },
  { id: 'O6', agent: 'Ann Rep', product: 'Beta Pro', account: 'Acme', stage: 'Engaging', engage: D(-5), close: D(200), value: '' },
  { id: 'O7', agent: 'Bob Rep', product: 'Alpha', account: 'Zeta', stage: 'Engaging', engage: D(-3), close: D(0), value: '' },
  { id: 'O8', agent: 'Nobody', product: 'Alpha', account: 'Acme', stage: 'Won', engage: D(-60), close: D(-50), value: '10' },
  { id: 'O9', agent: 'Cid Rep', product: 'Alpha', account: 'Acme', stage: 'Lost', engage: D(-60), close: D(-50), value: '0' },
];
const PIPELINE = `opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n${
  DEALS.map((d) => [d.id, d.agent, d.product, d.account, d.stage, d.engage, d.close, d.value].join(',')).join('\n')}\n`;
const listPrice: Record<string, string> = { Alpha: '100', 'Beta Pro': '250.50', BetaPro: '250.50' };
/** What each imported deal is worth: its value, or the product's list price when the file has none. */
const worth = (d: Deal) => Number(d.value || listPrice[d.product]);
const imported = DEALS.filter((d) => d.account && d.agent !== 'Nobody');
const closedIn = (from: string, to: string) => imported.filter((d) => ['Won', 'Lost'].includes(d.stage) && d.close >= from && d.close <= to);
const cents = (n: number) => n.toFixed(2);
/** The history key (O1 …) of a deal the import named. */
const keyOf = (name: string) => name.match(/\((O\d)\)/)![1];

async function upload(kind: string, name: string, content: string, options?: object, dryRun = false) {
  const fields: Record<string, string> = { kind };
  if (options) fields.options = JSON.stringify(options);
  if (dryRun) fields.dryRun = 'true';
  const { body, headers } = multipart(fields, { name, content: Buffer.from(content) });
  return admin.request('POST', '/analytics/history-imports', body, headers);
}

let stageKeys: { first: string; second: string; third: string };
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('History Co');
  const processes = await admin.get('/sales-processes');
  const process = processes.body.data.find((p: { isDefault: boolean }) => p.isDefault) ?? processes.body.data[0];
  const open = process.stages.filter((s: { isWon: boolean; isLost: boolean }) => !s.isWon && !s.isLost);
  stageKeys = { first: open[0].name, second: open[1].name, third: open[2].name };
});
afterAll(() => t.close());

describe('history import', () => {
  it('checks a file without writing anything: what it would create and reject, the fields, the stages the file names', async () => {
    const count = async (path: string) => (await admin.get(`${path}?limit=200`)).body.data.length;
    const before = { users: await count('/users'), teams: await count('/teams') };
    const teams = await upload('sales-teams', 'sales_teams.csv', TEAMS, undefined, true);
    expect(teams.status).toBe(200);
    expect(teams.body).toMatchObject({ dryRun: true, created: { teams: 4, managers: 2, reps: 3 } });
    expect(teams.body.fields).toContainEqual({ key: 'name', label: 'Sales agent', required: true });
    expect({ users: await count('/users'), teams: await count('/teams') }).toEqual(before);

    // No reps yet: every deal would be refused, and nothing is written.
    const deals = await upload('opportunities', 'sales_pipeline.csv', PIPELINE, { currency: 'CNY' }, true);
    expect(deals.body.stages).toEqual([...new Set(DEALS.map((d) => d.stage))].sort());
    expect(deals.body.created).toEqual({});
    expect(deals.body.rejects).toHaveLength(DEALS.length);
    expect(await count('/accounts')).toBe(0);
  });

  it('loads sales teams, products, accounts and opportunities with column mapping, rejecting rows it cannot place', async () => {
    const teams = await upload('sales-teams', 'sales_teams.csv', TEAMS);
    expect(teams.status).toBe(200);
    expect(teams.body.mapping).toMatchObject({ sales_agent: 'name', manager: 'manager', regional_office: 'region' });
    expect(teams.body.created).toEqual({ teams: 4, managers: 2, reps: 3 });

    const products = await upload('products', 'products.csv', PRODUCTS, { currency: 'CNY' });
    expect(products.body.created).toEqual({ productLines: 2, products: 2 });
    const accounts = await upload('accounts', 'accounts.csv', ACCOUNTS);
    expect(accounts.body.created).toEqual({ accounts: 3 });
    const acmeSub = (await admin.get('/accounts?q=Acme Sub')).body.data[0];
    const acme = (await admin.get('/accounts?q=Acme')).body.data.find((a: { name: string }) => a.name === 'Acme');
    expect(acmeSub).toMatchObject({ region: 'North', industry: 'tech', parentAccountId: acme.id });

    const deals = await upload('opportunities', 'sales_pipeline.csv', PIPELINE, {
      currency: 'CNY', stageMapping: { Prospecting: stageKeys.first, Engaging: stageKeys.second },
    });
    expect(deals.status).toBe(200);
    expect(deals.body.created).toEqual({ opportunities: imported.length });
    expect(deals.body.rejects.map((r: { rowNumber: number; errors: { code: string }[] }) => [r.rowNumber, r.errors[0].code])).toEqual([
      [6, 'HISTORY_ACCOUNT_REQUIRED'], [9, 'HISTORY_OWNER_UNKNOWN'],
    ]);
    const o6 = (await admin.get('/opportunities?q=O6')).body.data[0];
    expect(o6).toMatchObject({ status: 'open', amount: { amount: '250.50', currency: 'CNY' }, closeDate: D(200), stageName: stageKeys.second });
    const o4 = (await admin.get('/opportunities?q=O4')).body.data[0];
    expect(o4).toMatchObject({ status: 'won', amount: { amount: '200.50', currency: 'CNY' } });
    expect(o4.lineItems).toHaveLength(1);
    expect(o4.lineItems[0]).toMatchObject({ productName: 'Beta Pro', lineTotal: { amount: '200.50' } });
  });

  it('adds nothing when the same files are imported again', async () => {
    const again = await upload('opportunities', 'sales_pipeline.csv', PIPELINE, {
      currency: 'CNY', stageMapping: { Prospecting: stageKeys.first, Engaging: stageKeys.second },
    });
    expect(again.body.created).toEqual({});
    expect(again.body.skipped).toBe(imported.length);
    expect((await upload('sales-teams', 'sales_teams.csv', TEAMS)).body.created).toEqual({});
  });

  it('is for admins, and answers unknown kinds in the caller’s language', async () => {
    const rep = (await t.addUser(admin, { role: 'sales_rep' })).client;
    const { body, headers } = multipart({ kind: 'opportunities' }, { name: 'x.csv', content: Buffer.from(PIPELINE) });
    expect((await rep.request('POST', '/analytics/history-imports', body, headers)).status).toBe(403);
    const bad = multipart({ kind: 'planets' }, { name: 'x.csv', content: Buffer.from(PIPELINE) });
    const res = await admin.as('zh-CN').request('POST', '/analytics/history-imports', bad.body, bad.headers);
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields[0]).toMatchObject({ field: 'kind', code: 'HISTORY_KIND_UNKNOWN' });
    expect(res.body.error.details.fields[0].message).toContain('请选择文件内容');
  });
});

describe('results', () => {
  const from = D(-365);
  const to = D(100);

  it('win rates, deal size and sales cycle match the imported deals, in total and per owner', async () => {
    const closed = closedIn(from, to);
    const won = closed.filter((d) => d.stage === 'Won');
    const res = await admin.get(`/analytics/win-rates?from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    const wonAmount = won.reduce((s, d) => s + worth(d), 0);
    // Created at 09:00 on the engage day, closed at 17:00 on the close day.
    const cycle = won.reduce((s, d) => s + (Date.parse(d.close) - Date.parse(d.engage)) / 86_400_000 + 8 / 24, 0) / won.length;
    expect(res.body.total).toMatchObject({
      won: won.length, lost: closed.length - won.length, winRate: won.length / closed.length,
      wonAmount: cents(wonAmount), averageDealSize: cents(Math.round((wonAmount / won.length) * 100) / 100),
      salesCycleDays: Math.round(cycle * 10) / 10,
    });
    const byOwner = Object.fromEntries(res.body.rows.map((r: { label: string; won: number; lost: number }) => [r.label, [r.won, r.lost]]));
    const expected: Record<string, number[]> = {};
    for (const d of closed) {
      expected[d.agent] ??= [0, 0];
      expected[d.agent][d.stage === 'Won' ? 0 : 1]++;
    }
    expect(byOwner).toEqual(expected);
  });

  it('loss reasons, velocity and region filters read the same deals', async () => {
    const lost = closedIn(from, to).filter((d) => d.stage === 'Lost');
    const reasons = await admin.get(`/analytics/loss-reasons?from=${from}&to=${to}`);
    expect(reasons.body).toMatchObject({ lost: lost.length, reasons: [{ reason: null, count: lost.length, share: 1, amount: '0.00' }] });

    const velocity = await admin.get(`/analytics/velocity?from=${from}&to=${to}`);
    const first = velocity.body.stages.find((s: { name: string }) => s.name === stageKeys.first);
    // Closed deals entered the first stage when created and left it when they closed.
    const enteredFirst = imported.filter((d) => d.stage !== 'Engaging');
    expect(first).toMatchObject({ entered: enteredFirst.length, exited: enteredFirst.length, lost: lost.length, stillIn: 0 });

    const north = await admin.get(`/analytics/win-rates?from=${from}&to=${to}&region=North`);
    const inNorth = closedIn(from, to).filter((d) => ['Acme', 'Acme Sub'].includes(d.account));
    expect(north.body.total.won + north.body.total.lost).toBe(inNorth.length);
  });

  it('each win-rate, loss-reason and stage figure lists exactly the deals it counts', async () => {
    for (const groupBy of ['owner', 'team', 'region']) {
      const res = await admin.get(`/analytics/win-rates?from=${from}&to=${to}&groupBy=${groupBy}`);
      for (const row of [res.body.total, ...res.body.rows]) await expectWinRateDrills(admin, row, `${groupBy} ${row.label}`);
    }
    const owners = (await admin.get(`/analytics/win-rates?from=${from}&to=${to}`)).body.rows;
    for (const row of owners) {
      const lost = await followDrill(admin, row.drill.lost);
      expect(lost.records.map((r) => keyOf(r.name)).sort(), row.label).toEqual(
        closedIn(from, to).filter((d) => d.agent === row.label && d.stage === 'Lost').map((d) => d.id).sort(),
      );
    }

    // The imported deals carry no loss reason: the empty reason is a row, and its link lists them.
    const [unspecified] = (await admin.get(`/analytics/loss-reasons?from=${from}&to=${to}`)).body.reasons;
    const lost = await followDrill(admin, unspecified.drill);
    expect([lost.count, lost.sum]).toEqual([unspecified.count, unspecified.amount]);
    expect(lost.records.map((r) => keyOf(r.name)).sort()).toEqual(closedIn(from, to).filter((d) => d.stage === 'Lost').map((d) => d.id).sort());

    const stages = (await admin.get(`/analytics/velocity?from=${from}&to=${to}`)).body.stages;
    const first = stages.find((x: { name: string }) => x.name === stageKeys.first);
    const entered = await followDrill(admin, first.drill.entered);
    expect(entered.count).toBe(first.entered);
    expect(entered.records.map((r) => keyOf(r.name)).sort()).toEqual(imported.filter((d) => d.stage !== 'Engaging').map((d) => d.id).sort());
  });

  it('refuses a malformed period in the caller’s language', async () => {
    const res = await admin.as('zh-CN').get('/analytics/win-rates?period=2025Q1');
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields[0]).toMatchObject({ field: 'period', code: 'PERIOD_INVALID' });
  });
});

describe('funnel', () => {
  const from = D(-365);
  const to = D(100);

  it('counts deals reaching each stage, converts between steps and drills to the records', async () => {
    const res = await admin.get(`/analytics/funnel?from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    const counts = Object.fromEntries(res.body.steps.map((s: { label: string; count: number }) => [s.label, s.count]));
    const won = imported.filter((d) => d.stage === 'Won').length;
    const engaging = imported.filter((d) => d.stage === 'Engaging').length;
    expect(counts).toMatchObject({ [stageKeys.first]: imported.length, [stageKeys.second]: won + engaging, [stageKeys.third]: won, Won: won });
    const second = res.body.steps.find((s: { label: string }) => s.label === stageKeys.second);
    expect(second.conversion).toBeCloseTo((won + engaging) / imported.length);

    const drill = await admin.get(`/analytics/funnel?from=${from}&to=${to}&drill=won`);
    expect(drill.body.object).toBe('opportunities');
    expect(drill.body.records.map((r: { name: string }) => r.name.match(/\((O\d)\)/)![1]).sort()).toEqual(
      imported.filter((d) => d.stage === 'Won').map((d) => d.id).sort(),
    );
    expect((await admin.get(`/analytics/funnel?drill=nowhere`)).body.error.code).toBe('DRILL_STEP_UNKNOWN');
  });

  it("puts a team's funnel beside the company's and marks where it leaks", async () => {
    const teams = (await admin.get('/teams?limit=200')).body.data;
    const west = teams.find((x: { name: string }) => x.name === 'West');
    const res = await admin.get(`/analytics/funnel?from=${from}&to=${to}&teamId=${west.id}`);
    const westDeals = imported.filter((d) => d.agent === 'Cid Rep');
    expect(res.body.steps.find((s: { label: string }) => s.label === stageKeys.first)).toMatchObject({ count: westDeals.length, companyCount: imported.length });
    // West never reaches the second stage without winning (no open deals): it leaks there against the company.
    expect(res.body.leakiestStep).toBe(res.body.steps.find((s: { label: string }) => s.label === stageKeys.second).key);
  });
});

describe('visibility, targets, forecast and accuracy', () => {
  let manager: ApiClient;
  let bobId: string;
  let eastTeamId: string;

  beforeAll(async () => {
    const teams = (await admin.get('/teams?limit=200')).body.data;
    const maryTeam = teams.find((x: { name: string }) => x.name === 'Team Mary Boss');
    eastTeamId = teams.find((x: { name: string }) => x.name === 'East').id;
    manager = (await t.addUser(admin, { role: 'sales_manager', teamId: maryTeam.id })).client;
    bobId = (await admin.get('/users?q=Bob Rep')).body.data[0].id;
  });

  it('a rep sees only their own numbers, a manager their team subtree', async () => {
    const from = D(-365);
    const to = D(100);
    const rep = (await t.addUser(admin, { role: 'sales_rep' })).client;
    expect((await rep.get(`/analytics/win-rates?from=${from}&to=${to}`)).body.total).toMatchObject({ won: 0, lost: 0 });
    const mine = closedIn(from, to).filter((d) => ['Ann Rep', 'Bob Rep'].includes(d.agent));
    const seen = (await manager.get(`/analytics/win-rates?from=${from}&to=${to}`)).body.total;
    expect([seen.won, seen.lost]).toEqual([mine.filter((d) => d.stage === 'Won').length, mine.filter((d) => d.stage === 'Lost').length]);
  });

  it('forecasts categories and the weighted pipeline of a range, and rolls teams up', async () => {
    const from = D(-15);
    const to = D(10);
    const res = await admin.get(`/analytics/forecast?from=${from}&to=${to}&groupBy=team`);
    const wonIn = imported.filter((d) => d.stage === 'Won' && d.close >= from && d.close <= to);
    const openIn = imported.filter((d) => d.stage === 'Engaging' && d.close >= from && d.close <= to);
    const stage = (await admin.get('/sales-processes')).body.data[0].stages.find((s: { name: string }) => s.name === stageKeys.second);
    expect(res.body.total).toMatchObject({
      closed: cents(wonIn.reduce((s, d) => s + worth(d), 0)),
      weighted: cents(openIn.reduce((s, d) => s + (worth(d) * stage.probability) / 100, 0)),
      openDeals: openIn.length,
    });
    const east = res.body.rows.find((r: { key: string }) => r.key === eastTeamId);
    const eastOpen = openIn.filter((d) => ['Ann Rep', 'Bob Rep'].includes(d.agent));
    expect(east.openDeals).toBe(eastOpen.length);
  });

  it('each forecast figure, in total and per owner, team, region and product line, lists exactly the deals it sums', async () => {
    const range = `from=${D(-60)}&to=${D(10)}`;
    for (const groupBy of ['owner', 'team', 'region', 'productLine']) {
      const res = await admin.get(`/analytics/forecast?${range}&groupBy=${groupBy}`);
      await expectForecastDrills(admin, res.body.total, `${groupBy} total`);
      for (const row of res.body.rows) {
        if (row.key !== null) await expectForecastDrills(admin, row, `${groupBy} ${row.label}`);
      }
    }
    const total = (await admin.get(`/analytics/forecast?${range}`)).body.total;
    const closed = await followDrill(admin, total.drill.closed);
    expect(closed.records.map((r) => keyOf(r.name)).sort()).toEqual(
      imported.filter((d) => d.stage === 'Won' && d.close >= D(-60) && d.close <= D(10)).map((d) => d.id).sort(),
    );
    // Filtered to East, the teams above it count East's deals only, and so do their links.
    const east = await admin.get(`/analytics/forecast?${range}&groupBy=team&teamId=${eastTeamId}`);
    expect(east.body.rows.length).toBeGreaterThan(1);
    for (const row of east.body.rows) await expectForecastDrills(admin, row, `East ${row.label}`);
  });

  it('targets show attainment in real time; a manager adjusts a rep’s commit with a note, kept beside the original', async () => {
    const forecastNow = await admin.get('/analytics/forecast');
    const { period, from, to } = forecastNow.body;
    const target = await admin.post('/targets', { ownerId: bobId, period, amount: { amount: '1000', currency: 'CNY' } });
    expect(target.status).toBe(201);
    expect((await admin.post('/targets', { ownerId: bobId, period, amount: { amount: '5', currency: 'CNY' } })).body.error.code).toBe('TARGET_EXISTS');
    expect((await admin.post('/targets', { period, amount: { amount: '5', currency: 'CNY' } })).status).toBe(400);
    const bobWon = imported.filter((d) => d.agent === 'Bob Rep' && d.stage === 'Won' && d.close >= from && d.close <= to).reduce((s, d) => s + worth(d), 0);
    const att = await admin.get(`/analytics/attainment?period=${period}`);
    expect(att.body.rows[0]).toMatchObject({ ownerId: bobId, target: '1000.00', won: cents(bobWon), attainment: bobWon / 1000, gap: cents(1000 - bobWon) });
    const [bobTarget] = att.body.rows;
    const won = await followDrill(admin, bobTarget.drill.won);
    expect([won.count, won.sum]).toEqual([bobTarget.wonCount, bobTarget.won]);
    expect((await followDrill(admin, bobTarget.drill.pipeline)).sum).toBe(bobTarget.pipeline);

    const adjusted = await manager.post('/analytics/forecast/adjustments', {
      subjectId: bobId, period, category: 'commit', amount: { amount: '150', currency: 'CNY' }, note: 'Zeta signs this week',
    });
    expect(adjusted.status).toBe(201);
    expect(adjusted.body).toMatchObject({ original: '0.00', adjusted: '150.00' });
    const own = await manager.post('/analytics/forecast/adjustments', {
      subjectId: (await manager.get('/me')).body.user?.id ?? (await manager.get('/me')).body.id, period, category: 'commit',
      amount: { amount: '1', currency: 'CNY' }, note: 'me',
    });
    expect(own.status).toBe(403);
    const rows = (await admin.get(`/analytics/forecast?period=${period}`)).body.rows;
    const bob = rows.find((r: { key: string }) => r.key === bobId);
    expect(bob.commit).toBe('0.00');
    expect(bob.adjusted).toMatchObject({ commit: '150.00', call: cents(150 + bobWon) });
    expect(bob.adjusted.adjustments.commit).toMatchObject({ original: '0.00', adjusted: '150.00', note: 'Zeta signs this week' });
  });

  it('a manager sets the targets of the reps and teams below, not their own or another team’s', async () => {
    const year = (await admin.get('/analytics/forecast')).body.period.slice(0, 6);
    const me = (await manager.get('/me')).body;
    const managerId = me.user?.id ?? me.id;
    const cidId = (await admin.get('/users?q=Cid Rep')).body.data[0].id;
    const money = { amount: '900', currency: 'CNY' };
    const bobs = await manager.post('/targets', { ownerId: bobId, period: year, amount: money });
    expect(bobs.status).toBe(201);
    const managerTeamId = (await admin.get('/teams?limit=200')).body.data.find((x: { name: string }) => x.name === 'Team Mary Boss').id;
    const below = await admin.post('/teams', { name: 'Mary Boss · Key accounts', parentId: managerTeamId });
    expect((await manager.post('/targets', { teamId: below.body.id, period: year, amount: money })).status).toBe(201);
    // The manager's own target, their own team's, the region above them and another manager's rep.
    for (const subject of [{ ownerId: managerId }, { teamId: managerTeamId }, { teamId: eastTeamId }, { ownerId: cidId }]) {
      const refused = await manager.post('/targets', { ...subject, period: year, amount: money });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('TARGET_OUTSIDE_TEAM');
    }
    const updated = await manager.patch(`/targets/${bobs.body.id}`, { amount: { amount: '950', currency: 'CNY' }, version: bobs.body.version });
    expect(updated.body.amount).toEqual({ amount: '950.00', currency: 'CNY' });
    const cids = await admin.post('/targets', { ownerId: cidId, period: year, amount: money });
    expect((await manager.patch(`/targets/${cids.body.id}`, { note: 'mine now', version: cids.body.version })).status).toBe(403);
    expect((await manager.delete(`/targets/${cids.body.id}?version=${cids.body.version}`)).status).toBe(403);
    expect((await admin.get(`/targets/${cids.body.id}`)).body.note).toBeNull();
    const rep = (await t.addUser(admin, { role: 'sales_rep' })).client;
    expect((await rep.post('/targets', { ownerId: bobId, period: year, amount: money })).status).toBe(403);
    expect((await manager.delete(`/targets/${bobs.body.id}?version=${updated.body.version}`)).status).toBe(204);
  });

  it('a snapshot keeps the call; accuracy compares it with what the team won', async () => {
    const snap = await admin.post('/analytics/forecast/snapshots');
    expect(snap.status).toBe(201);
    const acc = await admin.get(`/analytics/forecast-accuracy?teamId=${eastTeamId}`);
    expect(acc.status).toBe(200);
    const { from, to } = acc.body;
    const east = imported.filter((d) => ['Ann Rep', 'Bob Rep'].includes(d.agent));
    const wonEast = east.filter((d) => d.stage === 'Won' && d.close >= from && d.close <= to).reduce((s, d) => s + worth(d), 0);
    const [team] = acc.body.teams;
    expect(team.teamId).toBe(eastTeamId);
    // The call: what East had won in the period plus Bob's adjusted commit of 150.
    expect(team.snapshots[0]).toMatchObject({ complete: false, actual: cents(wonEast), call: cents(wonEast + 150) });
  });
});
