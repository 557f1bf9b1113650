import { auc } from './auc.js';
import type { FeatureSpec, LeadRow } from './feature-spec.js';
import { holdoutSplit } from './holdout-split.js';
import type { Model } from './model.js';
import { leadScorer } from './score-lead.js';
import { trainModel, type TrainOptions } from './train-model.js';

export interface Evaluation {
  /** AUC on the held-out leads, which neither training nor tuning saw. */
  auc: number;
  train: { rows: number; positives: number };
  test: { rows: number; positives: number };
  trainingMs: number;
  /** The model fitted on the training part only. */
  model: Model;
}

/**
 * The quality shown to the admin: train (tuning inside the training part only) on the leads
 * whose id bucket is ≥ testPercent, and measure AUC on the rest.
 */
export function evaluateModel(
  rows: readonly LeadRow[],
  labels: ArrayLike<number>,
  ids: readonly string[],
  spec: FeatureSpec,
  options: TrainOptions & { testPercent?: number } = {},
): Evaluation {
  const { testPercent = 25, ...trainOptions } = options;
  const split = holdoutSplit(ids, testPercent);
  const pick = (indexes: number[]) => ({ rows: indexes.map((i) => rows[i]), labels: indexes.map((i) => labels[i]) });
  const train = pick(split.train);
  const test = pick(split.test);
  const started = performance.now();
  const model = trainModel(train.rows, train.labels, spec, trainOptions);
  const trainingMs = performance.now() - started;
  const score = leadScorer(model);
  const count = (part: { labels: number[] }) => ({
    rows: part.labels.length,
    positives: part.labels.filter((y) => y === 1).length,
  });
  return {
    auc: auc(
      test.rows.map((row) => score(row).logit),
      test.labels,
    ),
    train: count(train),
    test: count(test),
    trainingMs,
    model,
  };
}
