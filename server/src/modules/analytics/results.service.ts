import { sql, type SQL } from 'drizzle-orm';
import { lossReasonLabels } from '../opportunities/loss-reasons.service.js';
import { stageEntryFacts, stageFacts } from '../opportunities/opportunity-facts.js';
import { amount, analyticsRows, dealsQuery, inRange, num, rangeOf, ratio, type Scope } from './analytics-scope.js';
import { dealsDrill, type DealDrillFilters } from './deals.service.js';
import type { DrillLink } from './drill.js';

export const RESULT_GROUPS = ['owner', 'team', 'region'] as const;
export type ResultGroup = (typeof RESULT_GROUPS)[number];

export interface WinRateRow {
  key: string | null;
  label: string | null;
  won: number;
  lost: number;
  /** won / (won + lost); null without closed deals. */
  winRate: number | null;
  wonAmount: string;
  lostAmount: string;
  /** Won amount / won deals. */
  averageDealSize: string | null;
  /** Days from creation to close of the won deals, on average. */
  salesCycleDays: number | null;
  /** The won deals (won, wonAmount, average deal size, cycle) and the lost ones (lost, lostAmount). */
  drill: { won: DrillLink; lost: DrillLink };
}

/** The deals of a row: its owner, its very team (rows are per the deal's own team) or region; the empty key is a row too. */
const GROUP_FILTERS: Record<ResultGroup, (key: string | null) => DealDrillFilters> = {
  owner: (key) => ({ ownerId: key ?? undefined }),
  team: (key) => (key ? { dealTeamId: key } : { without: 'teamId' }),
  region: (key) => (key ? { region: key } : { without: 'region' }),
};

const groupColumns = (tenantId: string): Record<ResultGroup, { key: SQL; label: SQL }> => ({
  owner: { key: sql`d.owner_id::text`, label: sql`(SELECT u.name FROM users u WHERE u.tenant_id = ${tenantId} AND u.id = d.owner_id)` },
  team: { key: sql`d.team_id::text`, label: sql`(SELECT t.name FROM teams t WHERE t.tenant_id = ${tenantId} AND t.id = d.team_id)` },
  region: { key: sql`d.region`, label: sql`d.region` },
});

/**
 * Win rate, average deal size and sales-cycle length of the deals closed in the range, in
 * total and per owner, team or region: one aggregate query (GROUPING SETS).
 */
export async function winRates(scope: Scope, groupBy: ResultGroup = 'owner') {
  const g = groupColumns(scope.ctx.tenantId)[groupBy];
  const rows = await analyticsRows<Record<string, unknown>>(scope.ctx, sql`
    WITH deals AS (${dealsQuery(scope)}),
    closed AS (
      SELECT d.*, ${g.key} AS g_key, ${g.label} AS g_label FROM deals d
      WHERE d.status IN ('won', 'lost') AND ${inRange(scope, sql`d.close_day`)}
    )
    SELECT GROUPING(g_key) AS total, g_key, min(g_label) AS g_label,
      count(*) FILTER (WHERE status = 'won') AS won,
      count(*) FILTER (WHERE status = 'lost') AS lost,
      coalesce(sum(amount) FILTER (WHERE status = 'won'), 0) AS won_amount,
      coalesce(sum(amount) FILTER (WHERE status = 'lost'), 0) AS lost_amount,
      round(avg(amount) FILTER (WHERE status = 'won' AND amount IS NOT NULL), 2) AS avg_size,
      avg(extract(epoch FROM closed_at - created_at) / 86400) FILTER (WHERE status = 'won') AS cycle_days
    FROM closed
    GROUP BY GROUPING SETS ((), (g_key))
    ORDER BY GROUPING(g_key) DESC, coalesce(sum(amount) FILTER (WHERE status = 'won'), 0) DESC, g_key`);
  const toRow = (r: Record<string, unknown>, filters: DealDrillFilters): WinRateRow => {
    const won = num(r.won);
    const lost = num(r.lost);
    return {
      key: (r.g_key as string | null) ?? null,
      label: (r.g_label as string | null) ?? null,
      won,
      lost,
      winRate: ratio(won, won + lost),
      wonAmount: amount(r.won_amount),
      lostAmount: amount(r.lost_amount),
      averageDealSize: r.avg_size === null || r.avg_size === undefined ? null : amount(r.avg_size),
      salesCycleDays: r.cycle_days === null || r.cycle_days === undefined ? null : Math.round(num(r.cycle_days) * 10) / 10,
      drill: { won: dealsDrill(scope, { ...filters, status: 'won' }), lost: dealsDrill(scope, { ...filters, status: 'lost' }) },
    };
  };
  const total = rows.find((r) => num(r.total) === 1);
  return {
    ...rangeOf(scope),
    groupBy,
    total: toRow(total ?? { won: 0, lost: 0, won_amount: 0, lost_amount: 0, avg_size: null, cycle_days: null }, {}),
    rows: rows.filter((r) => num(r.total) === 0).map((r) => toRow(r, GROUP_FILTERS[groupBy]((r.g_key as string | null) ?? null))),
  };
}

/**
 * Stage velocity: how long deals stay in each stage (entered in the range, left since), how
 * many left it forward, back or by closing, and how many are still in it; per stage of every
 * process, in process order. Times come from the stage history with a window function.
 */
export async function velocity(scope: Scope) {
  const ctx = scope.ctx;
  const rows = await analyticsRows<Record<string, unknown>>(ctx, sql`
    WITH deals AS (${dealsQuery(scope)}),
    entries AS (
      SELECT e.opportunity_id, e.to_stage_id, e.at,
        lead(e.at) OVER w AS left_at, lead(e.to_stage_id) OVER w AS next_stage_id
      FROM (${stageEntryFacts(ctx)}) e JOIN deals d ON d.id = e.opportunity_id
      WINDOW w AS (PARTITION BY e.opportunity_id ORDER BY e.at, e.id)
    ),
    stages AS (${stageFacts(ctx)})
    SELECT s.id AS stage_id, s.name, s.process_id, s.stage_order,
      count(x.at) AS entered,
      count(x.left_at) AS exited,
      count(x.at) FILTER (WHERE x.left_at IS NULL) AS still_in,
      count(x.left_at) FILTER (WHERE ns.stage_order > s.stage_order AND NOT ns.is_lost) AS advanced,
      count(x.left_at) FILTER (WHERE ns.is_lost) AS lost,
      avg(extract(epoch FROM x.left_at - x.at) / 86400) AS avg_days,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM x.left_at - x.at) / 86400) AS median_days
    FROM stages s
    LEFT JOIN entries x ON x.to_stage_id = s.id AND ${inRange(scope, sql`(x.at AT TIME ZONE ${scope.timezone})::date`)}
    LEFT JOIN stages ns ON ns.id = x.next_stage_id
    WHERE NOT s.is_won AND NOT s.is_lost
    GROUP BY s.id, s.name, s.process_id, s.stage_order
    ORDER BY s.process_id, s.stage_order`);
  const cycle = await winRates(scope, 'owner');
  const days = (v: unknown) => (v === null || v === undefined ? null : Math.round(num(v) * 10) / 10);
  return {
    ...rangeOf(scope),
    salesCycleDays: cycle.total.salesCycleDays,
    stages: rows.map((r) => ({
      stageId: r.stage_id as string,
      name: r.name as string,
      processId: r.process_id as string,
      order: num(r.stage_order),
      entered: num(r.entered),
      exited: num(r.exited),
      stillIn: num(r.still_in),
      advanced: num(r.advanced),
      lost: num(r.lost),
      averageDays: days(r.avg_days),
      medianDays: days(r.median_days),
      /** The deals that entered the stage in the range (a deal that entered twice is listed once). */
      drill: { entered: dealsDrill(scope, { enteredStageId: r.stage_id as string, dateField: 'any' }) },
    })),
  };
}

/** Deals lost in the range by reason (the tenant's picklist, labelled in the caller's language), with amounts and shares. */
export async function lossReasons(scope: Scope) {
  const ctx = scope.ctx;
  const rows = await analyticsRows<{ reason: string | null; n: unknown; amt: unknown }>(ctx, sql`
    WITH deals AS (${dealsQuery(scope)})
    SELECT d.loss_reason AS reason, count(*) AS n, coalesce(sum(d.amount), 0) AS amt
    FROM deals d WHERE d.status = 'lost' AND ${inRange(scope, sql`d.close_day`)}
    GROUP BY d.loss_reason ORDER BY count(*) DESC, d.loss_reason`);
  const labels = await lossReasonLabels(ctx);
  const total = rows.reduce((s, r) => s + num(r.n), 0);
  return {
    ...rangeOf(scope),
    lost: total,
    reasons: rows.map((r) => ({
      reason: r.reason,
      label: r.reason ? (labels.get(r.reason)?.[ctx.locale] ?? r.reason) : null,
      count: num(r.n),
      share: ratio(num(r.n), total),
      amount: amount(r.amt),
      drill: dealsDrill(scope, { status: 'lost', ...(r.reason ? { lossReason: r.reason } : { without: 'lossReason' }) }),
    })),
  };
}
