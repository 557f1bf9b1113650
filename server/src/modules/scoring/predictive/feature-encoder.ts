import type { FeatureDefinition, FeatureSpec, LeadRow, LeadValue } from './feature-spec.js';
import {
  binOf,
  FIRST_VALUE_LEVEL,
  formatNumber,
  MISSING_LEVEL,
  normalizeBoolean,
  normalizeCategory,
  normalizeNumber,
  OTHER_LEVEL,
  quantileEdges,
} from './feature-levels.js';
import type { EncodedFeature, Level } from './model.js';

export interface EncoderOptions {
  /** Values seen fewer times are pooled into "other": no weight rests on a handful of leads. */
  minLevelCount: number;
  /** At most this many values per feature keep their own level (the most frequent ones). */
  maxLevels: number;
  /** Quantile bins per numeric feature. */
  bins: number;
}

/**
 * Learns the levels of every feature from training rows (labels are not read). A feature on
 * which all training leads agree cannot tell them apart, so it is left out until they differ.
 */
export function fitFeatures(rows: readonly LeadRow[], spec: FeatureSpec, options: EncoderOptions): EncodedFeature[] {
  return spec.features
    .map((definition) => {
      const feature = fitLevels(rows, definition, options);
      const levelOf = featureIndexer(feature);
      for (const row of rows) feature.levels[levelOf(row[feature.name])].count++;
      return feature;
    })
    .filter((feature) => feature.levels.filter((level) => level.count > 0).length > 1);
}

/** The level of every feature for one row. */
export function levelIndexer(features: readonly EncodedFeature[]): (row: LeadRow) => Int32Array {
  const indexers = features.map(featureIndexer);
  return (row) => {
    const levels = new Int32Array(features.length);
    for (let f = 0; f < features.length; f++) levels[f] = indexers[f](row[features[f].name]);
    return levels;
  };
}

const specialLevels = (): Level[] => [
  { key: '', label: '(missing)', count: 0 },
  { key: '', label: '(other)', count: 0 },
];

function fitLevels(rows: readonly LeadRow[], definition: FeatureDefinition, options: EncoderOptions): EncodedFeature {
  const { name, kind } = definition;
  const label = definition.label ?? name;
  if (kind === 'numeric') {
    const values: number[] = [];
    for (const row of rows) {
      const value = normalizeNumber(row[name]);
      if (value !== null) values.push(value);
    }
    const edges = quantileEdges(values, options.bins);
    return { name, label, kind, edges, levels: [...specialLevels(), ...binLevels(edges)] };
  }
  if (kind === 'boolean') {
    const yesNo = [
      { key: 'true', label: 'Yes', count: 0 },
      { key: 'false', label: 'No', count: 0 },
    ];
    return { name, label, kind, levels: [...specialLevels(), ...yesNo] };
  }
  return { name, label, kind, levels: [...specialLevels(), ...frequentValues(rows, name, options)] };
}

/** Values common enough to weigh on their own, each shown in its most common spelling. */
function frequentValues(rows: readonly LeadRow[], name: string, options: EncoderOptions): Level[] {
  // Count the raw cells first: a field holds few distinct texts, so each is normalised once.
  const raw = new Map<LeadValue, number>();
  for (const row of rows) raw.set(row[name], (raw.get(row[name]) ?? 0) + 1);
  const byKey = new Map<string, { count: number; label: string; labelCount: number }>();
  for (const [value, count] of raw) {
    const key = normalizeCategory(value);
    if (key === null) continue;
    const spelling = String(value).trim();
    const entry = byKey.get(key) ?? { count: 0, label: spelling, labelCount: 0 };
    entry.count += count;
    if (count > entry.labelCount || (count === entry.labelCount && spelling < entry.label)) {
      [entry.label, entry.labelCount] = [spelling, count];
    }
    byKey.set(key, entry);
  }
  return [...byKey.entries()]
    .filter(([, entry]) => entry.count >= options.minLevelCount)
    .sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1))
    .slice(0, options.maxLevels)
    .map(([key, entry]) => ({ key, label: entry.label, count: 0 }));
}

/** Distinct cell texts remembered per feature; bounded so a long-lived scorer cannot grow without end. */
const MEMO_LIMIT = 4096;

/** Maps a cell to its level. Lead fields repeat a few texts endlessly, so each is parsed once. */
function featureIndexer(feature: EncodedFeature): (value: LeadValue) => number {
  const read = cellReader(feature);
  const memo = new Map<string, number>();
  return (value) => {
    if (typeof value !== 'string') return read(value);
    let level = memo.get(value);
    if (level === undefined) {
      level = read(value);
      if (memo.size < MEMO_LIMIT) memo.set(value, level);
    }
    return level;
  };
}

function cellReader(feature: EncodedFeature): (value: LeadValue) => number {
  if (feature.kind === 'numeric') {
    const edges = feature.edges ?? [];
    return (value) => {
      const number = normalizeNumber(value);
      return number === null ? MISSING_LEVEL : FIRST_VALUE_LEVEL + binOf(edges, number);
    };
  }
  const byKey = new Map(feature.levels.slice(FIRST_VALUE_LEVEL).map((level, i) => [level.key, FIRST_VALUE_LEVEL + i]));
  const normalize = feature.kind === 'boolean' ? normalizeBoolean : normalizeCategory;
  return (value) => {
    const key = normalize(value);
    return key === null ? MISSING_LEVEL : (byKey.get(key) ?? OTHER_LEVEL);
  };
}

function binLevels(edges: readonly number[]): Level[] {
  const bin = (i: number, label: string): Level => ({ key: `bin${i}`, label, count: 0 });
  if (edges.length === 0) return [bin(0, 'any')];
  return [
    bin(0, `≤ ${formatNumber(edges[0])}`),
    ...edges.slice(1).map((edge, i) => bin(i + 1, `${formatNumber(edges[i])} – ${formatNumber(edge)}`)),
    bin(edges.length, `> ${formatNumber(edges[edges.length - 1])}`),
  ];
}
