import { describe, expect, it } from 'vitest';
import { auc } from './auc.js';
import { evaluateModel } from './evaluate-model.js';
import type { FeatureSpec, LeadRow } from './feature-spec.js';
import { parseModel } from './model.js';
import { leadScorer, scoreLead } from './score-lead.js';
import { topFactors } from './top-factors.js';
import { trainModel } from './train-model.js';

const spec: FeatureSpec = {
  version: 1,
  features: [
    { name: 'source', kind: 'categorical', label: 'Lead source' },
    { name: 'visits', kind: 'numeric', label: 'Website visits' },
    { name: 'newsletter', kind: 'boolean', label: 'Newsletter' },
    { name: 'region', kind: 'categorical' },
    { name: 'tenant', kind: 'categorical' },
  ],
};

/**
 * Synthetic history with a known truth: referrals convert far more, visits help, newsletter
 * and region are noise, a fifth of the visit counts are missing, one source is rare.
 */
function syntheticLeads(count: number, seed: number) {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const sources = ['Reference', 'Google', 'Direct', 'Olark Chat'];
  const rows: LeadRow[] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const source = i % 400 === 0 ? 'Trade fair' : sources[Math.floor(random() * sources.length)];
    const visits = Math.floor(random() * 10);
    const z = -1.5 + (source === 'Reference' ? 3 : 0) + 0.35 * visits;
    rows.push({
      id: `lead-${seed}-${i}`,
      source: i % 3 ? source : ` ${source.toUpperCase()}`,
      visits: random() < 0.2 ? null : String(visits),
      newsletter: random() < 0.5 ? 'Yes' : 'No',
      region: ['North', 'South', ''][Math.floor(random() * 3)],
      tenant: 'acme',
    });
    labels.push(random() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
  }
  return { rows, labels };
}

const history = syntheticLeads(3000, 7);
const model = trainModel(history.rows, history.labels, spec);

describe('trainModel', () => {
  it('recovers an obvious signal and ranks unseen leads well', () => {
    const fresh = syntheticLeads(1000, 99);
    const score = leadScorer(model);
    expect(auc(fresh.rows.map((row) => score(row).logit), fresh.labels)).toBeGreaterThan(0.75);
    const source = model.features.find((feature) => feature.name === 'source');
    const weightOf = (label: string) => source!.weights[source!.levels.findIndex((level) => level.label === label)];
    expect(weightOf('Reference')).toBeGreaterThan(1);
    expect(weightOf('Google')).toBeLessThan(0);
  });

  it('ranks the true signals as the top factors, most favourable level first', () => {
    const [first, second] = topFactors(model, 2);
    expect([first.feature, second.feature].sort()).toEqual(['Lead source', 'Website visits']);
    const source = topFactors(model, 5).find((factor) => factor.feature === 'Lead source');
    expect(source?.levels[0].value).toBe('Reference');
  });

  it('merges spellings of one value, pools rare values, and drops features that never vary', () => {
    const source = model.features.find((feature) => feature.name === 'source')!;
    const labels = source.levels.map((level) => level.label);
    expect(labels.slice(0, 2)).toEqual(['(missing)', '(other)']);
    expect(labels.slice(2).sort()).toEqual(['Direct', 'Google', 'Olark Chat', 'Reference']);
    expect(source.levels[1].count).toBe(Math.ceil(3000 / 400)); // "Trade fair": 8 leads, under 10
    expect(model.features.map((feature) => feature.name)).not.toContain('tenant');
  });

  it('keeps only the most frequent values when told to cap the levels', () => {
    const capped = trainModel(history.rows, history.labels, spec, { lambda: 1, maxLevels: 2 });
    const source = capped.features.find((feature) => feature.name === 'source')!;
    expect(source.levels).toHaveLength(4);
    expect(source.levels[1].count).toBeGreaterThan(1000);
  });

  it('chooses the penalty by cross-validation and records what it tried', () => {
    expect(model.training.crossValidation?.map((entry) => entry.lambda)).toEqual([0.3, 1, 3, 10, 30]);
    expect(model.training.crossValidation?.every((entry) => entry.auc > 0.7)).toBe(true);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(trainModel(history.rows, history.labels, spec))).toBe(JSON.stringify(model));
  });

  it.each([
    ['labels of another length', history.rows, [1, 0]],
    ['a label other than 0 or 1', history.rows.slice(0, 2), [1, 2]],
    ['a single class', history.rows.slice(0, 20), Array<number>(20).fill(1)],
  ])('refuses %s', (_, rows, labels) => {
    expect(() => trainModel(rows, labels, spec)).toThrow(/trainModel/);
  });

  it('refuses an invalid spec', () => {
    const bad = { version: 1, features: [{ name: 'x', kind: 'text' }] } as unknown as FeatureSpec;
    expect(() => trainModel(history.rows, history.labels, bad, { lambda: 1 })).toThrow(/spec/);
  });
});

describe('scoreLead', () => {
  const lead: LeadRow = { source: 'Reference', visits: '7', newsletter: 'Yes', region: 'North' };

  it('explains the score: contributions and the intercept sum to the logit', () => {
    const result = scoreLead(model, lead);
    const sum = result.contributions.reduce((total, c) => total + c.weight, model.intercept);
    expect(sum).toBeCloseTo(result.logit, 12);
    expect(result.probability).toBeCloseTo(1 / (1 + Math.exp(-result.logit)), 12);
    expect(result.score).toBe(Math.round(result.probability * 100));
    expect(result.contributions[0]).toMatchObject({ feature: 'Lead source', value: 'Reference', level: 'Reference' });
    expect(result.contributions.find((c) => c.feature === 'Website visits')).toMatchObject({ value: '7' });
  });

  it.each<[string, LeadRow]>([
    ['an empty lead', {}],
    ['unseen values', { source: 'Carrier pigeon', visits: '1e9', newsletter: 'perhaps', region: 'Mars' }],
    ['blank and unreadable values', { source: '  ', visits: 'many', newsletter: null, region: undefined }],
    ['native types', { source: 42, visits: -3, newsletter: true }],
  ])('scores %s without failing', (_, row) => {
    const result = scoreLead(model, row);
    expect(Number.isFinite(result.logit)).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(100);
    expect(result.contributions).toHaveLength(model.features.length);
  });

  it('treats missing and unseen values as such', () => {
    const result = scoreLead(model, { source: 'Carrier pigeon' });
    const about = (feature: string) => result.contributions.find((c) => c.feature === feature);
    expect(about('Lead source')).toMatchObject({ value: 'Carrier pigeon', level: '(other)' });
    expect(about('Website visits')).toMatchObject({ value: '(missing)', level: '(missing)' });
  });
});

describe('stored models', () => {
  it('give identical scores after a JSON round trip', () => {
    const restored = parseModel(JSON.stringify(model));
    const leads = syntheticLeads(200, 3).rows;
    const before = leadScorer(model);
    const after = leadScorer(restored);
    for (const lead of leads) expect(after(lead)).toEqual(before(lead));
  });

  it.each<[string, unknown]>([
    ['not JSON of a model', { hello: 'world' }],
    ['another format version', { ...model, format: 'lead2cash.lead-score.logistic/0' }],
    ['weights that do not match the levels', { ...model, features: [{ ...model.features[0], weights: [1] }] }],
  ])('are refused when %s', (_, json) => {
    expect(() => parseModel(json)).toThrow(/Not a lead2cash/);
  });
});

describe('evaluateModel', () => {
  it('trains on the ids outside the held-out buckets and measures AUC on the rest', () => {
    const ids = history.rows.map((row) => String(row.id));
    const evaluation = evaluateModel(history.rows, history.labels, ids, spec, { testPercent: 25, lambda: 3 });
    expect(evaluation.train.rows + evaluation.test.rows).toBe(3000);
    expect(evaluation.test.rows / 3000).toBeGreaterThan(0.2);
    expect(evaluation.test.rows / 3000).toBeLessThan(0.3);
    expect(evaluation.model.training.rows).toBe(evaluation.train.rows);
    expect(evaluation.auc).toBeGreaterThan(0.75);
  });
});
