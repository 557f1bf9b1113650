import { auc } from './auc.js';
import type { EncoderOptions } from './feature-encoder.js';
import type { FeatureSpec, LeadRow } from './feature-spec.js';
import { fitModel } from './fit-model.js';
import { leadScorer } from './score-lead.js';

/**
 * Fold of every row: shuffled by a seeded generator, then dealt round-robin within each class
 * so every fold keeps the conversion rate of the whole.
 */
export function stratifiedFolds(labels: ArrayLike<number>, folds: number, seed: number): Int32Array {
  const random = mulberry32(seed);
  const order = Array.from({ length: labels.length }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const fold = new Int32Array(labels.length);
  const dealt = [0, 0];
  for (const i of order) {
    const cls = labels[i] === 1 ? 1 : 0;
    fold[i] = dealt[cls]++ % folds;
  }
  return fold;
}

/** Mean AUC over the folds, each fold scored by a model that never saw it. */
export function crossValidatedAuc(
  rows: readonly LeadRow[],
  labels: ArrayLike<number>,
  spec: FeatureSpec,
  lambda: number,
  encoding: EncoderOptions,
  fold: Int32Array,
  folds: number,
): number {
  let total = 0;
  for (let k = 0; k < folds; k++) {
    const train = indexesWhere(fold, (f) => f !== k);
    const held = indexesWhere(fold, (f) => f === k);
    const model = fitModel(
      train.map((i) => rows[i]),
      train.map((i) => labels[i]),
      spec,
      lambda,
      encoding,
    );
    const score = leadScorer(model);
    total += auc(
      held.map((i) => score(rows[i]).logit),
      held.map((i) => labels[i]),
    );
  }
  return total / folds;
}

function indexesWhere(fold: Int32Array, keep: (fold: number) => boolean): number[] {
  const out: number[] = [];
  fold.forEach((f, i) => {
    if (keep(f)) out.push(i);
  });
  return out;
}

/** Small, fast, well-mixed 32-bit generator: enough for shuffling, and reproducible by seed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
