import { describe, expect, it } from 'vitest';
import type { PredictiveModel } from '../api/predictive';
import { enUS, type MessageKey } from '../i18n/messages-en-us';
import {
  aucAsPairs, contributionBars, contributionLevel, factorBars, featureLabel, formatAuc, isTraining, modelsOverview, valueLabel,
} from './predictive-vocabulary';

const t = (key: MessageKey) => enUS[key];

describe('predictive vocabulary', () => {
  it('names features and values as people read them', () => {
    expect(featureLabel('source', t)).toBe('Source');
    expect(featureLabel('webVisits', t)).toBe('Website visits');
    expect(featureLabel('somethingNew', t)).toBe('somethingNew');
    expect(valueLabel('source', 'referral', t, 'en-US')).toBe('Referral');
    expect(valueLabel('source', 'referral', t, 'zh-CN')).toBe('客户转介绍');
    expect(valueLabel('industry', '制造业', t, 'en-US')).toBe('Manufacturing');
    expect(valueLabel('seniority', 'director', t, 'en-US')).toBe('Director / VP');
    expect(valueLabel('campaignType', 'seminar', t, 'en-US')).toBe('Seminar');
    expect(valueLabel('headcount', '120 – 500', t, 'en-US')).toBe('120 – 500');
    expect(valueLabel('industry', '(missing)', t, 'en-US')).toBe('not filled in');
    expect(contributionLevel({ feature: 'source', value: 'Fax', level: '(other)', levelKind: 'other', weight: 0 }, t, 'en-US')).toBe('another value');
  });

  it('reads the AUC as pairs out of 100', () => {
    expect(aucAsPairs(0.775)).toBe(78);
    expect(aucAsPairs(null)).toBeNull();
    expect(formatAuc(0.7751)).toBe('0.78');
    expect(formatAuc(null)).toBe('—');
  });

  it('scales factor bars to the strongest and picks the best and worst values', () => {
    const bars = factorBars([
      { feature: 'industry', importance: 0.8, levels: [{ value: '制造业', weight: 1.2, count: 80 }, { value: '零售', weight: -0.6, count: 70 }] },
      { feature: 'source', importance: 0.4, levels: [{ value: 'referral', weight: 0.9, count: 60 }] },
      { feature: 'province', importance: 0, levels: [{ value: '江苏', weight: 0, count: 10 }, { value: '浙江', weight: 0, count: 9 }] },
    ]);
    expect(bars.map((b) => [b.feature, b.percent, b.best?.value ?? null, b.worst?.value ?? null])).toEqual([
      ['industry', 100, '制造业', '零售'],
      ['source', 50, 'referral', null],
      ['province', 0, null, null],
    ]);
    expect(factorBars([])).toEqual([]);
  });

  it('keeps the contributions that move the score, strongest first, as bars', () => {
    const bars = contributionBars([
      { feature: 'source', value: 'referral', level: 'referral', levelKind: 'value', weight: 1.6 },
      { feature: 'industry', value: '零售', level: '零售', levelKind: 'value', weight: -0.8 },
      { feature: 'province', value: '江苏', level: '江苏', levelKind: 'value', weight: 0.01 },
    ]);
    expect(bars.map((b) => [b.feature, b.direction, b.percent])).toEqual([
      ['source', 'up', 100],
      ['industry', 'down', 50],
    ]);
  });

  it('finds the active model, the latest training and whether one is running', () => {
    const model = (fields: Partial<PredictiveModel>) => ({ active: false, status: 'ready', ...fields }) as PredictiveModel;
    const models = [model({ id: 'v3', status: 'training' }), model({ id: 'v2', active: true }), model({ id: 'v1' })];
    expect(modelsOverview(models)).toMatchObject({ active: { id: 'v2' }, latest: { id: 'v3' } });
    expect(isTraining(models)).toBe(true);
    expect(modelsOverview([])).toEqual({ active: null, latest: null });
  });
});
