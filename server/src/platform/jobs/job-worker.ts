import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { and, asc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { AppDb } from '../db/client.js';
import { timeStage } from '../perf/stage-times.js';
import { retryDelayMs } from './backoff.js';
import { jobs, type Job } from './jobs.schema.js';
import { definedJobTypes, jobHandler } from './registry.js';
import { enqueueDueSchedules } from './schedules.js';

/** Fits Fastify's (pino's) logger. */
export interface WorkerLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Work a worker does on each poll besides running jobs; returns how many items it handled. */
export type PollTask = (db: AppDb) => Promise<number>;

export interface JobWorkerOptions {
  /** Names the worker in `locked_by`; unique per process by default. */
  id?: string;
  /** Jobs run at the same time; default 4. */
  concurrency?: number;
  /** Pause between polls when there is nothing to do; default 1 s. */
  pollMs?: number;
  /** How long a claimed job is reserved; a job still running past it may be run again elsewhere. Default 5 min. */
  leaseMs?: number;
  /** Wait before retry number `attempts`; default exponential with jitter. */
  retryDelayMs?: (attempts: number) => number;
  /** Run once per poll (again at once while they report work) before claiming, e.g. the event dispatcher. */
  pollTasks?: PollTask[];
  logger?: WorkerLogger;
}

const LAST_ERROR_MAX = 4000;
const RECLAIM_BATCH = 100;
const consoleLogger: WorkerLogger = {
  warn: (obj, msg) => console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj),
};

/**
 * Claims jobs from the shared queue and runs them. Any number of workers, in any number of
 * processes, can share one database: claiming locks rows with SKIP LOCKED, so a job goes to one
 * worker, and a job whose lease ran out (its worker died) is put back in the queue.
 */
export class JobWorker {
  readonly id: string;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly retryDelay: (attempts: number) => number;
  private readonly pollTasks: PollTask[];
  private readonly logger: WorkerLogger;
  private readonly running = new Set<Promise<void>>();
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  private housekeptAt = 0;
  private housekeepingBusy = false;

  constructor(readonly db: AppDb, opts: JobWorkerOptions = {}) {
    this.id = opts.id ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.concurrency = opts.concurrency ?? 4;
    this.pollMs = opts.pollMs ?? 1000;
    this.leaseMs = opts.leaseMs ?? 5 * 60 * 1000;
    this.retryDelay = opts.retryDelayMs ?? retryDelayMs;
    this.pollTasks = opts.pollTasks ?? [];
    this.logger = opts.logger ?? consoleLogger;
  }

  /** Starts polling in the background; call `stop()` to end it. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.pollLoop();
  }

  /** Stops claiming and resolves once the jobs already running have finished. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /** One poll, for tests and scripts: housekeeping, then claim one batch and run it to the end. Returns the jobs run. */
  async runOnce(): Promise<number> {
    await this.housekeeping();
    const claimed = await this.claim(this.concurrency);
    await Promise.all(claimed.map((job) => this.execute(job)));
    return claimed.length;
  }

  private async pollLoop(): Promise<void> {
    while (!this.stopping) {
      let more = false;
      try {
        // Between polls only jobs are claimed; housekeeping runs once per poll unless it has a backlog.
        if (this.housekeepingBusy || Date.now() - this.housekeptAt >= this.pollMs) {
          this.housekeptAt = Date.now();
          this.housekeepingBusy = (await this.housekeeping()) > 0;
          more = this.housekeepingBusy;
        }
        const free = this.concurrency - this.running.size;
        if (free > 0) {
          const claimed = await this.claim(free);
          for (const job of claimed) this.track(this.execute(job));
          // A full batch means more jobs may be waiting.
          more ||= claimed.length === free;
        }
      } catch (err) {
        this.logger.error({ err, worker: this.id }, 'job worker poll failed');
      }
      const full = this.running.size >= this.concurrency;
      if (this.stopping) break;
      // At capacity, a finishing job wakes the loop; otherwise poll again now if there is more.
      if (full || !more) await this.sleep(this.pollMs);
    }
    await Promise.all(this.running);
  }

  private track(run: Promise<void>) {
    this.running.add(run);
    void run.finally(() => {
      this.running.delete(run);
      this.wake?.();
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), ms);
      timer.unref();
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      this.wake = done;
    });
  }

  private async housekeeping(): Promise<number> {
    let handled = await this.reclaimExpired();
    handled += await enqueueDueSchedules(this.db);
    for (const task of this.pollTasks) handled += await task(this.db);
    return handled;
  }

  /** Puts back jobs whose lease ran out (their worker died or hung); the lost attempt counts. */
  private async reclaimExpired(): Promise<number> {
    const expired = this.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(sql`${jobs.status} = 'running'`, lt(jobs.lockedUntil, sql`now()`)))
      .limit(RECLAIM_BATCH)
      .for('update', { skipLocked: true });
    const exhausted = sql`${jobs.attempts} >= ${jobs.maxAttempts}`;
    const rows = await this.db
      .update(jobs)
      .set({
        status: sql`CASE WHEN ${exhausted} THEN 'dead' ELSE 'failed' END`,
        finishedAt: sql`CASE WHEN ${exhausted} THEN now() END`,
        lastError: sql`'Lease expired: worker ' || ${jobs.lockedBy} || ' did not finish the job in time'`,
        runAt: sql`now()`,
        lockedBy: null,
        lockedUntil: null,
      })
      .where(inArray(jobs.id, expired))
      .returning({ id: jobs.id });
    if (rows.length) this.logger.warn({ worker: this.id, jobs: rows.map((r) => r.id) }, 'reclaimed jobs with expired leases');
    return rows.length;
  }

  // Status conditions are literal SQL so the planner matches them to the partial indexes.
  private async claim(limit: number): Promise<Job[]> {
    const types = definedJobTypes();
    if (limit <= 0 || types.length === 0) return [];
    // Only types this process can run: during a rolling upgrade, newer job types wait for newer workers.
    const next = this.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(sql`${jobs.status} IN ('queued', 'failed')`, lte(jobs.runAt, sql`now()`), inArray(jobs.type, types)))
      .orderBy(sql`${jobs.priority} DESC`, asc(jobs.runAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    return this.db
      .update(jobs)
      .set({
        status: 'running',
        attempts: sql`${jobs.attempts} + 1`,
        lockedBy: this.id,
        lockedUntil: sql`now() + make_interval(secs => ${this.leaseMs / 1000}::float8)`,
      })
      .where(inArray(jobs.id, next))
      .returning();
  }

  private async execute(job: Job): Promise<void> {
    const retryAt = job.attempts < job.maxAttempts ? new Date(Date.now() + this.retryDelay(job.attempts)) : null;
    try {
      let failure: unknown;
      try {
        const handler = jobHandler(job.type);
        if (!handler) throw new Error(`No handler for job type ${job.type}`);
        await timeStage(`job.${job.type}`, () => handler(job.payload, { job, db: this.db, retryAt }));
      } catch (err) {
        failure = err ?? new Error('Job failed');
      }
      if (failure === undefined) await this.finish(job, { status: 'succeeded', finishedAt: sql`now()` });
      else await this.recordFailure(job, failure, retryAt);
    } catch (err) {
      // The job's outcome could not be saved: its lease will expire and it will run again.
      this.logger.error({ err, worker: this.id, job: job.id }, 'could not record job outcome');
    }
  }

  private async recordFailure(job: Job, failure: unknown, retryAt: Date | null) {
    const message = failure instanceof Error ? (failure.stack ?? failure.message) : String(failure);
    const lastError = message.slice(0, LAST_ERROR_MAX);
    if (retryAt) {
      await this.finish(job, { status: 'failed', runAt: retryAt, lastError });
    } else {
      this.logger.warn({ worker: this.id, job: job.id, type: job.type, err: failure }, 'job failed for the last time');
      await this.finish(job, { status: 'dead', lastError, finishedAt: sql`now()` });
    }
  }

  /** Writes the outcome only if this worker still holds the job (its lease was not taken back). */
  private async finish(job: Job, values: PgUpdateSetSource<typeof jobs>) {
    await this.db
      .update(jobs)
      .set({ ...values, lockedBy: null, lockedUntil: null })
      .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.lockedBy, this.id), eq(jobs.attempts, job.attempts)));
  }
}
