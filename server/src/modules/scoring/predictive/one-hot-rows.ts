import { levelIndexer } from './feature-encoder.js';
import type { LeadRow } from './feature-spec.js';
import type { EncodedFeature } from './model.js';

/**
 * Rows as the learner sees them: one active column per feature, so a row is just its column
 * indexes (row-major, increasing within a row: feature f's levels occupy offsets[f]…offsets[f+1]).
 */
export interface OneHotRows {
  rows: number;
  columns: Int32Array;
  features: number;
  /** Total number of columns: the levels of all features. */
  width: number;
}

export function columnOffsets(features: readonly EncodedFeature[]): Int32Array {
  const offsets = new Int32Array(features.length + 1);
  features.forEach((feature, f) => (offsets[f + 1] = offsets[f] + feature.levels.length));
  return offsets;
}

export function oneHotRows(features: readonly EncodedFeature[], rows: readonly LeadRow[]): OneHotRows {
  const offsets = columnOffsets(features);
  const indexLevels = levelIndexer(features);
  const columns = new Int32Array(rows.length * features.length);
  rows.forEach((row, i) => {
    const levels = indexLevels(row);
    for (let f = 0; f < features.length; f++) columns[i * features.length + f] = offsets[f] + levels[f];
  });
  return { rows: rows.length, columns, features: features.length, width: offsets[features.length] };
}
