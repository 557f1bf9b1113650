import { sql } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { queryRows } from '../../platform/db/client.js';
import { addAmounts, analyticsRows, dealsQuery, inRange, num, rangeOf, resolveScope, subAmounts, type AnalyticsFilters, type Scope } from './analytics-scope.js';
import { behaviour } from './behaviour.service.js';
import { campaignRoi } from './campaign-roi.service.js';
import { customersOf, repScope } from './customers.service.js';
import { pipelineByStage } from './deals.service.js';
import { periodContaining, todayIn } from './fiscal-periods.js';
import { forecast, forecastAccuracy } from './forecast.service.js';
import { funnel } from './funnel.service.js';
import { attainment } from './targets.service.js';

/**
 * The forecast of a period with the accuracy-adjusted call: each top-level team's call is
 * replaced by its accuracy-adjusted forecast (its history's bias) where it has one; deals
 * outside any team count as they are.
 */
async function forecastSummary(scope: Scope) {
  const [current, teams, accuracy] = await Promise.all([forecast(scope, 'owner'), forecast(scope, 'team'), forecastAccuracy(scope)]);
  const roots = new Set((teams.rows as { key: string; parentId: string | null }[]).filter((r) => !r.parentId).map((r) => r.key));
  const adjustment = accuracy.teams
    .filter((t) => roots.has(t.teamId) && t.adjustedForecast !== null)
    .reduce((s, t) => addAmounts(s, subAmounts(t.adjustedForecast!, t.currentCall)), '0.00');
  return {
    ...rangeOf(scope),
    ...current.total,
    accuracyAdjusted: addAmounts(current.total.call, adjustment),
    teams: accuracy.teams.filter((t) => roots.has(t.teamId)).map(({ snapshots: _snapshots, ...t }) => t),
  };
}

const attainmentRows = async (scope: Scope) => (await attainment(scope)).rows;
const forecastRows = async (scope: Scope, groupBy: 'team' | 'region' | 'productLine') => (await forecast(scope, groupBy)).rows;

const yearScope = (ctx: RequestContext, scope: Scope, filters: AnalyticsFilters) =>
  resolveScope(ctx, { ...filters, from: undefined, to: undefined, period: periodContaining(scope.from, 'year', scope.fiscalYearStartMonth).key });

/**
 * Executive dashboard [BI-1]: attainment of the period's targets (teams and reps), results and
 * forecast by region, team and product line, the quarter's and the year's forecast with the
 * accuracy-adjusted call, and the campaigns' ROI. Defaults to the current fiscal quarter.
 */
export async function executiveDashboard(ctx: RequestContext, filters: AnalyticsFilters) {
  const scope = await resolveScope(ctx, filters);
  const year = await yearScope(ctx, scope, filters);
  const [targets, byRegion, byTeam, byProductLine, quarterForecast, yearForecast, roi] = await Promise.all([
    scope.period ? attainmentRows(scope) : Promise.resolve([]),
    forecastRows(scope, 'region'),
    forecastRows(scope, 'team'),
    forecastRows(scope, 'productLine'),
    forecastSummary(scope),
    forecastSummary(year),
    campaignRoi(scope, { model: 'first_touch' }),
  ]);
  return {
    ...rangeOf(scope),
    attainment: { teams: targets.filter((r) => r.teamId), reps: targets.filter((r) => r.ownerId) },
    byRegion,
    byTeam,
    byProductLine,
    forecast: { quarter: quarterForecast, year: yearForecast },
    campaigns: { model: roi.model, total: roi.total, byType: roi.byType },
  };
}

/**
 * Front-line manager dashboard — the weekly review pack [BI-1, OPP-9]: the team's targets and
 * attainment, open pipeline per stage and rep, visits and calls per rep and week, the forecast
 * per rep with the manager's adjustments, and the team's funnel beside the company's. The team
 * is `teamId`, else the caller's own team. Behaviour includes key-account coverage, contacts added and activity targets.
 */
export async function managerDashboard(ctx: RequestContext, filters: AnalyticsFilters) {
  const teamId = filters.teamId ?? (await teamOf(ctx, ctx.actor.userId));
  const scope = await resolveScope(ctx, { ...filters, teamId });
  const today = todayIn(scope.timezone);
  const [targets, pipeline, repBehaviour, owners, funnelResult] = await Promise.all([
    scope.period ? attainmentRows(scope) : Promise.resolve([]),
    pipelineByStage(scope, today),
    behaviour(scope),
    forecast(scope, 'owner'),
    funnel(scope),
  ]);
  return {
    ...rangeOf(scope),
    teamId: teamId ?? null,
    attainment: targets,
    pipeline: pipeline.stages,
    behaviour: repBehaviour,
    forecast: { total: owners.total, reps: owners.rows },
    funnel: funnelResult,
  };
}

async function teamOf(ctx: RequestContext, userId: string | null): Promise<string | undefined> {
  if (!userId) return undefined;
  const [row] = await queryRows<{ team_id: string | null }>(executor(ctx), sql`SELECT team_id FROM users WHERE tenant_id = ${ctx.tenantId} AND id = ${userId}::uuid`);
  return row?.team_id ?? undefined;
}

/**
 * Rep dashboard [BI-1]: the rep's own revenue targets with attainment, funnel, forecast and rank
 * among the peers of their team (by the call: commit + closed), their customers with won amount, open pipeline and last visit or
 * call, the best customers (won amount) and the untapped ones (no open deal and no done activity
 * for UNTAPPED_DAYS). The rep is `ownerId` (within the caller's visibility), else the caller.
 */
export async function repDashboard(ctx: RequestContext, filters: AnalyticsFilters) {
  const { ownerId, scope } = await repScope(ctx, filters);
  const [funnelResult, own, rank, customers, targets] = await Promise.all([
    funnel(scope), forecast(scope, 'owner'), forecastRank(scope, ownerId), customersOf(scope, ownerId),
    scope.period ? attainmentRows(scope) : Promise.resolve([]),
  ]);
  return {
    ...rangeOf(scope),
    ownerId,
    attainment: targets.filter((r) => r.ownerId === ownerId),
    funnel: funnelResult,
    forecast: { ...own.total, ...rank },
    customers,
  };
}

/** The rep's rank (1 = highest call) among the active users of their team, from figures of all their deals; only the rank is shown. */
async function forecastRank(scope: Scope, ownerId: string) {
  const { ctx } = scope;
  const [row] = await analyticsRows<{ rank: unknown; peers: unknown }>(ctx, sql`
    WITH deals AS (${dealsQuery({ ...scope, level: 'all', filters: {} })}),
    peers AS (
      SELECT u.id FROM users u WHERE u.tenant_id = ${ctx.tenantId} AND (u.active OR u.id = ${ownerId}::uuid)
        AND u.team_id IS NOT DISTINCT FROM (SELECT s.team_id FROM users s WHERE s.tenant_id = ${ctx.tenantId} AND s.id = ${ownerId}::uuid)
    ),
    calls AS (
      SELECT p.id, coalesce(sum(d.amount) FILTER (WHERE d.status = 'won' OR d.forecast_category = 'commit'), 0) AS call
      FROM peers p LEFT JOIN deals d ON d.owner_id = p.id AND d.status IN ('open', 'won') AND ${inRange(scope, sql`d.close_day`)}
      GROUP BY p.id
    ),
    ranked AS (SELECT id, rank() OVER (ORDER BY call DESC) AS rank, count(*) OVER () AS peers FROM calls)
    SELECT rank, peers FROM ranked WHERE id = ${ownerId}::uuid`);
  return { rank: row ? num(row.rank) : null, peers: row ? num(row.peers) : 0 };
}
