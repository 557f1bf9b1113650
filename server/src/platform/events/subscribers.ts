import type { AppDb } from '../db/client.js';
import { isValidEventPattern, matchesEventPattern } from './event-pattern.js';
import type { DomainEvent } from './events.schema.js';

export type EventHandler = (event: DomainEvent, ctx: { db: AppDb }) => Promise<void>;

export interface Subscriber {
  /** Stable name: it keys the delivery jobs, so renaming a subscriber re-delivers nothing. */
  readonly name: string;
  readonly pattern: string;
  readonly handler: EventHandler;
}

const subscribers = new Map<string, Subscriber>();

/**
 * Registers an in-process reaction to domain events. Each matching event is delivered through
 * a durable job, at least once, after the change committed; a failing handler is retried.
 */
export function subscribe(name: string, pattern: string, handler: EventHandler): Subscriber {
  if (subscribers.has(name)) throw new Error(`Event subscriber ${name} is already registered`);
  if (!isValidEventPattern(pattern)) throw new Error(`Invalid event pattern ${pattern}`);
  const subscriber = { name, pattern, handler };
  subscribers.set(name, subscriber);
  return subscriber;
}

export function subscribersFor(type: string): Subscriber[] {
  return [...subscribers.values()].filter((s) => matchesEventPattern(s.pattern, type));
}

export function findSubscriber(name: string): Subscriber | undefined {
  return subscribers.get(name);
}
