import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tstz } from '../db/columns.js';
import { uuidv7 } from '../db/ids.js';

/**
 * The transactional outbox: a domain event is written in the transaction of the change it
 * reports, so it exists exactly when the change committed. A dispatcher hands it on later.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().$defaultFn(uuidv7),
    /** `<object>.<verb>`, e.g. `accounts.created`. */
    type: text('type').notNull(),
    object: text('object').notNull(),
    recordId: uuid('record_id'),
    actorId: uuid('actor_id'),
    payload: jsonb('payload').$type<unknown>().notNull(),
    occurredAt: tstz('occurred_at').notNull().defaultNow(),
    dispatchedAt: tstz('dispatched_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('outbox_events_undispatched_idx').on(t.id).where(sql`dispatched_at IS NULL`),
    index('outbox_events_dispatched_idx').on(t.dispatchedAt).where(sql`dispatched_at IS NOT NULL`),
  ],
);

export type DomainEvent = typeof outboxEvents.$inferSelect;

/** What dispatching an event needs of it: whose it is, which one, and its type. */
export type EventHandle = Pick<DomainEvent, 'tenantId' | 'id' | 'type'>;
