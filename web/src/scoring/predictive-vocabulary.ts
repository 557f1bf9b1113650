import type { ModelQuality, PredictedContribution, PredictiveFactor, PredictiveModel, PredictiveModelStatus } from '../api/predictive';
import type { Locale } from '../api/types';
import type { MessageKey } from '../i18n/messages-en-us';
import { labelOf, type LabelledValue } from '../shared/labelled-options';
import { INDUSTRIES } from '../shared/industries';
import { PROVINCES, REGIONS } from '../shared/regions';
import { LEAD_SOURCES, PRODUCT_LINES } from '../leads/lead-sources';

/** The predictive score's features and values as people read them; pure helpers, no maths in components. */

export const FEATURE_LABELS: Readonly<Record<string, MessageKey>> = {
  source: 'predictive.feature.source',
  industry: 'predictive.feature.industry',
  province: 'predictive.feature.province',
  region: 'predictive.feature.region',
  seniority: 'predictive.feature.seniority',
  productInterest: 'predictive.feature.productInterest',
  campaignType: 'predictive.feature.campaignType',
  headcount: 'predictive.feature.headcount',
  registeredCapital: 'predictive.feature.registeredCapital',
  emailOpens: 'predictive.feature.emailOpens',
  emailClicks: 'predictive.feature.emailClicks',
  webVisits: 'predictive.feature.webVisits',
  formSubmits: 'predictive.feature.formSubmits',
  contentDownloads: 'predictive.feature.contentDownloads',
  events: 'predictive.feature.events',
};

const SENIORITY_LABELS: Readonly<Record<string, MessageKey>> = {
  executive: 'predictive.seniority.executive',
  director: 'predictive.seniority.director',
  manager: 'predictive.seniority.manager',
  staff: 'predictive.seniority.staff',
  other: 'predictive.seniority.other',
};

const CAMPAIGN_TYPE_LABELS: Readonly<Record<string, MessageKey>> = {
  seo: 'campaign.type.seo',
  sem: 'campaign.type.sem',
  content: 'campaign.type.content',
  webinar: 'campaign.type.webinar',
  email: 'campaign.type.email',
  sponsorship: 'campaign.type.sponsorship',
  seminar: 'campaign.type.seminar',
  conference: 'campaign.type.conference',
  trade_show: 'campaign.type.trade_show',
  other: 'campaign.type.other',
};

const STORED_VALUES: Readonly<Record<string, readonly LabelledValue[]>> = {
  source: LEAD_SOURCES,
  industry: INDUSTRIES,
  province: PROVINCES,
  region: REGIONS,
  productInterest: PRODUCT_LINES,
};

export const QUALITY_LABELS: Readonly<Record<ModelQuality, MessageKey>> = {
  excellent: 'predictive.quality.excellent',
  good: 'predictive.quality.good',
  fair: 'predictive.quality.fair',
  weak: 'predictive.quality.weak',
  poor: 'predictive.quality.poor',
  unknown: 'predictive.quality.unknown',
};

export const QUALITY_COLORS: Readonly<Record<ModelQuality, string>> = {
  excellent: 'green',
  good: 'green',
  fair: 'gold',
  weak: 'orange',
  poor: 'red',
  unknown: 'default',
};

export const STATUS_LABELS: Readonly<Record<PredictiveModelStatus, MessageKey>> = {
  training: 'predictive.status.training',
  ready: 'predictive.status.ready',
  failed: 'predictive.status.failed',
  insufficient_data: 'predictive.status.insufficient_data',
};

export const STATUS_COLORS: Readonly<Record<PredictiveModelStatus, string>> = {
  training: 'processing',
  ready: 'success',
  failed: 'error',
  insufficient_data: 'warning',
};

type Translate = (key: MessageKey) => string;

export function featureLabel(feature: string, t: Translate): string {
  const key = FEATURE_LABELS[feature];
  return key ? t(key) : feature;
}

/**
 * A value (or a numeric range) of a feature as the reader knows it: a lead source by its name,
 * a seniority bucket or campaign type in the UI language, anything else as stored.
 */
export function valueLabel(feature: string, value: string, t: Translate, locale: Locale): string {
  if (value === '(missing)') return t('predictive.level.missing');
  if (value === '(other)') return t('predictive.level.other');
  if (feature === 'seniority' && SENIORITY_LABELS[value]) return t(SENIORITY_LABELS[value]);
  if (feature === 'campaignType' && CAMPAIGN_TYPE_LABELS[value]) return t(CAMPAIGN_TYPE_LABELS[value]);
  const list = STORED_VALUES[feature];
  return list ? labelOf(list, value, locale) : value;
}

/** The level that carried a contribution's weight, read like a stored value. */
export function contributionLevel(c: PredictedContribution, t: Translate, locale: Locale): string {
  if (c.levelKind === 'missing') return t('predictive.level.missing');
  if (c.levelKind === 'other') return t('predictive.level.other');
  return valueLabel(c.feature, c.level, t, locale);
}

/** Pairs out of 100 (a converted lead and a lost one) in which the converted lead scores higher. */
export const aucAsPairs = (auc: number | null): number | null => (auc === null ? null : Math.round(auc * 100));

export const formatAuc = (auc: number | null): string => (auc === null ? '—' : auc.toFixed(2));

export interface FactorBar {
  feature: string;
  /** The factor's influence against the strongest one, 0–100. */
  percent: number;
  best: PredictiveFactor['levels'][number] | null;
  worst: PredictiveFactor['levels'][number] | null;
}

/** Top factors as bars scaled to the strongest, with their most and least favourable values. */
export function factorBars(factors: readonly PredictiveFactor[]): FactorBar[] {
  const strongest = Math.max(0, ...factors.map((f) => f.importance));
  return factors.map((f) => {
    const best = f.levels[0] ?? null;
    const worst = f.levels.length > 1 ? f.levels[f.levels.length - 1] : null;
    return {
      feature: f.feature,
      percent: strongest > 0 ? Math.round((f.importance / strongest) * 100) : 0,
      best: best && best.weight > 0 ? best : null,
      worst: worst && worst.weight < 0 ? worst : null,
    };
  });
}

export interface ContributionBar extends PredictedContribution {
  direction: 'up' | 'down';
  /** |weight| against the strongest contribution, 0–100. */
  percent: number;
}

/** The contributions that move the score (strongest first, at most `limit`), as bars. */
export function contributionBars(contributions: readonly PredictedContribution[], limit = 6, minWeight = 0.05): ContributionBar[] {
  const moving = contributions.filter((c) => Math.abs(c.weight) >= minWeight).slice(0, limit);
  const strongest = Math.max(0, ...moving.map((c) => Math.abs(c.weight)));
  return moving.map((c) => ({
    ...c,
    direction: c.weight >= 0 ? 'up' : 'down',
    percent: strongest > 0 ? Math.round((Math.abs(c.weight) / strongest) * 100) : 0,
  }));
}

/** The active model and the latest training (which may be running, or have found too little data). */
export function modelsOverview(models: readonly PredictiveModel[]): { active: PredictiveModel | null; latest: PredictiveModel | null } {
  return { active: models.find((m) => m.active) ?? null, latest: models[0] ?? null };
}

/** Whether the page should keep asking for news: a training is under way. */
export const isTraining = (models: readonly PredictiveModel[]): boolean => models.some((m) => m.status === 'training');
