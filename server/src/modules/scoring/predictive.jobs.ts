import { systemContext } from '../../platform/auth/context-loader.js';
import type { AppDb, Executor } from '../../platform/db/client.js';
import type { DomainEvent } from '../../platform/events/events.schema.js';
import { subscribeBatch } from '../../platform/events/subscribers.js';
import { enqueue } from '../../platform/jobs/enqueue.js';
import { defineJob } from '../../platform/jobs/registry.js';
import { schedule } from '../../platform/jobs/schedules.js';
import { updateAffectsPrediction } from './predictive-features.js';
import {
  markTrainingFailed, PREDICT_TENANT_JOB, requestTraining, runTraining, tenantsWithTrainings, TRAIN_JOB,
} from './predictive-model.service.js';
import { predictLeads, predictOpenLeadsPage } from './predictive-scoring.service.js';

const ACTOR = 'predictive-scoring';

/*
 * The predictive score runs in jobs: a training per request (manual or nightly), then a pass
 * over the open leads a page per job; leads are scored by subscribers (themselves durable
 * jobs, a batch of events at a time) within seconds of a change or an engagement.
 */

/** Trains a requested model; on the last failed attempt the training is stored as failed. */
export const trainPredictiveJob = defineJob<{ tenantId: string; modelId: string }>(TRAIN_JOB, async ({ tenantId, modelId }, { db, retryAt }) => {
  const ctx = systemContext(db, tenantId, ACTOR);
  try {
    await runTraining(ctx, modelId);
  } catch (err) {
    if (retryAt === null) await markTrainingFailed(ctx, modelId, err instanceof Error ? err.message : String(err));
    throw err;
  }
});

/** One page of the tenant's open leads scored by the new model; each run enqueues the next. */
export const predictTenantJob = defineJob<{ tenantId: string; modelId: string; cursor: string | null }>(
  PREDICT_TENANT_JOB,
  async ({ tenantId, modelId, cursor }, { db }) => {
    const next = await predictOpenLeadsPage(systemContext(db, tenantId, ACTOR), modelId, cursor);
    if (next) await enqueue(db, { type: PREDICT_TENANT_JOB, tenantId, payload: { tenantId, modelId, cursor: next } });
  },
);

/**
 * Nightly: every tenant that has trained once (an admin opted in with "Train") is retrained
 * on its history as it stands, like Odoo's nightly rebuild of its predictive scoring.
 */
export const nightlyTrainingJob = defineJob<Record<string, never>>('scoring.train_predictive_nightly', async (_payload, { db }) => {
  for (const tenantId of await tenantsWithTrainings(db)) {
    await requestTraining(systemContext(db, tenantId, ACTOR), 'schedule');
  }
});

export const NIGHTLY_TRAINING_SCHEDULE = 'scoring.train_predictive';

/** Installs the nightly retraining (idempotent: run on every start). */
export const schedulePredictiveJobs = (exec: Executor) =>
  schedule(exec, { name: NIGHTLY_TRAINING_SCHEDULE, cron: '47 3 * * *', type: nightlyTrainingJob.type, payload: {} });

/** Scores the leads of a batch of events (all of one tenant), in a few statements. */
async function predictEventLeads(db: AppDb, events: readonly DomainEvent[]) {
  const ids = events.flatMap((event) => event.recordId ?? []);
  if (ids.length > 0) await predictLeads(systemContext(db, events[0].tenantId, ACTOR), ids);
}

subscribeBatch('scoring.predict-lead-created', 'leads.created', (events, { db }) => predictEventLeads(db, events));

subscribeBatch('scoring.predict-lead-updated', 'leads.updated', (events, { db }) =>
  predictEventLeads(db, events.filter((event) => updateAffectsPrediction((event.payload as { changes?: Record<string, unknown> } | null)?.changes))),
);

subscribeBatch('scoring.predict-lead-merged', 'leads.merged', (events, { db }) => predictEventLeads(db, events));

subscribeBatch('scoring.predict-lead-engaged', 'leads.engaged', (events, { db }) => predictEventLeads(db, events));
