import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/modules/analytics/fiscal-periods.js';
import { recomputeLifecycleMarks } from '../../src/modules/leads/lead-data-quality.service.js';
import { systemContext } from '../../src/platform/auth/context-loader.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

/*
 * Campaign ROI [M2L-7] over leads walked through the real API: every expected figure is computed
 * here from the seeded touches, statuses and deals, independently of the attribution SQL.
 */

let t: TestApp;
let admin: ApiClient;
let marketing: ApiClient;
let rep: { client: ApiClient; id: string };
const today = todayIn('Asia/Shanghai');
const range = `from=${today.slice(0, 4)}-01-01&to=${today}`;

type Key = 'W1' | 'W2' | 'S1';
const CAMPAIGNS: Record<Key, { type: string; costs: { date: string; amount: string }[] }> = {
  W1: { type: 'webinar', costs: [{ date: today, amount: '1000.00' }] },
  W2: { type: 'webinar', costs: [{ date: today, amount: '300.00' }] },
  S1: { type: 'seminar', costs: [{ date: today, amount: '500.00' }, { date: '2020-01-15', amount: '200.00' }] },
};
interface Seed {
  name: string;
  /** Campaign touches before conversion, in order (`campaignId` alone: no touch). */
  touches: Key[];
  campaignId?: Key;
  /** How far the lead is walked. */
  stage: 'new' | 'mql' | 'sql' | 'accepted';
  deal?: { amount: string; outcome?: 'won' | 'lost' };
  /** A touch after the conversion (ignored by attribution). */
  after?: Key;
}
const SEEDS: Seed[] = [
  { name: 'L1', touches: ['W1', 'S1'], stage: 'sql', deal: { amount: '1000.00', outcome: 'won' }, after: 'W2' },
  { name: 'L2', touches: ['S1'], stage: 'mql' },
  { name: 'L3', touches: ['W2', 'W1', 'S1'], stage: 'sql', deal: { amount: '600.00' } },
  { name: 'L4', touches: [], campaignId: 'W2', stage: 'new' },
  { name: 'L5', touches: [], stage: 'mql' },
  { name: 'L6', touches: ['W1'], stage: 'accepted', deal: { amount: '400.00', outcome: 'lost' } },
];

const ids = {} as Record<Key, string>;
let lossReason: string;
const leadIds: Record<string, string> = {};
const dealIds: Record<string, string> = {};
/** When each lead's touches happened and when its deal was created (read back from the API). */
const touchAt: Record<string, { campaign: Key; at: number }[]> = {};
const dealCreatedAt: Record<string, number> = {};

async function walk(seed: Seed, processId: string) {
  const created = await marketing.post('/leads', {
    name: seed.name, company: `${seed.name} Co`, source: 'webinar', campaignId: seed.campaignId ? ids[seed.campaignId] : undefined,
  });
  expect(created.status).toBe(201);
  const id = created.body.id;
  leadIds[seed.name] = id;
  for (const key of seed.touches) {
    expect((await marketing.post(`/campaigns/${ids[key]}/members`, { leadId: id, status: 'attended' })).status).toBe(201);
  }
  if (seed.stage === 'new') return;
  expect((await marketing.post(`/leads/${id}/promote`, {})).status).toBe(200);
  if (seed.stage === 'mql') return;
  expect((await marketing.post(`/leads/${id}/assign`, { ownerId: rep.id })).status).toBe(200);
  expect((await rep.client.post(`/leads/${id}/accept`, {})).status).toBe(200);
  if (seed.stage === 'sql') expect((await rep.client.post(`/leads/${id}/qualify`, {})).status).toBe(200);
  if (!seed.deal) return;
  const converted = await rep.client.post(`/leads/${id}/convert`, {
    createOpportunity: true,
    opportunity: { name: `${seed.name} deal`, amount: { amount: seed.deal.amount, currency: 'CNY' }, closeDate: today, processId },
  });
  expect(converted.status).toBe(200);
  const dealId = converted.body.opportunityId;
  dealIds[seed.name] = dealId;
  dealCreatedAt[seed.name] = Date.parse((await rep.client.get(`/opportunities/${dealId}`)).body.createdAt);
  if (seed.deal.outcome) {
    const closed = await admin.post(`/opportunities/${dealId}/close`, {
      outcome: seed.deal.outcome, overrideReason: 'analytics test', note: 'closed', lossReason: seed.deal.outcome === 'lost' ? lossReason : undefined,
    });
    expect(closed.status).toBe(200);
  }
  if (seed.after) expect((await marketing.post(`/campaigns/${ids[seed.after]}/members`, { leadId: id, status: 'attended' })).status).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('ROI Co');
  marketing = (await t.addUser(admin, { role: 'marketing' })).client;
  rep = await t.addUser(admin, { role: 'sales_rep', name: 'Rep Roi' });
  for (const [key, c] of Object.entries(CAMPAIGNS) as [Key, (typeof CAMPAIGNS)[Key]][]) {
    const res = await marketing.post('/campaigns', { name: `Campaign ${key}`, type: c.type, startDate: '2020-01-01' });
    expect(res.status).toBe(201);
    ids[key] = res.body.id;
    for (const cost of c.costs) {
      const booked = await marketing.post(`/campaigns/${res.body.id}/costs`, { date: cost.date, category: 'media', amount: { amount: cost.amount, currency: 'CNY' } });
      expect(booked.status).toBe(201);
    }
  }
  const processId = (await admin.get('/sales-processes')).body.data[0].id;
  lossReason = (await admin.get('/loss-reasons')).body.data[0].key;
  for (const seed of SEEDS) await walk(seed, processId);
  for (const key of Object.keys(ids) as Key[]) {
    for (const touch of (await admin.get(`/campaigns/${ids[key]}/touches`)).body.data as { leadId: string; at: string }[]) {
      const name = Object.keys(leadIds).find((n) => leadIds[n] === touch.leadId)!;
      (touchAt[name] ??= []).push({ campaign: key, at: Date.parse(touch.at) });
    }
  }
  for (const list of Object.values(touchAt)) list.sort((a, b) => a.at - b.at);
});
afterAll(() => t.close());

type Model = 'first_touch' | 'last_touch' | 'linear';
/** The credit each campaign gets for a lead under a model. */
function credits(seed: Seed, model: Model): Partial<Record<Key, number>> {
  const touches = seed.touches.length ? seed.touches : seed.campaignId ? [seed.campaignId] : [];
  if (touches.length === 0) return {};
  if (model === 'first_touch') return { [touches[0]]: 1 };
  if (model === 'last_touch') return { [touches.at(-1)!]: 1 };
  const out: Partial<Record<Key, number>> = {};
  for (const k of touches) out[k] = (out[k] ?? 0) + 1 / touches.length;
  return out;
}

function expectedFor(model: Model, keys: Key[]) {
  const f = { cost: 0, leads: 0, mqls: 0, sqls: 0, opportunities: 0, pipeline: 0, wonDeals: 0, won: 0, daysSum: 0, daysN: 0 };
  for (const key of keys) f.cost += CAMPAIGNS[key].costs.filter((c) => c.date.startsWith(today.slice(0, 4))).reduce((s, c) => s + Number(c.amount), 0);
  for (const seed of SEEDS) {
    for (const [key, w] of Object.entries(credits(seed, model)) as [Key, number][]) {
      if (!keys.includes(key)) continue;
      f.leads += w;
      if (seed.stage !== 'new') f.mqls += w;
      if (seed.stage === 'sql' || seed.deal) f.sqls += w;
      if (seed.deal) {
        f.opportunities += w;
        f.pipeline += w * Number(seed.deal.amount);
        if (seed.deal.outcome === 'won') {
          f.wonDeals += w;
          f.won += w * Number(seed.deal.amount);
        }
        const first = touchAt[seed.name].find((x) => x.campaign === key)!.at;
        f.daysSum += (dealCreatedAt[seed.name] - first) / 86_400_000;
        f.daysN += 1;
      }
    }
  }
  return f;
}

const cents = (n: number) => (Math.round(n * 100) / 100).toFixed(2);
const round2 = (n: number) => Math.round(n * 100) / 100;

function compare(actual: Record<string, unknown>, f: ReturnType<typeof expectedFor>) {
  expect(actual).toMatchObject({
    cost: cents(f.cost), leads: round2(f.leads), mqls: round2(f.mqls), sqls: round2(f.sqls), opportunities: round2(f.opportunities),
    pipeline: cents(f.pipeline), wonDeals: round2(f.wonDeals), won: cents(f.won),
    costPerLead: f.leads ? cents(f.cost / f.leads) : null,
    costPerMql: f.mqls ? cents(f.cost / f.mqls) : null,
  });
  if (f.cost) expect(actual.roi as number).toBeCloseTo((f.won - f.cost) / f.cost, 3);
  else expect(actual.roi).toBeNull();
  if (f.daysN) expect(actual.daysToOpportunity as number).toBeCloseTo(Math.round((f.daysSum / f.daysN) * 10) / 10, 1);
  else expect(actual.daysToOpportunity).toBeNull();
}

describe('campaign ROI', () => {
  for (const model of ['first_touch', 'last_touch', 'linear'] as const) {
    it(`credits leads, deals and revenue by ${model} attribution, per campaign, per type and in total`, async () => {
      const res = await admin.get(`/analytics/campaign-roi?${range}&model=${model}`);
      expect(res.status).toBe(200);
      expect(res.body.model).toBe(model);
      for (const key of Object.keys(ids) as Key[]) {
        const row = res.body.campaigns.find((c: { campaignId: string }) => c.campaignId === ids[key]);
        expect(row, key).toBeDefined();
        compare(row, expectedFor(model, [key]));
      }
      compare(res.body.byType.find((r: { type: string }) => r.type === 'webinar'), expectedFor(model, ['W1', 'W2']));
      compare(res.body.byType.find((r: { type: string }) => r.type === 'seminar'), expectedFor(model, ['S1']));
      compare(res.body.total, expectedFor(model, ['W1', 'W2', 'S1']));
    });
  }

  it('drills from a figure to its records with the credit each carries', async () => {
    const res = await admin.get(`/analytics/campaign-roi?${range}&model=linear`);
    const w1 = res.body.campaigns.find((c: { campaignId: string }) => c.campaignId === ids.W1);
    expect(w1.drill.opportunities).toMatchObject({ path: '/api/v1/analytics/campaign-roi', query: { campaignId: ids.W1, drill: 'opportunities', model: 'linear' } });
    const q = new URLSearchParams(w1.drill.opportunities.query).toString();
    const deals = await admin.get(`/analytics/campaign-roi?${q}`);
    expect(deals.status).toBe(200);
    expect(deals.body.object).toBe('opportunities');
    const byName = Object.fromEntries(deals.body.records.map((r: { name: string; credit: number }) => [r.name, r.credit]));
    expect(byName).toEqual({ 'L1 deal': 0.5, 'L3 deal': round2(1 / 3), 'L6 deal': 1 });

    const mqls = await admin.get(`/analytics/campaign-roi?${range}&model=first_touch&campaignType=seminar&drill=mqls`);
    expect(mqls.body.records.map((r: { name: string }) => r.name)).toEqual(['L2']);
    expect(w1.drill.cost.path).toBe(`/api/v1/campaigns/${ids.W1}/costs`);
  });

  it('measures MQL → SQL conversion and the days between them, per month', async () => {
    // L3 became an MQL three days before it was qualified.
    await t.database.db.execute(sql`UPDATE lead_status_history SET at = at - interval '3 days'
      WHERE lead_id = ${leadIds.L3} AND to_status = 'mql'`);
    const tenantId = (await admin.get('/me')).body.tenant.id as string;
    await recomputeLifecycleMarks(systemContext(t.database.db, tenantId, 'history rewrite'), [leadIds.L3]);
    const mqlAt: Record<string, number> = {};
    const sqlAt: Record<string, number> = {};
    for (const [name, id] of Object.entries(leadIds)) {
      for (const h of (await admin.get(`/leads/${id}/history`)).body.data as { toStatus: string; at: string }[]) {
        const at = Date.parse(h.at);
        if (['mql', 'accepted', 'sql', 'converted'].includes(h.toStatus)) mqlAt[name] = Math.min(mqlAt[name] ?? at, at);
        if (['sql', 'converted'].includes(h.toStatus)) sqlAt[name] = Math.min(sqlAt[name] ?? at, at);
      }
    }
    const month = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date(ms)).slice(0, 7);
    const expected = new Map<string, { mqls: number; sqls: number; gaps: number[] }>();
    for (const name of Object.keys(mqlAt)) {
      const m = expected.get(month(mqlAt[name])) ?? { mqls: 0, sqls: 0, gaps: [] };
      m.mqls++;
      if (sqlAt[name] !== undefined) {
        m.sqls++;
        m.gaps.push((sqlAt[name] - mqlAt[name]) / 86_400_000);
      }
      expected.set(month(mqlAt[name]), m);
    }
    const from = `${month(Math.min(...Object.values(mqlAt)))}-01`;
    const res = await admin.get(`/analytics/campaign-roi?from=${from}&to=${today}`);
    const all = [...expected.values()];
    const gaps = all.flatMap((m) => m.gaps);
    expect(res.body.alignment).toMatchObject({
      mqls: all.reduce((s, m) => s + m.mqls, 0), sqls: gaps.length,
      conversion: gaps.length / all.reduce((s, m) => s + m.mqls, 0),
    });
    expect(res.body.alignment.gapDays).toBeCloseTo(gaps.reduce((s, g) => s + g, 0) / gaps.length, 1);
    expect(res.body.alignment.gapDays).toBeGreaterThan(0.5);
    expect(res.body.alignment.months.map((m: { month: string; mqls: number; sqls: number }) => [m.month, m.mqls, m.sqls]))
      .toEqual([...expected.entries()].sort().map(([k, m]) => [k, m.mqls, m.sqls]));
    const drill = await admin.get(`/analytics/campaign-roi?${new URLSearchParams(res.body.alignment.drill.query)}`);
    expect(drill.body.records.map((r: { name: string }) => r.name).sort()).toEqual(Object.keys(mqlAt).sort());
  });

  it('shows a rep only the leads they own, and refuses unknown drills in the caller’s language', async () => {
    const mine = await rep.client.get(`/analytics/campaign-roi?${range}&model=first_touch`);
    expect(mine.status).toBe(200);
    const owned = SEEDS.filter((s) => s.stage === 'sql' || s.stage === 'accepted');
    expect(mine.body.total.leads).toBe(owned.filter((s) => s.touches.length).length);
    const bad = await admin.as('zh-CN').get(`/analytics/campaign-roi?${range}&model=nearest`);
    expect(bad.status).toBe(400);
  });
});

describe('funnel planner', () => {
  const nextPeriod = (key: string) => {
    const [, y, q] = /^FY(\d{4})-Q(\d)$/.exec(key)!;
    return Number(q) === 4 ? `FY${Number(y) + 1}-Q1` : `FY${y}-Q${Number(q) + 1}`;
  };
  /** What the seeded history measures: leads created, how many became MQL and SQL, deals and outcomes. */
  const measured = () => {
    const leads = SEEDS.length;
    const mqls = SEEDS.filter((s) => s.stage !== 'new').length;
    const sqls = SEEDS.filter((s) => s.stage === 'sql' || s.deal).length;
    const deals = SEEDS.filter((s) => s.deal);
    const won = deals.filter((s) => s.deal!.outcome === 'won');
    const lost = deals.filter((s) => s.deal!.outcome === 'lost');
    return {
      leads, mqls, sqls, deals: deals.length, won: won.length,
      wonAmount: won.reduce((s, d) => s + Number(d.deal!.amount), 0),
      averageDealSize: won.reduce((s, d) => s + Number(d.deal!.amount), 0) / won.length,
      winRate: won.length / (won.length + lost.length), opportunitiesPerSql: deals.length / sqls, sqlPerMql: sqls / mqls, mqlPerLead: mqls / leads,
    };
  };

  it('back-calculates won deals, opportunities, SQLs, MQLs and leads from the measured rates, split by campaign type', async () => {
    const current = (await admin.get('/analytics/forecast')).body.period;
    const res = await admin.post('/analytics/planner', { period: nextPeriod(current), target: { amount: '5000', currency: 'CNY' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const m = measured();
    expect(res.body.assumptions).toMatchObject({
      averageDealSize: m.averageDealSize.toFixed(2), winRate: m.winRate, opportunitiesPerSql: m.opportunitiesPerSql, sqlPerMql: m.sqlPerMql,
    });
    expect(res.body.assumptions.mqlPerLead).toBeCloseTo(m.mqlPerLead, 10);
    const wonDeals = Math.ceil(5000 / m.averageDealSize);
    const opportunities = Math.ceil(wonDeals / m.winRate);
    const sqls = Math.ceil(opportunities / m.opportunitiesPerSql);
    const mqls = Math.ceil(sqls / m.sqlPerMql);
    const leads = Math.ceil(mqls / m.mqlPerLead);
    expect(res.body.plan).toEqual({ revenue: '5000.00', wonDeals, opportunities, sqls, mqls, leads });
    expect(res.body.missing).toEqual([]);

    // First touch: the types whose leads brought deals, at their own lead → deal yield and cost per lead.
    const typeOf = (s: Seed) => CAMPAIGNS[(s.touches[0] ?? s.campaignId)!].type;
    const attributed = SEEDS.filter((s) => s.touches.length || s.campaignId);
    const types = [...new Set(attributed.filter((s) => s.deal).map(typeOf))];
    const broughtAll = attributed.filter((s) => s.deal).length;
    expect(res.body.byCampaignType.map((x: { type: string }) => x.type).sort()).toEqual(types.sort());
    for (const type of types) {
      const typeLeads = attributed.filter((s) => typeOf(s) === type);
      const typeDeals = typeLeads.filter((s) => s.deal).length;
      const share = typeDeals / broughtAll;
      const row = res.body.byCampaignType.find((x: { type: string }) => x.type === type);
      const cost = (Object.keys(CAMPAIGNS) as Key[]).filter((k) => CAMPAIGNS[k].type === type)
        .reduce((s, k) => s + CAMPAIGNS[k].costs.filter((c) => c.date === today).reduce((t, c) => t + Number(c.amount), 0), 0);
      const needed = Math.ceil(opportunities * share * (typeLeads.length / typeDeals));
      expect(row).toMatchObject({ share, leads: needed, costPerLead: (cost / typeLeads.length).toFixed(2), cost: ((cost / typeLeads.length) * needed).toFixed(2) });
    }
  });

  it('plans from a growth percentage over the period before', async () => {
    const current = (await admin.get('/analytics/forecast')).body.period;
    const res = await admin.post('/analytics/planner', { period: nextPeriod(current), growth: 60 });
    expect(res.status).toBe(200);
    expect(res.body.basis).toMatchObject({ previousPeriod: current, previousRevenue: measured().wonAmount.toFixed(2), growth: 60 });
    expect(res.body.target).toBe((measured().wonAmount * 1.6).toFixed(2));
  });

  it('puts the plan beside what the period has done, with the caller’s assumptions; without history it names the rates to give', async () => {
    // The current quarter: no history before it to measure any rate from. Still an answer, with what is known.
    const m = measured();
    const bare = await admin.post('/analytics/planner', { target: { amount: '2000', currency: 'CNY' } });
    expect(bare.status, JSON.stringify(bare.body)).toBe(200);
    expect(bare.body.missing).toEqual(['averageDealSize', 'winRate', 'opportunitiesPerSql', 'sqlPerMql', 'mqlPerLead']);
    expect(bare.body.plan).toEqual({ revenue: '2000.00', wonDeals: null, opportunities: null, sqls: null, mqls: null, leads: null });
    expect(bare.body.versusActual.find((r: { metric: string }) => r.metric === 'leads')).toMatchObject({ plan: null, actual: m.leads, attainment: null });

    // Given the deal size and the win rate, the plan goes as far as the opportunities; the SQL side is still to give.
    const partial = await admin.post('/analytics/planner', { target: { amount: '2000', currency: 'CNY' }, assumptions: { averageDealSize: '500', winRate: 0.25 } });
    expect(partial.status).toBe(200);
    expect(partial.body.missing).toEqual(['opportunitiesPerSql', 'sqlPerMql', 'mqlPerLead']);
    expect(partial.body.plan).toEqual({ revenue: '2000.00', wonDeals: 4, opportunities: 16, sqls: null, mqls: null, leads: null });
    expect((await admin.post('/analytics/planner', { target: { amount: '1', currency: 'CNY' }, growth: 5 })).body.error.code).toBe('VALIDATION_FAILED');

    const assumptions = { averageDealSize: '500.00', winRate: 0.25, opportunitiesPerSql: 1, sqlPerMql: 0.5, mqlPerLead: 0.5 };
    const res = await admin.post('/analytics/planner', { target: { amount: '2000', currency: 'CNY' }, assumptions });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.assumptions).toEqual(assumptions);
    expect(res.body.plan).toEqual({ revenue: '2000.00', wonDeals: 4, opportunities: 16, sqls: 16, mqls: 32, leads: 64 });
    expect(res.body.missing).toEqual([]);
    const actual = Object.fromEntries(res.body.versusActual.map((r: { metric: string; actual: unknown }) => [r.metric, r.actual]));
    expect(actual).toEqual({ revenue: m.wonAmount.toFixed(2), wonDeals: m.won, opportunities: m.deals, sqls: m.sqls, mqls: m.mqls, leads: m.leads });
  });
});
