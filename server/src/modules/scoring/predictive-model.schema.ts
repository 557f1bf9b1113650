import { sql } from 'drizzle-orm';
import {
  boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { recordColumns, tstz } from '../../platform/db/columns.js';

/**
 * One training of a tenant's predictive lead score: a request (status `training`), then its
 * result — a model (`ready`), too little history (`insufficient_data`) or an error (`failed`).
 * At most one model per tenant is active: the one scoring leads. The last few are kept.
 */
export const predictiveModels = pgTable(
  'predictive_models',
  {
    ...recordColumns(),
    /** 1, 2, 3… per tenant: the model's number as the admin sees it. */
    number: integer('number').notNull(),
    status: text('status').notNull(),
    active: boolean('active').notNull().default(false),
    /** `manual` (someone asked) or `schedule` (the nightly retraining). */
    trigger: text('trigger').notNull(),
    requestedBy: uuid('requested_by'),
    startedAt: tstz('started_at'),
    finishedAt: tstz('finished_at'),
    /** Labelled leads the model learnt from, and how many of them converted. */
    trainingRows: integer('training_rows'),
    positives: integer('positives'),
    negatives: integer('negatives'),
    /** The held-out part (25 % of the leads, by id) the AUC was measured on. */
    testRows: integer('test_rows'),
    testPositives: integer('test_positives'),
    testAuc: doublePrecision('test_auc'),
    /** The model (predictive/model.ts format), retrained on all labelled leads. */
    model: jsonb('model').$type<unknown>(),
    topFactors: jsonb('top_factors').$type<unknown>(),
    featureSpec: jsonb('feature_spec').$type<unknown>().notNull(),
    /** The label rule and minimums the training used. */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** Why there is no model: a message code and its parameters. */
    errorCode: text('error_code'),
    errorParams: jsonb('error_params').$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('predictive_models_number_uq').on(t.tenantId, t.number),
    uniqueIndex('predictive_models_active_uq').on(t.tenantId).where(sql`active`),
    index('predictive_models_status_idx').on(t.tenantId, t.status),
  ],
);
