/**
 * The battle map's rules: who is on the customer's buying committee, and what is missing in our
 * coverage of it. Each check is a pure function over the stakeholders; the same checks produce
 * the gap warnings of `GET /opportunities/{id}/gaps` and serve as stage exit criteria.
 */
export const STAKEHOLDER_ROLES = [
  'power_sponsor', 'decision_maker', 'financial_approver', 'technical_evaluator', 'user', 'influencer', 'gatekeeper',
] as const;
export type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];

export const STAKEHOLDER_LEVELS = ['c_level', 'vp', 'director', 'manager', 'staff'] as const;
export type StakeholderLevel = (typeof STAKEHOLDER_LEVELS)[number];

export const ATTITUDES = ['support', 'neutral', 'oppose'] as const;
export type Attitude = (typeof ATTITUDES)[number];

export interface StakeholderFact {
  id: string;
  role: StakeholderRole;
  level: StakeholderLevel | null;
  attitude: Attitude;
  /** When one of us last met or spoke with them; null: not met yet. */
  lastContactAt: string | null;
}

export const STAKEHOLDER_CHECKS = [
  'power_sponsor_identified',
  'power_sponsor_supports',
  'power_sponsor_not_opposed',
  'executive_identified',
  'executive_covered',
  'supporter_identified',
] as const;
export type StakeholderCheck = (typeof STAKEHOLDER_CHECKS)[number];

/** Stable codes of what a check finds missing (message codes too). */
export type GapCode =
  | 'NO_POWER_SPONSOR'
  | 'POWER_SPONSOR_NOT_SUPPORTIVE'
  | 'POWER_SPONSOR_OPPOSES'
  | 'NO_EXECUTIVE_LEVEL'
  | 'EXECUTIVE_NOT_COVERED'
  | 'NO_SUPPORTER';

export interface CheckFinding {
  code: GapCode;
  /** The stakeholders the finding is about (e.g. the opposing power sponsor). */
  stakeholderIds: string[];
}

const powerSponsors = (s: StakeholderFact[]) => s.filter((x) => x.role === 'power_sponsor');

/**
 * CFO/CEO level: a C-level stakeholder who makes the final decision or approves the money —
 * the people the power sponsor must bring along. A C-level power sponsor (say the CIO) does
 * not count: the check asks for the *other* key decision makers.
 */
export const isExecutive = (s: StakeholderFact) =>
  s.level === 'c_level' && (s.role === 'decision_maker' || s.role === 'financial_approver');

/** Runs one check; null means it holds. */
export function runCheck(check: StakeholderCheck, stakeholders: StakeholderFact[]): CheckFinding | null {
  const sponsors = powerSponsors(stakeholders);
  const executives = stakeholders.filter(isExecutive);
  switch (check) {
    case 'power_sponsor_identified':
      return sponsors.length > 0 ? null : { code: 'NO_POWER_SPONSOR', stakeholderIds: [] };
    case 'power_sponsor_supports':
      if (sponsors.length === 0) return { code: 'NO_POWER_SPONSOR', stakeholderIds: [] };
      return sponsors.some((s) => s.attitude === 'support')
        ? null
        : { code: 'POWER_SPONSOR_NOT_SUPPORTIVE', stakeholderIds: sponsors.map((s) => s.id) };
    case 'power_sponsor_not_opposed': {
      const opposing = sponsors.filter((s) => s.attitude === 'oppose');
      return opposing.length === 0 ? null : { code: 'POWER_SPONSOR_OPPOSES', stakeholderIds: opposing.map((s) => s.id) };
    }
    case 'executive_identified':
      return executives.length > 0 ? null : { code: 'NO_EXECUTIVE_LEVEL', stakeholderIds: [] };
    case 'executive_covered':
      if (executives.length === 0) return { code: 'NO_EXECUTIVE_LEVEL', stakeholderIds: [] };
      return executives.some((s) => s.lastContactAt !== null && s.attitude !== 'oppose')
        ? null
        : { code: 'EXECUTIVE_NOT_COVERED', stakeholderIds: executives.map((s) => s.id) };
    case 'supporter_identified':
      return stakeholders.some((s) => s.attitude === 'support') ? null : { code: 'NO_SUPPORTER', stakeholderIds: [] };
  }
}

/** The warnings the battle map shows, in this order. */
export const GAP_CHECKS: readonly StakeholderCheck[] = [
  'power_sponsor_identified',
  'power_sponsor_not_opposed',
  'executive_identified',
  'supporter_identified',
];

export interface Gap extends CheckFinding {
  check: StakeholderCheck;
}

export function analyseGaps(stakeholders: StakeholderFact[]): Gap[] {
  return GAP_CHECKS.flatMap((check) => {
    const finding = runCheck(check, stakeholders);
    return finding ? [{ check, ...finding }] : [];
  });
}

/** Whether making `reportsToId` the manager of `id` would close a loop in the org chart. */
export function wouldCycle(id: string, reportsToId: string | null, managerOf: ReadonlyMap<string, string | null>): boolean {
  const seen = new Set<string>();
  for (let at = reportsToId; at; at = managerOf.get(at) ?? null) {
    if (at === id || seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}
