import { request } from './http-client';

/** Predictive lead scoring (M2L-4): a model learnt from the tenant's own history. */

export type PredictiveModelStatus = 'training' | 'ready' | 'failed' | 'insufficient_data';
/** The held-out AUC in words, as the server bands it. */
export type ModelQuality = 'excellent' | 'good' | 'fair' | 'weak' | 'poor' | 'unknown';

export interface PredictiveFactor {
  /** Feature key: source, industry, province, region, seniority, productInterest, campaignType, headcount… */
  feature: string;
  /** Mean absolute log-odds the feature moves a lead away from the average lead. */
  importance: number;
  /** Values (or ranges) seen in training, most favourable first. */
  levels: { value: string; weight: number; count: number }[];
}

export interface PredictiveModel {
  id: string;
  modelVersion: number;
  status: PredictiveModelStatus;
  active: boolean;
  trigger: 'manual' | 'schedule';
  requestedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  trainedAt: string | null;
  trainingRows: number | null;
  positives: number | null;
  negatives: number | null;
  testRows: number | null;
  testPositives: number | null;
  testAuc: number | null;
  quality: ModelQuality;
  features: string[];
  topFactors: PredictiveFactor[];
  settings: { staleDays: number; minPositives: number; minNegatives: number; testPercent: number };
  /** The status in words, in the user's language. */
  message: string;
  error: { code: string; message: string } | null;
}

export interface TrainingStarted {
  modelId: string;
  jobId: string | null;
  /** False when a training was already under way (that one is returned). */
  started: boolean;
  model: PredictiveModel;
}

export interface PredictedContribution {
  feature: string;
  value: string;
  level: string;
  levelKind: 'value' | 'missing' | 'other';
  /** Log-odds against the average lead: + raises the score, − lowers it. */
  weight: number;
}

export interface PredictedScore {
  leadId: string;
  model: { id: string; modelVersion: number; trainedAt: string | null; testAuc: number | null; quality: ModelQuality } | null;
  probability: number | null;
  score: number | null;
  storedScore: number | null;
  baseline: { probability: number; score: number } | null;
  contributions: PredictedContribution[];
  computedAt: string;
}

export const predictiveApi = {
  /** The tenant's trainings, newest first (the active one among them). */
  models: (signal?: AbortSignal) => request<{ data: PredictiveModel[] }>('GET', '/predictive-models', { signal }),
  train: () => request<TrainingStarted>('POST', '/predictive-models/train', { body: {} }),
  leadScore: (leadId: string, signal?: AbortSignal) =>
    request<PredictedScore>('GET', `/leads/${encodeURIComponent(leadId)}/predicted-score`, { signal }),
};
