import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tstz } from '../db/columns.js';
import { users } from '../tenancy/tenancy.schema.js';

/**
 * A person's in-app notifications (a task reminder, a lead waiting for a first response…).
 * The text is rendered when read, in the reader's language, from `kind` and `params`.
 */
export const notifications = pgTable(
  'notifications',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    /** The record it is about, to open it from the notification. */
    object: text('object'),
    recordId: uuid('record_id'),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: tstz('created_at').notNull().defaultNow(),
    readAt: tstz('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    index('notifications_user_idx').on(t.tenantId, t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.tenantId, t.userId).where(sql`read_at IS NULL`),
  ],
);
