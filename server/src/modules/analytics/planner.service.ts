import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/context.js';
import { fieldError } from '../../platform/http/errors.js';
import { amount, analyticsRows, dealsQuery, fromMinor, inRange, num, rangeOf, ratio, resolveScope, scaleAmount, toMinor, type AnalyticsFilters, type Scope } from './analytics-scope.js';
import './analytics.messages.js';
import { campaignRoi } from './campaign-roi.service.js';
import { addDays, previousPeriod, todayIn, type FiscalPeriod } from './fiscal-periods.js';
import { leadMarks } from './funnel.service.js';

/** The rates the plan stands on; each is measured unless the caller gives it. */
export interface PlannerAssumptions {
  averageDealSize?: string;
  /** won / (won + lost) */
  winRate?: number;
  /** Deals per SQL. */
  opportunitiesPerSql?: number;
  /** SQLs per MQL. */
  sqlPerMql?: number;
  /** MQLs per lead. */
  mqlPerLead?: number;
  /** Share of the opportunities each campaign type should bring (default: its measured share). */
  mix?: Record<string, number>;
}
type PlannerRate = Exclude<keyof PlannerAssumptions, 'mix'>;

export interface PlannerInput extends AnalyticsFilters {
  /** The period to plan (default: the current fiscal quarter). */
  period?: string;
  /** The revenue to win in it… */
  target?: { amount: string; currency: string };
  /** …or the growth in percent over the won revenue of the period before. */
  growth?: number;
  assumptions?: PlannerAssumptions;
}

/** Funnel totals of a range: the leads created in it (and how many became MQL, SQL, a deal), deals created, closed won and lost, won amount. */
async function funnelTotals(scope: Scope) {
  const [row] = await analyticsRows<Record<string, unknown>>(scope.ctx, sql`
    WITH ${leadMarks(scope, { cohortOnly: true })}, deals AS (${dealsQuery(scope)})
    SELECT
      (SELECT count(*) FROM lead_marks) AS leads,
      (SELECT count(*) FROM lead_marks WHERE mql_at IS NOT NULL) AS mqls,
      (SELECT count(*) FROM lead_marks WHERE sql_at IS NOT NULL) AS sqls,
      (SELECT count(*) FROM deals d WHERE d.lead_id IN (SELECT m.id FROM lead_marks m WHERE m.sql_at IS NOT NULL)) AS sql_deals,
      (SELECT count(*) FROM deals d WHERE ${inRange(scope, sql`d.created_day`)}) AS opportunities,
      (SELECT count(*) FROM deals d WHERE d.status = 'won' AND ${inRange(scope, sql`d.close_day`)}) AS won,
      (SELECT count(*) FROM deals d WHERE d.status = 'lost' AND ${inRange(scope, sql`d.close_day`)}) AS lost,
      (SELECT coalesce(sum(d.amount), 0) FROM deals d WHERE d.status = 'won' AND ${inRange(scope, sql`d.close_day`)}) AS won_amount`);
  return {
    leads: num(row.leads), mqls: num(row.mqls), sqls: num(row.sqls), sqlDeals: num(row.sql_deals), opportunities: num(row.opportunities),
    won: num(row.won), lost: num(row.lost), wonAmount: amount(row.won_amount),
  };
}

const ceilDiv = (n: number, rate: number) => (rate > 0 ? Math.ceil(n / rate - 1e-9) : 0);

/**
 * The funnel planner [M2L-8]: from a revenue target (or growth over the period before) back to
 * the won deals (÷ average deal size), opportunities (÷ win rate), SQLs, MQLs and leads (÷ each
 * conversion) the period needs. The rates are measured over the twelve months before the period
 * (filters and visibility apply) unless the caller overrides them; they come back as the
 * assumptions. Leads are split by campaign type in proportion to the opportunities each type
 * brought (first touch), each at its own lead → opportunity yield and cost per lead. Beside the
 * plan: what the period has actually done so far. A rate without history to measure it does not
 * refuse the plan: the answer has everything measured and the steps below it, and `missing`
 * names the rates the caller must give for the rest.
 */
export async function planFunnel(ctx: RequestContext, input: PlannerInput) {
  if ((input.target === undefined) === (input.growth === undefined)) throw fieldError('target', 'PLANNER_TARGET_REQUIRED');
  const filters: AnalyticsFilters = { teamId: input.teamId, ownerId: input.ownerId, region: input.region, source: input.source, currency: input.target?.currency ?? input.currency };
  const planScope = await resolveScope(ctx, { ...filters, period: input.period });
  const plan = planScope.period!;
  const history = await resolveScope(ctx, { ...filters, from: addDays(plan.start, -365), to: addDays(plan.start, -1) });
  const before: FiscalPeriod = previousPeriod(plan, planScope.fiscalYearStartMonth);
  const baseScope = await resolveScope(ctx, { ...filters, period: before.key });
  const [measured, base, actual, roi] = await Promise.all([funnelTotals(history), funnelTotals(baseScope), funnelTotals(planScope), campaignRoi(history, { model: 'first_touch' })]);

  let target: string;
  if (input.target) {
    if (!/^\d{1,16}(\.\d{1,2})?$/.test(input.target.amount)) throw fieldError('target.amount', 'FIELD_INVALID');
    target = amount(input.target.amount);
  } else {
    target = scaleAmount(base.wonAmount, BigInt(Math.round((100 + input.growth!) * 100)), 10_000n);
  }

  const a = input.assumptions ?? {};
  const measuredRates = {
    averageDealSize: measured.won > 0 ? fromMinor(toMinor(measured.wonAmount) / BigInt(measured.won)) : null,
    winRate: ratio(measured.won, measured.won + measured.lost),
    opportunitiesPerSql: ratio(measured.sqlDeals, measured.sqls),
    sqlPerMql: ratio(measured.sqls, measured.mqls),
    mqlPerLead: ratio(measured.mqls, measured.leads),
  };
  const assumptions = {
    averageDealSize: a.averageDealSize ?? measuredRates.averageDealSize,
    winRate: a.winRate ?? measuredRates.winRate,
    opportunitiesPerSql: a.opportunitiesPerSql ?? measuredRates.opportunitiesPerSql,
    sqlPerMql: a.sqlPerMql ?? measuredRates.sqlPerMql,
    mqlPerLead: a.mqlPerLead ?? measuredRates.mqlPerLead,
  };
  // A rate that cannot be measured (no history) or is zero plans nothing: the steps from it up are left for the caller to give.
  const missing = (Object.keys(assumptions) as PlannerRate[]).filter((name) => {
    const value = assumptions[name];
    if (value === null) return true;
    if (typeof value === 'string') return toMinor(value) <= 0n;
    return value <= 0 || (value > 1 && name !== 'opportunitiesPerSql');
  });
  const known = (name: PlannerRate) => !missing.includes(name);
  const size = known('averageDealSize') ? toMinor(assumptions.averageDealSize!) : 0n;
  const wonDeals = size > 0n ? Number((toMinor(target) + size - 1n) / size) : null;
  const step = (count: number | null, rate: Exclude<PlannerRate, 'averageDealSize'>) => (count === null || !known(rate) ? null : ceilDiv(count, assumptions[rate]!));
  const opportunities = step(wonDeals, 'winRate');
  const sqls = step(opportunities, 'opportunitiesPerSql');
  const mqls = step(sqls, 'sqlPerMql');
  const leads = step(mqls, 'mqlPerLead');

  // Split by campaign type: the share of the opportunities each type brought, at its own yield.
  const types = roi.byType.filter((t) => t.opportunities > 0 && t.leads > 0);
  const brought = types.reduce((s, t) => s + t.opportunities, 0);
  const byCampaignType = types.map((t) => {
    const share = a.mix?.[t.type] ?? t.opportunities / brought;
    const typeOpportunities = opportunities === null ? null : opportunities * share;
    const typeLeads = typeOpportunities === null ? null : Math.ceil(typeOpportunities * (t.leads / t.opportunities) - 1e-9);
    return {
      type: t.type,
      share,
      opportunities: typeOpportunities === null ? null : Math.ceil(typeOpportunities - 1e-9),
      leads: typeLeads,
      leadsPerOpportunity: t.leads / t.opportunities,
      costPerLead: t.costPerLead,
      cost: t.costPerLead && typeLeads !== null ? scaleAmount(t.costPerLead, BigInt(typeLeads), 1n) : null,
    };
  });

  const planned = { revenue: target, wonDeals, opportunities, sqls, mqls, leads };
  const side = (key: keyof typeof planned, done: number | string) => ({
    metric: key, plan: planned[key], actual: done,
    attainment: planned[key] === null ? null : ratio(Number(done), Number(planned[key])),
  });
  return {
    ...rangeOf(planScope),
    basis: { from: rangeOf(history).from, to: rangeOf(history).to, previousPeriod: before.key, previousRevenue: base.wonAmount, growth: input.growth ?? null },
    target,
    assumptions,
    measured: measuredRates,
    /** The assumptions that could not be measured: the plan's steps from each of them up are null until the caller gives them. */
    missing,
    plan: planned,
    byCampaignType,
    versusActual: [
      side('revenue', actual.wonAmount), side('wonDeals', actual.won), side('opportunities', actual.opportunities),
      side('sqls', actual.sqls), side('mqls', actual.mqls), side('leads', actual.leads),
    ],
    asOf: todayIn(planScope.timezone),
  };
}
