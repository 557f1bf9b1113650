import { sql, type SQL } from 'drizzle-orm';
import { executor, type RequestContext } from '../../platform/access/context.js';
import { ownerWithin, requireLevel } from '../../platform/access/visibility.js';
import { queryRows } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { accountFacts, activityFacts } from '../customers/account-facts.js';
import { amount, analyticsRows, dealsQuery, num, resolveScope, type AnalyticsFilters, type Scope } from './analytics-scope.js';
import { dealsDrill } from './deals.service.js';
import { drillLink, scopeParams } from './drill.js';
import { addDays, todayIn } from './fiscal-periods.js';
import { DRILL_LIMIT } from './funnel.service.js';

/** Days without a done activity after which an account without open deals counts as untapped. */
export const UNTAPPED_DAYS = 90;
const TOP = 10;

/** Which of a rep's accounts a customer figure counts: all, those with open deals, those with won deals, the untapped. */
export const CUSTOMER_SETS = ['all', 'open', 'won', 'untapped'] as const;
export type CustomerSet = (typeof CUSTOMER_SETS)[number];
const IN_SET: Record<CustomerSet, SQL> = { all: sql`true`, open: sql`open_deals > 0`, won: sql`won_deals > 0`, untapped: sql`untapped` };

/** The rep a customer view is about (`ownerId` within the caller's visibility, else the caller) and the scope of their figures. */
export async function repScope(ctx: RequestContext, filters: AnalyticsFilters): Promise<{ ownerId: string; scope: Scope }> {
  const level = requireLevel(ctx, 'analytics', 'read');
  const ownerId = filters.ownerId ?? ctx.actor.userId;
  if (!ownerId || !(await ownerWithin(ctx, level, ownerId))) throw new AppError(403, 'FORBIDDEN');
  return { ownerId, scope: await resolveScope(ctx, { ...filters, teamId: undefined, ownerId }) };
}

/**
 * CTE `marked`: the rep's accounts with the won amount and open pipeline of all their deals, the
 * last done visit or call, and whether they are untapped (no open deal, no done activity for UNTAPPED_DAYS).
 */
function customerCtes(scope: Scope, ownerId: string): SQL {
  const { ctx } = scope;
  const since = addDays(todayIn(scope.timezone), -UNTAPPED_DAYS);
  return sql`
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
}

const accountFigures = (r: Record<string, unknown>) => ({
  accountId: r.id as string, name: r.name as string, industry: (r.industry as string | null) ?? null, region: (r.region as string | null) ?? null,
  won: amount(r.won), wonDeals: num(r.won_deals), openPipeline: amount(r.open_amount), openDeals: num(r.open_deals),
  lastActivityAt: r.last_activity_at ? new Date(r.last_activity_at as string).toISOString() : null,
});

/** The rep's accounts summarised (each count linking to its accounts), the best ones (won amount) and the untapped ones, amounts linking to their deals. */
export async function customersOf(scope: Scope, ownerId: string) {
  const ctes = customerCtes(scope, ownerId);
  const exec = executor(scope.ctx);
  const [[summary], best, untapped] = await Promise.all([
    queryRows<Record<string, unknown>>(exec, sql`WITH ${ctes}
      SELECT count(*) AS accounts, count(*) FILTER (WHERE open_deals > 0) AS with_open_deals, count(*) FILTER (WHERE won_deals > 0) AS won_accounts,
        count(*) FILTER (WHERE untapped) AS untapped, coalesce(sum(won), 0) AS won FROM marked`),
    queryRows<Record<string, unknown>>(exec, sql`WITH ${ctes} SELECT * FROM marked WHERE won_deals > 0 ORDER BY won DESC, name, id LIMIT ${TOP}`),
    queryRows<Record<string, unknown>>(exec, sql`WITH ${ctes} SELECT * FROM marked WHERE untapped ORDER BY last_activity_at NULLS FIRST, name, id LIMIT ${TOP * 5}`),
  ]);
  const account = (r: Record<string, unknown>) => ({
    ...accountFigures(r),
    drill: {
      account: drillLink(`accounts/${r.id as string}`),
      won: dealsDrill(scope, { status: 'won', accountId: r.id as string, dateField: 'any' }),
      openPipeline: dealsDrill(scope, { status: 'open', accountId: r.id as string, dateField: 'any' }),
    },
  });
  const accounts = (set: CustomerSet) => drillLink('analytics/customers', scopeParams(scope), { set });
  return {
    accounts: num(summary?.accounts),
    withOpenDeals: num(summary?.with_open_deals),
    wonAccounts: num(summary?.won_accounts),
    untappedCount: num(summary?.untapped),
    won: amount(summary?.won),
    untappedDays: UNTAPPED_DAYS,
    drill: { accounts: accounts('all'), withOpenDeals: accounts('open'), wonAccounts: accounts('won'), untappedCount: accounts('untapped') },
    best: best.map(account),
    untapped: untapped.map(account),
  };
}

/** The rep's accounts behind a customer count of the rep dashboard, worth most first, at most DRILL_LIMIT. */
export async function customerList(scope: Scope, ownerId: string, set: CustomerSet = 'all') {
  const rows = await analyticsRows<Record<string, unknown>>(scope.ctx, sql`
    WITH ${customerCtes(scope, ownerId)} SELECT * FROM marked WHERE ${IN_SET[set]}
    ORDER BY won + open_amount DESC, name, id LIMIT ${DRILL_LIMIT + 1}`);
  return {
    step: set,
    object: 'accounts',
    truncated: rows.length > DRILL_LIMIT,
    records: rows.slice(0, DRILL_LIMIT).map((r) => {
      const { accountId, ...figures } = accountFigures(r);
      return { id: accountId, ...figures };
    }),
  };
}
