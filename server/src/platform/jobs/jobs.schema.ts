import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tstz } from '../db/columns.js';
import { uuidv7 } from '../db/ids.js';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'dead'] as const;
/** `failed`: the last attempt failed and the job waits for its retry at `run_at`; `dead`: no attempts left. */
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * Global infrastructure table (not distributed by tenant): the durable job queue of every
 * tenant. `tenant_id` only tells a job's owner; it is not part of the key.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    type: text('type').notNull(),
    tenantId: uuid('tenant_id'),
    payload: jsonb('payload').$type<unknown>().notNull(),
    status: text('status').$type<JobStatus>().notNull().default('queued'),
    /** Higher runs first. */
    priority: integer('priority').notNull().default(0),
    runAt: tstz('run_at').notNull().defaultNow(),
    /** Attempts started so far, counted when a worker claims the job. */
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lockedBy: text('locked_by'),
    /** The lease: past this instant a running job is presumed abandoned and is taken back. */
    lockedUntil: tstz('locked_until'),
    lastError: text('last_error'),
    /** Enqueueing again with a key already present is a no-op. */
    uniqueKey: text('unique_key'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    finishedAt: tstz('finished_at'),
  },
  (t) => [
    uniqueIndex('jobs_unique_key_uq').on(t.uniqueKey).where(sql`unique_key IS NOT NULL`),
    index('jobs_claim_idx').on(t.priority.desc().nullsFirst(), t.runAt).where(sql`status IN ('queued', 'failed')`),
    index('jobs_lease_idx').on(t.lockedUntil).where(sql`status = 'running'`),
    index('jobs_finished_idx').on(t.finishedAt).where(sql`status = 'succeeded'`),
  ],
);

export type Job = typeof jobs.$inferSelect;

/** Global infrastructure table: recurring jobs, one row per schedule name. */
export const jobSchedules = pgTable('job_schedules', {
  name: text('name').primaryKey(),
  cron: text('cron').notNull(),
  timezone: text('timezone').notNull().default('UTC'),
  type: text('type').notNull(),
  payload: jsonb('payload').$type<unknown>().notNull(),
  /** The next slot to enqueue; also the slot named in the job's unique key. */
  nextRunAt: tstz('next_run_at').notNull(),
  lastRunAt: tstz('last_run_at'),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: tstz('created_at').notNull().defaultNow(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

export type JobSchedule = typeof jobSchedules.$inferSelect;
