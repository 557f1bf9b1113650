import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, real, text, uuid } from 'drizzle-orm/pg-core';
import { tstz } from '../../platform/db/columns.js';
import type { MatchLevel, MatchReason } from './index.js';

/**
 * The candidate index: the blocking keys of every lead, account and contact (`blockingKeys`),
 * so that duplicate search compares a record only with records sharing a key. Derived data,
 * rebuilt from the records at any time; `record_id` names a record of another module (no foreign key).
 */
export const dedupKeys = pgTable(
  'dedup_keys',
  {
    tenantId: uuid('tenant_id').notNull(),
    key: text('key').notNull(),
    /** leads | accounts | contacts */
    object: text('object').notNull(),
    recordId: uuid('record_id').notNull(),
  },
  (t) => [
    // Lookups go by key: "who else has cc:9111…?".
    primaryKey({ columns: [t.tenantId, t.key, t.object, t.recordId] }),
    index('dedup_keys_record_idx').on(t.tenantId, t.object, t.recordId),
  ],
);

/**
 * Which version of each record the index holds, and a signature of the fields matching reads,
 * so a change that matching does not look at (a score, an owner) costs no re-match.
 */
export const dedupIndexState = pgTable(
  'dedup_index_state',
  {
    tenantId: uuid('tenant_id').notNull(),
    object: text('object').notNull(),
    recordId: uuid('record_id').notNull(),
    version: integer('version').notNull(),
    signature: text('signature').notNull(),
    indexedAt: tstz('indexed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.object, t.recordId] }),
    index('dedup_index_state_indexed_idx').on(t.tenantId, t.object, t.indexedAt),
  ],
);

/**
 * Pairs of records of one object that scored at least "possible" when last indexed, with the
 * canonical order `record_a < record_b`. Read-time code scores them again with the current values.
 */
export const dedupPairs = pgTable(
  'dedup_pairs',
  {
    tenantId: uuid('tenant_id').notNull(),
    object: text('object').notNull(),
    recordA: uuid('record_a').notNull(),
    recordB: uuid('record_b').notNull(),
    score: real('score').notNull(),
    level: text('level').$type<Exclude<MatchLevel, 'none'>>().notNull(),
    reasons: jsonb('reasons').$type<MatchReason[]>().notNull().default(sql`'[]'::jsonb`),
    scoredAt: tstz('scored_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.object, t.recordA, t.recordB] }),
    index('dedup_pairs_b_idx').on(t.tenantId, t.object, t.recordB),
    index('dedup_pairs_level_idx').on(t.tenantId, t.object, t.level, t.score),
  ],
);
