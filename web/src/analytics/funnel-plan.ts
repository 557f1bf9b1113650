import type { CampaignRoi, Funnel } from '../api/analytics';

/**
 * The funnel planner (M2L-8): from a revenue target back to the won deals, opportunities, SQLs,
 * MQLs and leads it takes, with conversion rates a person may edit (they start as measured in a
 * reference period), and the leads split by campaign type in proportion to what each type
 * yielded. Amounts stay decimal strings; counts are rounded up (half a deal is not a deal).
 */
export interface PlanAssumptions {
  /** Average won deal, a decimal amount. */
  averageDeal: string;
  leadToMql: number;
  mqlToSql: number;
  sqlToOpportunity: number;
  opportunityToWon: number;
}

export const PLAN_STEPS = ['leads', 'mqls', 'sqls', 'opportunities', 'wonDeals'] as const;
export type PlanStep = (typeof PLAN_STEPS)[number];

export interface Plan {
  target: string;
  /** What each step must reach; null when a rate on the way is zero (no plan can be made). */
  needed: Record<PlanStep, number | null>;
}

/** A decimal amount ("1234.5") in integer hundredths. */
function minor(amount: string): bigint | null {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) return null;
  const value = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -value : value;
}

const fromMinor = (v: bigint) => `${v / 100n}.${(v % 100n).toString().padStart(2, '0')}`;

/** base × (1 + growth %), to the cent (half up); the growth may be negative. */
export function grownTarget(base: string, growthPercent: number): string | null {
  const b = minor(base);
  if (b === null || !Number.isFinite(growthPercent)) return null;
  // Percent with up to two decimals as an integer of hundredths of a percent: exact.
  const bp = BigInt(Math.round(growthPercent * 100));
  const scaled = b * (10000n + bp);
  const result = (scaled + 5000n) / 10000n;
  return result < 0n ? '0.00' : fromMinor(result);
}

const up = (value: number, rate: number) => (rate > 0 ? Math.ceil(value / rate - 1e-9) : null);

/** Back from the target through the funnel: won deals = ⌈target / average deal⌉, then each step ⌈next / rate⌉. */
export function backCalculate(target: string, a: PlanAssumptions): Plan {
  const t = minor(target);
  const deal = minor(a.averageDeal);
  const wonDeals = t !== null && deal !== null && deal > 0n && t >= 0n ? Number((t + deal - 1n) / deal) : null;
  const opportunities = wonDeals === null ? null : up(wonDeals, a.opportunityToWon);
  const sqls = opportunities === null ? null : up(opportunities, a.sqlToOpportunity);
  const mqls = sqls === null ? null : up(sqls, a.mqlToSql);
  const leads = mqls === null ? null : up(mqls, a.leadToMql);
  return { target, needed: { leads, mqls, sqls, opportunities, wonDeals } };
}

const ratio = (n: number, d: number) => (d > 0 ? n / d : 0);

/**
 * The measured assumptions of a reference period: conversions between the funnel's steps
 * (leads → MQL → SQL → the first deal stage → won) and the average won deal.
 */
export function measuredAssumptions(funnel: Pick<Funnel, 'steps'>, averageDeal: string | null): PlanAssumptions {
  const count = (key: string) => funnel.steps.find((s) => s.key === key)?.count ?? 0;
  const firstStage = funnel.steps.find((s) => s.key.startsWith('stage:'))?.count ?? 0;
  return {
    averageDeal: averageDeal ?? '0.00',
    leadToMql: ratio(count('mql'), count('leads')),
    mqlToSql: ratio(count('sql'), count('mql')),
    sqlToOpportunity: ratio(firstStage, count('sql')),
    opportunityToWon: ratio(count('won'), firstStage),
  };
}

export interface TypeSplit {
  type: string;
  /** The type's share of the SQLs its campaigns brought in the reference period. */
  share: number;
  /** SQLs per lead of the type's campaigns. */
  yield: number;
  sqls: number;
  leads: number;
}

/**
 * The planned SQLs split across campaign types in proportion to the SQLs each brought, and the
 * leads each type must bring at its own lead → SQL yield (types that brought no SQL are left out).
 */
export function splitByCampaignType(sqlsNeeded: number, byType: CampaignRoi['byType']): TypeSplit[] {
  const productive = byType.filter((t) => t.sqls > 0 && t.leads > 0);
  const total = productive.reduce((s, t) => s + t.sqls, 0);
  return productive
    .map((t) => {
      const share = t.sqls / total;
      const sqls = Math.ceil(sqlsNeeded * share - 1e-9);
      const yieldRate = t.sqls / t.leads;
      return { type: t.type, share, yield: yieldRate, sqls, leads: Math.ceil(sqls / yieldRate - 1e-9) };
    })
    .sort((a, b) => b.share - a.share || a.type.localeCompare(b.type));
}

/** How far the actuals of the plan period are: actual / needed per step (null without a plan). */
export function progress(plan: Plan, actual: Record<PlanStep, number>): Record<PlanStep, number | null> {
  const out = {} as Record<PlanStep, number | null>;
  for (const step of PLAN_STEPS) {
    const need = plan.needed[step];
    out[step] = need ? actual[step] / need : null;
  }
  return out;
}
