import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { FeatureSpec } from './feature-spec.js';

/** Bump when the JSON layout or the meaning of a field changes; older models are then retrained. */
export const MODEL_FORMAT = 'lead2cash.lead-score.logistic/1';

export const Level = Type.Object({
  /** Normalised value (categorical), 'true'/'false' (boolean), bin or level-pair index otherwise. */
  key: Type.String(),
  label: Type.String(),
  /** Training rows in this level: the basis of the feature's average, and of its support. */
  count: Type.Integer({ minimum: 0 }),
});

export const EncodedFeature = Type.Object({
  /** Field name, or "a × b" for an interaction. */
  name: Type.String(),
  label: Type.String(),
  kind: Type.Union([
    Type.Literal('categorical'),
    Type.Literal('boolean'),
    Type.Literal('numeric'),
    Type.Literal('interaction'),
  ]),
  /** Interactions: the indexes of the two base features they combine. */
  sources: Type.Optional(Type.Tuple([Type.Integer(), Type.Integer()])),
  /** Numeric: upper edges of the bins (a value v is in the first bin whose edge is ≥ v). */
  edges: Type.Optional(Type.Array(Type.Number())),
  levels: Type.Array(Level),
});

export const WeightedFeature = Type.Object({
  ...EncodedFeature.properties,
  /**
   * Log-odds per level, centred so the training-weighted average of each feature is 0: a weight
   * reads "compared with the average lead", and levels never seen in training weigh 0.
   */
  weights: Type.Array(Type.Number()),
});

export const Model = Type.Object({
  format: Type.Literal(MODEL_FORMAT),
  spec: FeatureSpec,
  /** Log-odds of the average lead; with the active weights it sums to the lead's log-odds. */
  intercept: Type.Number(),
  features: Type.Array(WeightedFeature),
  training: Type.Object({
    rows: Type.Integer({ minimum: 0 }),
    positives: Type.Integer({ minimum: 0 }),
    lambda: Type.Number({ minimum: 0 }),
    minLevelCount: Type.Integer({ minimum: 1 }),
    bins: Type.Integer({ minimum: 1 }),
    /** Mean cross-validated AUC per lambda tried, when lambda was chosen by cross-validation. */
    crossValidation: Type.Optional(Type.Array(Type.Object({ lambda: Type.Number(), auc: Type.Number() }))),
  }),
});

export type Level = Static<typeof Level>;
export type EncodedFeature = Static<typeof EncodedFeature>;
export type WeightedFeature = Static<typeof WeightedFeature>;
export type Model = Static<typeof Model>;

/** Reads a model stored as JSON; refuses anything that is not a model of this format. */
export function parseModel(json: unknown): Model {
  const value: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  if (!Value.Check(Model, value)) {
    const first = Value.Errors(Model, value)[0];
    throw new Error(`Not a ${MODEL_FORMAT} model: ${first ? `${first.instancePath} ${first.message}` : 'invalid'}`);
  }
  return value;
}
