import { Value } from 'typebox/value';
import { crossValidatedAuc, stratifiedFolds } from './cross-validation.js';
import { FeatureSpec, type LeadRow } from './feature-spec.js';
import { fitModel } from './fit-model.js';
import type { Model } from './model.js';

export interface TrainOptions {
  /** Fixed L2 penalty; when absent it is chosen from `lambdas` by cross-validated AUC. */
  lambda?: number;
  lambdas?: readonly number[];
  folds?: number;
  seed?: number;
  minLevelCount?: number;
  bins?: number;
}

export const DEFAULT_TRAIN_OPTIONS = {
  lambdas: [0.3, 1, 3, 10, 30],
  folds: 5,
  seed: 1,
  minLevelCount: 10,
  bins: 10,
} as const;

/**
 * Learns a tenant's lead score from its own history: rows of leads and whether each converted
 * (1) or not (0). Deterministic: the same rows, labels, spec and options give the same model.
 */
export function trainModel(
  rows: readonly LeadRow[],
  labels: ArrayLike<number>,
  spec: FeatureSpec,
  options: TrainOptions = {},
): Model {
  if (!Value.Check(FeatureSpec, spec)) throw new Error('trainModel: invalid feature spec');
  if (rows.length !== labels.length) throw new Error('trainModel: rows and labels differ in length');
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) throw new Error(`trainModel: label ${i} is not 0 or 1`);
  }
  const settings = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const encoding = { minLevelCount: settings.minLevelCount, bins: settings.bins };
  if (settings.lambda !== undefined) return fitModel(rows, labels, spec, settings.lambda, encoding);

  const fold = stratifiedFolds(labels, settings.folds, settings.seed);
  const crossValidation = settings.lambdas.map((lambda) => ({
    lambda,
    auc: crossValidatedAuc(rows, labels, spec, lambda, encoding, fold, settings.folds),
  }));
  // Ties go to the stronger penalty: the simpler model.
  const best = crossValidation.reduce((a, b) =>
    b.auc > a.auc || (b.auc === a.auc && b.lambda > a.lambda) ? b : a,
  );
  const model = fitModel(rows, labels, spec, best.lambda, encoding);
  return { ...model, training: { ...model.training, crossValidation } };
}
