import { sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/http/errors.js';
import { campaignCostFacts, campaignFacts } from '../campaigns/campaign-facts.js';
import { leadTouchFacts } from '../leads/lead-facts.js';
import { amount, analyticsRows, dealsQuery, inRange, instantInRange, num, rangeOf, ratio, type Scope } from './analytics-scope.js';
import { drillLink, scopeParams, type DrillLink } from './drill.js';
import { DRILL_LIMIT, leadMarks } from './funnel.service.js';

export const ATTRIBUTION_MODELS = ['first_touch', 'last_touch', 'linear'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];
export const ROI_DRILLS = ['leads', 'mqls', 'sqls', 'opportunities', 'won', 'alignment'] as const;
export type RoiDrill = (typeof ROI_DRILLS)[number];

export interface RoiOptions {
  model?: AttributionModel;
  campaignId?: string;
  campaignType?: string;
}

/** The credit one touch gives its campaign: the lead's first, its last, or an equal share of every touch. */
const WEIGHT: Record<AttributionModel, SQL> = {
  first_touch: sql`CASE WHEN r.first_rank = 1 THEN 1 ELSE 0 END::numeric`,
  last_touch: sql`CASE WHEN r.last_rank = 1 THEN 1 ELSE 0 END::numeric`,
  linear: sql`1::numeric / r.n`,
};

/**
 * The attribution CTEs: `cohort` — the visible leads created in the range (with the filters),
 * whether they became MQL and SQL; `touches` — their campaign touches up to their conversion (a
 * lead given a campaign without any touch counts one at its creation); `credited` — per lead
 * and campaign the credit the model gives (a share of 1 per lead) and the campaign's first
 * touch of the lead; `deals` — the deals the caller may see in the scope's currency.
 */
function attribution(scope: Scope, opts: RoiOptions): SQL {
  const { ctx } = scope;
  const model = opts.model ?? 'first_touch';
  const campaignConditions: SQL[] = [sql`true`];
  if (opts.campaignId) campaignConditions.push(sql`c.id = ${opts.campaignId}::uuid`);
  if (opts.campaignType) campaignConditions.push(sql`c.type = ${opts.campaignType}`);
  return sql`${leadMarks(scope, { cohortOnly: true })},
    cohort AS (
      SELECT m.id, m.name, m.owner_id, m.status, m.created_at, m.converted_at, m.campaign_id,
        m.mql_at IS NOT NULL AS mql, m.sql_at IS NOT NULL AS sql
      FROM lead_marks m
    ),
    logged AS (
      SELECT t.lead_id, t.campaign_id, t.at, t.id::text AS tid, c.mql, c.sql
      FROM (${leadTouchFacts(ctx)}) t JOIN cohort c ON c.id = t.lead_id
      WHERE t.campaign_id IS NOT NULL AND (c.converted_at IS NULL OR t.at <= c.converted_at)
    ),
    touches AS (
      SELECT * FROM logged
      UNION ALL
      SELECT c.id, c.campaign_id, c.created_at, '', c.mql, c.sql FROM cohort c
      WHERE c.campaign_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM logged g WHERE g.lead_id = c.id)
    ),
    ranked AS (
      SELECT x.*,
        row_number() OVER (PARTITION BY x.lead_id ORDER BY x.at, x.tid) AS first_rank,
        row_number() OVER (PARTITION BY x.lead_id ORDER BY x.at DESC, x.tid DESC) AS last_rank,
        count(*) OVER (PARTITION BY x.lead_id) AS n
      FROM touches x
    ),
    camps AS (SELECT * FROM (${campaignFacts(ctx)}) c WHERE ${sql.join(campaignConditions, sql` AND `)}),
    credited AS (
      SELECT r.lead_id, r.campaign_id, sum(${WEIGHT[model]}) AS w, min(r.at) AS first_at, bool_or(r.mql) AS mql, bool_or(r.sql) AS sql
      FROM ranked r JOIN camps c ON c.id = r.campaign_id
      GROUP BY r.lead_id, r.campaign_id
      HAVING sum(${WEIGHT[model]}) > 0
    ),
    deals AS (${dealsQuery({ ...scope, filters: {} })})`;
}

interface RoiFigures {
  cost: string;
  leads: number;
  mqls: number;
  sqls: number;
  opportunities: number;
  pipeline: string;
  wonDeals: number;
  won: string;
  /** cost / leads; null without leads. */
  costPerLead: string | null;
  costPerMql: string | null;
  /** (won − cost) / cost; null without cost. */
  roi: number | null;
  /** Days from the campaign's first touch of a lead to a deal of that lead, on average. */
  daysToOpportunity: number | null;
}

const credit = (v: unknown) => Math.round(num(v) * 100) / 100;
const maybeAmount = (v: unknown) => (v === null || v === undefined ? null : amount(v));

function figuresOf(r: Record<string, unknown>): RoiFigures {
  const daysN = num(r.days_n);
  return {
    cost: amount(r.cost),
    leads: credit(r.leads),
    mqls: credit(r.mqls),
    sqls: credit(r.sqls),
    opportunities: credit(r.opportunities),
    pipeline: amount(r.pipeline),
    wonDeals: credit(r.won_deals),
    won: amount(r.won),
    costPerLead: maybeAmount(r.cost_per_lead),
    costPerMql: maybeAmount(r.cost_per_mql),
    roi: r.roi === null || r.roi === undefined ? null : num(r.roi),
    daysToOpportunity: daysN > 0 ? Math.round((num(r.days_sum) / daysN) * 10) / 10 : null,
  };
}

/**
 * Campaign ROI [M2L-7] for the leads created in the range: per campaign, per campaign type and
 * in total, what the campaigns cost (cost entries booked in the range, in the scope's
 * currency), the leads, MQLs and SQLs they brought, the deals of those leads (count, pipeline,
 * won), cost per lead and per MQL, ROI and the days from first touch to opportunity — credited
 * by first-touch, last-touch or linear attribution. Beside it, MQL → SQL alignment per month.
 */
export async function campaignRoi(scope: Scope, opts: RoiOptions = {}) {
  const { ctx } = scope;
  const model = opts.model ?? 'first_touch';
  const rows = await analyticsRows<Record<string, unknown>>(ctx, sql`
    WITH ${attribution(scope, opts)},
    lead_sums AS (
      SELECT campaign_id, sum(w) AS leads, coalesce(sum(w) FILTER (WHERE mql), 0) AS mqls, coalesce(sum(w) FILTER (WHERE sql), 0) AS sqls
      FROM credited GROUP BY campaign_id
    ),
    deal_sums AS (
      SELECT cr.campaign_id, sum(cr.w) AS opportunities, sum(cr.w * coalesce(d.amount, 0)) AS pipeline,
        coalesce(sum(cr.w) FILTER (WHERE d.status = 'won'), 0) AS won_deals,
        coalesce(sum(cr.w * coalesce(d.amount, 0)) FILTER (WHERE d.status = 'won'), 0) AS won,
        sum(extract(epoch FROM d.created_at - cr.first_at) / 86400) AS days_sum, count(*) AS days_n
      FROM credited cr JOIN deals d ON d.lead_id = cr.lead_id
      GROUP BY cr.campaign_id
    ),
    costs AS (
      SELECT k.campaign_id, sum(k.amount) AS cost FROM (${campaignCostFacts(ctx)}) k
      WHERE k.currency = ${scope.currency} AND ${inRange(scope, sql`k.incurred_on`)}
      GROUP BY k.campaign_id
    ),
    per_campaign AS (
      SELECT c.id, c.name, c.type, coalesce(k.cost, 0) AS cost,
        coalesce(ls.leads, 0) AS leads, coalesce(ls.mqls, 0) AS mqls, coalesce(ls.sqls, 0) AS sqls,
        coalesce(ds.opportunities, 0) AS opportunities, coalesce(ds.pipeline, 0) AS pipeline,
        coalesce(ds.won_deals, 0) AS won_deals, coalesce(ds.won, 0) AS won,
        coalesce(ds.days_sum, 0) AS days_sum, coalesce(ds.days_n, 0) AS days_n
      FROM camps c
      LEFT JOIN lead_sums ls ON ls.campaign_id = c.id
      LEFT JOIN deal_sums ds ON ds.campaign_id = c.id
      LEFT JOIN costs k ON k.campaign_id = c.id
      WHERE ls.campaign_id IS NOT NULL OR k.campaign_id IS NOT NULL
    )
    SELECT GROUPING(type) AS g_type, GROUPING(id) AS g_id, type, id, min(name) AS name,
      sum(cost) AS cost, sum(leads) AS leads, sum(mqls) AS mqls, sum(sqls) AS sqls,
      sum(opportunities) AS opportunities, round(sum(pipeline), 2) AS pipeline, sum(won_deals) AS won_deals, round(sum(won), 2) AS won,
      round(sum(cost) / nullif(sum(leads), 0), 2) AS cost_per_lead,
      round(sum(cost) / nullif(sum(mqls), 0), 2) AS cost_per_mql,
      round((sum(won) - sum(cost)) / nullif(sum(cost), 0), 4) AS roi,
      sum(days_sum) AS days_sum, sum(days_n) AS days_n
    FROM per_campaign
    GROUP BY GROUPING SETS ((), (type), (type, id))
    ORDER BY GROUPING(type) DESC, GROUPING(id) DESC, sum(won) DESC, sum(cost) DESC, min(name), id`);

  const base = { ...scopeParams(scope), model };
  const roiDrill = (filter: Record<string, string | undefined>) => Object.fromEntries(
    (['leads', 'mqls', 'sqls', 'opportunities', 'won'] as const).map((step) => [step, drillLink('analytics/campaign-roi', base, filter, { drill: step })]),
  ) as Record<'leads' | 'mqls' | 'sqls' | 'opportunities' | 'won', DrillLink>;
  const total = rows.find((r) => num(r.g_type) === 1);
  const empty = { cost: 0, leads: 0, mqls: 0, sqls: 0, opportunities: 0, pipeline: 0, won_deals: 0, won: 0 };
  return {
    ...rangeOf(scope),
    model,
    total: { ...figuresOf(total ?? empty), drill: roiDrill({ campaignId: opts.campaignId, campaignType: opts.campaignType }) },
    byType: rows.filter((r) => num(r.g_type) === 0 && num(r.g_id) === 1).map((r) => ({
      type: r.type as string, ...figuresOf(r), drill: roiDrill({ campaignType: r.type as string }),
    })),
    campaigns: rows.filter((r) => num(r.g_id) === 0).map((r) => ({
      campaignId: r.id as string, name: r.name as string, type: r.type as string, ...figuresOf(r),
      drill: { ...roiDrill({ campaignId: r.id as string }), cost: drillLink(`campaigns/${r.id as string}/costs`) },
    })),
    alignment: await alignment(scope),
  };
}

/**
 * MQL → SQL alignment [M2L-7]: the leads (filters and visibility apply) that first became MQL in
 * the range, per month of that day, how many of them became SQL and the days between the two.
 */
async function alignment(scope: Scope) {
  const rows = await analyticsRows<Record<string, unknown>>(scope.ctx, sql`
    WITH ${leadMarks(scope)}
    SELECT GROUPING(month) AS g, month, count(*) AS mqls, count(sql_at) AS sqls,
      avg(extract(epoch FROM sql_at - mql_at) / 86400) FILTER (WHERE sql_at IS NOT NULL) AS gap_days
    FROM (
      SELECT m.*, to_char(m.mql_at AT TIME ZONE ${scope.timezone}, 'YYYY-MM') AS month FROM lead_marks m
      WHERE ${instantInRange(scope, sql`m.mql_at`)}
    ) x
    GROUP BY GROUPING SETS ((), (month)) ORDER BY GROUPING(month) DESC, month`);
  const toRow = (r: Record<string, unknown> | undefined) => {
    const mqls = num(r?.mqls);
    const sqls = num(r?.sqls);
    return {
      mqls, sqls, conversion: ratio(sqls, mqls),
      gapDays: r?.gap_days === null || r?.gap_days === undefined ? null : Math.round(num(r.gap_days) * 10) / 10,
    };
  };
  const base = { ...scopeParams(scope), drill: 'alignment' };
  return {
    ...toRow(rows.find((r) => num(r.g) === 1)),
    drill: drillLink('analytics/campaign-roi', base),
    months: rows.filter((r) => num(r.g) === 0).map((r) => ({
      month: r.month as string, ...toRow(r), drill: drillLink('analytics/campaign-roi', base, { month: r.month as string }),
    })),
  };
}

/**
 * The records behind a campaign ROI figure: the credited leads (all, MQL, SQL), the deals of
 * those leads (all, won) with the credit each carries, or the leads that became MQL in the range
 * (`alignment`, optionally of one month) with when they became MQL and SQL. At most DRILL_LIMIT.
 */
export async function campaignRoiDrill(scope: Scope, step: string, opts: RoiOptions & { month?: string } = {}) {
  if (!(ROI_DRILLS as readonly string[]).includes(step)) throw new AppError(400, 'DRILL_STEP_UNKNOWN', { step }, { step });
  const limit = DRILL_LIMIT + 1;
  let rows: Record<string, unknown>[];
  if (step === 'alignment') {
    rows = await analyticsRows(scope.ctx, sql`
      WITH ${leadMarks(scope)}
      SELECT m.id, m.name, m.owner_id, m.status, m.mql_at, m.sql_at FROM lead_marks m
      WHERE ${instantInRange(scope, sql`m.mql_at`)}
        ${opts.month ? sql`AND to_char(m.mql_at AT TIME ZONE ${scope.timezone}, 'YYYY-MM') = ${opts.month}` : sql``}
      ORDER BY m.mql_at, m.id LIMIT ${limit}`);
  } else if (step === 'opportunities' || step === 'won') {
    rows = await analyticsRows(scope.ctx, sql`
      WITH ${attribution(scope, opts)}
      SELECT d.id, d.name, d.owner_id, d.status, d.amount, d.currency, sum(cr.w) AS credit
      FROM credited cr JOIN deals d ON d.lead_id = cr.lead_id
      ${step === 'won' ? sql`WHERE d.status = 'won'` : sql``}
      GROUP BY d.id, d.name, d.owner_id, d.status, d.amount, d.currency, d.created_at
      ORDER BY d.created_at, d.id LIMIT ${limit}`);
  } else {
    const where = step === 'mqls' ? sql`bool_or(cr.mql)` : step === 'sqls' ? sql`bool_or(cr.sql)` : sql`true`;
    rows = await analyticsRows(scope.ctx, sql`
      WITH ${attribution(scope, opts)}
      SELECT co.id, co.name, co.owner_id, co.status, sum(cr.w) AS credit
      FROM credited cr JOIN cohort co ON co.id = cr.lead_id
      GROUP BY co.id, co.name, co.owner_id, co.status, co.created_at HAVING ${where}
      ORDER BY co.created_at, co.id LIMIT ${limit}`);
  }
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return {
    step,
    object: step === 'opportunities' || step === 'won' ? 'opportunities' : 'leads',
    truncated: rows.length > DRILL_LIMIT,
    records: rows.slice(0, DRILL_LIMIT).map((r) => ({
      id: r.id as string,
      name: (r.name as string | null) ?? null,
      ownerId: (r.owner_id as string | null) ?? null,
      status: r.status as string,
      ...(r.amount !== undefined ? { amount: r.amount === null ? null : { amount: amount(r.amount), currency: String(r.currency).trim() } } : {}),
      ...(r.credit !== undefined ? { credit: credit(r.credit) } : {}),
      ...(step === 'alignment' ? { mqlAt: iso(r.mql_at), sqlAt: iso(r.sql_at) } : {}),
    })),
  };
}
