import { sql, type SQL } from 'drizzle-orm';
import { lineItemFacts, stageEntryFacts, stageFacts } from '../opportunities/opportunity-facts.js';
import { amount, analyticsRows, dealsQuery, inRange, num, rangeOf, type Scope } from './analytics-scope.js';
import { drillLink, scopeParams } from './drill.js';
import { DRILL_LIMIT } from './funnel.service.js';

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
/** Which day of a deal the range applies to: its close (expected or actual), its creation, or none. */
export const DEAL_DATE_FIELDS = ['close', 'created', 'any'] as const;
/** Fields a breakdown groups by whose empty value is a row of its own (deals without a region, a team, a loss reason). */
export const DEAL_BLANK_FIELDS = ['region', 'teamId', 'lossReason'] as const;

export interface DealListOptions {
  status?: (typeof DEAL_STATUSES)[number];
  /** One forecast category, or several separated by commas. */
  forecastCategory?: string;
  stageId?: string;
  /** Deals that entered this stage in the range (stage velocity): the range applies to the entry, not to the close. */
  enteredStageId?: string;
  accountId?: string;
  /** The deals booked on this very team, not on the teams below it (the `teamId` filter takes the subtree). */
  dealTeamId?: string;
  lossReason?: string;
  /** Only the deals with no value in this field: the empty row of a breakdown. */
  without?: (typeof DEAL_BLANK_FIELDS)[number];
  /** With the productLineId filter: a deal's amount is its lines' total in that product line (what the forecast per product line sums). */
  lineShare?: boolean;
  dateField?: (typeof DEAL_DATE_FIELDS)[number];
}

const BLANK: Record<(typeof DEAL_BLANK_FIELDS)[number], SQL> = {
  region: sql`d.region IS NULL`, teamId: sql`d.team_id IS NULL`, lossReason: sql`d.loss_reason IS NULL`,
};

function dealConditions(scope: Scope, opts: DealListOptions): SQL[] {
  const { ctx } = scope;
  const conditions: SQL[] = [sql`true`];
  const dateField = opts.dateField ?? 'close';
  if (dateField !== 'any') conditions.push(inRange(scope, dateField === 'close' ? sql`d.close_day` : sql`d.created_day`));
  if (opts.status) conditions.push(sql`d.status = ${opts.status}`);
  if (opts.forecastCategory) {
    conditions.push(sql`d.forecast_category IN (${sql.join(opts.forecastCategory.split(',').map((c) => sql`${c.trim()}`), sql`, `)})`);
  }
  if (opts.stageId) conditions.push(sql`d.stage_id = ${opts.stageId}::uuid`);
  if (opts.enteredStageId) {
    conditions.push(sql`EXISTS (SELECT 1 FROM (${stageEntryFacts(ctx)}) e WHERE e.opportunity_id = d.id AND e.to_stage_id = ${opts.enteredStageId}::uuid
      AND ${inRange(scope, sql`(e.at AT TIME ZONE ${scope.timezone})::date`)})`);
  }
  if (opts.accountId) conditions.push(sql`d.account_id = ${opts.accountId}::uuid`);
  if (opts.dealTeamId) conditions.push(sql`d.team_id = ${opts.dealTeamId}::uuid`);
  if (opts.lossReason) conditions.push(sql`d.loss_reason = ${opts.lossReason}`);
  if (opts.without) conditions.push(BLANK[opts.without]);
  return conditions;
}

/**
 * The deals behind a figure of a dashboard or an analytics table: the deals the caller may see
 * that match the filters and the options, closing (or created) in the range, largest first, at
 * most DRILL_LIMIT.
 */
export async function dealList(scope: Scope, opts: DealListOptions = {}) {
  const productLineId = opts.lineShare ? scope.filters.productLineId : undefined;
  const dealAmount = productLineId
    ? sql`(SELECT sum(li.line_total) FROM (${lineItemFacts(scope.ctx)}) li WHERE li.opportunity_id = d.id AND li.product_line_id = ${productLineId}::uuid)`
    : sql`d.amount`;
  const rows = await analyticsRows<Record<string, unknown>>(scope.ctx, sql`
    WITH deals AS (${dealsQuery(scope)})
    SELECT d.id, d.name, d.owner_id, d.account_id, d.account_name, d.status, d.stage_id, d.forecast_category, ${dealAmount} AS amount, d.currency, d.close_day
    FROM deals d WHERE ${sql.join(dealConditions(scope, opts), sql` AND `)}
    ORDER BY amount DESC NULLS LAST, d.id LIMIT ${DRILL_LIMIT + 1}`);
  return {
    ...rangeOf(scope),
    object: 'opportunities',
    truncated: rows.length > DRILL_LIMIT,
    records: rows.slice(0, DRILL_LIMIT).map((r) => ({
      id: r.id as string,
      name: r.name as string,
      ownerId: (r.owner_id as string | null) ?? null,
      accountId: (r.account_id as string | null) ?? null,
      accountName: (r.account_name as string | null) ?? null,
      status: r.status as string,
      stageId: (r.stage_id as string | null) ?? null,
      forecastCategory: (r.forecast_category as string | null) ?? null,
      amount: r.amount === null ? null : { amount: amount(r.amount), currency: String(r.currency).trim() },
      closeDate: r.close_day ? String(r.close_day).slice(0, 10) : null,
    })),
  };
}

/** What a link to deals narrows: the list's options and the analytics filters (replacing the scope's). */
export type DealDrillFilters = DealListOptions & { ownerId?: string; teamId?: string; region?: string; productLineId?: string };

/** The link to the deals behind a figure, with the scope's filters. */
export const dealsDrill = (scope: Scope, opts: DealDrillFilters = {}) =>
  drillLink('analytics/deals', scopeParams(scope), { ...opts, lineShare: opts.lineShare ? 'true' : undefined });

/**
 * The open pipeline per stage — the team's progress: every open deal the caller may see (filters
 * apply), per stage of each process in order, in total and per owner; count, amount, weighted
 * amount, and how many are overdue (expected close before today).
 */
export async function pipelineByStage(scope: Scope, today: string) {
  const { ctx } = scope;
  const rows = await analyticsRows<Record<string, unknown>>(ctx, sql`
    WITH deals AS (${dealsQuery(scope)}), stages AS (${stageFacts(ctx)}),
    open_deals AS (SELECT d.* FROM deals d WHERE d.status = 'open')
    SELECT GROUPING(d.owner_id) AS g_owner, s.id AS stage_id, s.name, s.process_id, s.stage_order, d.owner_id,
      (SELECT u.name FROM users u WHERE u.tenant_id = ${ctx.tenantId} AND u.id = d.owner_id) AS owner_name,
      count(d.id) AS deals, coalesce(sum(d.amount), 0) AS amount,
      coalesce(round(sum(d.amount * d.probability / 100.0), 2), 0) AS weighted,
      count(d.id) FILTER (WHERE d.close_date < ${today}::date) AS overdue
    FROM stages s LEFT JOIN open_deals d ON d.stage_id = s.id
    WHERE NOT s.is_won AND NOT s.is_lost
    GROUP BY GROUPING SETS ((s.id, s.name, s.process_id, s.stage_order), (s.id, s.name, s.process_id, s.stage_order, d.owner_id))
    HAVING GROUPING(d.owner_id) = 1 OR d.owner_id IS NOT NULL
    ORDER BY s.process_id, s.stage_order, GROUPING(d.owner_id) DESC, owner_name`);
  const figures = (r: Record<string, unknown>, ownerId?: string) => ({
    deals: num(r.deals), amount: amount(r.amount), weighted: amount(r.weighted), overdue: num(r.overdue),
    drill: dealsDrill(scope, { status: 'open', stageId: r.stage_id as string, dateField: 'any', ownerId }),
  });
  return {
    ...rangeOf(scope),
    stages: rows.filter((r) => num(r.g_owner) === 1).map((r) => ({
      stageId: r.stage_id as string, name: r.name as string, processId: r.process_id as string, order: num(r.stage_order), ...figures(r),
      owners: rows.filter((o) => num(o.g_owner) === 0 && o.stage_id === r.stage_id).map((o) => ({
        ownerId: o.owner_id as string, name: (o.owner_name as string | null) ?? null, ...figures(o, o.owner_id as string),
      })),
    })),
  };
}
