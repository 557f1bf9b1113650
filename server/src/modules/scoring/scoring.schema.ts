import { sql } from 'drizzle-orm';
import {
  boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { recordColumns, tstz } from '../../platform/db/columns.js';

/**
 * One rule of the tenant's rule scoring. A fit rule tests a field of the lead against the ideal
 * customer profile; an engagement rule counts events of one kind (optionally only those whose
 * detail passes the condition), with points per occurrence, a cap and a decay half-life.
 */
export const scoringRules = pgTable(
  'scoring_rules',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    /** Fit: the lead field. Engagement: the event detail tested (e.g. dwellSeconds), or null. */
    field: text('field'),
    /** Engagement only: the kind of event counted (email_open, web_visit, …). */
    eventKind: text('event_kind'),
    /** Null on an engagement rule without a condition: every occurrence counts. */
    operator: text('operator'),
    value: jsonb('value').$type<unknown>(),
    points: integer('points').notNull(),
    /** Engagement only: the most points (in absolute value) the rule can give. */
    cap: integer('cap'),
    /** Engagement only: an occurrence is worth half after this many days; null = no decay. */
    halfLifeDays: doublePrecision('half_life_days'),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('scoring_rules_category_idx').on(t.tenantId, t.category, t.sortOrder),
  ],
);

/** Grade thresholds and the MQL bar of a tenant; absent means the defaults. */
export const scoringSettings = pgTable('scoring_settings', {
  tenantId: uuid('tenant_id').primaryKey(),
  gradeA: integer('grade_a').notNull(),
  gradeB: integer('grade_b').notNull(),
  gradeC: integer('grade_c').notNull(),
  mqlThreshold: integer('mql_threshold').notNull(),
  /** Engagement older than this is no longer read (its decayed worth is negligible). */
  engagementWindowDays: integer('engagement_window_days').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

/**
 * What a lead did: an e-mail opened or clicked, a web visit (with dwell time), a form
 * submitted… Append-only telemetry, read by engagement rules. `lead_id` names a lead of the
 * leads module (no foreign key across modules; a deleted lead's events are removed by a subscriber).
 */
export const engagementEvents = pgTable(
  'engagement_events',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    leadId: uuid('lead_id').notNull(),
    kind: text('kind').notNull(),
    at: tstz('at').notNull(),
    /** dwellSeconds, url, campaignId, subject… as the source sent them. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** The sender's id of the event, so a resent event is recorded once. */
    externalId: text('external_id'),
    recordedBy: uuid('recorded_by'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('engagement_events_lead_idx').on(t.tenantId, t.leadId, t.at),
    index('engagement_events_at_idx').on(t.tenantId, t.at),
    uniqueIndex('engagement_events_external_uq').on(t.tenantId, t.externalId).where(sql`external_id IS NOT NULL`),
  ],
);

/**
 * Pending rescore requests: one row per lead (or `*` for the whole tenant) while its rescore
 * job is waiting. A burst of changes adds one job; the job removes the row when it starts, so
 * a change arriving after that start gets a job of its own. (A job unique key would not do:
 * the queue keeps finished jobs, and their keys, for days.)
 */
export const scoringRescoreRequests = pgTable(
  'scoring_rescore_requests',
  {
    tenantId: uuid('tenant_id').notNull(),
    target: text('target').notNull(),
    requestedAt: tstz('requested_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.target] })],
);
