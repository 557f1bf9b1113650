import { and, desc, eq, lt, max, sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import type { Executor } from '../../platform/db/client.js';
import { publishEvent } from '../../platform/events/publish.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { translate } from '../../platform/i18n/messages.js';
import { enqueue } from '../../platform/jobs/enqueue.js';
import type { Lead } from '../leads/leads.service.js';
import {
  evaluateModel, leadScorer, parseModel, topFactors, trainModel, type Factor, type FeatureSpec, type LeadRow, type LeadScore, type Model,
} from './predictive/index.js';
import { DEFAULT_LABEL_RULE, FEATURE_SPEC, leadOutcome, modelQuality, type LabelRule, type ModelQuality } from './predictive-features.js';
import { predictiveModels } from './predictive-model.schema.js';
import { labelledCandidatesPage, leadRows } from './predictive-rows.service.js';
import './predictive.messages.js';

/** Below this many converted, or not converted, leads the history is too thin to learn from. */
export const MIN_POSITIVES = 50;
export const MIN_NEGATIVES = 50;
/** Share of the leads (by id bucket) held out to measure the AUC shown to the admin. */
export const TEST_PERCENT = 25;
/** Trainings kept per tenant (the active model is always kept). */
export const KEEP_MODELS = 5;
export const TOP_FACTORS = 10;
/** A training still `training` after this long is taken to have died: a new one may start. */
const STALE_TRAINING_MS = 60 * 60_000;

export const TRAIN_JOB = 'scoring.train_predictive';
export const PREDICT_TENANT_JOB = 'scoring.predict-tenant';

export const MODEL_STATUSES = ['training', 'ready', 'failed', 'insufficient_data'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];
export type TrainingTrigger = 'manual' | 'schedule';

interface TrainingSettings extends LabelRule {
  minPositives: number;
  minNegatives: number;
  testPercent: number;
}

/** A training as the API shows it: the numbers, the quality in words, the top factors, or why there is no model. */
export interface PredictiveModelSummary {
  id: string;
  modelVersion: number;
  status: ModelStatus;
  active: boolean;
  trigger: TrainingTrigger;
  requestedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** When the model was trained (ready models only). */
  trainedAt: string | null;
  trainingRows: number | null;
  positives: number | null;
  negatives: number | null;
  testRows: number | null;
  testPositives: number | null;
  testAuc: number | null;
  quality: ModelQuality;
  /** The features the model kept (those that told leads apart). */
  features: string[];
  topFactors: Factor[];
  settings: TrainingSettings;
  /** The status in words, in the caller's language. */
  message: string;
  error: { code: string; message: string } | null;
}

type ModelRow = typeof predictiveModels.$inferSelect;

const inTenant = (ctx: RequestContext) => eq(predictiveModels.tenantId, ctx.tenantId);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function statusMessage(row: ModelRow, locale: RequestContext['locale']): string {
  if (row.errorCode) return translate(locale, row.errorCode, row.errorParams ?? {});
  if (row.status === 'training') return translate(locale, 'PREDICTIVE_TRAINING');
  return translate(locale, 'PREDICTIVE_READY', { rows: row.trainingRows ?? 0, positives: row.positives ?? 0 });
}

function toSummary(row: ModelRow, locale: RequestContext['locale']): PredictiveModelSummary {
  const model = row.model as Model | null;
  return {
    id: row.id,
    modelVersion: row.number,
    status: row.status as ModelStatus,
    active: row.active,
    trigger: row.trigger as TrainingTrigger,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    trainedAt: row.status === 'ready' ? iso(row.finishedAt) : null,
    trainingRows: row.trainingRows,
    positives: row.positives,
    negatives: row.negatives,
    testRows: row.testRows,
    testPositives: row.testPositives,
    testAuc: row.testAuc,
    quality: modelQuality(row.testAuc),
    features: model?.features.map((feature) => feature.name) ?? [],
    topFactors: (row.topFactors as Factor[] | null) ?? [],
    settings: row.settings as unknown as TrainingSettings,
    message: statusMessage(row, locale),
    error: row.errorCode ? { code: row.errorCode, message: translate(locale, row.errorCode, row.errorParams ?? {}) } : null,
  };
}

/** The tenant's trainings, newest first (the last few are kept). Everyone who may read scoring rules may read them. */
export async function listPredictiveModels(ctx: RequestContext): Promise<PredictiveModelSummary[]> {
  requireLevel(ctx, 'scoring_rules', 'read');
  const rows = await executor(ctx).select().from(predictiveModels).where(inTenant(ctx)).orderBy(desc(predictiveModels.number));
  return rows.map((row) => toSummary(row, ctx.locale));
}

export async function getPredictiveModel(ctx: RequestContext, id: string): Promise<PredictiveModelSummary> {
  requireLevel(ctx, 'scoring_rules', 'read');
  const row = await findModel(executor(ctx), ctx, id);
  if (!row) throw notFound();
  return toSummary(row, ctx.locale);
}

/** The model scoring the tenant's leads now; 404 PREDICTIVE_NO_MODEL when none is. */
export async function getActivePredictiveModel(ctx: RequestContext): Promise<PredictiveModelSummary> {
  requireLevel(ctx, 'scoring_rules', 'read');
  const [row] = await executor(ctx).select().from(predictiveModels).where(and(inTenant(ctx), eq(predictiveModels.active, true)));
  if (!row) throw new AppError(404, 'PREDICTIVE_NO_MODEL');
  return toSummary(row, ctx.locale);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function findModel(exec: Executor, ctx: RequestContext, id: string): Promise<ModelRow | undefined> {
  if (!UUID_RE.test(id)) return undefined;
  const [row] = await exec.select().from(predictiveModels).where(and(inTenant(ctx), eq(predictiveModels.id, id)));
  return row;
}

/**
 * Asks for a training (admins and marketing; the nightly schedule as the system): records it
 * as `training` and queues the job. A training already under way is returned instead of a
 * second one. Audited.
 */
export function requestTraining(
  ctx: RequestContext,
  trigger: TrainingTrigger = 'manual',
): Promise<{ model: PredictiveModelSummary; jobId: string | null; started: boolean }> {
  requireLevel(ctx, 'scoring_rules', 'update');
  return inTransaction(ctx, async (ctx) => {
    const exec = executor(ctx);
    // One request at a time per tenant: the number sequence and the "already training" check.
    await exec.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`predictive_models:${ctx.tenantId}`}))`);
    const [running] = await exec
      .select()
      .from(predictiveModels)
      .where(and(inTenant(ctx), eq(predictiveModels.status, 'training')))
      .orderBy(desc(predictiveModels.number))
      .limit(1);
    if (running && Date.now() - running.createdAt.getTime() < STALE_TRAINING_MS) {
      return { model: toSummary(running, ctx.locale), jobId: null, started: false };
    }
    const [{ last }] = await exec.select({ last: max(predictiveModels.number) }).from(predictiveModels).where(inTenant(ctx));
    const settings: TrainingSettings = { ...DEFAULT_LABEL_RULE, minPositives: MIN_POSITIVES, minNegatives: MIN_NEGATIVES, testPercent: TEST_PERCENT };
    const [row] = await exec
      .insert(predictiveModels)
      .values({
        tenantId: ctx.tenantId,
        number: (last ?? 0) + 1,
        status: 'training',
        trigger,
        requestedBy: ctx.actor.userId,
        featureSpec: FEATURE_SPEC,
        settings: { ...settings },
      })
      .returning();
    const jobId = await enqueue(exec, { type: TRAIN_JOB, tenantId: ctx.tenantId, payload: { tenantId: ctx.tenantId, modelId: row.id }, maxAttempts: 3 });
    await appendAudit(ctx, {
      action: 'train',
      object: 'predictive_models',
      recordId: row.id,
      changes: { status: { before: null, after: 'training' }, trigger: { before: null, after: trigger } },
    });
    return { model: toSummary(row, ctx.locale), jobId, started: true };
  });
}

/** What a training produced, before it is stored. */
type TrainingResult =
  | { status: 'ready'; counts: Counts; test: { rows: number; positives: number; auc: number | null }; model: Model; factors: Factor[] }
  | { status: 'insufficient_data' | 'failed'; counts: Counts; errorCode: string; errorParams: Record<string, unknown> };

interface Counts {
  rows: number;
  positives: number;
  negatives: number;
}

/** The labelled history of the tenant: rows, labels and lead ids, read a page at a time. */
async function loadHistory(ctx: RequestContext, now: Date, rule: LabelRule) {
  const rows: LeadRow[] = [];
  const labels: number[] = [];
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await labelledCandidatesPage(ctx, now, rule, cursor);
    const labelled: { lead: Lead; label: 0 | 1; until: Date }[] = [];
    for (const lead of page.data) {
      const outcome = leadOutcome(lead, now, rule);
      if (outcome) labelled.push({ lead, ...outcome });
    }
    const until = new Map(labelled.map((l) => [l.lead.id, l.until]));
    rows.push(...(await leadRows(ctx, labelled.map((l) => l.lead), (lead) => until.get(lead.id) ?? now)));
    for (const l of labelled) {
      labels.push(l.label);
      ids.push(l.lead.id);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { rows, labels, ids };
}

/**
 * The training itself: the tenant's history, the minimums, the AUC of a model fitted on 75 %
 * and tested on the held-out 25 % (by lead id), then the model kept — refitted on all of it.
 */
async function train(ctx: RequestContext, settings: TrainingSettings, spec: FeatureSpec): Promise<TrainingResult> {
  const { rows, labels, ids } = await loadHistory(ctx, new Date(), settings);
  const positives = labels.filter((y) => y === 1).length;
  const counts = { rows: rows.length, positives, negatives: rows.length - positives };
  if (counts.positives < settings.minPositives || counts.negatives < settings.minNegatives) {
    return {
      status: 'insufficient_data',
      counts,
      errorCode: 'PREDICTIVE_INSUFFICIENT_DATA',
      errorParams: { ...counts, minPositives: settings.minPositives, minNegatives: settings.minNegatives, staleDays: settings.staleDays },
    };
  }
  try {
    const evaluation = evaluateModel(rows, labels, ids, spec, { testPercent: settings.testPercent });
    const model = trainModel(rows, labels, spec);
    const auc = Number.isFinite(evaluation.auc) ? evaluation.auc : null;
    return { status: 'ready', counts, test: { ...evaluation.test, auc }, model, factors: topFactors(model, TOP_FACTORS) };
  } catch (err) {
    // The maths refused this history (e.g. a split without both outcomes): retrying will not help.
    return { status: 'failed', counts, errorCode: 'PREDICTIVE_TRAINING_FAILED', errorParams: { reason: err instanceof Error ? err.message : String(err) } };
  }
}

/**
 * Runs a requested training (the `scoring.train_predictive` job, as the system). A model
 * becomes the tenant's active one, the oldest trainings beyond the last few are removed and
 * the open leads are rescored. Too little history or a refusal of the maths is stored as the
 * training's status; the previous model, if any, stays active.
 */
export async function runTraining(ctx: RequestContext, modelId: string): Promise<void> {
  const row = await findModel(ctx.db, ctx, modelId);
  if (!row || row.status !== 'training') return;
  await ctx.db
    .update(predictiveModels)
    .set({ startedAt: new Date(), updatedAt: new Date() })
    .where(and(inTenant(ctx), eq(predictiveModels.id, modelId)));
  const result = await train(ctx, row.settings as unknown as TrainingSettings, parseSpec(row.featureSpec));
  await inTransaction(ctx, async (ctx) => {
    const exec = executor(ctx);
    const common = {
      finishedAt: new Date(),
      updatedAt: new Date(),
      version: sql`${predictiveModels.version} + 1`,
      trainingRows: result.counts.rows,
      positives: result.counts.positives,
      negatives: result.counts.negatives,
    };
    if (result.status !== 'ready') {
      await exec
        .update(predictiveModels)
        .set({ ...common, status: result.status, errorCode: result.errorCode, errorParams: result.errorParams })
        .where(and(inTenant(ctx), eq(predictiveModels.id, modelId), eq(predictiveModels.status, 'training')));
      await pruneTrainings(exec, ctx, row.number);
      await appendAudit(ctx, { action: 'update', object: 'predictive_models', recordId: modelId, changes: { status: { before: 'training', after: result.status } } });
      return;
    }
    await exec.update(predictiveModels).set({ active: false }).where(and(inTenant(ctx), eq(predictiveModels.active, true)));
    const [updated] = await exec
      .update(predictiveModels)
      .set({
        ...common,
        status: 'ready',
        active: true,
        testRows: result.test.rows,
        testPositives: result.test.positives,
        testAuc: result.test.auc,
        model: result.model,
        topFactors: result.factors,
      })
      .where(and(inTenant(ctx), eq(predictiveModels.id, modelId), eq(predictiveModels.status, 'training')))
      .returning({ id: predictiveModels.id, number: predictiveModels.number });
    if (!updated) throw new Error(`predictive model ${modelId} is no longer training`);
    await pruneTrainings(exec, ctx, updated.number);
    await appendAudit(ctx, {
      action: 'update',
      object: 'predictive_models',
      recordId: modelId,
      changes: { status: { before: 'training', after: 'ready' }, active: { before: false, after: true }, testAuc: { before: null, after: result.test.auc } },
    });
    await publishEvent(ctx, {
      type: 'predictive_models.trained',
      object: 'predictive_models',
      recordId: modelId,
      payload: { modelVersion: updated.number, testAuc: result.test.auc, trainingRows: result.counts.rows },
    });
    await enqueue(exec, { type: PREDICT_TENANT_JOB, tenantId: ctx.tenantId, payload: { tenantId: ctx.tenantId, modelId, cursor: null } });
  });
}

/** A training whose job gave up: stored as failed, so the admin sees it and may start another. */
export async function markTrainingFailed(ctx: RequestContext, modelId: string, reason: string): Promise<void> {
  await ctx.db
    .update(predictiveModels)
    .set({
      status: 'failed',
      finishedAt: new Date(),
      updatedAt: new Date(),
      errorCode: 'PREDICTIVE_TRAINING_FAILED',
      errorParams: { reason },
    })
    .where(and(inTenant(ctx), eq(predictiveModels.id, modelId), eq(predictiveModels.status, 'training')));
}

/** Keeps the last KEEP_MODELS trainings and the active model; removes older ones. */
async function pruneTrainings(exec: Executor, ctx: RequestContext, newest: number) {
  await exec
    .delete(predictiveModels)
    .where(and(inTenant(ctx), lt(predictiveModels.number, newest - KEEP_MODELS + 1), eq(predictiveModels.active, false)));
}

function parseSpec(spec: unknown): FeatureSpec {
  return (spec as FeatureSpec | null) ?? FEATURE_SPEC;
}

/** Tenants that have trained a model at least once: the nightly schedule retrains them. */
export async function tenantsWithTrainings(exec: Executor): Promise<string[]> {
  const rows = await exec.selectDistinct({ tenantId: predictiveModels.tenantId }).from(predictiveModels);
  return rows.map((r) => r.tenantId);
}

export interface ActiveModel {
  id: string;
  modelVersion: number;
  trainedAt: string | null;
  testAuc: number | null;
  model: Model;
  /** The model's scorer (level look-ups built once). */
  score: (row: LeadRow) => LeadScore;
}

/** Parsed models and their scorers by id: a stored model never changes, so it is read and parsed once. */
const loaded = new Map<string, { model: Model; score: (row: LeadRow) => LeadScore }>();
const LOADED_LIMIT = 64;

/** The tenant's active model, or null: one small query, the model itself read once per process. */
export async function loadActiveModel(ctx: RequestContext): Promise<ActiveModel | null> {
  const [head] = await executor(ctx)
    .select({ id: predictiveModels.id, number: predictiveModels.number, finishedAt: predictiveModels.finishedAt, testAuc: predictiveModels.testAuc })
    .from(predictiveModels)
    .where(and(inTenant(ctx), eq(predictiveModels.active, true)));
  if (!head) return null;
  let entry = loaded.get(head.id);
  if (!entry) {
    const [row] = await executor(ctx)
      .select({ model: predictiveModels.model })
      .from(predictiveModels)
      .where(and(inTenant(ctx), eq(predictiveModels.id, head.id)));
    if (!row?.model) return null;
    const model = parseModel(row.model);
    entry = { model, score: leadScorer(model) };
    if (loaded.size >= LOADED_LIMIT) loaded.delete(loaded.keys().next().value as string);
    loaded.set(head.id, entry);
  }
  return { id: head.id, modelVersion: head.number, trainedAt: iso(head.finishedAt), testAuc: head.testAuc, ...entry };
}
