import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { FeatureSpec } from './feature-spec.js';

/** Bump when the JSON layout or the meaning of a field changes; stored models are then retrained. */
export const MODEL_FORMAT = 'lead2cash.lead-score.logistic/1';

export const Level = Type.Object({
  /** Normalised value (categorical), 'true'/'false' (boolean), 'binN' (numeric); '' for missing/other. */
  key: Type.String(),
  label: Type.String(),
  /** Training leads in this level. */
  count: Type.Integer({ minimum: 0 }),
});

export const EncodedFeature = Type.Object({
  name: Type.String(),
  label: Type.String(),
  kind: Type.Union([Type.Literal('categorical'), Type.Literal('boolean'), Type.Literal('numeric')]),
  /** Numeric: upper edges of the bins (a value v is in the first bin whose edge is ≥ v). */
  edges: Type.Optional(Type.Array(Type.Number())),
  /** Always (missing), (other), then the values or bins. */
  levels: Type.Array(Level, { minItems: 3 }),
});

export const WeightedFeature = Type.Object({
  ...EncodedFeature.properties,
  /**
   * Log-odds per level, centred so the training-weighted average of each feature is 0: a weight
   * reads "compared with the average lead", and a level no training lead had weighs 0.
   */
  weights: Type.Array(Type.Number()),
});

export const Model = Type.Object({
  format: Type.Literal(MODEL_FORMAT),
  spec: FeatureSpec,
  /** Log-odds of the average lead; plus the weights of a lead's levels, its log-odds. */
  intercept: Type.Number(),
  features: Type.Array(WeightedFeature),
  training: Type.Object({
    rows: Type.Integer({ minimum: 0 }),
    positives: Type.Integer({ minimum: 0 }),
    lambda: Type.Number({ exclusiveMinimum: 0 }),
    minLevelCount: Type.Integer({ minimum: 1 }),
    maxLevels: Type.Integer({ minimum: 1 }),
    bins: Type.Integer({ minimum: 1 }),
    /** Mean cross-validated AUC per penalty tried, when the penalty was chosen that way. */
    crossValidation: Type.Optional(Type.Array(Type.Object({ lambda: Type.Number(), auc: Type.Number() }))),
  }),
});

export type Level = Static<typeof Level>;
export type EncodedFeature = Static<typeof EncodedFeature>;
export type WeightedFeature = Static<typeof WeightedFeature>;
export type Model = Static<typeof Model>;

/** Reads a stored model (JSON text or parsed); refuses anything that is not a model of this format. */
export function parseModel(json: unknown): Model {
  const value: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  if (!Value.Check(Model, value)) {
    const [first] = Value.Errors(Model, value);
    throw new Error(`Not a ${MODEL_FORMAT} model: ${first ? `${first.instancePath} ${first.message}` : 'invalid'}`);
  }
  const broken = value.features.find((feature) => feature.weights.length !== feature.levels.length);
  if (broken) {
    const { name, weights, levels } = broken;
    throw new Error(`Not a ${MODEL_FORMAT} model: ${name} has ${weights.length} weights for ${levels.length} levels`);
  }
  return value;
}
