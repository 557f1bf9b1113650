import { featureLabel, type FeatureDefinition, type FeatureSpec, type LeadRow } from './feature-spec.js';
import {
  binOf,
  MISSING_LEVEL,
  normalizeBoolean,
  normalizeCategory,
  normalizeNumber,
  OTHER_LEVEL,
  quantileEdges,
} from './feature-levels.js';
import type { EncodedFeature, Level } from './model.js';

export interface EncoderOptions {
  /** Values seen fewer times than this are pooled into "other", so no weight rests on a handful of leads. */
  minLevelCount: number;
  /** Quantile bins per numeric feature. */
  bins: number;
}

const baseLevels = (): Level[] => [
  { key: '', label: '(missing)', count: 0 },
  { key: '', label: '(other)', count: 0 },
];

/** Learns the levels of every feature (and interaction) from training rows. Labels are not read. */
export function fitFeatures(rows: readonly LeadRow[], spec: FeatureSpec, options: EncoderOptions): EncodedFeature[] {
  const features = spec.features.map((definition) => fitBaseFeature(rows, definition, options));
  const levelsOf = features.map((feature) => baseLevelIndexer(feature));
  for (const [a, b] of spec.interactions ?? []) {
    const sources = [indexOfFeature(spec, a), indexOfFeature(spec, b)] as [number, number];
    features.push(fitInteraction(rows, features, sources, levelsOf, options));
  }
  return features;
}

/** The level index of every feature for one row; interactions read the levels of their sources. */
export function levelIndexer(features: readonly EncodedFeature[]): (row: LeadRow) => Int32Array {
  const indexers = features.map((feature) => (feature.kind === 'interaction' ? null : baseLevelIndexer(feature)));
  const pairMaps = features.map((feature) => (feature.kind === 'interaction' ? keyMap(feature.levels) : null));
  return (row) => {
    const levels = new Int32Array(features.length);
    features.forEach((feature, f) => {
      const indexer = indexers[f];
      if (indexer) levels[f] = indexer(row);
      else {
        const [a, b] = feature.sources ?? [0, 0];
        levels[f] = pairMaps[f]?.get(pairKey(levels[a], levels[b])) ?? OTHER_LEVEL;
      }
    });
    return levels;
  };
}

function indexOfFeature(spec: FeatureSpec, name: string): number {
  const index = spec.features.findIndex((feature) => feature.name === name);
  if (index < 0) throw new Error(`Interaction names an unknown feature: ${name}`);
  return index;
}

function fitBaseFeature(rows: readonly LeadRow[], definition: FeatureDefinition, options: EncoderOptions): EncodedFeature {
  const common = { name: definition.name, label: featureLabel(definition) };
  if (definition.kind === 'numeric') {
    const values = rows.map((row) => normalizeNumber(row[definition.name])).filter((v): v is number => v !== null);
    const edges = quantileEdges(values, options.bins);
    const feature: EncodedFeature = { ...common, kind: 'numeric', edges, levels: [...baseLevels(), ...binLevels(edges)] };
    return withCounts(feature, rows);
  }
  if (definition.kind === 'boolean') {
    const levels = [...baseLevels(), { key: 'true', label: 'Yes', count: 0 }, { key: 'false', label: 'No', count: 0 }];
    return withCounts({ ...common, kind: 'boolean', levels }, rows);
  }
  return fitCategorical(rows, common, options);
}

function fitCategorical(
  rows: readonly LeadRow[],
  common: { name: string; label: string },
  options: EncoderOptions,
): EncodedFeature {
  // Per normalised key: how often, and which spelling to show (the most common one).
  const seen = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const row of rows) {
    const raw = row[common.name];
    const key = normalizeCategory(raw);
    if (key === null) continue;
    const entry = seen.get(key) ?? { count: 0, spellings: new Map<string, number>() };
    const spelling = String(raw).trim();
    entry.count++;
    entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
    seen.set(key, entry);
  }
  const kept = [...seen.entries()]
    .filter(([, entry]) => entry.count >= options.minLevelCount)
    .sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1))
    .map(([key, entry]) => ({ key, label: mostCommon(entry.spellings), count: 0 }));
  return withCounts({ ...common, kind: 'categorical', levels: [...baseLevels(), ...kept] }, rows);
}

function fitInteraction(
  rows: readonly LeadRow[],
  features: readonly EncodedFeature[],
  sources: [number, number],
  levelsOf: readonly ((row: LeadRow) => number)[],
  options: EncoderOptions,
): EncodedFeature {
  const [a, b] = sources;
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = pairKey(levelsOf[a](row), levelsOf[b](row));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const kept = [...counts.entries()]
    .filter(([, count]) => count >= options.minLevelCount)
    .sort(([x, m], [y, n]) => n - m || (x < y ? -1 : 1))
    .map(([key]) => {
      const [i, j] = key.split('|').map(Number);
      return { key, label: `${features[a].levels[i].label} × ${features[b].levels[j].label}`, count: 0 };
    });
  const interaction: EncodedFeature = {
    name: `${features[a].name} × ${features[b].name}`,
    label: `${features[a].label} × ${features[b].label}`,
    kind: 'interaction',
    sources,
    levels: [...baseLevels(), ...kept],
  };
  const pairs = keyMap(interaction.levels);
  for (const row of rows) {
    interaction.levels[pairs.get(pairKey(levelsOf[a](row), levelsOf[b](row))) ?? OTHER_LEVEL].count++;
  }
  return interaction;
}

function withCounts(feature: EncodedFeature, rows: readonly LeadRow[]): EncodedFeature {
  const indexer = baseLevelIndexer(feature);
  for (const row of rows) feature.levels[indexer(row)].count++;
  return feature;
}

function baseLevelIndexer(feature: EncodedFeature): (row: LeadRow) => number {
  const { name } = feature;
  if (feature.kind === 'numeric') {
    const edges = feature.edges ?? [];
    return (row) => {
      const value = normalizeNumber(row[name]);
      return value === null ? MISSING_LEVEL : OTHER_LEVEL + 1 + binOf(edges, value);
    };
  }
  const keys = keyMap(feature.levels);
  const normalize = feature.kind === 'boolean' ? (raw: LeadRow[string]) => nullableString(normalizeBoolean(raw)) : normalizeCategory;
  return (row) => {
    const key = normalize(row[name]);
    return key === null ? MISSING_LEVEL : (keys.get(key) ?? OTHER_LEVEL);
  };
}

const nullableString = (value: boolean | null) => (value === null ? null : String(value));

/** Level index by key; the two base levels have no key and are reached by rule, not lookup. */
const keyMap = (levels: readonly Level[]) => new Map(levels.slice(OTHER_LEVEL + 1).map((level, i) => [level.key, i + OTHER_LEVEL + 1]));

const pairKey = (a: number, b: number) => `${a}|${b}`;

function binLevels(edges: readonly number[]): Level[] {
  if (edges.length === 0) return [{ key: 'bin0', label: 'any', count: 0 }];
  const first = { key: 'bin0', label: `≤ ${formatNumber(edges[0])}`, count: 0 };
  const middle = edges.slice(1).map((edge, i) => ({
    key: `bin${i + 1}`,
    label: `${formatNumber(edges[i])} – ${formatNumber(edge)}`,
    count: 0,
  }));
  const last = { key: `bin${edges.length}`, label: `> ${formatNumber(edges.at(-1) ?? 0)}`, count: 0 };
  return [first, ...middle, last];
}

export const formatNumber = (value: number) => String(Number(value.toPrecision(4)));

function mostCommon(spellings: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [spelling, count] of spellings) {
    if (count > bestCount || (count === bestCount && spelling < best)) [best, bestCount] = [spelling, count];
  }
  return best;
}
