import { fitFeatures, type EncoderOptions } from './feature-encoder.js';
import type { FeatureSpec, LeadRow } from './feature-spec.js';
import { fitLogistic } from './logistic-regression.js';
import { MODEL_FORMAT, type EncodedFeature, type Model, type WeightedFeature } from './model.js';
import { columnOffsets, oneHotRows } from './one-hot-rows.js';

/** One fit at a fixed penalty: learn the levels, one-hot the rows, fit, centre the weights. */
export function fitModel(
  rows: readonly LeadRow[],
  labels: ArrayLike<number>,
  spec: FeatureSpec,
  lambda: number,
  encoding: EncoderOptions,
): Model {
  const features = fitFeatures(rows, spec, encoding);
  const fit = fitLogistic(oneHotRows(features, rows), labels, lambda);
  const offsets = columnOffsets(features);
  let intercept = fit.intercept;
  const weighted = features.map((feature, f): WeightedFeature => {
    const raw = Array.from(fit.weights.subarray(offsets[f], offsets[f + 1]));
    const average = trainingAverage(raw, feature);
    intercept += average;
    // A level no training lead had carries no evidence: it gets the average, i.e. weight 0.
    const weights = raw.map((w, l) => (feature.levels[l].count > 0 ? w - average : 0));
    return { ...feature, weights };
  });
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i];
  return {
    format: MODEL_FORMAT,
    spec,
    intercept,
    features: weighted,
    training: { rows: rows.length, positives, lambda, ...encoding },
  };
}

function trainingAverage(weights: readonly number[], feature: EncodedFeature): number {
  let sum = 0;
  let count = 0;
  feature.levels.forEach((level, l) => {
    sum += level.count * weights[l];
    count += level.count;
  });
  return count > 0 ? sum / count : 0;
}
