import { addressEvidence } from './evidence-address';
import { birthDateEvidence } from './evidence-birth-date';
import { identifierEvidence } from './evidence-identifiers';
import { nameEvidence } from './evidence-names';
import { type MatchOptions, type PartyRecord, type PreparedParty, prepareParty } from './party';
import { EXACT_KEY_REASONS, type MatchReason, PREMISES_REASONS } from './reasons';
import { ACCOUNT_PREMISES_CAP, PRIOR_BITS } from './weights';

export type MatchLevel = 'exact' | 'strong' | 'possible' | 'none';

export interface MatchResult {
  /** Probability-like 0..1 from the summed evidence. */
  score: number;
  level: MatchLevel;
  /** Strongest evidence first. */
  reasons: MatchReason[];
}

/** Score thresholds of the levels; "exact" also needs an exact key (credit code, e-mail, own phone). */
export const LEVEL_THRESHOLDS = { strong: 0.9, possible: 0.5 } as const;

/** An exact key only counts as exact when it is strong on its own (not a role mailbox or switchboard). */
const EXACT_KEY_MIN_WEIGHT = 12;
/** Evidence this strongly against (another credit code, another person) rules "exact" out. */
const CONTRADICTION = -5;

/** Turns summed evidence (bits) into a score: 0.5 at PRIOR_BITS, each further bit doubles the odds. */
export const scoreFromBits = (bits: number): number => 1 / (1 + 2 ** (PRIOR_BITS - bits));

/** The evidence (bits) a score stands for; the inverse of `scoreFromBits`. */
export const bitsFromScore = (score: number): number => PRIOR_BITS + Math.log2(score / (1 - score));

function levelOf(score: number, reasons: readonly MatchReason[]): MatchLevel {
  const exactKey = reasons.some((r) => EXACT_KEY_REASONS.has(r.code) && r.weight >= EXACT_KEY_MIN_WEIGHT);
  const contradicted = reasons.some((r) => r.weight <= CONTRADICTION);
  if (score >= LEVEL_THRESHOLDS.strong) return exactKey && !contradicted ? 'exact' : 'strong';
  return score >= LEVEL_THRESHOLDS.possible ? 'possible' : 'none';
}

/** Scales the premises reasons of an account pair down so that together they give at most the cap. */
function capPremises(reasons: MatchReason[]): MatchReason[] {
  const total = reasons.filter((r) => PREMISES_REASONS.has(r.code)).reduce((sum, r) => sum + r.weight, 0);
  if (total <= ACCOUNT_PREMISES_CAP) return reasons;
  const factor = ACCOUNT_PREMISES_CAP / total;
  return reasons.map((r) => (PREMISES_REASONS.has(r.code) ? { ...r, weight: r.weight * factor } : r));
}

/** Compares two prepared records; use with `prepareParty` when one record meets many candidates. */
export function matchPrepared(a: PreparedParty, b: PreparedParty): MatchResult {
  const all = [...identifierEvidence(a, b), ...nameEvidence(a, b), ...addressEvidence(a, b), ...birthDateEvidence(a, b)];
  const reasons = (a.kind === 'account' || b.kind === 'account' ? capPremises(all) : all)
    .map((r) => ({ ...r, weight: Math.round(r.weight * 100) / 100 }))
    .sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight));
  const score = scoreFromBits(reasons.reduce((sum, r) => sum + r.weight, 0));
  return { score, level: levelOf(score, reasons), reasons };
}

/** Compares two party records (a candidate pair found through `blockingKeys`). */
export function matchRecords(a: PartyRecord, b: PartyRecord, options: MatchOptions = {}): MatchResult {
  return matchPrepared(prepareParty(a, options), prepareParty(b, options));
}
