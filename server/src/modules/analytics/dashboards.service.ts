import { sql } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { requireLevel, ownerWithin } from '../../platform/access/visibility.js';
import { queryRows } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { accountFacts, activityFacts } from '../customers/account-facts.js';
import { addAmounts, amount, dealsQuery, inRange, num, resolveScope, subAmounts, type AnalyticsFilters, type Scope } from './analytics-scope.js';
import { behaviour } from './behaviour.service.js';
import { campaignRoi } from './campaign-roi.service.js';
import { dealsDrill, pipelineByStage } from './deals.service.js';
import { drillLink } from './drill.js';
import { addDays, periodContaining, todayIn } from './fiscal-periods.js';
import { forecast, forecastAccuracy } from './forecast.service.js';
import { funnel } from './funnel.service.js';
import { rangeOf } from './results.service.js';
import { attainment } from './targets.service.js';

/** Days without a done activity after which an account without open deals counts as untapped. */
export const UNTAPPED_DAYS = 90;
const TOP = 10;

interface FigureRow { key: string | null; closed: string; pipeline: string; commit: string; bestCase: string; call: string }

/** The forecast rows of a grouping, each with the links to its won and open deals. */
async function forecastRows(scope: Scope, groupBy: 'team' | 'region' | 'productLine', filterName: 'teamId' | 'region' | 'productLineId') {
  const result = await forecast(scope, groupBy);
  return (result.rows as FigureRow[]).map((r) => ({
    ...r,
    drill: {
      closed: dealsDrill(scope, { status: 'won', [filterName]: r.key ?? undefined }),
      pipeline: dealsDrill(scope, { status: 'open', [filterName]: r.key ?? undefined }),
    },
  }));
}

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
    drill: {
      closed: dealsDrill(scope, { status: 'won' }),
      commit: dealsDrill(scope, { status: 'open', forecastCategory: 'commit' }),
      bestCase: dealsDrill(scope, { status: 'open', forecastCategory: 'best_case' }),
      pipeline: dealsDrill(scope, { status: 'open', forecastCategory: 'pipeline' }),
    },
  };
}

/** Attainment rows with the link to the deals each target counts as won. */
async function attainmentRows(scope: Scope) {
  const result = await attainment(scope);
  return result.rows.map((r) => ({
    ...r,
    drill: {
      won: dealsDrill(scope, { status: 'won', ownerId: r.ownerId ?? undefined, teamId: r.teamId ?? undefined }),
      pipeline: dealsDrill(scope, { status: 'open', ownerId: r.ownerId ?? undefined, teamId: r.teamId ?? undefined }),
    },
  }));
}

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
    forecastRows(scope, 'region', 'region'),
    forecastRows(scope, 'team', 'teamId'),
    forecastRows(scope, 'productLine', 'productLineId'),
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
    forecast: {
      total: owners.total,
      reps: (owners.rows as { key: string }[]).map((r) => ({
        ...r, drill: { closed: dealsDrill(scope, { status: 'won', ownerId: r.key }), pipeline: dealsDrill(scope, { status: 'open', ownerId: r.key }) },
      })),
    },
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
  const level = requireLevel(ctx, 'analytics', 'read');
  const ownerId = filters.ownerId ?? ctx.actor.userId;
  if (!ownerId || !(await ownerWithin(ctx, level, ownerId))) throw new AppError(403, 'FORBIDDEN');
  const scope = await resolveScope(ctx, { ...filters, teamId: undefined, ownerId });
  const since = addDays(todayIn(scope.timezone), -UNTAPPED_DAYS);
  const [funnelResult, own, rank, customers, targets] = await Promise.all([
    funnel(scope), forecast(scope, 'owner'), forecastRank(scope, ownerId), customersOf(scope, ownerId, since),
    scope.period ? attainmentRows(scope) : Promise.resolve([]),
  ]);
  return {
    ...rangeOf(scope),
    ownerId,
    attainment: targets.filter((r) => r.ownerId === ownerId),
    funnel: funnelResult,
    forecast: {
      ...own.total, ...rank,
      drill: { closed: dealsDrill(scope, { status: 'won' }), pipeline: dealsDrill(scope, { status: 'open' }) },
    },
    customers,
  };
}

/** The rep's rank (1 = highest call) among the active users of their team, from figures of all their deals; only the rank is shown. */
async function forecastRank(scope: Scope, ownerId: string) {
  const { ctx } = scope;
  const [row] = await queryRows<{ rank: unknown; peers: unknown }>(executor(ctx), sql`
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

/** The rep's accounts with their deal figures and last done visit or call, summarised, best and untapped. */
async function customersOf(scope: Scope, ownerId: string, since: string) {
  const { ctx } = scope;
  const ctes = sql`
    accts AS (SELECT a.id, a.name, a.industry, a.region FROM (${accountFacts(ctx, scope.level)}) a WHERE a.owner_id = ${ownerId}::uuid),
    deals AS (${dealsQuery({ ...scope, filters: {} })}),
    deal_sums AS (
      SELECT d.account_id, coalesce(sum(d.amount) FILTER (WHERE d.status = 'won'), 0) AS won, count(*) FILTER (WHERE d.status = 'won') AS won_deals,
        coalesce(sum(d.amount) FILTER (WHERE d.status = 'open'), 0) AS open_amount, count(*) FILTER (WHERE d.status = 'open') AS open_deals
      FROM deals d JOIN accts a ON a.id = d.account_id GROUP BY d.account_id
    ),
    last_acts AS (
      SELECT v.account_id, max(v.at) AS last_activity_at FROM (${activityFacts(ctx, 'all')}) v JOIN accts a ON a.id = v.account_id
      WHERE v.status = 'done' GROUP BY v.account_id
    ),
    per_account AS (
      SELECT a.*, coalesce(s.won, 0) AS won, coalesce(s.won_deals, 0) AS won_deals, coalesce(s.open_amount, 0) AS open_amount,
        coalesce(s.open_deals, 0) AS open_deals, l.last_activity_at
      FROM accts a LEFT JOIN deal_sums s ON s.account_id = a.id LEFT JOIN last_acts l ON l.account_id = a.id
    ),
    marked AS (
      SELECT p.*, (p.open_deals = 0 AND (p.last_activity_at IS NULL OR (p.last_activity_at AT TIME ZONE ${scope.timezone})::date < ${since}::date)) AS untapped
      FROM per_account p
    )`;
  const exec = executor(ctx);
  const [summary] = await queryRows<Record<string, unknown>>(exec, sql`WITH ${ctes}
    SELECT count(*) AS accounts, count(*) FILTER (WHERE open_deals > 0) AS with_open_deals, count(*) FILTER (WHERE won_deals > 0) AS won_accounts,
      count(*) FILTER (WHERE untapped) AS untapped, coalesce(sum(won), 0) AS won FROM marked`);
  const [best, untapped] = await Promise.all([
    queryRows<Record<string, unknown>>(exec, sql`WITH ${ctes} SELECT * FROM marked WHERE won_deals > 0 ORDER BY won DESC, name, id LIMIT ${TOP}`),
    queryRows<Record<string, unknown>>(exec, sql`WITH ${ctes} SELECT * FROM marked WHERE untapped ORDER BY last_activity_at NULLS FIRST, name, id LIMIT ${TOP * 5}`),
  ]);
  const account = (r: Record<string, unknown>) => ({
    accountId: r.id as string, name: r.name as string, industry: (r.industry as string | null) ?? null, region: (r.region as string | null) ?? null,
    won: amount(r.won), wonDeals: num(r.won_deals), openPipeline: amount(r.open_amount), openDeals: num(r.open_deals),
    lastActivityAt: r.last_activity_at ? new Date(r.last_activity_at as string).toISOString() : null,
    drill: {
      account: drillLink(`accounts/${r.id as string}`),
      won: dealsDrill(scope, { status: 'won', accountId: r.id as string, dateField: 'any' }),
      openPipeline: dealsDrill(scope, { status: 'open', accountId: r.id as string, dateField: 'any' }),
    },
  });
  return {
    accounts: num(summary?.accounts),
    withOpenDeals: num(summary?.with_open_deals),
    wonAccounts: num(summary?.won_accounts),
    untappedCount: num(summary?.untapped),
    won: amount(summary?.won),
    untappedDays: UNTAPPED_DAYS,
    drill: drillLink('accounts', { 'filter[ownerId]': ownerId }),
    best: best.map(account),
    untapped: untapped.map(account),
  };
}
