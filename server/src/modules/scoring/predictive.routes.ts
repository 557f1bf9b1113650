import { Type } from 'typebox';
import type { AppDb } from '../../platform/db/client.js';
import { ErrorResponse, IdParams, Nullable, Timestamp, Uuid } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/types.js';
import {
  getActivePredictiveModel, getPredictiveModel, listPredictiveModels, MODEL_STATUSES, requestTraining,
} from './predictive-model.service.js';
import { explainPredictedScore } from './predictive-scoring.service.js';
import { schedulePredictiveJobs } from './predictive.jobs.js';

const tags = ['Predictive scoring'];
const errors = { 403: ErrorResponse, 404: ErrorResponse };
/** One of the listed strings (typed as T; a union built from an array would be typed never). */
const literals = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));
const Quality = literals(['excellent', 'good', 'fair', 'weak', 'poor', 'unknown'] as const);

const Factor = Type.Object({
  feature: Type.String({ description: 'Feature key: source, industry, province, region, seniority, productInterest, campaignType, headcount, registeredCapital, or an engagement count' }),
  importance: Type.Number({ description: 'Mean absolute log-odds the feature moves a training lead away from the average lead' }),
  levels: Type.Array(Type.Object({ value: Type.String(), weight: Type.Number(), count: Type.Integer() }), {
    description: 'Values (or ranges) seen in training, most favourable first',
  }),
});

const ModelSummary = Type.Object({
  id: Uuid,
  modelVersion: Type.Integer({ description: '1, 2, 3… per tenant' }),
  status: literals(MODEL_STATUSES),
  active: Type.Boolean({ description: 'The model scoring the leads now (one per tenant)' }),
  trigger: literals(['manual', 'schedule'] as const),
  requestedBy: Nullable(Uuid),
  createdAt: Timestamp,
  startedAt: Nullable(Timestamp),
  finishedAt: Nullable(Timestamp),
  trainedAt: Nullable(Timestamp),
  trainingRows: Nullable(Type.Integer({ description: 'Labelled leads learnt from' })),
  positives: Nullable(Type.Integer({ description: 'Of which converted' })),
  negatives: Nullable(Type.Integer()),
  testRows: Nullable(Type.Integer({ description: 'Held-out leads (25 % by id) the AUC was measured on' })),
  testPositives: Nullable(Type.Integer()),
  testAuc: Nullable(Type.Number({ description: 'Chance that a converting held-out lead scores above a non-converting one (0.5 = guessing)' })),
  quality: Quality,
  features: Type.Array(Type.String()),
  topFactors: Type.Array(Factor),
  settings: Type.Object({
    staleDays: Type.Integer({ description: 'A new or recycled lead older than this counts as not converted' }),
    minPositives: Type.Integer(),
    minNegatives: Type.Integer(),
    testPercent: Type.Integer(),
  }),
  message: Type.String({ description: 'The status in words, in the caller’s language' }),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
});

const Explanation = Type.Object({
  leadId: Uuid,
  model: Nullable(Type.Object({
    id: Uuid,
    modelVersion: Type.Integer(),
    trainedAt: Nullable(Timestamp),
    testAuc: Nullable(Type.Number()),
    quality: Quality,
  })),
  probability: Nullable(Type.Number({ description: 'Estimated probability that the lead converts' })),
  score: Nullable(Type.Integer({ description: 'The probability in percent (0–100)' })),
  storedScore: Nullable(Type.Integer({ description: 'The predictedScore stored on the lead' })),
  baseline: Nullable(Type.Object({ probability: Type.Number(), score: Type.Integer() }, { description: 'The average lead of the history' })),
  contributions: Type.Array(Type.Object({
    feature: Type.String(),
    value: Type.String(),
    level: Type.String(),
    levelKind: literals(['value', 'missing', 'other'] as const),
    weight: Type.Number({ description: 'Log-odds against the average lead: + raises the score, − lowers it' }),
  })),
  computedAt: Timestamp,
});

export function registerPredictiveRoutes(app: App, db: AppDb) {
  app.addHook('onReady', () => schedulePredictiveJobs(db));

  app.post('/api/v1/predictive-models/train', {
    schema: {
      tags,
      summary: 'Retrain the predictive lead score on the tenant’s history now (admins and marketing); the result comes from a job',
      response: {
        202: Type.Object({
          modelId: Uuid,
          jobId: Nullable(Uuid),
          started: Type.Boolean({ description: 'False when a training was already under way: that one is returned' }),
          model: ModelSummary,
        }),
        ...errors,
      },
    },
  }, async (request, reply) => {
    const { model, jobId, started } = await requestTraining(request.ctx);
    return reply.status(202).send({ modelId: model.id, jobId, started, model });
  });

  app.get('/api/v1/predictive-models', {
    schema: { tags, summary: 'The tenant’s trainings, newest first (the last few are kept)', response: { 200: Type.Object({ data: Type.Array(ModelSummary) }), ...errors } },
  }, async (request) => ({ data: await listPredictiveModels(request.ctx) }));

  app.get('/api/v1/predictive-models/active', {
    schema: { tags, summary: 'The model scoring the leads: AUC on held-out leads, training rows, trained at, top factors', response: { 200: ModelSummary, ...errors } },
  }, async (request) => getActivePredictiveModel(request.ctx));

  app.get('/api/v1/predictive-models/:id', {
    schema: { tags, summary: 'One training: its status, numbers, or why there is no model', params: IdParams, response: { 200: ModelSummary, ...errors } },
  }, async (request) => getPredictiveModel(request.ctx, request.params.id));

  app.get('/api/v1/leads/:id/predicted-score', {
    schema: {
      tags,
      summary: 'The lead’s predicted score now: probability, 0–100 score and how much each feature moved it',
      params: IdParams,
      response: { 200: Explanation, ...errors },
    },
  }, async (request) => explainPredictedScore(request.ctx, request.params.id));
}
