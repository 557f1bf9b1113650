import type { RequestContext } from '../../platform/access/context.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import { leadStore, setLeadScoresMany, type Lead } from '../leads/leads.service.js';
import { sigmoid } from './predictive/index.js';
import { modelQuality, PREDICTED_STATUSES, type ModelQuality } from './predictive-features.js';
import { loadActiveModel, type ActiveModel } from './predictive-model.service.js';
import { leadRows, openLeadsPage } from './predictive-rows.service.js';

/*
 * The predictive score on the leads: kept in `leads.predicted_score` (0–100) for the leads
 * whose outcome is open, apart from the rule score and from anything a person typed, and
 * explained on request feature by feature.
 */

const isPredicted = (lead: Lead) => (PREDICTED_STATUSES as readonly string[]).includes(lead.status);

export interface PredictionOutcome {
  scored: number;
  changed: number;
}

/**
 * Scores `leads` with the tenant's active model (one read of the model, engagement and
 * campaigns for the batch) and stores the scores that moved in one batched write. Leads whose
 * outcome is known keep the score they had. Run as the system.
 */
async function scoreLeads(ctx: RequestContext, leads: readonly Lead[], active?: ActiveModel | null): Promise<PredictionOutcome> {
  const open = leads.filter(isPredicted);
  if (open.length === 0) return { scored: 0, changed: 0 };
  const model = active === undefined ? await loadActiveModel(ctx) : active;
  if (!model) return { scored: 0, changed: 0 };
  const now = new Date();
  const rows = await leadRows(ctx, open, () => now);
  const written = await setLeadScoresMany(ctx, open.map((lead, i) => ({ lead, scores: { predictedScore: model.score(rows[i]).score } })));
  return { scored: open.length, changed: written.length };
}

/** Scores leads (after they were created, edited or engaged) in a few statements; deleted leads are skipped. */
export async function predictLeads(ctx: RequestContext, leadIds: readonly string[]): Promise<PredictionOutcome> {
  return scoreLeads(ctx, await leadStore.getMany(ctx, [...new Set(leadIds)]));
}

/**
 * Scores one page of the tenant's open leads with model `modelId`; returns the cursor of the
 * next page, or null when done — or when another model has become active since (its own pass
 * takes over).
 */
export async function predictOpenLeadsPage(ctx: RequestContext, modelId: string, cursor: string | null): Promise<string | null> {
  const active = await loadActiveModel(ctx);
  if (!active || active.id !== modelId) return null;
  const page = await openLeadsPage(ctx, cursor);
  await scoreLeads(ctx, page.data, active);
  return page.nextCursor;
}

export interface PredictedContribution {
  /** The feature's key (source, industry, seniority, headcount, webVisits…). */
  feature: string;
  /** The lead's own value, as the model read it. */
  value: string;
  /** The level that carried the weight: the value, its range, or missing / other. */
  level: string;
  levelKind: 'value' | 'missing' | 'other';
  /** Log-odds against the average lead: + raises the score, − lowers it. */
  weight: number;
}

export interface PredictedScoreExplanation {
  leadId: string;
  /** The model that scored; null while the tenant has none (nothing else is then filled). */
  model: { id: string; modelVersion: number; trainedAt: string | null; testAuc: number | null; quality: ModelQuality } | null;
  probability: number | null;
  score: number | null;
  /** The score stored on the lead (kept while its outcome was open). */
  storedScore: number | null;
  /** The average lead of the training history, which every contribution is measured against. */
  baseline: { probability: number; score: number } | null;
  /** One per feature, strongest first. */
  contributions: PredictedContribution[];
  computedAt: string;
}

const MISSING = '(missing)';
const OTHER = '(other)';

/** The lead's predicted score now, with how much each feature moved it. The caller must see the lead. */
export async function explainPredictedScore(ctx: RequestContext, leadId: string): Promise<PredictedScoreExplanation> {
  const lead = await leadStore.get(ctx, leadId);
  const computedAt = new Date();
  // The caller may see the lead: the model's inputs (engagement, campaign type) are read as the system.
  const system = systemContext(ctx.db, ctx.tenantId, 'predictive-scoring');
  const active = await loadActiveModel(system);
  const base = { leadId: lead.id, storedScore: lead.predictedScore, computedAt: computedAt.toISOString() };
  if (!active) return { ...base, model: null, probability: null, score: null, baseline: null, contributions: [] };
  const [row] = await leadRows(system, [lead], () => computedAt);
  const result = active.score(row);
  const labelToName = new Map(active.model.features.map((feature) => [feature.label, feature.name]));
  const baseline = sigmoid(active.model.intercept);
  return {
    ...base,
    model: {
      id: active.id,
      modelVersion: active.modelVersion,
      trainedAt: active.trainedAt,
      testAuc: active.testAuc,
      quality: modelQuality(active.testAuc),
    },
    probability: result.probability,
    score: result.score,
    baseline: { probability: baseline, score: Math.round(baseline * 100) },
    contributions: result.contributions.map((c) => ({
      feature: labelToName.get(c.feature) ?? c.feature,
      value: c.value,
      level: c.level,
      levelKind: c.level === MISSING ? 'missing' : c.level === OTHER ? 'other' : 'value',
      weight: c.weight,
    })),
  };
}
