/**
 * Which account a converting lead's company is: the pure decision over the candidates duplicate
 * detection found. Never a silent twin: a sure match is attached to, anything less sure is put
 * to the person, and only "no candidate at all" creates a new account by itself.
 */

export type CandidateLevel = 'exact' | 'strong' | 'possible';

export interface AccountCandidate {
  id: string;
  score: number;
  level: CandidateLevel;
  /** The lead's credit code (统一社会信用代码) equals the account's: the same legal entity. */
  sameCreditCode?: boolean;
}

export type AccountDecision =
  | { kind: 'existing'; accountId: string; by: 'credit_code' | 'match' }
  | { kind: 'ambiguous'; candidateIds: string[] }
  | { kind: 'new' };

/** A sure match must lead the runner-up by this much; closer than that, the person chooses. */
export const ACCOUNT_MATCH_MARGIN = 0.05;

const sure = (c: AccountCandidate) => c.level === 'exact' || c.level === 'strong';

export function decideAccount(candidates: readonly AccountCandidate[]): AccountDecision {
  const byCode = candidates.find((c) => c.sameCreditCode);
  if (byCode) return { kind: 'existing', accountId: byCode.id, by: 'credit_code' };
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  if (ranked.length === 0) return { kind: 'new' };
  const [top, runnerUp] = ranked;
  const alone = ranked.filter(sure).length === 1 && (!runnerUp || top.score - runnerUp.score >= ACCOUNT_MATCH_MARGIN);
  if (sure(top) && alone) return { kind: 'existing', accountId: top.id, by: 'match' };
  return { kind: 'ambiguous', candidateIds: ranked.map((c) => c.id) };
}
