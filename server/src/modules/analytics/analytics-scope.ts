import { sql, type SQL } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import type { Level } from '../../platform/access/permissions.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { queryRows } from '../../platform/db/client.js';
import { fieldError } from '../../platform/http/errors.js';
import { getTenantSettings } from '../../platform/tenancy/tenant-settings.service.js';
import { accountFacts } from '../customers/account-facts.js';
import { leadFacts } from '../leads/lead-facts.js';
import { lineItemFacts, opportunityFacts } from '../opportunities/opportunity-facts.js';
import './analytics.messages.js';
import { addDays, parsePeriod, periodContaining, todayIn, type FiscalPeriod } from './fiscal-periods.js';

/** The query parameters every analytics endpoint takes. */
export interface AnalyticsFilters {
  /** First day (YYYY-MM-DD, inclusive); with `to`, instead of `period`. */
  from?: string;
  /** Last day (inclusive). */
  to?: string;
  /** A fiscal period key (FY2025-Q2); default: the current fiscal quarter. */
  period?: string;
  teamId?: string;
  ownerId?: string;
  region?: string;
  productLineId?: string;
  source?: string;
  currency?: string;
}

/** Filters resolved against the tenant: the caller's visibility, the days, the money's currency. */
export interface Scope {
  ctx: RequestContext;
  level: Level;
  timezone: string;
  fiscalYearStartMonth: number;
  currency: string;
  /** First day, inclusive. */
  from: string;
  /** Day after the last, exclusive. */
  to: string;
  period: FiscalPeriod | null;
  filters: AnalyticsFilters;
}

export async function resolveScope(ctx: RequestContext, filters: AnalyticsFilters): Promise<Scope> {
  const level = requireLevel(ctx, 'analytics', 'read');
  const settings = await getTenantSettings(ctx);
  const startMonth = settings.fiscalYearStartMonth;
  let period: FiscalPeriod | null = null;
  let from: string;
  let to: string;
  if (filters.from || filters.to) {
    const today = todayIn(settings.timezone);
    from = filters.from ?? periodContaining(filters.to ?? today, 'quarter', startMonth).start;
    to = addDays(filters.to ?? today, 1);
    if (to <= from) throw fieldError('to', 'RANGE_INVALID');
  } else {
    period = filters.period ? parsePeriod(filters.period, startMonth) : periodContaining(todayIn(settings.timezone), 'quarter', startMonth);
    if (!period) throw fieldError('period', 'PERIOD_INVALID');
    ({ start: from, end: to } = period);
  }
  return {
    ctx, level, timezone: settings.timezone, fiscalYearStartMonth: startMonth,
    currency: (filters.currency ?? settings.currency).toUpperCase(), from, to, period, filters,
  };
}

/** What every answer says about its range: first and last day (inclusive), fiscal period, currency. */
export const rangeOf = (scope: Scope) => ({
  from: scope.from,
  /** Last day, inclusive. */
  to: new Date(new Date(`${scope.to}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10),
  period: scope.period?.key ?? null,
  currency: scope.currency,
});

/** The team and everything below it, by the path the tenancy keeps. */
export const teamSubtree = (ctx: RequestContext, teamId: string | SQL, column: SQL) =>
  sql`${column} IN (SELECT st.id FROM teams st WHERE st.tenant_id = ${ctx.tenantId}
        AND st.path LIKE (SELECT pt.path FROM teams pt WHERE pt.tenant_id = ${ctx.tenantId} AND pt.id = ${teamId}::uuid) || '%')`;

/**
 * The deals the caller may see that match the filters, in the scope's currency, with their
 * close day (the expected close of an open deal; the tenant's day it closed otherwise), the day
 * they were created and their account's region. A CTE body: `WITH deals AS (${dealsQuery(scope)})`.
 */
export function dealsQuery(scope: Scope, opts: { ignoreFilters?: boolean } = {}): SQL {
  const { ctx, filters: f, timezone } = scope;
  const conditions: SQL[] = [sql`d.currency = ${scope.currency}`];
  if (!opts.ignoreFilters) {
    if (f.teamId) conditions.push(teamSubtree(ctx, f.teamId, sql`d.team_id`));
    if (f.ownerId) conditions.push(sql`d.owner_id = ${f.ownerId}::uuid`);
    if (f.region) conditions.push(sql`a.region = ${f.region}`);
    if (f.productLineId) {
      conditions.push(sql`EXISTS (SELECT 1 FROM (${lineItemFacts(ctx)}) li WHERE li.opportunity_id = d.id AND li.product_line_id = ${f.productLineId}::uuid)`);
    }
    if (f.source) conditions.push(sql`d.lead_id IN (SELECT l.id FROM (${leadFacts(ctx, 'all')}) l WHERE l.source = ${f.source})`);
  }
  return sql`SELECT d.*, a.region AS region, a.name AS account_name,
      CASE WHEN d.status = 'open' THEN d.close_date ELSE (d.closed_at AT TIME ZONE ${timezone})::date END AS close_day,
      (d.created_at AT TIME ZONE ${timezone})::date AS created_day
    FROM (${opportunityFacts(ctx, opts.ignoreFilters ? 'all' : scope.level)}) d
    LEFT JOIN (${accountFacts(ctx)}) a ON a.id = d.account_id
    WHERE ${sql.join(conditions, sql` AND `)}`;
}

/** Leads the caller may see that match the filters (team, owner, region, source). */
export function leadsQuery(scope: Scope, opts: { ignoreFilters?: boolean } = {}): SQL {
  const { ctx, filters: f, timezone } = scope;
  const conditions: SQL[] = [sql`true`];
  if (!opts.ignoreFilters) {
    if (f.teamId) conditions.push(teamSubtree(ctx, f.teamId, sql`l.team_id`));
    if (f.ownerId) conditions.push(sql`l.owner_id = ${f.ownerId}::uuid`);
    if (f.region) conditions.push(sql`l.region = ${f.region}`);
    if (f.source) conditions.push(sql`l.source = ${f.source}`);
  }
  return sql`SELECT l.*, (l.created_at AT TIME ZONE ${timezone})::date AS created_day
    FROM (${leadFacts(ctx, opts.ignoreFilters ? 'all' : scope.level)}) l WHERE ${sql.join(conditions, sql` AND `)}`;
}

/** Half-open day range condition on a date column. */
export const inRange = (scope: Scope, column: SQL) => sql`${column} >= ${scope.from}::date AND ${column} < ${scope.to}::date`;
/**
 * The same range on a timestamp column, as instants (the tenant's midnights): the planner
 * estimates it from the column's statistics and may use its index, which it cannot for a local
 * day computed per row (it guessed 200 rows of 70 000 and chose loops and spilling sorts).
 */
export const instantInRange = (scope: Scope, column: SQL) =>
  sql`${column} >= (${scope.from}::date::timestamp AT TIME ZONE ${scope.timezone}) AND ${column} < (${scope.to}::date::timestamp AT TIME ZONE ${scope.timezone})`;

const ANALYTICS_WORK_MEM = '64MB';

/**
 * Rows of an analytics statement. Such statements sort and hash whole cohorts: they get more
 * memory than the server's default for that (spilling to disk cost seconds at scale) and no JIT,
 * whose compile time (about a second at scale) one statement rarely earns back. Both settings
 * are local to the statement's transaction.
 */
export function analyticsRows<T>(ctx: RequestContext, query: SQL): Promise<T[]> {
  return inTransaction(ctx, async (ctx) => {
    await executor(ctx).execute(sql`SELECT set_config('work_mem', ${ANALYTICS_WORK_MEM}, true), set_config('jit', 'off', true)`);
    return queryRows<T>(executor(ctx), query);
  });
}

export const num = (v: unknown) => Number(v ?? 0);
/** A numeric from SQL as a money amount with two decimals. */
export const amount = (v: unknown) => {
  const s = v === null || v === undefined ? '0' : String(v);
  const [int, frac = ''] = s.split('.');
  return `${int}.${frac.padEnd(2, '0').slice(0, 2)}`;
};
export const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

/** A money amount ("-12.3", "4") in integer hundredths. */
export function toMinor(value: string): bigint {
  const [int, frac = ''] = value.trim().split('.');
  const minor = BigInt(int.replace('-', '') || '0') * 100n + BigInt(`${frac}00`.slice(0, 2));
  return int.startsWith('-') ? -minor : minor;
}

export function fromMinor(minor: bigint): string {
  const abs = minor < 0n ? -minor : minor;
  return `${minor < 0n ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

export const addAmounts = (...values: string[]) => fromMinor(values.reduce((s, v) => s + toMinor(v), 0n));
export const subAmounts = (a: string, b: string) => fromMinor(toMinor(a) - toMinor(b));

/** amount × n / d, rounded half away from zero to the hundredth, exactly. */
export function scaleAmount(value: string, n: bigint, d: bigint): string {
  const product = toMinor(value) * n;
  const q = product / d;
  const r = product % d;
  const away = (r < 0n ? -r : r) * 2n >= (d < 0n ? -d : d);
  return fromMinor(away ? q + (product < 0n !== d < 0n ? -1n : 1n) : q);
}
