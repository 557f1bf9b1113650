import { and, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { jobs } from './jobs.schema.js';

export interface NewJob {
  type: string;
  payload: unknown;
  tenantId?: string | null;
  /** Run no earlier than this instant; `delayMs` is the same relative to now. */
  runAt?: Date;
  delayMs?: number;
  maxAttempts?: number;
  /** A second job with the same key is not created while the first one is kept. */
  uniqueKey?: string;
  /** Higher runs first; default 0. */
  priority?: number;
}

/**
 * Adds jobs to the queue through `exec`: pass the caller's transaction so the jobs commit (or
 * roll back) with the business change. Returns the ids of the jobs created; a job whose unique
 * key already exists is skipped.
 */
export async function enqueueMany(exec: Executor, list: NewJob[]): Promise<string[]> {
  if (list.length === 0) return [];
  const rows = list.map((job) => ({
    type: job.type,
    payload: job.payload ?? {},
    tenantId: job.tenantId ?? null,
    runAt: job.runAt ?? (job.delayMs ? new Date(Date.now() + job.delayMs) : undefined),
    maxAttempts: job.maxAttempts,
    uniqueKey: job.uniqueKey ?? null,
    priority: job.priority,
  }));
  const created = await exec
    .insert(jobs)
    .values(rows)
    .onConflictDoNothing({ target: jobs.uniqueKey, where: sql`unique_key IS NOT NULL` })
    .returning({ id: jobs.id });
  return created.map((r) => r.id);
}

/** Adds one job; returns its id, or null when a job with the same unique key exists. */
export async function enqueue(exec: Executor, job: NewJob): Promise<string | null> {
  const [id] = await enqueueMany(exec, [job]);
  return id ?? null;
}

/**
 * Withdraws jobs that have not started, by unique key (a reminder moved or no longer wanted),
 * through `exec` so the withdrawal commits with the business change. A job already running
 * finishes; its handler should check that its work is still wanted. Returns how many were removed.
 */
export async function cancelJobs(exec: Executor, uniqueKeys: string[]): Promise<number> {
  if (uniqueKeys.length === 0) return 0;
  const removed = await exec
    .delete(jobs)
    .where(and(inArray(jobs.uniqueKey, uniqueKeys), inArray(jobs.status, ['queued', 'failed'])))
    .returning({ id: jobs.id });
  return removed.length;
}
