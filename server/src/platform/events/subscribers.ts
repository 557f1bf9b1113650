import type { AppDb } from '../db/client.js';
import { isValidEventPattern, matchesEventPattern } from './event-pattern.js';
import type { DomainEvent } from './events.schema.js';

export type EventHandler = (event: DomainEvent, ctx: { db: AppDb }) => Promise<void>;
export type BatchEventHandler = (events: DomainEvent[], ctx: { db: AppDb }) => Promise<void>;

export interface Subscriber {
  /** Stable name: it keys the delivery jobs, so renaming a subscriber re-delivers nothing. */
  readonly name: string;
  readonly pattern: string;
  readonly handleBatch: BatchEventHandler;
}

const subscribers = new Map<string, Subscriber>();

/**
 * Registers an in-process reaction to domain events, one event per call. Matching events are
 * delivered through durable jobs, at least once, after the change committed, in outbox order
 * within a job; a failing handler is retried.
 */
export function subscribe(name: string, pattern: string, handler: EventHandler): Subscriber {
  return subscribeBatch(name, pattern, async (events, ctx) => {
    for (const event of events) await handler(event, ctx);
  });
}

/**
 * Registers a reaction that takes matching events a batch at a time, for set-based work. The
 * contract: the events of one call belong to one tenant and are in outbox order; delivery is at
 * least once (a batch that throws is split and each of its events delivered again on its own,
 * with retries), so the handler must be idempotent, also for the events it already handled.
 */
export function subscribeBatch(name: string, pattern: string, handleBatch: BatchEventHandler): Subscriber {
  if (subscribers.has(name)) throw new Error(`Event subscriber ${name} is already registered`);
  if (!isValidEventPattern(pattern)) throw new Error(`Invalid event pattern ${pattern}`);
  const subscriber = { name, pattern, handleBatch };
  subscribers.set(name, subscriber);
  return subscriber;
}

export function subscribersFor(type: string): Subscriber[] {
  return [...subscribers.values()].filter((s) => matchesEventPattern(s.pattern, type));
}

export function findSubscriber(name: string): Subscriber | undefined {
  return subscribers.get(name);
}
