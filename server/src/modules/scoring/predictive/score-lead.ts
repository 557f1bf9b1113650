import { levelIndexer } from './feature-encoder.js';
import { formatNumber, MISSING_LEVEL, normalizeNumber } from './feature-levels.js';
import type { LeadRow, LeadValue } from './feature-spec.js';
import { sigmoid } from './logistic-regression.js';
import type { Model, WeightedFeature } from './model.js';

export interface Contribution {
  /** Feature label, e.g. "Lead Source". */
  feature: string;
  /** The lead's own value, e.g. "Reference", "1200", "(missing)". */
  value: string;
  /** The level that carried the weight: the value, its bin ("1087 – 1373") or "(other)". */
  level: string;
  /** Log-odds against the average lead: + raises the score, − lowers it. */
  weight: number;
}

export interface LeadScore {
  /** Estimated probability that the lead converts. */
  probability: number;
  /** The probability in percent, rounded (0–100): the number shown on the lead. */
  score: number;
  /** Log-odds: the model's intercept plus every contribution's weight. */
  logit: number;
  /** One per feature, strongest first. */
  contributions: Contribution[];
}

/** Scores many leads with one model, building the level look-ups once. */
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
        value: displayValue(feature, row[feature.name]),
        level: feature.levels[levels[f]].label,
        weight,
      };
    });
    contributions.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
    const probability = sigmoid(logit);
    return { probability, score: Math.round(probability * 100), logit, contributions };
  };
}

/** Probability, 0–100 score and per-feature explanation of one lead. */
export const scoreLead = (model: Model, row: LeadRow): LeadScore => leadScorer(model)(row);

function displayValue(feature: WeightedFeature, raw: LeadValue): string {
  const missing = feature.levels[MISSING_LEVEL].label;
  if (feature.kind === 'numeric') {
    const number = normalizeNumber(raw);
    return number === null ? missing : formatNumber(number);
  }
  if (typeof raw === 'boolean') return raw ? 'Yes' : 'No';
  const text = raw === null || raw === undefined ? '' : String(raw).trim();
  return text === '' ? missing : text;
}
