import { auc } from './auc.js';
import { fitFeatures, type EncoderOptions } from './feature-encoder.js';
import type { FeatureSpec, LeadRow } from './feature-spec.js';
import { fitLogistic, type LogisticFit } from './logistic-regression.js';
import { oneHotRows, type OneHotRows } from './one-hot-rows.js';

/**
 * Mean held-out AUC of each penalty over k folds. Each fold learns its levels from its own
 * training part only, and fits the penalties strongest first, each starting from the last fit.
 */
export function crossValidate(
  rows: readonly LeadRow[],
  labels: ArrayLike<number>,
  spec: FeatureSpec,
  lambdas: readonly number[],
  encoding: EncoderOptions,
  folds: number,
  seed: number,
): { lambda: number; auc: number }[] {
  const fold = stratifiedFolds(labels, folds, seed);
  const order = [...lambdas].sort((a, b) => b - a);
  const totals = new Map(order.map((lambda) => [lambda, 0]));
  for (let k = 0; k < folds; k++) {
    const train = indexesWhere(fold, (f) => f !== k);
    const held = indexesWhere(fold, (f) => f === k);
    const trainRows = train.map((i) => rows[i]);
    const trainLabels = train.map((i) => labels[i]);
    const features = fitFeatures(trainRows, spec, encoding);
    const trainData = oneHotRows(features, trainRows);
    const heldData = oneHotRows(
      features,
      held.map((i) => rows[i]),
    );
    const heldLabels = held.map((i) => labels[i]);
    let previous: LogisticFit | undefined;
    for (const lambda of order) {
      previous = fitLogistic(trainData, trainLabels, lambda, previous);
      totals.set(lambda, (totals.get(lambda) ?? 0) + auc(logitsOf(heldData, previous), heldLabels) / folds);
    }
  }
  return lambdas.map((lambda) => ({ lambda, auc: totals.get(lambda) ?? Number.NaN }));
}

/**
 * Fold of every row: shuffled by a seeded generator, then dealt round-robin within each class,
 * so every fold keeps the conversion rate of the whole.
 */
function stratifiedFolds(labels: ArrayLike<number>, folds: number, seed: number): Int32Array {
  const random = mulberry32(seed);
  const order = Array.from({ length: labels.length }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const fold = new Int32Array(labels.length);
  const dealt = [0, 0];
  for (const i of order) fold[i] = dealt[labels[i] === 1 ? 1 : 0]++ % folds;
  return fold;
}

function logitsOf(data: OneHotRows, fit: LogisticFit): Float64Array {
  const logits = new Float64Array(data.rows);
  for (let i = 0; i < logits.length; i++) {
    let z = fit.intercept;
    for (let f = 0; f < data.features; f++) z += fit.weights[data.columns[i * data.features + f]];
    logits[i] = z;
  }
  return logits;
}

function indexesWhere(fold: Int32Array, keep: (fold: number) => boolean): number[] {
  const out: number[] = [];
  fold.forEach((f, i) => {
    if (keep(f)) out.push(i);
  });
  return out;
}

/** Small, well-mixed 32-bit generator: enough for shuffling, and reproducible from its seed. */
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
