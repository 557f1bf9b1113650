import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

/** M2L-7: MQL→SQL conversion, rejection reasons and time in each state, from the status history. */
let t: TestApp;
let admin: ApiClient;
let marketing: ApiClient;
let rep: { client: ApiClient; id: string };
const C1 = randomUUID();
const C2 = randomUUID();
const HOUR = 3600_000;
const base = new Date(Date.now() - 30 * 24 * HOUR);

interface HistoryRow { action: string; fromStatus: string | null; toStatus: string; reason: string | null; at: string }
const histories = new Map<string, { source: string; campaignId: string | null; rows: HistoryRow[] }>();

/** Each lead's story, as the API would record it; `step` spaces its history `step` hours apart. */
const STORIES: { source: string; campaignId: string | null; step: number; actions: [string, string?][] }[] = [
  { source: 'trade_show', campaignId: C1, step: 2, actions: [['promote'], ['assign'], ['accept'], ['qualify']] },
  { source: 'trade_show', campaignId: C1, step: 5, actions: [['promote'], ['assign'], ['reject', 'Wrong region']] },
  { source: 'trade_show', campaignId: null, step: 3, actions: [['promote'], ['assign'], ['return-to-nurture', 'Budget next year']] },
  { source: 'web_form', campaignId: C2, step: 7, actions: [['promote'], ['assign'], ['accept'], ['disqualify', 'Competitor']] },
  { source: 'web_form', campaignId: null, step: 1, actions: [['promote'], ['assign'], ['reject', ' Wrong region '], ['assign'], ['accept'], ['qualify']] },
  { source: 'web_form', campaignId: null, step: 4, actions: [] },
];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signUp('Funnel Co');
  marketing = (await t.addUser(admin, { role: 'marketing' })).client;
  rep = await t.addUser(admin, { role: 'sales_rep' });
  for (const [i, story] of STORIES.entries()) {
    const lead = (await marketing.post('/leads', { name: `Lead ${i}`, source: story.source, campaignId: story.campaignId })).body;
    for (const [action, reason] of story.actions) {
      const res = action === 'assign'
        ? await marketing.post(`/leads/${lead.id}/assign`, { ownerId: rep.id })
        : await (action === 'promote' ? marketing : rep.client).post(`/leads/${lead.id}/${action}`, reason ? { reason } : {});
      expect(res.status, `${action}: ${res.text}`).toBe(200);
    }
    // Seed the history at known times: row k at base + k·step hours.
    await t.database.db.execute(sql`
      UPDATE lead_status_history h SET at = ${base}::timestamptz + (s.rn - 1) * ${story.step} * interval '1 hour'
      FROM (SELECT id, row_number() OVER (ORDER BY at, id) AS rn FROM lead_status_history WHERE lead_id = ${lead.id}) s
      WHERE h.id = s.id`);
    const rows = (await marketing.get(`/leads/${lead.id}/history`)).body.data as HistoryRow[];
    histories.set(lead.id, { source: story.source, campaignId: story.campaignId, rows });
  }
});
afterAll(() => t.close());

/** The report, computed here in plain code from the histories the API returns. */
function expected(from: Date, to: Date, filter: (h: { source: string; campaignId: string | null }) => boolean = () => true) {
  const inPeriod = (at: string) => new Date(at) >= from && new Date(at) < to;
  const counts = (leadIds: string[]) => {
    const c = { mql: 0, accepted: 0, rejected: 0, sql: 0, recycled: 0, disqualified: 0, converted: 0, mqlToSqlRate: null as number | null };
    for (const id of leadIds) {
      const rows = histories.get(id)!.rows;
      const mqlAt = rows.find((r) => r.toStatus === 'mql' && r.fromStatus !== 'mql' && inPeriod(r.at))?.at;
      if (!mqlAt) continue;
      const after = rows.filter((r) => r.at >= mqlAt);
      c.mql += 1;
      if (after.some((r) => r.action === 'accept')) c.accepted += 1;
      if (after.some((r) => r.action === 'reject')) c.rejected += 1;
      if (after.some((r) => r.toStatus === 'sql' || r.toStatus === 'converted')) c.sql += 1;
      if (after.some((r) => r.toStatus === 'recycled')) c.recycled += 1;
      if (after.some((r) => r.toStatus === 'disqualified')) c.disqualified += 1;
      if (after.some((r) => r.toStatus === 'converted')) c.converted += 1;
    }
    c.mqlToSqlRate = c.mql ? c.sql / c.mql : null;
    return c;
  };
  const ids = [...histories.keys()].filter((id) => filter(histories.get(id)!));
  const reasons = new Map<string, number>();
  const stays = new Map<string, { durations: number[]; stillIn: number }>();
  for (const id of ids) {
    const rows = histories.get(id)!.rows;
    for (const r of rows) {
      if (['reject', 'return-to-nurture', 'disqualify'].includes(r.action) && r.reason && inPeriod(r.at)) {
        const key = `${r.action}|${r.reason.trim()}`;
        reasons.set(key, (reasons.get(key) ?? 0) + 1);
      }
    }
    const changes = rows.filter((r) => r.fromStatus === null || r.fromStatus !== r.toStatus);
    changes.forEach((r, i) => {
      if (!inPeriod(r.at)) return;
      const stay = stays.get(r.toStatus) ?? { durations: [], stillIn: 0 };
      const next = changes[i + 1];
      if (next) stay.durations.push((new Date(next.at).getTime() - new Date(r.at).getTime()) / 1000);
      else stay.stillIn += 1;
      stays.set(r.toStatus, stay);
    });
  }
  const median = (xs: number[]) => {
    if (xs.length === 0) return null;
    const s = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  };
  const groupBy = (key: (h: { source: string; campaignId: string | null }) => string | null) => {
    const groups = new Map<string | null, string[]>();
    for (const id of ids) {
      const k = key(histories.get(id)!);
      groups.set(k, [...(groups.get(k) ?? []), id]);
    }
    return [...groups.entries()].map(([k, members]) => [k, counts(members)] as const).filter(([, c]) => c.mql > 0);
  };
  return {
    totals: counts(ids),
    bySource: new Map(groupBy((h) => h.source)),
    byCampaign: new Map(groupBy((h) => h.campaignId)),
    reasons: Object.fromEntries(reasons),
    timeInState: Object.fromEntries([...stays.entries()].map(([status, s]) => [status, {
      exits: s.durations.length,
      stillIn: s.stillIn,
      avgSeconds: s.durations.length ? s.durations.reduce((a, b) => a + b, 0) / s.durations.length : null,
      medianSeconds: median(s.durations),
    }])),
  };
}

function expectReport(report: any, want: ReturnType<typeof expected>) {
  expect(report.totals).toEqual(want.totals);
  expect(new Map(report.bySource.map(({ source, ...c }: any) => [source, c]))).toEqual(want.bySource);
  expect(new Map(report.byCampaign.map(({ campaignId, ...c }: any) => [campaignId, c]))).toEqual(want.byCampaign);
  expect(Object.fromEntries(report.reasons.map((r: any) => [`${r.action}|${r.reason}`, r.count]))).toEqual(want.reasons);
  const stays = Object.fromEntries(report.timeInState.map(({ status, ...s }: any) => [status, s]));
  expect(Object.keys(stays).sort()).toEqual(Object.keys(want.timeInState).sort());
  for (const [status, s] of Object.entries(want.timeInState)) {
    expect(stays[status].exits, status).toBe(s.exits);
    expect(stays[status].stillIn, status).toBe(s.stillIn);
    if (s.avgSeconds === null) expect(stays[status].avgSeconds).toBeNull();
    else expect(stays[status].avgSeconds).toBeCloseTo(s.avgSeconds, 3);
    if (s.medianSeconds === null) expect(stays[status].medianSeconds).toBeNull();
    else expect(stays[status].medianSeconds).toBeCloseTo(s.medianSeconds, 3);
  }
}

describe('lead funnel report', () => {
  const from = new Date(base.getTime() - 24 * HOUR);
  const to = new Date(Date.now() + 24 * HOUR);
  const q = (extra = '') => `/analytics/lead-funnel?from=${from.toISOString()}&to=${to.toISOString()}${extra}`;

  it('counts the MQL cohort and how far it got, by source and by campaign', async () => {
    const res = await marketing.get(q());
    expect(res.status, res.text).toBe(200);
    expectReport(res.body, expected(from, to));
    // The story in numbers: five MQLs, two reached SQL, two were rejected (one of them twice routed).
    expect(res.body.totals).toEqual({ mql: 5, accepted: 3, rejected: 2, sql: 2, recycled: 1, disqualified: 1, converted: 0, mqlToSqlRate: 0.4 });
    expect(res.body.reasons[0]).toEqual({ action: 'reject', reason: 'Wrong region', count: 2 });
  });

  it('filters by source and by campaign', async () => {
    const bySource = await marketing.get(q('&source=web_form'));
    expectReport(bySource.body, expected(from, to, (h) => h.source === 'web_form'));
    expect(bySource.body.totals.mql).toBe(2);
    const byCampaign = await marketing.get(q(`&campaignId=${C1}`));
    expectReport(byCampaign.body, expected(from, to, (h) => h.campaignId === C1));
    expect(byCampaign.body.totals).toMatchObject({ mql: 2, sql: 1, rejected: 1 });
  });

  it('limits the period: MQLs and stays that began inside it', async () => {
    const lateFrom = new Date(base.getTime() + 1.5 * HOUR);
    const res = await marketing.get(`/analytics/lead-funnel?from=${lateFrom.toISOString()}&to=${to.toISOString()}`);
    expectReport(res.body, expected(lateFrom, to));
    expect(res.body.totals.mql).toBe(4);
    const empty = await marketing.get(`/analytics/lead-funnel?from=${new Date(base.getTime() - 48 * HOUR).toISOString()}&to=${from.toISOString()}`);
    expect(empty.body.totals).toEqual({ mql: 0, accepted: 0, rejected: 0, sql: 0, recycled: 0, disqualified: 0, converted: 0, mqlToSqlRate: null });
    expect(empty.body.bySource).toEqual([]);
  });

  it('shows the tenant’s MQL and SQL definitions with the numbers', async () => {
    await marketing.patch('/assignment-settings', { mqlDefinition: 'Score ≥ 60', sqlDefinition: 'BANT budget + need confirmed' });
    const res = await marketing.get(q());
    expect(res.body.definitions).toEqual({ mql: 'Score ≥ 60', sql: 'BANT budget + need confirmed', mqlScoreBar: 60 });
    expect(res.body.period).toEqual({ from: from.toISOString(), to: to.toISOString() });
  });

  it('a rep sees the funnel of their own leads only', async () => {
    const res = await rep.client.get(q());
    expect(res.status).toBe(200);
    const own = new Set((await rep.client.get('/leads?limit=200')).body.data.map((l: { id: string }) => l.id));
    expectReport(res.body, expected(from, to, (h) => [...histories.entries()].some(([id, x]) => x === h && own.has(id))));
  });
});
