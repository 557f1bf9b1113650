import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/modules/analytics/fiscal-periods.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';
import { expectForecastDrills, expectWinRateDrills, followDrill } from './analytics-drill-helpers.js';

/*
 * Role dashboards [BI-1], behaviour [OPP-7] and the deals drill over a small team built through
 * the API: every expected figure is computed here from the seeded deals and activities.
 */

let t: TestApp;
let admin: ApiClient;
type User = { client: ApiClient; id: string };
let manager: User;
const reps = {} as Record<'ann' | 'bob' | 'cid', User>;
const teamIds = {} as Record<'root' | 'East' | 'West', string>;
const today = todayIn('Asia/Shanghai');

interface AccountSeed { key: string; owner: keyof typeof reps; region: string; industry?: string }
const ACCOUNTS: AccountSeed[] = [
  { key: 'Acme', owner: 'ann', region: 'North', industry: 'tech' },
  { key: 'Zeta', owner: 'ann', region: 'South' },
  { key: 'Quiet', owner: 'ann', region: 'South' },
  { key: 'Busy', owner: 'ann', region: 'North' },
  { key: 'Bolt', owner: 'bob', region: 'North', industry: 'tech' },
  { key: 'Cedar', owner: 'cid', region: 'West', industry: 'retail' },
];
interface DealSeed { name: string; owner: keyof typeof reps; account: string; amount: number; outcome?: 'won' | 'lost' }
const DEALS: DealSeed[] = [
  { name: 'Ann won', owner: 'ann', account: 'Acme', amount: 1200, outcome: 'won' },
  { name: 'Ann lost', owner: 'ann', account: 'Zeta', amount: 300, outcome: 'lost' },
  { name: 'Ann open', owner: 'ann', account: 'Acme', amount: 800 },
  { name: 'Bob won', owner: 'bob', account: 'Bolt', amount: 500, outcome: 'won' },
  { name: 'Bob open', owner: 'bob', account: 'Bolt', amount: 400 },
  { name: 'Cid won', owner: 'cid', account: 'Cedar', amount: 2000, outcome: 'won' },
];
interface ActivitySeed { owner: keyof typeof reps; type: 'visit' | 'call' | 'meeting'; account: string; status: 'done' | 'planned'; daysAgo: number }
const ACTIVITIES: ActivitySeed[] = [
  { owner: 'ann', type: 'visit', account: 'Acme', status: 'done', daysAgo: 0 },
  { owner: 'ann', type: 'visit', account: 'Busy', status: 'done', daysAgo: 0 },
  { owner: 'ann', type: 'call', account: 'Zeta', status: 'done', daysAgo: 0 },
  { owner: 'ann', type: 'visit', account: 'Acme', status: 'planned', daysAgo: 0 },
  { owner: 'ann', type: 'meeting', account: 'Acme', status: 'done', daysAgo: 0 },
  { owner: 'ann', type: 'visit', account: 'Acme', status: 'done', daysAgo: 8 },
  { owner: 'bob', type: 'call', account: 'Bolt', status: 'done', daysAgo: 0 },
  { owner: 'bob', type: 'call', account: 'Bolt', status: 'done', daysAgo: 1 },
  { owner: 'cid', type: 'visit', account: 'Cedar', status: 'done', daysAgo: 0 },
];
const teamOf = (owner: keyof typeof reps) => (owner === 'cid' ? 'West' : 'East');
const accountIds: Record<string, string> = {};
const activityAt: Date[] = [];
const sum = (deals: DealSeed[]) => deals.reduce((s, d) => s + d.amount, 0).toFixed(2);
const isoWeek = (at: Date) => {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
  const ms = Date.parse(`${day}T00:00:00Z`);
  const thursday = ms + (3 - ((new Date(ms).getUTCDay() + 6) % 7)) * 86_400_000;
  const year = new Date(thursday).getUTCFullYear();
  return `${year}-W${String(Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1).padStart(2, '0')}`;
};
const query = (drill: { query: Record<string, string> }) => new URLSearchParams(drill.query).toString();
let period: { period: string; from: string; to: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Dashboards Co');
  teamIds.root = (await admin.get('/teams')).body.data[0].id;
  teamIds.East = (await admin.post('/teams', { name: 'East', parentId: teamIds.root })).body.id;
  teamIds.West = (await admin.post('/teams', { name: 'West', parentId: teamIds.root })).body.id;
  manager = await t.addUser(admin, { role: 'sales_manager', teamId: teamIds.East, name: 'Mary Boss' });
  for (const name of ['ann', 'bob', 'cid'] as const) {
    reps[name] = await t.addUser(admin, { role: 'sales_rep', teamId: teamIds[teamOf(name)], name: `Rep ${name}` });
  }
  for (const a of ACCOUNTS) {
    const res = await reps[a.owner].client.post('/accounts', { name: a.key, region: a.region, industry: a.industry });
    expect(res.status).toBe(201);
    accountIds[a.key] = res.body.id;
  }
  const lossReason = (await admin.get('/loss-reasons')).body.data[0].key;
  for (const d of DEALS) {
    const res = await reps[d.owner].client.post('/opportunities', {
      name: d.name, accountId: accountIds[d.account], closeDate: today, amount: { amount: String(d.amount), currency: 'CNY' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    if (d.outcome) {
      const closed = await admin.post(`/opportunities/${res.body.id}/close`, {
        outcome: d.outcome, overrideReason: 'dashboard test', note: 'closed', lossReason: d.outcome === 'lost' ? lossReason : undefined,
      });
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    }
  }
  for (const a of ACTIVITIES) {
    const at = new Date(Date.now() - a.daysAgo * 86_400_000 - 60_000);
    activityAt.push(at);
    const res = await reps[a.owner].client.post('/activities', {
      type: a.type, subject: `${a.type} ${a.account}`, accountId: accountIds[a.account], startAt: at.toISOString(), status: a.status,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  const { body } = await admin.get('/analytics/forecast');
  period = { period: body.period, from: body.from, to: body.to };
  expect((await admin.post('/targets', { teamId: teamIds.East, period: period.period, amount: { amount: '3000', currency: 'CNY' } })).status).toBe(201);
  expect((await admin.post('/targets', { ownerId: reps.ann.id, period: period.period, amount: { amount: '1000', currency: 'CNY' } })).status).toBe(201);
});
afterAll(() => t.close());

const won = (filter: (d: DealSeed) => boolean) => DEALS.filter((d) => d.outcome === 'won' && filter(d));
const open = (filter: (d: DealSeed) => boolean) => DEALS.filter((d) => !d.outcome && filter(d));
const regionOf = (d: DealSeed) => ACCOUNTS.find((a) => a.key === d.account)!.region;

describe('executive dashboard', () => {
  it('shows attainment, results by region and team, the quarter and year forecast, each figure drilling to its deals', async () => {
    const res = await admin.get('/dashboards/executive');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ period: period.period, currency: 'CNY' });
    expect(res.body.attainment.teams).toEqual([expect.objectContaining({ teamId: teamIds.East, target: '3000.00', won: sum(won((d) => teamOf(d.owner) === 'East')) })]);
    expect(res.body.attainment.reps).toEqual([expect.objectContaining({ ownerId: reps.ann.id, won: sum(won((d) => d.owner === 'ann')) })]);

    const regions = Object.fromEntries(res.body.byRegion.map((r: { key: string; closed: string; pipeline: string }) => [r.key, r.closed]));
    for (const region of ['North', 'South', 'West']) {
      const expected = won((d) => regionOf(d) === region);
      if (expected.length || open((d) => regionOf(d) === region).length) expect(regions[region], region).toBe(sum(expected));
    }
    const east = res.body.byTeam.find((r: { key: string }) => r.key === teamIds.East);
    expect(east.closed).toBe(sum(won((d) => teamOf(d.owner) === 'East')));
    expect(res.body.byTeam.find((r: { key: string }) => r.key === teamIds.root).closed).toBe(sum(won(() => true)));

    const quarter = res.body.forecast.quarter;
    expect(quarter).toMatchObject({ closed: sum(won(() => true)), accuracyAdjusted: quarter.call });
    expect(Number(quarter.pipeline) + Number(quarter.bestCase) + Number(quarter.commit)).toBe(Number(sum(open(() => true))));
    expect(res.body.forecast.year.closed).toBe(sum(won(() => true)));
    expect(res.body.forecast.year.period).toMatch(/^FY\d{4}$/);
    expect(res.body.campaigns.total).toMatchObject({ cost: '0.00', leads: 0 });

    const north = res.body.byRegion.find((r: { key: string }) => r.key === 'North');
    const drilled = await admin.get(`/analytics/deals?${query(north.drill.closed)}`);
    expect(drilled.status).toBe(200);
    expect(drilled.body.records.map((r: { name: string }) => r.name).sort()).toEqual(won((d) => regionOf(d) === 'North').map((d) => d.name).sort());
    const yearWon = await admin.get(`/analytics/deals?${query(res.body.forecast.year.drill.closed)}`);
    expect(yearWon.body.records).toHaveLength(won(() => true).length);
    await expectForecastDrills(admin, res.body.forecast.quarter, 'quarter');
    for (const row of [...res.body.byRegion, ...res.body.byTeam]) await expectForecastDrills(admin, row, row.label);
  });

  it('is read through analytics visibility: a rep is refused another rep’s dashboard', async () => {
    expect((await reps.bob.client.get(`/dashboards/rep?ownerId=${reps.ann.id}`)).status).toBe(403);
  });
});

describe('results drill down', () => {
  it('win rates per team and region, and each loss reason, list exactly the deals they count', async () => {
    for (const groupBy of ['owner', 'team', 'region']) {
      const res = await admin.get(`/analytics/win-rates?groupBy=${groupBy}`);
      for (const row of [res.body.total, ...res.body.rows]) await expectWinRateDrills(admin, row, `${groupBy} ${row.label}`);
    }
    const east = (await admin.get('/analytics/win-rates?groupBy=team')).body.rows.find((r: { key: string }) => r.key === teamIds.East);
    expect((await followDrill(admin, east.drill.won)).records.map((r) => r.name).sort()).toEqual(won((d) => teamOf(d.owner) === 'East').map((d) => d.name).sort());

    const [reason] = (await admin.get('/analytics/loss-reasons')).body.reasons;
    const lost = await followDrill(admin, reason.drill);
    expect(reason.reason).not.toBeNull();
    expect(lost.records.map((r) => r.name)).toEqual(DEALS.filter((d) => d.outcome === 'lost').map((d) => d.name));
    expect(lost.sum).toBe(reason.amount);
  });

  it('a manager’s attainment and forecast per rep list exactly the deals they count', async () => {
    const att = (await admin.get(`/analytics/attainment?period=${period.period}`)).body.rows;
    for (const row of att) {
      const listed = await followDrill(admin, row.drill.won);
      expect([listed.count, listed.sum], row.name).toEqual([row.wonCount, row.won]);
      expect((await followDrill(admin, row.drill.pipeline)).sum, row.name).toBe(row.pipeline);
    }
    const forecast = (await manager.client.get('/analytics/forecast')).body;
    for (const row of [forecast.total, ...forecast.rows]) await expectForecastDrills(manager.client, row, row.label ?? 'total');
  });
});

describe('manager dashboard', () => {
  it("is the weekly review pack of the manager's team: pipeline per stage, visits and calls per rep, forecast per rep, funnel", async () => {
    const res = await manager.client.get('/dashboards/manager');
    expect(res.status).toBe(200);
    expect(res.body.teamId).toBe(teamIds.East);
    const eastOpen = open((d) => teamOf(d.owner) === 'East');
    const stages = res.body.pipeline as { deals: number; amount: string; owners: { ownerId: string; deals: number }[]; drill: { query: Record<string, string> } }[];
    expect(stages.reduce((s, x) => s + x.deals, 0)).toBe(eastOpen.length);
    expect(stages.reduce((s, x) => s + Number(x.amount), 0).toFixed(2)).toBe(sum(eastOpen));
    const first = stages.find((x) => x.deals > 0)!;
    expect(first.owners.map((o) => o.ownerId).sort()).toEqual([reps.ann.id, reps.bob.id].sort());
    const listed = await manager.client.get(`/analytics/deals?${query(first.drill)}`);
    expect(listed.body.records.map((r: { name: string }) => r.name).sort()).toEqual(eastOpen.map((d) => d.name).sort());

    const inRange = (i: number) => {
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(activityAt[i]);
      return day >= res.body.from && day <= res.body.to;
    };
    const counted = ACTIVITIES.map((a, i) => ({ ...a, i })).filter((a) => a.status === 'done' && ['visit', 'call'].includes(a.type) && inRange(a.i));
    const eastActs = counted.filter((a) => teamOf(a.owner) === 'East');
    expect(res.body.behaviour.total).toMatchObject({
      visits: eastActs.filter((a) => a.type === 'visit').length, calls: eastActs.filter((a) => a.type === 'call').length,
    });
    const annWeeks = res.body.behaviour.repWeeks.filter((r: { ownerId: string }) => r.ownerId === reps.ann.id);
    const expectedWeeks = new Map<string, number>();
    for (const a of eastActs.filter((x) => x.owner === 'ann' && x.type === 'visit')) {
      expectedWeeks.set(isoWeek(activityAt[a.i]), (expectedWeeks.get(isoWeek(activityAt[a.i])) ?? 0) + 1);
    }
    expect(Object.fromEntries(annWeeks.filter((w: { visits: number }) => w.visits).map((w: { week: string; visits: number }) => [w.week, w.visits])))
      .toEqual(Object.fromEntries(expectedWeeks));
    expect(res.body.forecast.reps.map((r: { key: string }) => r.key).sort()).toEqual([reps.ann.id, reps.bob.id].sort());
    expect(res.body.funnel.steps.length).toBeGreaterThan(3);
  });

  it('behaviour counts per team and drills to the activities', async () => {
    const res = await admin.get('/analytics/behaviour');
    const inRange = (i: number) => {
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(activityAt[i]);
      return day >= res.body.from && day <= res.body.to;
    };
    const counted = ACTIVITIES.map((a, i) => ({ ...a, i })).filter((a) => a.status === 'done' && ['visit', 'call'].includes(a.type) && inRange(a.i));
    for (const team of ['East', 'West'] as const) {
      const row = res.body.teams.find((r: { teamId: string }) => r.teamId === teamIds[team]);
      expect(row, team).toMatchObject({
        visits: counted.filter((a) => teamOf(a.owner) === team && a.type === 'visit').length,
        calls: counted.filter((a) => teamOf(a.owner) === team && a.type === 'call').length,
      });
    }
    const ann = res.body.reps.find((r: { ownerId: string }) => r.ownerId === reps.ann.id);
    const visits = await admin.get(`/analytics/behaviour?${query(ann.drill.visits)}`);
    expect(visits.body.object).toBe('activities');
    expect(visits.body.records).toHaveLength(counted.filter((a) => a.owner === 'ann' && a.type === 'visit').length);
    expect(visits.body.records.every((r: { type: string; ownerId: string }) => r.type === 'visit' && r.ownerId === reps.ann.id)).toBe(true);
  });
});

describe('rep dashboard', () => {
  it('shows the rep’s forecast rank among the team, best customers by won amount and untapped customers', async () => {
    const res = await reps.ann.client.get('/dashboards/rep');
    expect(res.status).toBe(200);
    expect(res.body.ownerId).toBe(reps.ann.id);
    // Peers: the East team (the manager and both reps); the call is commit + closed (no commit deals here).
    const calls = [manager.id, reps.ann.id, reps.bob.id].map((id) => ({
      id, call: won((d) => reps[d.owner].id === id).reduce((s, d) => s + d.amount, 0),
    })).sort((a, b) => b.call - a.call);
    expect(res.body.forecast).toMatchObject({ rank: calls.findIndex((c) => c.id === reps.ann.id) + 1, peers: 3, closed: sum(won((d) => d.owner === 'ann')) });

    const mine = ACCOUNTS.filter((a) => a.owner === 'ann');
    const wonBy = (acct: string) => won((d) => d.account === acct);
    expect(res.body.customers).toMatchObject({ accounts: mine.length, withOpenDeals: mine.filter((a) => open((d) => d.account === a.key).length).length });
    expect(res.body.customers.best.map((b: { name: string; won: string }) => [b.name, b.won])).toEqual(
      mine.filter((a) => wonBy(a.key).length).map((a) => [a.key, sum(wonBy(a.key))]).sort((x, y) => Number(y[1]) - Number(x[1])),
    );
    const active = new Set(ACTIVITIES.filter((a) => a.status === 'done' && a.owner === 'ann').map((a) => a.account));
    const untapped = mine.filter((a) => !open((d) => d.account === a.key).length && !active.has(a.key)).map((a) => a.key);
    expect(res.body.customers.untapped.map((u: { name: string }) => u.name)).toEqual(untapped);
    expect(res.body.customers.untappedCount).toBe(untapped.length);
    const best = res.body.customers.best[0];
    const deals = await reps.ann.client.get(`/analytics/deals?${query(best.drill.won)}`);
    expect(deals.body.records.map((r: { name: string }) => r.name)).toEqual(wonBy(best.name).map((d) => d.name));

    // Each customer count lists the accounts it counts.
    const { drill } = res.body.customers;
    const listed = async (link: { query: Record<string, string> }) =>
      (await reps.ann.client.get(`/analytics/customers?${query(link)}`)).body.records.map((r: { name: string }) => r.name).sort();
    await expect(listed(drill.accounts)).resolves.toEqual(mine.map((a) => a.key).sort());
    await expect(listed(drill.withOpenDeals)).resolves.toEqual(mine.filter((a) => open((d) => d.account === a.key).length).map((a) => a.key).sort());
    await expect(listed(drill.untappedCount)).resolves.toEqual([...untapped].sort());
    expect((await reps.bob.client.get(`/analytics/customers?ownerId=${reps.ann.id}`)).status).toBe(403);

    // Own targets only (not the East team's), the won amount drilling to the won deals.
    expect(res.body.attainment).toEqual([expect.objectContaining({ ownerId: reps.ann.id, target: '1000.00', won: sum(won((d) => d.owner === 'ann')) })]);
    const wonDeals = await reps.ann.client.get(`/analytics/deals?${query(res.body.attainment[0].drill.won)}`);
    expect(wonDeals.body.records.map((r: { name: string }) => r.name).sort()).toEqual(won((d) => d.owner === 'ann').map((d) => d.name).sort());
  });

  it('a manager opens a rep’s dashboard', async () => {
    const res = await manager.client.get(`/dashboards/rep?ownerId=${reps.bob.id}`);
    expect(res.status).toBe(200);
    expect(res.body.forecast.closed).toBe(sum(won((d) => d.owner === 'bob')));
  });
});

describe('exports', () => {
  const download = async (client: ApiClient, url: string, locale = 'en-US') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: `l2c_session=${client.cookie}`, 'accept-language': locale } });
    return { status: res.statusCode, type: String(res.headers['content-type']), disposition: String(res.headers['content-disposition']), bytes: res.rawPayload };
  };

  it('downloads the manager dashboard as the weekly review pack: one sheet per table, figures as in the JSON', async () => {
    const json = (await manager.client.get('/dashboards/manager')).body;
    const file = await download(manager.client, '/dashboards/manager?format=xlsx');
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    expect(file.disposition).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Attainment', 'Pipeline by stage', 'Reps per week', 'Key-account coverage', 'Forecast', 'Funnel']);
    const pipeline = workbook.getWorksheet('Pipeline by stage')!;
    expect(pipeline.getRow(1).values).toEqual([undefined, 'Stage', 'Owner', 'Deals', 'Amount', 'Weighted', 'Overdue']);
    let totalDeals = 0;
    pipeline.eachRow((row, n) => {
      if (n > 1 && row.getCell(2).value === 'Total') totalDeals += Number(row.getCell(3).value);
    });
    expect(totalDeals).toBe(json.pipeline.reduce((s: number, x: { deals: number }) => s + x.deals, 0));
    const funnelSheet = workbook.getWorksheet('Funnel')!;
    expect(funnelSheet.rowCount).toBe(json.funnel.steps.length + 1);
    const forecastSheet = workbook.getWorksheet('Forecast')!;
    const closedByRep = new Map<string, unknown>();
    forecastSheet.eachRow((row, n) => { if (n > 1) closedByRep.set(String(row.getCell(1).value), row.getCell(5).value); });
    for (const rep of json.forecast.reps as { label: string; closed: string }[]) expect(closedByRep.get(rep.label)).toBe(Number(rep.closed));
  });

  it('downloads any analytics table as CSV with headers in the caller’s language', async () => {
    const file = await download(admin, '/analytics/win-rates?format=csv&groupBy=owner', 'zh-CN');
    expect(file.status).toBe(200);
    expect(file.type).toContain('text/csv');
    const lines = file.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('名称,赢单数,输单数,赢率,赢单金额,输单金额,平均成交额,销售周期（天）');
    const json = (await admin.get('/analytics/win-rates?groupBy=owner')).body;
    expect(lines).toHaveLength(json.rows.length + 2);
    expect(lines.at(-1)).toContain(`合计,${json.total.won},${json.total.lost}`);

    const roi = await download(admin, '/analytics/campaign-roi?format=csv');
    expect(roi.bytes.toString('utf8')).toContain('Cost per lead');
    const deals = await download(admin, '/analytics/deals?status=won&format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(deals.bytes as never);
    expect(book.worksheets[0].rowCount).toBe(won(() => true).length + 1);
  });
});

describe('behaviour', () => {
  const CONTACTS: [keyof typeof reps, string][] = [['ann', 'Acme'], ['ann', 'Zeta'], ['bob', 'Bolt']];

  beforeAll(async () => {
    for (const [owner, account] of CONTACTS) {
      expect((await reps[owner].client.post('/contacts', { name: `${owner} contact`, accountId: accountIds[account] })).status).toBe(201);
    }
  });

  it('measures key-account coverage by industry, contacts added and the days from account to first opportunity', async () => {
    const res = await admin.get(`/analytics/behaviour?period=${period.period}`);
    expect(res.status).toBe(200);
    // Key accounts: worth the most in won and open deals; covered: a done visit in the last 30 days.
    const worth = (acct: string) => DEALS.filter((d) => d.account === acct && d.outcome !== 'lost').reduce((s, d) => s + d.amount, 0);
    const key = ACCOUNTS.filter((a) => worth(a.key) > 0);
    const visited = new Set(ACTIVITIES.filter((a) => a.type === 'visit' && a.status === 'done' && a.daysAgo < 30).map((a) => a.account));
    const industries = [...new Set(key.map((a) => a.industry ?? null))];
    expect(res.body.coverage).toMatchObject({ basis: 'top-value', days: 30, accounts: key.length, visited: key.filter((a) => visited.has(a.key)).length });
    for (const industry of industries) {
      const inIndustry = key.filter((a) => (a.industry ?? null) === industry);
      expect(res.body.coverage.industries.find((i: { industry: string | null }) => i.industry === industry)).toMatchObject({
        accounts: inIndustry.length, visited: inIndustry.filter((a) => visited.has(a.key)).length,
        coverage: inIndustry.filter((a) => visited.has(a.key)).length / inIndustry.length,
      });
    }
    const top2 = await admin.get(`/analytics/behaviour?period=${period.period}&keyAccounts=2`);
    expect(top2.body.coverage.accounts).toBe(2);
    const tech = res.body.coverage.industries.find((i: { industry: string | null }) => i.industry === 'tech');
    const listed = await admin.get(`/analytics/behaviour?${query(tech.drill)}`);
    expect(listed.body.object).toBe('accounts');
    expect(listed.body.records.map((r: { name: string; visited: boolean }) => [r.name, r.visited]).sort()).toEqual(
      key.filter((a) => a.industry === 'tech').map((a) => [a.key, visited.has(a.key)]).sort(),
    );

    expect(res.body.contactsAdded.total).toBe(CONTACTS.length);
    expect(Object.fromEntries(res.body.contactsAdded.reps.map((r: { ownerId: string; added: number }) => [r.ownerId, r.added]))).toEqual({
      [reps.ann.id]: CONTACTS.filter(([o]) => o === 'ann').length, [reps.bob.id]: CONTACTS.filter(([o]) => o === 'bob').length,
    });

    const accounts = (await admin.get('/accounts?limit=100')).body.data as { id: string; name: string; createdAt: string }[];
    const deals = (await admin.get('/opportunities?limit=100')).body.data as { accountId: string; createdAt: string }[];
    const gaps = accounts.flatMap((a) => {
      const first = Math.min(...deals.filter((d) => d.accountId === a.id).map((d) => Date.parse(d.createdAt)));
      return Number.isFinite(first) ? [(first - Date.parse(a.createdAt)) / 86_400_000] : [];
    });
    expect(res.body.accountToOpportunity).toMatchObject({ accounts: accounts.length, withOpportunity: gaps.length });
    expect(res.body.accountToOpportunity.averageDays).toBeCloseTo(Math.round((gaps.reduce((s, g) => s + g, 0) / gaps.length) * 10) / 10, 1);
  });

  it('counts the accounts marked as key accounts once there are any, whatever they are worth', async () => {
    // Busy has no deals but a recent visit; Bolt has deals and only calls.
    const marked = [ACCOUNTS.find((a) => a.key === 'Busy')!, ACCOUNTS.find((a) => a.key === 'Bolt')!];
    const setSegment = async (key: string, segment: string | null) => {
      const account = (await admin.get(`/accounts/${accountIds[key]}`)).body;
      const res = await admin.patch(`/accounts/${account.id}`, { segment, version: account.version });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    for (const a of marked) await setSegment(a.key, 'key');
    expect((await admin.patch(`/accounts/${accountIds[marked[0].key]}`, { segment: 'vip', version: 1 })).status).toBe(400);
    try {
      const res = await admin.get(`/analytics/behaviour?period=${period.period}`);
      expect(res.body.coverage).toMatchObject({ basis: 'segment', accounts: 2, visited: 1, coverage: 0.5 });
      const listed = await admin.get(`/analytics/behaviour?${query(res.body.coverage.drill)}`);
      expect(listed.body.records.map((r: { name: string }) => r.name).sort()).toEqual(marked.map((a) => a.key).sort());
      const keyOnly = await admin.get('/accounts?filter[segment]=key');
      expect(keyOnly.body.data.map((a: { name: string }) => a.name).sort()).toEqual(marked.map((a) => a.key).sort());
      // A rep's coverage counts the key accounts the rep owns; a rep with none gets the stand-ins.
      const ann = await reps.ann.client.get(`/analytics/behaviour?period=${period.period}`);
      expect(ann.body.coverage).toMatchObject({ basis: 'segment', accounts: 1, visited: 1 });
      const cid = await reps.cid.client.get(`/analytics/behaviour?period=${period.period}`);
      expect(cid.body.coverage).toMatchObject({ basis: 'top-value', accounts: 1 });
    } finally {
      for (const a of marked) await setSegment(a.key, null);
    }
  });

  it('sets activity targets beside revenue targets and shows their attainment', async () => {
    const visits = await admin.post('/targets', { ownerId: reps.ann.id, period: period.period, metric: 'visits', quantity: 5 });
    expect(visits.status, JSON.stringify(visits.body)).toBe(201);
    expect(visits.body).toMatchObject({ metric: 'visits', quantity: 5, amount: null });
    expect((await admin.post('/targets', { teamId: teamIds.East, period: period.period, metric: 'calls', quantity: 4 })).status).toBe(201);
    expect((await admin.post('/targets', { ownerId: reps.ann.id, period: period.period, metric: 'visits', quantity: 7 })).body.error.code).toBe('TARGET_EXISTS');
    const missing = await admin.as('zh-CN').post('/targets', { ownerId: reps.bob.id, period: period.period, metric: 'calls' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields[0].field).toBe('quantity');

    const inPeriod = (a: ActivitySeed, i: number) => {
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(activityAt[i]);
      return a.status === 'done' && day >= period.from && day <= period.to;
    };
    const annVisits = ACTIVITIES.filter((a, i) => inPeriod(a, i) && a.owner === 'ann' && a.type === 'visit').length;
    const eastCalls = ACTIVITIES.filter((a, i) => inPeriod(a, i) && teamOf(a.owner) === 'East' && a.type === 'call').length;
    const res = await admin.get(`/analytics/attainment?period=${period.period}`);
    const byMetric = Object.fromEntries(res.body.activities.map((r: { metric: string }) => [r.metric, r]));
    expect(byMetric.visits).toMatchObject({ ownerId: reps.ann.id, target: 5, done: annVisits, attainment: annVisits / 5, gap: Math.max(5 - annVisits, 0) });
    expect(byMetric.calls).toMatchObject({ teamId: teamIds.East, target: 4, done: eastCalls, attainment: eastCalls / 4 });
    expect(res.body.rows).toHaveLength(2);
    const behaviour = await manager.client.get(`/analytics/behaviour?period=${period.period}`);
    expect(behaviour.body.activityTargets.map((r: { metric: string; done: number }) => [r.metric, r.done]).sort()).toEqual([['calls', eastCalls], ['visits', annVisits]]);
  });
});
