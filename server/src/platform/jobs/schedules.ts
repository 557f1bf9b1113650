import { CronExpressionParser } from 'cron-parser';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { AppDb, Executor } from '../db/client.js';
import { enqueueMany, type NewJob } from './enqueue.js';
import { jobSchedules } from './jobs.schema.js';

export interface ScheduleInput {
  /** Unique name; also the prefix of the unique key of each job it enqueues. */
  name: string;
  /** Five fields (minute precision) or six (with seconds). */
  cron: string;
  type: string;
  payload?: unknown;
  /** IANA zone the cron expression is read in; default UTC. */
  timezone?: string;
  enabled?: boolean;
}

/** The first slot of `cron` strictly after `after`. Throws on an invalid expression or zone. */
export function nextSlot(cron: string, timezone: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: timezone }).next().toDate();
}

/**
 * Creates or updates a recurring job. Calling it again with the same expression (e.g. on every
 * start) keeps the pending slot; a changed expression or zone recomputes it.
 */
export async function schedule(exec: Executor, input: ScheduleInput): Promise<void> {
  const timezone = input.timezone ?? 'UTC';
  const next = nextSlot(input.cron, timezone, new Date());
  await exec
    .insert(jobSchedules)
    .values({
      name: input.name,
      cron: input.cron,
      timezone,
      type: input.type,
      payload: input.payload ?? {},
      nextRunAt: next,
      enabled: input.enabled ?? true,
    })
    .onConflictDoUpdate({
      target: jobSchedules.name,
      set: {
        type: sql`excluded.type`,
        payload: sql`excluded.payload`,
        enabled: sql`excluded.enabled`,
        nextRunAt: sql`CASE WHEN ${jobSchedules.cron} = excluded.cron AND ${jobSchedules.timezone} = excluded.timezone
                       THEN ${jobSchedules.nextRunAt} ELSE excluded.next_run_at END`,
        cron: sql`excluded.cron`,
        timezone: sql`excluded.timezone`,
        updatedAt: sql`now()`,
      },
    });
}

export async function unschedule(exec: Executor, name: string): Promise<void> {
  await exec.delete(jobSchedules).where(eq(jobSchedules.name, name));
}

/**
 * Enqueues one job for each due schedule and moves the schedule to its next slot. Safe with
 * several workers: a schedule row is handled by whoever locks it first (the others skip it),
 * and the job's unique key `<name>@<slot>` makes a slot run once even if that were bypassed.
 * Slots missed while no worker ran are not replayed: one job catches up, then the next future slot.
 */
export async function enqueueDueSchedules(db: AppDb): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(jobSchedules)
      .where(and(eq(jobSchedules.enabled, true), lte(jobSchedules.nextRunAt, sql`now()`)))
      .for('update', { skipLocked: true });
    if (due.length === 0) return 0;
    const now = new Date();
    const toEnqueue: NewJob[] = due.map((s) => ({
      type: s.type,
      payload: s.payload,
      uniqueKey: `${s.name}@${s.nextRunAt.toISOString()}`,
    }));
    await enqueueMany(tx, toEnqueue);
    for (const s of due) {
      const after = s.nextRunAt > now ? s.nextRunAt : now;
      await tx
        .update(jobSchedules)
        .set({ lastRunAt: s.nextRunAt, nextRunAt: nextSlot(s.cron, s.timezone, after), updatedAt: now })
        .where(eq(jobSchedules.name, s.name));
    }
    return due.length;
  });
}
