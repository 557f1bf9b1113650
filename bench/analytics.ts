import { sql, type SQL } from 'drizzle-orm';
import { campaignRoi } from '../server/src/modules/analytics/campaign-roi.service.js';
import { addDays, todayIn } from '../server/src/modules/analytics/fiscal-periods.js';
import { forecast } from '../server/src/modules/analytics/forecast.service.js';
import { funnel } from '../server/src/modules/analytics/funnel.service.js';
import { resolveScope, type AnalyticsFilters, type Scope } from '../server/src/modules/analytics/analytics-scope.js';
import { defaultProcessForDeal } from '../server/src/modules/opportunities/sales-processes.service.js';
import { loadUserContext } from '../server/src/platform/auth/context-loader.js';
import { getTenantSettings } from '../server/src/platform/tenancy/tenant-settings.service.js';
import { queryRows, type AppDb } from '../server/src/platform/db/client.js';
import type { ScaleTenant } from './scale-data.js';

/** Median times of our service and of the hand-written statement, over the same repetitions. */
export interface AnalyticsTiming {
  oursMs: number;
  sqlMs: number;
  /** ours / SQL: the figure the target is on. */
  ratio: number;
  /** Figures compared (steps, teams, campaigns…): all equal, or the bench fails. */
  figures: number;
}

export interface AnalyticsResult {
  /** The range asked: the last twelve months and the next six (open deals close ahead). */
  from: string;
  to: string;
  repetitions: number;
  funnel: AnalyticsTiming;
  forecast: AnalyticsTiming;
  campaignRoi: AnalyticsTiming;
}

/** Figures by key (a step, a team, a campaign), each a string: equal means every character equal. */
type Figures = Map<string, string>;

interface Case {
  ours: () => Promise<Figures>;
  sql: () => Promise<Figures>;
}

const money = (column: SQL) => sql`(${column})::numeric(20, 2)::text`;
const show = (v: unknown) => (v === null || v === undefined ? '-' : String(v));
/** Rounding of a mean to one decimal, as the services show days. */
const days = (sum: unknown, n: unknown) => (Number(n) > 0 ? String(Math.round((Number(sum) / Number(n)) * 10) / 10) : '-');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/** Fails loudly on the first run whose figures differ from the baseline's: a wrong fast answer is no answer. */
function assertEqual(name: string, ours: Figures, baseline: Figures): void {
  const keys = [...new Set([...ours.keys(), ...baseline.keys()])].sort();
  const diffs = keys.filter((k) => ours.get(k) !== baseline.get(k)).map((k) => `  ${k}: ours ${ours.get(k) ?? '(none)'}, SQL ${baseline.get(k) ?? '(none)'}`);
  if (diffs.length) throw new Error(`analytics bench: ${name} differs from the hand-written SQL in ${diffs.length} figures:\n${diffs.slice(0, 20).join('\n')}`);
}

async function measure(name: string, c: Case, repetitions: number): Promise<AnalyticsTiming> {
  // Warm-up (plans, caches, the first compile of lazy code), checked for equality like every run.
  const first = await c.ours();
  assertEqual(name, first, await c.sql());
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const a = await timed(c.ours);
    const b = await timed(c.sql);
    assertEqual(name, a.value, b.value);
    ours.push(a.ms);
    base.push(b.ms);
  }
  const oursMs = Math.round(median(ours) * 10) / 10;
  const sqlMs = Math.round(median(base) * 10) / 10;
  return { oursMs, sqlMs, ratio: Math.round((oursMs / sqlMs) * 100) / 100, figures: first.size };
}

/** The funnel in one statement: lead cohort, its MQL and SQL marks, deals of the process and the furthest open stage each reached. */
function funnelSql(db: AppDb, s: Scope, processId: string) {
  const t = s.ctx.tenantId;
  // Created in the range: from the tenant's midnight at the start to the one after the end.
  const day = (c: SQL) => sql`${c} >= (${s.from}::date::timestamp AT TIME ZONE ${s.timezone}) AND ${c} < (${s.to}::date::timestamp AT TIME ZONE ${s.timezone})`;
  return queryRows<{ key: string; n: string }>(db, sql`
    WITH lc AS (
      SELECT l.became_mql_at IS NOT NULL AS mql, l.became_sql_at IS NOT NULL AS sql
      FROM leads l WHERE l.tenant_id = ${t} AND ${day(sql`l.created_at`)}
    ),
    dc AS (
      SELECT o.status, coalesce(max(st."order") FILTER (WHERE NOT st.is_won AND NOT st.is_lost), 0) AS reached
      FROM opportunities o
      LEFT JOIN opportunity_stage_history h ON h.tenant_id = o.tenant_id AND h.opportunity_id = o.id
      LEFT JOIN sales_stages st ON st.tenant_id = h.tenant_id AND st.id = h.to_stage_id
      WHERE o.tenant_id = ${t} AND o.process_id = ${processId}::uuid AND o.currency = ${s.currency} AND ${day(sql`o.created_at`)}
      GROUP BY o.tenant_id, o.id
    )
    SELECT 'leads' AS key, count(*)::text AS n FROM lc
    UNION ALL SELECT 'mql', count(*) FILTER (WHERE mql)::text FROM lc
    UNION ALL SELECT 'sql', count(*) FILTER (WHERE sql)::text FROM lc
    UNION ALL SELECT 'stage:' || st.id, count(dc.status)::text
      FROM sales_stages st LEFT JOIN dc ON dc.status = 'won' OR dc.reached >= st."order"
      WHERE st.tenant_id = ${t} AND st.process_id = ${processId}::uuid AND NOT st.is_won AND NOT st.is_lost
      GROUP BY st.id
    UNION ALL SELECT 'won', count(*) FILTER (WHERE status = 'won')::text FROM dc`);
}

/**
 * The forecast per team in one statement: the deals summed per team, each team adding up its
 * subtree's sums (path prefix); the company total beside.
 */
function forecastSql(db: AppDb, s: Scope) {
  const t = s.ctx.tenantId;
  const figures = sql`${money(sql`coalesce(sum(f.pipeline), 0)`)} AS pipeline, ${money(sql`coalesce(sum(f.best_case), 0)`)} AS best_case,
    ${money(sql`coalesce(sum(f.commit), 0)`)} AS commit, ${money(sql`coalesce(sum(f.closed), 0)`)} AS closed,
    ${money(sql`coalesce(sum(f.commit), 0) + coalesce(sum(f.closed), 0)`)} AS call,
    ${money(sql`coalesce(round(sum(f.weighted), 2), 0)`)} AS weighted, coalesce(sum(f.open_deals), 0)::text AS open_deals`;
  return queryRows<Record<string, string>>(db, sql`
    WITH f AS (
      SELECT o.team_id,
        sum(o.amount) FILTER (WHERE o.status = 'open' AND o.forecast_category = 'pipeline') AS pipeline,
        sum(o.amount) FILTER (WHERE o.status = 'open' AND o.forecast_category = 'best_case') AS best_case,
        sum(o.amount) FILTER (WHERE o.status = 'open' AND o.forecast_category = 'commit') AS commit,
        sum(o.amount) FILTER (WHERE o.status = 'won') AS closed,
        sum(o.amount * o.probability / 100.0) FILTER (WHERE o.status = 'open' AND o.forecast_category <> 'omitted') AS weighted,
        count(*) FILTER (WHERE o.status = 'open' AND o.forecast_category <> 'omitted') AS open_deals
      FROM opportunities o
      WHERE o.tenant_id = ${t} AND o.currency = ${s.currency} AND o.status IN ('open', 'won')
        AND CASE WHEN o.status = 'open' THEN o.close_date ELSE (o.closed_at AT TIME ZONE ${s.timezone})::date END >= ${s.from}::date
        AND CASE WHEN o.status = 'open' THEN o.close_date ELSE (o.closed_at AT TIME ZONE ${s.timezone})::date END < ${s.to}::date
      GROUP BY o.team_id
    )
    SELECT 'team:' || t.id AS key, ${figures}
    FROM teams t JOIN teams sub ON sub.tenant_id = t.tenant_id AND sub.path LIKE t.path || '%' JOIN f ON f.team_id = sub.id
    WHERE t.tenant_id = ${t} GROUP BY t.id
    UNION ALL SELECT 'total', ${figures} FROM f`);
}

/**
 * Campaign ROI with linear attribution and the MQL → SQL alignment in one statement: the leads'
 * marks once, the cohort's touches up to conversion (its campaign at creation when it has none),
 * an equal share per touch, the deals of the credited leads, costs booked in the range.
 */
function campaignRoiSql(db: AppDb, s: Scope) {
  const t = s.ctx.tenantId;
  const inDays = (c: SQL) => sql`${c} >= ${s.from}::date AND ${c} < ${s.to}::date`;
  const local = (c: SQL) => sql`(${c} AT TIME ZONE ${s.timezone})::date`;
  return queryRows<Record<string, string | null>>(db, sql`
    WITH marks AS (
      SELECT l.id, l.campaign_id, l.created_at, l.converted_at, l.became_mql_at AS mql_at, l.became_sql_at AS sql_at
      FROM leads l WHERE l.tenant_id = ${t}
    ),
    cohort AS (SELECT * FROM marks m WHERE ${inDays(local(sql`m.created_at`))}),
    logged AS (
      SELECT x.lead_id, x.campaign_id, x.at FROM lead_touches x JOIN cohort c ON c.id = x.lead_id
      WHERE x.tenant_id = ${t} AND x.campaign_id IS NOT NULL AND (c.converted_at IS NULL OR x.at <= c.converted_at)
    ),
    touches AS (
      SELECT * FROM logged
      UNION ALL SELECT c.id, c.campaign_id, c.created_at FROM cohort c
      WHERE c.campaign_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM logged g WHERE g.lead_id = c.id)
    ),
    credited AS (
      SELECT x.lead_id, x.campaign_id, sum(1::numeric / x.n) AS w, min(x.at) AS first_at
      FROM (SELECT y.*, count(*) OVER (PARTITION BY y.lead_id) AS n FROM touches y) x
      GROUP BY x.lead_id, x.campaign_id
    ),
    per_campaign AS (
      SELECT c.id, c.type, coalesce(k.cost, 0) AS cost,
        coalesce(ls.leads, 0) AS leads, coalesce(ls.mqls, 0) AS mqls, coalesce(ls.sqls, 0) AS sqls,
        coalesce(ds.opportunities, 0) AS opportunities, coalesce(ds.pipeline, 0) AS pipeline,
        coalesce(ds.won_deals, 0) AS won_deals, coalesce(ds.won, 0) AS won, coalesce(ds.days_sum, 0) AS days_sum, coalesce(ds.days_n, 0) AS days_n
      FROM campaigns c
      LEFT JOIN (
        SELECT cr.campaign_id, sum(cr.w) AS leads, coalesce(sum(cr.w) FILTER (WHERE m.mql_at IS NOT NULL), 0) AS mqls,
          coalesce(sum(cr.w) FILTER (WHERE m.sql_at IS NOT NULL), 0) AS sqls
        FROM credited cr JOIN cohort m ON m.id = cr.lead_id GROUP BY cr.campaign_id
      ) ls ON ls.campaign_id = c.id
      LEFT JOIN (
        SELECT cr.campaign_id, sum(cr.w) AS opportunities, sum(cr.w * coalesce(o.amount, 0)) AS pipeline,
          coalesce(sum(cr.w) FILTER (WHERE o.status = 'won'), 0) AS won_deals,
          coalesce(sum(cr.w * coalesce(o.amount, 0)) FILTER (WHERE o.status = 'won'), 0) AS won,
          sum(extract(epoch FROM o.created_at - cr.first_at) / 86400) AS days_sum, count(*) AS days_n
        FROM credited cr JOIN opportunities o ON o.tenant_id = ${t} AND o.lead_id = cr.lead_id AND o.currency = ${s.currency}
        GROUP BY cr.campaign_id
      ) ds ON ds.campaign_id = c.id
      LEFT JOIN (
        SELECT k.campaign_id, sum(k.amount) AS cost FROM campaign_costs k
        WHERE k.tenant_id = ${t} AND k.currency = ${s.currency} AND ${inDays(sql`k.incurred_on`)} GROUP BY k.campaign_id
      ) k ON k.campaign_id = c.id
      WHERE c.tenant_id = ${t} AND (ls.campaign_id IS NOT NULL OR k.campaign_id IS NOT NULL)
    ),
    aligned AS (
      SELECT to_char(m.mql_at AT TIME ZONE ${s.timezone}, 'YYYY-MM') AS month, m.mql_at, m.sql_at FROM marks m
      WHERE m.mql_at IS NOT NULL AND ${inDays(local(sql`m.mql_at`))}
    )
    SELECT CASE WHEN GROUPING(type) = 1 THEN 'total' WHEN GROUPING(id) = 1 THEN 'type:' || type ELSE 'campaign:' || id END AS key,
      ${money(sql`sum(cost)`)} AS cost, round(sum(leads), 2)::text AS leads, round(sum(mqls), 2)::text AS mqls, round(sum(sqls), 2)::text AS sqls,
      round(sum(opportunities), 2)::text AS opportunities, ${money(sql`round(sum(pipeline), 2)`)} AS pipeline,
      round(sum(won_deals), 2)::text AS won_deals, ${money(sql`round(sum(won), 2)`)} AS won,
      ${money(sql`round(sum(cost) / nullif(sum(leads), 0), 2)`)} AS cost_per_lead, ${money(sql`round(sum(cost) / nullif(sum(mqls), 0), 2)`)} AS cost_per_mql,
      round((sum(won) - sum(cost)) / nullif(sum(cost), 0), 4)::text AS roi, sum(days_sum)::text AS days_sum, sum(days_n)::text AS days_n
    FROM per_campaign GROUP BY GROUPING SETS ((), (type), (type, id))
    UNION ALL
    SELECT CASE WHEN GROUPING(month) = 1 THEN 'alignment' ELSE 'alignment:' || month END, NULL, NULL, count(*)::text, count(sql_at)::text,
      NULL, NULL, NULL, NULL, NULL, NULL, NULL, avg(extract(epoch FROM sql_at - mql_at) / 86400) FILTER (WHERE sql_at IS NOT NULL)::text, count(sql_at)::text
    FROM aligned GROUP BY GROUPING SETS ((), (month))`);
}

interface ForecastLine { pipeline: string; bestCase: string; commit: string; closed: string; call: string; weighted: string; openDeals: number }
interface RoiLine {
  cost: string; leads: number; mqls: number; sqls: number; opportunities: number; pipeline: string; wonDeals: number; won: string;
  costPerLead: string | null; costPerMql: string | null; roi: number | null; daysToOpportunity: number | null;
}
const roiLine = (r: RoiLine) => [r.cost, r.leads.toFixed(2), r.mqls.toFixed(2), r.sqls.toFixed(2), r.opportunities.toFixed(2), r.pipeline,
  r.wonDeals.toFixed(2), r.won, show(r.costPerLead), show(r.costPerMql), show(r.roi), show(r.daysToOpportunity)].join(' | ');
const alignLine = (mqls: unknown, sqls: unknown, gapDays: unknown) => `${mqls} MQL, ${sqls} SQL, gap ${show(gapDays)}`;

/**
 * Funnel, forecast rolled up the team hierarchy and campaign ROI (linear) as the scale tenant's
 * executive sees them, through the analytics services with the caller's scope (visibility,
 * filters, currency) - the HTTP layer on top is what the API bench measures - against one
 * hand-written statement each. Every run compares the figures exactly and throws on a difference.
 */
export async function benchAnalytics(db: AppDb, tenant: ScaleTenant, repetitions: number): Promise<AnalyticsResult> {
  const loaded = await loadUserContext(db, tenant.tenantId, tenant.executiveId, {});
  if (!loaded) throw new Error('analytics bench: the scale tenant has no executive');
  const { ctx } = loaded;
  const today = todayIn((await getTenantSettings(ctx)).timezone);
  const filters: AnalyticsFilters = { from: addDays(today, -365), to: addDays(today, 180) };
  const scope = await resolveScope(ctx, filters);
  const process = await defaultProcessForDeal(ctx);
  if (!process) throw new Error('analytics bench: the scale tenant has no sales process');

  const funnelCase: Case = {
    ours: async () => {
      const f = await funnel(await resolveScope(ctx, filters));
      return new Map(f.steps.map((s) => [s.key, `${s.count} / company ${s.companyCount}`]));
    },
    // The executive sees every lead and deal and sets no filter: the company's counts are the same.
    sql: async () => new Map((await funnelSql(db, scope, process.id)).map((r) => [r.key, `${r.n} / company ${r.n}`])),
  };
  const forecastCase: Case = {
    ours: async () => {
      const f = await forecast(await resolveScope(ctx, filters), 'team');
      const line = (r: ForecastLine) => [r.pipeline, r.bestCase, r.commit, r.closed, r.call, r.weighted, r.openDeals].join(' | ');
      return new Map([['total', line(f.total)], ...(f.rows as (ForecastLine & { key: string })[]).map((r) => [`team:${r.key}`, line(r)] as [string, string])]);
    },
    sql: async () => new Map((await forecastSql(db, scope)).map((r) =>
      [r.key, [r.pipeline, r.best_case, r.commit, r.closed, r.call, r.weighted, r.open_deals].join(' | ')])),
  };
  const roiCase: Case = {
    ours: async () => {
      const r = await campaignRoi(await resolveScope(ctx, filters), { model: 'linear' });
      const rows: [string, string][] = [
        ['total', roiLine(r.total)],
        ...r.byType.map((x) => [`type:${x.type}`, roiLine(x)] as [string, string]),
        ...r.campaigns.map((x) => [`campaign:${x.campaignId}`, roiLine(x)] as [string, string]),
        ['alignment', alignLine(r.alignment.mqls, r.alignment.sqls, r.alignment.gapDays)],
        ...r.alignment.months.map((m) => [`alignment:${m.month}`, alignLine(m.mqls, m.sqls, m.gapDays)] as [string, string]),
      ];
      return new Map(rows);
    },
    sql: async () => new Map((await campaignRoiSql(db, scope)).map((r) => {
      // Alignment rows carry the mean gap in days_sum (one "sum" over days_n > 0 SQLs, or none).
      if (r.key!.startsWith('alignment')) return [r.key!, alignLine(r.mqls, r.sqls, Number(r.days_n) > 0 ? days(r.days_sum, 1) : null)];
      return [r.key!, [r.cost, r.leads, r.mqls, r.sqls, r.opportunities, r.pipeline, r.won_deals, r.won, show(r.cost_per_lead),
        show(r.cost_per_mql), show(r.roi === null ? null : Number(r.roi)), days(r.days_sum, r.days_n)].join(' | ')];
    })),
  };

  return {
    from: filters.from!,
    to: filters.to!,
    repetitions,
    funnel: await measure('funnel', funnelCase, repetitions),
    forecast: await measure('forecast by team', forecastCase, repetitions),
    campaignRoi: await measure('campaign ROI (linear)', roiCase, repetitions),
  };
}
