import { ageInDays, decayFactor, roundPoints } from './decay.js';
import { matchesCondition } from './match-condition.js';
import type {
  EngagementEvent, FiredRule, Grade, GradeThresholds, LeadFacts, ScoreResult, ScoringRuleDef,
} from './rule-types.js';

export const DEFAULT_THRESHOLDS: GradeThresholds = { gradeA: 80, gradeB: 60, gradeC: 40 };

export function gradeFor(total: number, t: GradeThresholds): Grade {
  if (total >= t.gradeA) return 'A';
  if (total >= t.gradeB) return 'B';
  if (total >= t.gradeC) return 'C';
  return 'D';
}

/** Rules in the order an admin arranged them (then by name, then id, so the order is total). */
export function orderedRules<R extends Pick<ScoringRuleDef, 'order' | 'name' | 'id'>>(rules: readonly R[]): R[] {
  return [...rules].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

function fitRule(rule: ScoringRuleDef, lead: LeadFacts): FiredRule | null {
  if (!rule.field || !rule.operator) return null;
  const actual = lead[rule.field as keyof LeadFacts] ?? null;
  if (!matchesCondition(rule.operator, rule.value, actual)) return null;
  return {
    ruleId: rule.id,
    name: rule.name,
    category: 'fit',
    points: rule.points,
    detail: { field: rule.field, operator: rule.operator, value: rule.value, actual },
  };
}

function engagementRule(rule: ScoringRuleDef, events: readonly EngagementEvent[], now: Date): FiredRule | null {
  let occurrences = 0;
  let decayed = 0;
  let lastAt: Date | null = null;
  for (const event of events) {
    if (event.kind !== rule.eventKind || event.at.getTime() > now.getTime()) continue;
    if (rule.operator && !matchesCondition(rule.operator, rule.value, rule.field ? event.details[rule.field] : null)) continue;
    occurrences++;
    decayed += rule.points * decayFactor(ageInDays(event.at, now), rule.halfLifeDays);
    if (!lastAt || event.at > lastAt) lastAt = event.at;
  }
  if (occurrences === 0 || !lastAt) return null;
  const capped = rule.cap !== null && Math.abs(decayed) > rule.cap;
  const worth = capped ? Math.sign(decayed) * rule.cap! : decayed;
  return {
    ruleId: rule.id,
    name: rule.name,
    category: 'engagement',
    points: roundPoints(worth),
    detail: {
      eventKind: rule.eventKind!,
      occurrences,
      undecayed: occurrences * rule.points,
      decayed,
      capped,
      lastAt: lastAt.toISOString(),
    },
  };
}

/**
 * Scores one lead: fit points from the rules its fields satisfy, engagement points from what it
 * did (each occurrence decayed by its age at `now`, the rule's sum capped, then rounded), the
 * grade from the tenant's thresholds, and every rule that fired with its points. Events after
 * `now` are not counted. Pure: same input, same result.
 */
export function scoreLead(
  rules: readonly ScoringRuleDef[],
  lead: LeadFacts,
  events: readonly EngagementEvent[],
  now: Date,
  thresholds: GradeThresholds = DEFAULT_THRESHOLDS,
): ScoreResult {
  const fired: FiredRule[] = [];
  const active = orderedRules(rules).filter((r) => r.active);
  // The explanation reads fit first, then engagement, each in the admin's order.
  for (const rule of active) {
    const result = rule.category === 'fit' ? fitRule(rule, lead) : null;
    if (result) fired.push(result);
  }
  for (const rule of active) {
    const result = rule.category === 'engagement' ? engagementRule(rule, events, now) : null;
    if (result) fired.push(result);
  }
  const sum = (category: 'fit' | 'engagement') =>
    fired.filter((f) => f.category === category).reduce((total, f) => total + f.points, 0);
  const fit = sum('fit');
  const engagement = sum('engagement');
  const total = fit + engagement;
  return { fit, engagement, total, grade: gradeFor(total, thresholds), fired };
}
