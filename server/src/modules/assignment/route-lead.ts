import type { AssignmentCriteria, AssignmentStrategy, CriterionKey } from './assignment-criteria.js';
import { CRITERIA_KEYS } from './assignment-criteria.js';

/** The facts of a lead that routing looks at. */
export interface RoutableLead {
  headcount: number | null;
  registeredCapital: { amount: string; currency: string } | null;
  productInterest: string | null;
  region: string | null;
  province: string | null;
  source: string | null;
  industry: string | null;
  score: number | null;
  grade: string | null;
}

export interface RoutingRule {
  id: string;
  name: string;
  active: boolean;
  criteria: AssignmentCriteria;
  /** The team that takes the lead; null sends it to marketing's manual routing queue. */
  teamId: string | null;
  strategy: AssignmentStrategy;
}

export type RouteDecision =
  | {
      ruleId: string;
      ruleName: string;
      teamId: string;
      strategy: AssignmentStrategy;
      queue: null;
      reason: 'rule_matched';
      /** The criteria of the rule, all of which the lead met. */
      matched: CriterionKey[];
    }
  | {
      ruleId: string | null;
      ruleName: string | null;
      teamId: null;
      strategy: null;
      queue: 'routing';
      reason: 'rule_targets_queue' | 'no_rule_matched';
      matched: CriterionKey[];
    };

/**
 * The first active rule, in the given order, whose criteria the lead meets decides where the
 * lead goes. No rule matching sends it to the manual routing queue. Pure: no I/O.
 */
export function routeLead(rules: readonly RoutingRule[], lead: RoutableLead): RouteDecision {
  for (const rule of rules) {
    if (!rule.active) continue;
    const matched = matchCriteria(rule.criteria, lead);
    if (!matched) continue;
    if (rule.teamId === null) {
      return { ruleId: rule.id, ruleName: rule.name, teamId: null, strategy: null, queue: 'routing', reason: 'rule_targets_queue', matched };
    }
    return { ruleId: rule.id, ruleName: rule.name, teamId: rule.teamId, strategy: rule.strategy, queue: null, reason: 'rule_matched', matched };
  }
  return { ruleId: null, ruleName: null, teamId: null, strategy: null, queue: 'routing', reason: 'no_rule_matched', matched: [] };
}

/** The criteria that were set and held, or null when any set criterion fails. */
export function matchCriteria(criteria: AssignmentCriteria, lead: RoutableLead): CriterionKey[] | null {
  const matched: CriterionKey[] = [];
  for (const key of CRITERIA_KEYS) {
    const verdict = criterionHolds(key, criteria, lead);
    if (verdict === false) return null;
    if (verdict === true) matched.push(key);
  }
  return matched;
}

/** true / false, or undefined when the criterion is not set. */
function criterionHolds(key: CriterionKey, c: AssignmentCriteria, lead: RoutableLead): boolean | undefined {
  switch (key) {
    case 'headcount':
      return inRange(c.headcount, lead.headcount);
    case 'score':
      return inRange(c.score, lead.score);
    case 'registeredCapital':
      return capitalInRange(c.registeredCapital, lead.registeredCapital);
    case 'productInterests':
      return inList(c.productInterests, lead.productInterest);
    case 'regions':
      return inList(c.regions, lead.region);
    case 'provinces':
      return inList(c.provinces, lead.province);
    case 'sources':
      return inList(c.sources, lead.source);
    case 'industries':
      return inList(c.industries, lead.industry);
    case 'grades':
      return inList(c.grades, lead.grade);
  }
}

function inRange(range: { min?: number; max?: number } | undefined, value: number | null): boolean | undefined {
  if (!range || (range.min === undefined && range.max === undefined)) return undefined;
  if (value === null) return false;
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}

const fold = (s: string) => s.trim().toLocaleLowerCase();

function inList(list: readonly string[] | undefined, value: string | null): boolean | undefined {
  if (!list || list.length === 0) return undefined;
  if (value === null || value.trim() === '') return false;
  const v = fold(value);
  return list.some((entry) => fold(entry) === v);
}

function capitalInRange(
  range: AssignmentCriteria['registeredCapital'],
  capital: RoutableLead['registeredCapital'],
): boolean | undefined {
  if (!range || (range.min === undefined && range.max === undefined)) return undefined;
  if (!capital || capital.currency !== (range.currency ?? 'CNY')) return false;
  const amount = minorUnits(capital.amount);
  return (range.min === undefined || amount >= minorUnits(range.min)) && (range.max === undefined || amount <= minorUnits(range.max));
}

/** "1234.5" → 123450n: compares decimal strings exactly, without floats. */
export function minorUnits(amount: string): bigint {
  const negative = amount.trim().startsWith('-');
  const [int, frac = ''] = amount.trim().replace(/^[-+]/, '').split('.');
  const value = BigInt(int || '0') * 100n + BigInt((frac + '00').slice(0, 2));
  return negative ? -value : value;
}
