import { sql, type SQL } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { ownerWithin } from '../../platform/access/visibility.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { uuidv7 } from '../../platform/db/ids.js';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { getTenantSettings } from '../../platform/tenancy/tenant-settings.service.js';
import { productLineFacts } from '../catalog/product-line-facts.js';
import { lineItemFacts } from '../opportunities/opportunity-facts.js';
import { FORECAST_CATEGORIES } from '../opportunities/probability.js';
import { addAmounts, amount, analyticsRows, dealsQuery, num, rangeOf, ratio, resolveScope, scaleAmount, subAmounts, toMinor, type Scope } from './analytics-scope.js';
import './analytics.messages.js';
import { forecastAdjustments, forecastSnapshotRows, forecastSnapshots } from './analytics.schema.js';
import { dealsDrill, type DealDrillFilters } from './deals.service.js';
import { periodContaining, todayIn } from './fiscal-periods.js';

export const FORECAST_GROUPS = ['owner', 'team', 'region', 'productLine'] as const;
export type ForecastGroup = (typeof FORECAST_GROUPS)[number];
export const ADJUSTABLE_CATEGORIES = ['commit', 'best_case'] as const;

/**
 * Per open deal closing in the period and per deal won in it: its amounts by category. Rows are
 * one per deal except in the product-line split, which counts its open deals DISTINCT (a sort
 * the other groupings need not pay for).
 */
const figureColumns = (openDeals: SQL) => sql`
  coalesce(sum(x.amount) FILTER (WHERE x.status = 'open' AND x.forecast_category = 'pipeline'), 0) AS pipeline,
  coalesce(sum(x.amount) FILTER (WHERE x.status = 'open' AND x.forecast_category = 'best_case'), 0) AS best_case,
  coalesce(sum(x.amount) FILTER (WHERE x.status = 'open' AND x.forecast_category = 'commit'), 0) AS commit,
  coalesce(sum(x.amount) FILTER (WHERE x.status = 'won'), 0) AS closed,
  coalesce(round(sum(x.amount * x.probability / 100.0) FILTER (WHERE x.status = 'open' AND x.forecast_category <> 'omitted'), 2), 0) AS weighted,
  ${openDeals} FILTER (WHERE x.status = 'open' AND x.forecast_category <> 'omitted') AS open_deals`;
const FIGURES = figureColumns(sql`count(x.id)`);
const SPLIT_FIGURES = figureColumns(sql`count(DISTINCT x.id)`);
/** FIGURES per team with the weighted pipeline unrounded, so sums of teams round as a sum of deals would. */
const TEAM_SUMS = sql`
  sum(x.amount) FILTER (WHERE x.status = 'open' AND x.forecast_category = 'pipeline') AS pipeline,
  sum(x.amount) FILTER (WHERE x.status = 'open' AND x.forecast_category = 'best_case') AS best_case,
  sum(x.amount) FILTER (WHERE x.status = 'open' AND x.forecast_category = 'commit') AS commit,
  sum(x.amount) FILTER (WHERE x.status = 'won') AS closed,
  sum(x.amount * x.probability / 100.0) FILTER (WHERE x.status = 'open' AND x.forecast_category <> 'omitted') AS weighted,
  count(x.id) FILTER (WHERE x.status = 'open' AND x.forecast_category <> 'omitted') AS open_deals`;
/** FIGURES over TEAM_SUMS rows. */
const ROLLED_UP = sql`
  coalesce(sum(x.pipeline), 0) AS pipeline, coalesce(sum(x.best_case), 0) AS best_case, coalesce(sum(x.commit), 0) AS commit,
  coalesce(sum(x.closed), 0) AS closed, coalesce(round(sum(x.weighted), 2), 0) AS weighted, coalesce(sum(x.open_deals), 0) AS open_deals`;

/**
 * The deals of the forecast: open ones expected to close in the range and those won in it. Only
 * the columns the figures group by: without the region the planner drops the join to accounts.
 */
function forecastDeals(scope: Scope, withRegion = false): SQL {
  return sql`deals AS (${dealsQuery(scope)}),
    fdeals AS (
      SELECT d.id, d.owner_id, d.team_id, ${withRegion ? sql`d.region,` : sql``} d.status, d.forecast_category, d.amount, d.probability
      FROM deals d WHERE d.status IN ('open', 'won') AND d.close_day >= ${scope.from}::date AND d.close_day < ${scope.to}::date
    )`;
}

/** The categories the weighted pipeline and the open-deal count take: all but omitted. */
const WEIGHTED_CATEGORIES = FORECAST_CATEGORIES.filter((c) => c !== 'omitted').join(',');

/**
 * The deals behind each figure of a forecast row (FIGURES): the open ones of each category, the
 * won ones, and the open ones the weighted pipeline and the open-deal count take.
 */
export function forecastDrills(scope: Scope, filters: DealDrillFilters) {
  const open = (forecastCategory: string) => dealsDrill(scope, { ...filters, status: 'open', forecastCategory });
  const weighted = open(WEIGHTED_CATEGORIES);
  return {
    pipeline: open('pipeline'), bestCase: open('best_case'), commit: open('commit'),
    closed: dealsDrill(scope, { ...filters, status: 'won' }), weighted, openDeals: weighted,
  };
}

/**
 * The filters of a team row's deals: the team's subtree, narrowed to the filtered team when the
 * row is one of its ancestors (the row then counts only the filtered team's deals).
 */
function teamRowFilter(scope: Scope, teamId: string, pathOf: Map<string, string>): DealDrillFilters {
  const filtered = scope.filters.teamId;
  const rowPath = pathOf.get(teamId);
  const ancestor = filtered !== undefined && rowPath !== undefined && (pathOf.get(filtered) ?? '').startsWith(rowPath);
  return { teamId: ancestor ? filtered : teamId };
}

interface Figures { pipeline: string; bestCase: string; commit: string; closed: string; weighted: string; openDeals: number }
const figures = (r: Record<string, unknown>): Figures => ({
  pipeline: amount(r.pipeline), bestCase: amount(r.best_case), commit: amount(r.commit), closed: amount(r.closed),
  weighted: amount(r.weighted), openDeals: num(r.open_deals),
});

/** The latest adjustment per subordinate and category for the period, with the figure it replaced. */
async function adjustmentsOf(ctx: RequestContext, periodKey: string, currency: string) {
  const rows = await analyticsRows<Record<string, unknown>>(ctx, sql`
    SELECT DISTINCT ON (a.subject_id, a.category) a.id, a.subject_id, a.category, a.original_amount, a.adjusted_amount, a.note,
      a.adjusted_by_id, (SELECT u.name FROM users u WHERE u.tenant_id = a.tenant_id AND u.id = a.adjusted_by_id) AS adjusted_by_name, a.created_at
    FROM ${forecastAdjustments} a
    WHERE a.tenant_id = ${ctx.tenantId} AND a.period_key = ${periodKey} AND a.currency = ${currency}
    ORDER BY a.subject_id, a.category, a.created_at DESC, a.id DESC`);
  const map = new Map<string, Record<string, { id: string; original: string; adjusted: string; note: string; adjustedById: string; adjustedByName: string | null; at: string }>>();
  for (const r of rows) {
    const entry = map.get(r.subject_id as string) ?? {};
    entry[r.category as string] = {
      id: r.id as string, original: amount(r.original_amount), adjusted: amount(r.adjusted_amount), note: r.note as string,
      adjustedById: r.adjusted_by_id as string, adjustedByName: (r.adjusted_by_name as string | null) ?? null,
      at: new Date(r.created_at as string).toISOString(),
    };
    map.set(r.subject_id as string, entry);
  }
  return map;
}

/** Per owner: figures, and the call (commit + closed) after the latest adjustments (read here unless given). */
async function ownerForecast(scope: Scope, given?: Awaited<ReturnType<typeof adjustmentsOf>>) {
  const rows = await analyticsRows<Record<string, unknown>>(scope.ctx, sql`
    WITH ${forecastDeals(scope)}
    SELECT x.owner_id AS key, min(x.team_id::text) AS team_id,
      (SELECT u.name FROM users u WHERE u.tenant_id = ${scope.ctx.tenantId} AND u.id = x.owner_id) AS label, ${FIGURES}
    FROM fdeals x GROUP BY x.owner_id ORDER BY x.owner_id`);
  const adjustments = given ?? (scope.period ? await adjustmentsOf(scope.ctx, scope.period.key, scope.currency) : new Map());
  return rows.map((r) => {
    const f = figures(r);
    const adj = adjustments.get(r.key as string) ?? {};
    const commit = adj.commit?.adjusted ?? f.commit;
    const bestCase = adj.best_case?.adjusted ?? f.bestCase;
    return {
      key: r.key as string, label: (r.label as string | null) ?? null, teamId: (r.team_id as string | null) ?? null, ...f,
      call: addAmounts(f.commit, f.closed),
      adjusted: { commit, bestCase, call: addAmounts(commit, f.closed), adjustments: adj },
    };
  });
}

/**
 * The forecast of the period: per owner (with managers' adjustments beside the rep's own
 * figures), per team rolled up the hierarchy (a team counts its subtree's deals), per region
 * or per product line (line items split a deal's amount across lines). Categories pipeline,
 * best case, commit (open deals closing in the period), closed (won in it), the weighted
 * pipeline (amount × probability) and the call (commit + closed).
 */
export async function forecast(scope: Scope, groupBy: ForecastGroup = 'owner') {
  const { ctx } = scope;
  // The team roll-up reads its total in its own statement.
  const totalRows = groupBy === 'team' ? [] : await analyticsRows<Record<string, unknown>>(ctx, sql`WITH ${forecastDeals(scope)} SELECT ${FIGURES} FROM fdeals x`);
  let total = figures(totalRows[0] ?? {});
  let rows: unknown[];
  if (groupBy === 'owner') {
    rows = (await ownerForecast(scope)).map((r) => ({ ...r, drill: forecastDrills(scope, { ownerId: r.key }) }));
  } else if (groupBy === 'team') {
    // One statement: the deals summed per team once, then each team adds up its subtree's sums
    // (path prefix) - never a row per deal and ancestor - and the company total comes first.
    const [totalRow, ...teamRows] = await analyticsRows<Record<string, unknown>>(ctx, sql`
      WITH ${forecastDeals(scope)},
      per_team AS (SELECT x.team_id, ${TEAM_SUMS} FROM fdeals x GROUP BY x.team_id)
      SELECT t.id AS key, t.name AS label, t.parent_id, t.path, ${ROLLED_UP}
      FROM teams t JOIN teams sub ON sub.tenant_id = t.tenant_id AND sub.path LIKE t.path || '%' JOIN per_team x ON x.team_id = sub.id
      WHERE t.tenant_id = ${ctx.tenantId}
      GROUP BY t.id, t.name, t.parent_id, t.path
      UNION ALL SELECT NULL, NULL, NULL, NULL, ${ROLLED_UP} FROM per_team x
      ORDER BY path NULLS FIRST`);
    total = figures(totalRow);
    // Owners' own figures matter only where a manager adjusted someone's commit for the period.
    const adjustments = scope.period ? await adjustmentsOf(ctx, scope.period.key, scope.currency) : new Map();
    const owners = adjustments.size ? await ownerForecast(scope, adjustments) : [];
    const pathOf = new Map(teamRows.map((r) => [r.key as string, r.path as string]));
    rows = teamRows.map((r) => {
      const f = figures(r);
      const prefix = pathOf.get(r.key as string) ?? '';
      const inTeam = owners.filter((o) => o.teamId && (pathOf.get(o.teamId) ?? '').startsWith(prefix));
      const adjustedCommit = inTeam.reduce((s, o) => addAmounts(s, o.adjusted.commit), '0.00');
      const ownCommit = inTeam.reduce((s, o) => addAmounts(s, o.commit), '0.00');
      return {
        key: r.key, label: r.label, parentId: r.parent_id ?? null, ...f,
        call: addAmounts(f.commit, f.closed),
        // Adjustments move a rep's commit; the team's call moves by the same difference.
        adjusted: { call: addAmounts(f.commit, f.closed, subAmounts(adjustedCommit, ownCommit)) },
        drill: forecastDrills(scope, teamRowFilter(scope, r.key as string, pathOf)),
      };
    });
  } else if (groupBy === 'region') {
    rows = (await analyticsRows<Record<string, unknown>>(ctx, sql`
      WITH ${forecastDeals(scope, true)} SELECT x.region AS key, x.region AS label, ${FIGURES} FROM fdeals x GROUP BY x.region ORDER BY x.region`))
      .map((r) => ({
        key: r.key ?? null, label: r.label ?? null, ...figures(r), call: addAmounts(amount(r.commit), amount(r.closed)),
        drill: forecastDrills(scope, r.key ? { region: r.key as string } : { without: 'region' }),
      }));
  } else {
    const filtered = scope.filters.productLineId;
    rows = (await analyticsRows<Record<string, unknown>>(ctx, sql`
      WITH ${forecastDeals(scope)},
      split AS (
        SELECT f.id, f.status, f.forecast_category, f.probability, li.product_line_id, coalesce(li.line_total, f.amount) AS amount
        FROM fdeals f LEFT JOIN (${lineItemFacts(ctx)}) li ON li.opportunity_id = f.id
      )
      SELECT x.product_line_id AS key, (SELECT pl.name FROM (${productLineFacts(ctx)}) pl WHERE pl.id = x.product_line_id) AS label, ${SPLIT_FIGURES}
      FROM split x GROUP BY x.product_line_id ORDER BY x.product_line_id`))
      .map((r) => ({
        key: r.key ?? null, label: r.label ?? null, ...figures(r), call: addAmounts(amount(r.commit), amount(r.closed)),
        // A line's share of its deal; deals without lines, and other lines of deals of a filtered line, have no list of their own.
        drill: r.key && (!filtered || filtered === r.key) ? forecastDrills(scope, { productLineId: r.key as string, lineShare: true }) : undefined,
      }));
  }
  return { ...rangeOf(scope), groupBy, total: { ...total, call: addAmounts(total.commit, total.closed), drill: forecastDrills(scope, {}) }, rows };
}

export interface AdjustmentInput {
  subjectId: string;
  period?: string;
  category: (typeof ADJUSTABLE_CATEGORIES)[number];
  amount: { amount: string; currency: string };
  note: string;
}

/**
 * A manager sets a subordinate's commit or best case for a period, with a note; the rep's own
 * figure at that moment is kept beside it, and earlier adjustments stay as history. Only for
 * people in the caller's team subtree (an executive: anyone), never for oneself.
 */
export async function adjustForecast(ctx: RequestContext, input: AdjustmentInput) {
  const scope = await resolveScope(ctx, { period: input.period, ownerId: input.subjectId, currency: input.amount.currency });
  const note = input.note?.trim();
  if (!note) throw fieldError('note', 'ADJUSTMENT_NOTE_REQUIRED');
  if (!/^\d{1,16}(\.\d{1,2})?$/.test(input.amount.amount)) throw fieldError('amount.amount', 'FIELD_INVALID');
  const subordinate = scope.level !== 'own' && input.subjectId !== ctx.actor.userId && (await ownerWithin(ctx, scope.level, input.subjectId));
  if (!subordinate) throw new AppError(403, 'ADJUSTMENT_NOT_SUBORDINATE');
  const [own] = await ownerForecast(scope);
  const original = own ? (input.category === 'commit' ? own.commit : own.bestCase) : '0.00';
  return inTransaction(ctx, async (ctx) => {
    const id = uuidv7();
    await executor(ctx).insert(forecastAdjustments).values({
      tenantId: ctx.tenantId, id, subjectId: input.subjectId, periodKey: scope.period!.key, category: input.category,
      currency: scope.currency, originalAmount: original, adjustedAmount: input.amount.amount, note, adjustedById: ctx.actor.userId!,
    });
    await appendAudit(ctx, {
      action: 'forecast_adjust', object: 'analytics', recordId: id,
      changes: { [`${input.category}:${scope.period!.key}`]: { before: original, after: input.amount.amount }, note: { before: null, after: note } },
    });
    return { id, subjectId: input.subjectId, period: scope.period!.key, category: input.category, currency: scope.currency, original, adjusted: amount(input.amount.amount), note };
  });
}

// --- Snapshots and accuracy ---

/**
 * Keeps the current quarter's forecast per rep as it stands today (one snapshot per tenant,
 * period and day; taking it again the same day replaces it). The weekly job calls it.
 */
export async function takeForecastSnapshot(ctx: RequestContext): Promise<{ id: string; period: string; rows: number }> {
  const settings = await getTenantSettings(ctx);
  const day = todayIn(settings.timezone);
  const period = periodContaining(day, 'quarter', settings.fiscalYearStartMonth);
  const currencies = await analyticsRows<{ currency: string }>(ctx, sql`
    SELECT DISTINCT d.currency FROM (${dealsQuery(await resolveScope(ctx, { period: period.key }), { ignoreFilters: true })}) d`);
  return inTransaction(ctx, async (ctx) => {
    await executor(ctx).execute(sql`DELETE FROM ${forecastSnapshots} WHERE tenant_id = ${ctx.tenantId} AND period_key = ${period.key} AND day = ${day}::date`);
    const id = uuidv7();
    await executor(ctx).insert(forecastSnapshots).values({
      tenantId: ctx.tenantId, id, takenAt: new Date(), day, periodKey: period.key, periodStart: period.start, periodEnd: period.end,
    });
    let count = 0;
    for (const { currency } of currencies) {
      const scope = await resolveScope(ctx, { period: period.key, currency: currency.trim() });
      const owners = await ownerForecast({ ...scope, level: 'all' });
      if (owners.length === 0) continue;
      await executor(ctx).insert(forecastSnapshotRows).values(owners.map((o) => ({
        tenantId: ctx.tenantId, snapshotId: id, ownerId: o.key, teamId: o.teamId, currency: scope.currency,
        pipeline: o.pipeline, bestCase: o.bestCase, commit: o.commit, closed: o.closed, weighted: o.weighted, adjustedCall: o.adjusted.call,
      })));
      count += owners.length;
    }
    return { id, period: period.key, rows: count };
  });
}

/**
 * Forecast accuracy per team from the snapshots: for each snapshot of a period, the call then
 * (commit + closed, after adjustments) beside what the team actually won in that period; the
 * error |actual − call| / actual; the team's bias (Σ actual / Σ call over its finished periods);
 * and today's call multiplied by that bias — the accuracy-adjusted forecast.
 */
export async function forecastAccuracy(scope: Scope) {
  const { ctx } = scope;
  const rows = await analyticsRows<Record<string, unknown>>(ctx, sql`
    WITH deals AS (${dealsQuery({ ...scope, filters: { ...scope.filters, teamId: undefined } })}),
    snaps AS (SELECT * FROM ${forecastSnapshots} s WHERE s.tenant_id = ${ctx.tenantId} AND s.period_end > ${scope.from}::date AND s.period_start < ${scope.to}::date),
    team_list AS (
      SELECT t.id, t.name, t.path FROM teams t WHERE t.tenant_id = ${ctx.tenantId}
        ${scope.filters.teamId ? sql`AND t.id = ${scope.filters.teamId}::uuid` : sql``}
    ),
    calls AS (
      SELECT tl.id AS team_id, s.id AS snapshot_id, s.day, s.period_key, s.period_start, s.period_end,
        sum(coalesce(r.adjusted_call, r.commit + r.closed)) AS call, sum(r.weighted + r.closed) AS weighted_call
      FROM team_list tl CROSS JOIN snaps s
      JOIN ${forecastSnapshotRows} r ON r.tenant_id = s.tenant_id AND r.snapshot_id = s.id AND r.currency = ${scope.currency}
        AND r.team_id IN (SELECT st.id FROM teams st WHERE st.tenant_id = ${ctx.tenantId} AND st.path LIKE tl.path || '%')
      GROUP BY tl.id, s.id, s.day, s.period_key, s.period_start, s.period_end
    )
    SELECT c.*, tl.name AS team_name,
      (SELECT coalesce(sum(d.amount), 0) FROM deals d WHERE d.status = 'won' AND d.close_day >= c.period_start AND d.close_day < c.period_end
         AND d.team_id IN (SELECT st.id FROM teams st WHERE st.tenant_id = ${ctx.tenantId} AND st.path LIKE tl.path || '%')) AS actual
    FROM calls c JOIN team_list tl ON tl.id = c.team_id
    ORDER BY tl.path, c.period_start, c.day`);
  const today = todayIn(scope.timezone);
  const teams = new Map<string, { teamId: string; name: string; snapshots: unknown[]; sumActual: bigint; sumCall: bigint; sumAbsError: bigint }>();
  for (const r of rows) {
    const team = teams.get(r.team_id as string) ?? { teamId: r.team_id as string, name: r.team_name as string, snapshots: [], sumActual: 0n, sumCall: 0n, sumAbsError: 0n };
    const call = toMinor(amount(r.call));
    const actual = toMinor(amount(r.actual));
    const absError = actual > call ? actual - call : call - actual;
    const complete = String(r.period_end) <= today;
    if (complete) {
      team.sumActual += actual;
      team.sumCall += call;
      team.sumAbsError += absError;
    }
    team.snapshots.push({
      snapshotId: r.snapshot_id, day: String(r.day).slice(0, 10), period: r.period_key, complete,
      call: amount(r.call), weightedCall: amount(r.weighted_call), actual: amount(r.actual),
      error: actual > 0n ? Number(absError) / Number(actual) : null,
    });
    teams.set(r.team_id as string, team);
  }
  const current = await forecast(scope, 'team');
  const callNow = new Map((current.rows as { key: string; call: string }[]).map((r) => [r.key, r.call]));
  return {
    ...rangeOf(scope),
    teams: [...teams.values()].map((t) => {
      const bias = ratio(Number(t.sumActual), Number(t.sumCall));
      const now = callNow.get(t.teamId) ?? '0.00';
      return {
        teamId: t.teamId,
        name: t.name,
        /** 1 − Σ|actual − call| / Σ actual over finished periods. */
        accuracy: t.sumActual > 0n ? Math.max(0, 1 - Number(t.sumAbsError) / Number(t.sumActual)) : null,
        bias,
        currentCall: now,
        adjustedForecast: t.sumCall > 0n ? scaleAmount(now, t.sumActual, t.sumCall) : null,
        snapshots: t.snapshots,
      };
    }),
  };
}
