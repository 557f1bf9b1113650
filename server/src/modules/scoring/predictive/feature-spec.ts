import { Type, type Static } from 'typebox';

/**
 * Which fields of a lead the model reads, and how. Stored inside every model, so the model
 * always knows how the rows it scores must be read.
 */
const FeatureBase = {
  /** Key of the field in a lead row. */
  name: Type.String({ minLength: 1 }),
  /** Shown in explanations; defaults to the name. */
  label: Type.Optional(Type.String()),
};

export const FeatureDefinition = Type.Union([
  Type.Object({ ...FeatureBase, kind: Type.Literal('categorical') }),
  Type.Object({ ...FeatureBase, kind: Type.Literal('boolean') }),
  Type.Object({ ...FeatureBase, kind: Type.Literal('numeric') }),
]);

export const FeatureSpec = Type.Object({
  version: Type.Literal(1),
  features: Type.Array(FeatureDefinition, { minItems: 1 }),
});

export type FeatureDefinition = Static<typeof FeatureDefinition>;
export type FeatureSpec = Static<typeof FeatureSpec>;

/** A cell of a lead as the leads module hands it over; null, undefined and blank mean missing. */
export type LeadValue = string | number | boolean | null | undefined;
export type LeadRow = Readonly<Record<string, LeadValue>>;
