/** Precision, recall and F1 of predicted links against the true ones. */
export interface LinkQuality {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export function linkQuality(truePositives: number, predicted: number, actual: number): LinkQuality {
  const precision = predicted ? truePositives / predicted : 0;
  const recall = actual ? truePositives / actual : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    precision,
    recall,
    f1,
    truePositives,
    falsePositives: predicted - truePositives,
    falseNegatives: actual - truePositives,
  };
}

export interface ScoredPair {
  score: number;
  isMatch: boolean;
}

/** Quality when every pair scoring at least `threshold` is called a match; true links never scored count as missed. */
export function qualityAt(pairs: readonly ScoredPair[], threshold: number, actual: number): LinkQuality {
  const predicted = pairs.filter((p) => p.score >= threshold);
  return linkQuality(predicted.filter((p) => p.isMatch).length, predicted.length, actual);
}

/** The score threshold with the best F1 on these pairs (ties: the lower threshold). */
export function bestThreshold(pairs: readonly ScoredPair[], actual: number): { threshold: number; quality: LinkQuality } {
  const sorted = [...pairs].sort((x, y) => y.score - x.score);
  let best = { threshold: 1, quality: linkQuality(0, 0, actual) };
  let truePositives = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i].isMatch) truePositives++;
    // Only cut between different scores: a threshold takes all pairs of equal score or none.
    if (i + 1 < sorted.length && sorted[i + 1].score === sorted[i].score) continue;
    const quality = linkQuality(truePositives, i + 1, actual);
    if (quality.f1 > best.quality.f1) best = { threshold: sorted[i].score, quality };
  }
  return best;
}

/** How many items share each key. */
export function countBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** The true links among groups of these sizes: every pair within a group. */
export const pairsWithin = (groupSizes: Map<unknown, number>) => [...groupSizes.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);
