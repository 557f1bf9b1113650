import type { Model } from './model.js';

export interface Factor {
  feature: string;
  /** Mean absolute log-odds this feature moves a training lead away from the average lead. */
  importance: number;
  /** Levels seen in training, most favourable first. */
  levels: { value: string; weight: number; count: number }[];
}

/** The n features that move scores the most over the tenant's own leads, strongest first. */
export function topFactors(model: Model, n: number): Factor[] {
  return model.features
    .map((feature): Factor => {
      let moved = 0;
      let count = 0;
      feature.levels.forEach((level, l) => {
        moved += level.count * Math.abs(feature.weights[l]);
        count += level.count;
      });
      const levels = feature.levels
        .map((level, l) => ({ value: level.label, weight: feature.weights[l], count: level.count }))
        .filter((level) => level.count > 0)
        .sort((a, b) => b.weight - a.weight);
      return { feature: feature.label, importance: count > 0 ? moved / count : 0, levels };
    })
    .sort((a, b) => b.importance - a.importance)
    .slice(0, n);
}
