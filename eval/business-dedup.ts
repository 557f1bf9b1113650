import { LEVEL_THRESHOLDS, matchPrepared, preparedBlockingKeys, prepareParty, type PreparedParty } from '../server/src/modules/dedup';
import { candidatePairs } from './candidates';
import { readCsv } from './datasets';
import { bestThreshold, type LinkQuality, linkQuality, qualityAt, type ScoredPair } from './metrics';

interface Business {
  id: string;
  party: PreparedParty;
  keys: string[];
}

/** Restaurant listings as accounts (name, street, city, phone) with US phone numbers; the cuisine is left out. */
function loadGuide(file: string): Business[] {
  return readCsv('fodors_zagats', file).map((row) => {
    const party = prepareParty({ kind: 'account', name: row.name, address: row.addr, city: row.city, phones: [row.phone], country: 'US' });
    return { id: row.id, party, keys: preparedBlockingKeys(party) };
  });
}

interface FoldedPair extends ScoredPair {
  fold: number;
}

const FOLDS = 5;

/**
 * Each fold of Fodor's records is judged with the best-F1 threshold of the other folds; the
 * judgements are pooled. Shows what a threshold tuned on similar data would reach.
 */
function crossValidated(pairs: readonly FoldedPair[], trueLinksInFold: readonly number[]): LinkQuality {
  let truePositives = 0;
  let predicted = 0;
  for (let fold = 0; fold < FOLDS; fold++) {
    const others = pairs.filter((p) => p.fold !== fold);
    const othersActual = trueLinksInFold.reduce((sum, n, f) => (f === fold ? sum : sum + n), 0);
    const { threshold } = bestThreshold(others, othersActual);
    const chosen = pairs.filter((p) => p.fold === fold && p.score >= threshold);
    predicted += chosen.length;
    truePositives += chosen.filter((p) => p.isMatch).length;
  }
  return linkQuality(truePositives, predicted, trueLinksInFold.reduce((a, b) => a + b, 0));
}

export interface BusinessDedupResult {
  /** The engine's fixed rule: level strong or exact (score ≥ LEVEL_THRESHOLDS.strong). */
  fixedRule: LinkQuality;
  threshold: number;
  crossValidated: LinkQuality;
  trueLinks: number;
  candidatePairs: number;
  blockingRecall: number;
}

export function evaluateBusinessDedup(): BusinessDedupResult {
  const fodors = loadGuide('fodors.csv');
  const zagats = loadGuide('zagats.csv');
  const truth = new Set(readCsv('fodors_zagats', 'matches_fodors_zagats.csv').map((m) => `${m.fodors_id}|${m.zagats_id}`));
  const foldOf = (i: number) => i % FOLDS;
  const fodorsIndex = new Map(fodors.map((f, i) => [f.id, i]));
  const trueLinksInFold = Array.from({ length: FOLDS }, () => 0);
  for (const link of truth) trueLinksInFold[foldOf(fodorsIndex.get(link.split('|')[0]) ?? 0)]++;

  const pairs = candidatePairs(
    fodors.map((f) => f.keys),
    zagats.map((z) => z.keys),
  );
  const scored: FoldedPair[] = pairs.map(([i, j]) => ({
    score: matchPrepared(fodors[i].party, zagats[j].party).score,
    isMatch: truth.has(`${fodors[i].id}|${zagats[j].id}`),
    fold: foldOf(i),
  }));
  return {
    fixedRule: qualityAt(scored, LEVEL_THRESHOLDS.strong, truth.size),
    threshold: LEVEL_THRESHOLDS.strong,
    crossValidated: crossValidated(scored, trueLinksInFold),
    trueLinks: truth.size,
    candidatePairs: pairs.length,
    blockingRecall: scored.filter((p) => p.isMatch).length / truth.size,
  };
}
