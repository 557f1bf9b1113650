import { bigint, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tstz } from '../db/columns.js';

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** The head of each tenant's hash chain; locking its row serialises appends per tenant. */
export const auditHeads = pgTable('audit_heads', {
  tenantId: uuid('tenant_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/** Append-only (a trigger refuses UPDATE/DELETE/TRUNCATE) and hash-chained per tenant. */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: uuid('tenant_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: tstz('at').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    apiKeyId: uuid('api_key_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    action: text('action').notNull(),
    object: text('object').notNull(),
    recordId: uuid('record_id').notNull(),
    changes: jsonb('changes').$type<FieldChanges>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.seq] }),
    index('audit_log_record_idx').on(t.tenantId, t.recordId, t.seq),
  ],
);
