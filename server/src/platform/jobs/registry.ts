import type { AppDb } from '../db/client.js';
import type { Job } from './jobs.schema.js';

export interface JobContext {
  job: Job;
  db: AppDb;
  /** When the job runs again if this attempt throws; null on the last attempt. */
  retryAt: Date | null;
}

export type JobHandler<P> = (payload: P, ctx: JobContext) => Promise<void>;

export interface JobDefinition<P> {
  readonly type: string;
  readonly handler: JobHandler<P>;
}

const handlers = new Map<string, JobHandler<unknown>>();

/** Registers the handler of a job type; a module defines its jobs when it is imported. */
export function defineJob<P>(type: string, handler: JobHandler<P>): JobDefinition<P> {
  if (handlers.has(type)) throw new Error(`Job type ${type} is already defined`);
  handlers.set(type, handler as JobHandler<unknown>);
  return { type, handler };
}

export function jobHandler(type: string): JobHandler<unknown> | undefined {
  return handlers.get(type);
}

export function definedJobTypes(): string[] {
  return [...handlers.keys()];
}
