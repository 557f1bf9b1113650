import { Type, type Static } from 'typebox';

/**
 * Which fields of a lead the model reads, and how. Stored inside every model so a model
 * trained on one spec can never be fed rows encoded by another.
 */
const FeatureBase = {
  /** Key of the field in a lead row. */
  name: Type.String({ minLength: 1 }),
  /** Shown in explanations; defaults to the name. */
  label: Type.Optional(Type.String()),
};

export const CategoricalFeature = Type.Object({ ...FeatureBase, kind: Type.Literal('categorical') });
export const BooleanFeature = Type.Object({ ...FeatureBase, kind: Type.Literal('boolean') });
export const NumericFeature = Type.Object({
  ...FeatureBase,
  kind: Type.Literal('numeric'),
  /** Counts, seconds and money are skewed: binning log1p(x) gives bins that each hold data. */
  log: Type.Optional(Type.Boolean()),
});
export const FeatureDefinition = Type.Union([CategoricalFeature, BooleanFeature, NumericFeature]);

export const FeatureSpec = Type.Object({
  version: Type.Literal(1),
  features: Type.Array(FeatureDefinition),
  /** Pairs of categorical/boolean feature names whose combination is learned as its own factor. */
  interactions: Type.Optional(Type.Array(Type.Tuple([Type.String(), Type.String()]))),
});

export type FeatureDefinition = Static<typeof FeatureDefinition>;
export type FeatureSpec = Static<typeof FeatureSpec>;

/** A cell of a lead as the leads module hands it over; null, undefined and '' mean missing. */
export type LeadValue = string | number | boolean | null | undefined;
export type LeadRow = Readonly<Record<string, LeadValue>>;

export const featureLabel = (feature: { name: string; label?: string }) => feature.label ?? feature.name;
