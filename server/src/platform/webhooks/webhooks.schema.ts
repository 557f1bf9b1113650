import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns, tstz } from '../db/columns.js';
import { uuidv7 } from '../db/ids.js';
import { users } from '../tenancy/tenancy.schema.js';

/** A tenant's HTTP endpoint that receives the domain events matching its patterns. */
export const webhooks = pgTable(
  'webhooks',
  {
    ...recordColumns(),
    url: text('url').notNull(),
    /** Event type patterns: exact (`accounts.created`), prefix (`accounts.*`) or `*`. */
    events: text('events').array().notNull(),
    /** Signs each delivery (HMAC-SHA256); kept in clear because signing needs it. */
    secret: text('secret').notNull(),
    active: boolean('active').notNull().default(true),
    description: text('description'),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.createdBy], foreignColumns: [users.tenantId, users.id] }),
  ],
);

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'retrying'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One event sent to one webhook: the delivery log an admin reads when a receiver misbehaves. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().$defaultFn(uuidv7),
    webhookId: uuid('webhook_id').notNull(),
    /** The outbox event; not a foreign key, so old events can be cleaned up independently. */
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    /** The first 500 characters of the receiver's last response. */
    responseSnippet: text('response_snippet'),
    nextAttemptAt: tstz('next_attempt_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    deliveredAt: tstz('delivered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.webhookId], foreignColumns: [webhooks.tenantId, webhooks.id] }).onDelete('cascade'),
    uniqueIndex('webhook_deliveries_event_uq').on(t.tenantId, t.webhookId, t.eventId),
    index('webhook_deliveries_list_idx').on(t.tenantId, t.webhookId, t.id),
    index('webhook_deliveries_created_idx').on(t.createdAt),
  ],
);

export type Webhook = typeof webhooks.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
