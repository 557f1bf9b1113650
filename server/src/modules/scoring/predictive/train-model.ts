import { Value } from 'typebox/value';
import { crossValidate } from './cross-validation.js';
import { FeatureSpec, type LeadRow } from './feature-spec.js';
import { fitModel } from './fit-model.js';
import type { Model } from './model.js';

export interface TrainOptions {
  /** Fixed L2 penalty; when absent, the one of `lambdas` with the best cross-validated AUC. */
  lambda?: number;
  lambdas?: readonly number[];
  folds?: number;
  seed?: number;
  minLevelCount?: number;
  maxLevels?: number;
  bins?: number;
}

/**
 * Checked by 5-fold cross-validation inside the X Education training split (eval/lead-scoring.ts):
 * 20 bins beat 10, 30 and 50; λ = 3 won within this grid; minLevelCount 5–40 made no difference,
 * and 10 lets a small tenant's values still count. maxLevels bounds the Newton system's size.
 */
export const DEFAULT_TRAIN_OPTIONS = {
  lambdas: [0.3, 1, 3, 10, 30],
  folds: 5,
  seed: 1,
  minLevelCount: 10,
  maxLevels: 50,
  bins: 20,
} as const;

/**
 * Learns a tenant's lead score from its own history: lead rows, and whether each converted (1)
 * or not (0). Deterministic: the same rows, labels, spec and options give the same model.
 */
export function trainModel(
  rows: readonly LeadRow[],
  labels: ArrayLike<number>,
  spec: FeatureSpec,
  options: TrainOptions = {},
): Model {
  if (!Value.Check(FeatureSpec, spec)) throw new Error('trainModel: invalid feature spec');
  if (rows.length !== labels.length) throw new Error('trainModel: rows and labels differ in length');
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) throw new Error(`trainModel: label ${i} is neither 0 nor 1`);
    positives += labels[i];
  }
  const defaults = DEFAULT_TRAIN_OPTIONS;
  const encoding = {
    minLevelCount: options.minLevelCount ?? defaults.minLevelCount,
    maxLevels: options.maxLevels ?? defaults.maxLevels,
    bins: options.bins ?? defaults.bins,
  };
  if (options.lambda !== undefined) return fitModel(rows, labels, spec, options.lambda, encoding);
  const folds = options.folds ?? defaults.folds;
  // Each fold needs both outcomes to be scored at all.
  if (Math.min(positives, labels.length - positives) < folds) {
    throw new Error(`trainModel: need at least ${folds} converted and ${folds} lost leads`);
  }
  const lambdas = options.lambdas ?? defaults.lambdas;
  const crossValidation = crossValidate(rows, labels, spec, lambdas, encoding, folds, options.seed ?? defaults.seed);
  // Ties go to the stronger penalty: the simpler model.
  const best = crossValidation.reduce((a, b) => (b.auc > a.auc || (b.auc === a.auc && b.lambda > a.lambda) ? b : a));
  const model = fitModel(rows, labels, spec, best.lambda, encoding);
  return { ...model, training: { ...model.training, crossValidation } };
}
