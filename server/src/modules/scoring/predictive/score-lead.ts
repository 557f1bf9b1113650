import { normalizeNumber, MISSING_LEVEL } from './feature-levels.js';
import { formatNumber, levelIndexer } from './feature-encoder.js';
import type { LeadRow, LeadValue } from './feature-spec.js';
import { sigmoid } from './logistic-regression.js';
import type { Model, WeightedFeature } from './model.js';

export interface Contribution {
  /** Feature label, e.g. "Lead Source" or "Lead Origin × Lead Source". */
  feature: string;
  /** The lead's own value, e.g. "Reference", "1200", "(missing)". */
  value: string;
  /** The model level that weighed it: the value, its bin ("1000 – 1500") or "(other)". */
  level: string;
  /** Log-odds against the average lead. */
  weight: number;
}

export interface LeadScore {
  probability: number;
  /** Probability of converting in percent, rounded: the number shown on the lead. */
  score: number;
  /** intercept + Σ contribution weights. */
  logit: number;
  contributions: Contribution[];
}

/** Scores many leads with one model: the level look-ups are built once. */
export function leadScorer(model: Model): (row: LeadRow) => LeadScore {
  const indexLevels = levelIndexer(model.features);
  return (row) => {
    const levels = indexLevels(row);
    let logit = model.intercept;
    const contributions = model.features.map((feature, f): Contribution => {
      const weight = feature.weights[levels[f]];
      logit += weight;
      return {
        feature: feature.label,
        value: displayValue(model, feature, row),
        level: feature.levels[levels[f]].label,
        weight,
      };
    });
    contributions.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
    const probability = sigmoid(logit);
    return { probability, score: Math.round(probability * 100), logit, contributions };
  };
}

/** Probability, 0–100 score and per-feature explanation of one lead, strongest factors first. */
export const scoreLead = (model: Model, row: LeadRow): LeadScore => leadScorer(model)(row);

function displayValue(model: Model, feature: WeightedFeature, row: LeadRow): string {
  if (feature.kind === 'interaction') {
    const [a, b] = feature.sources ?? [0, 0];
    return `${displayValue(model, model.features[a], row)} × ${displayValue(model, model.features[b], row)}`;
  }
  const raw: LeadValue = row[feature.name];
  if (feature.kind === 'numeric') {
    const number = normalizeNumber(raw);
    return number === null ? feature.levels[MISSING_LEVEL].label : formatNumber(number);
  }
  const text = raw === null || raw === undefined ? '' : String(raw).trim();
  if (text === '') return feature.levels[MISSING_LEVEL].label;
  if (typeof raw === 'boolean') return raw ? 'Yes' : 'No';
  return text;
}
