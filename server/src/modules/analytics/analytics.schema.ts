import {
  char, check, date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { recordColumns, tstz } from '../../platform/db/columns.js';
import { teams, users } from '../../platform/tenancy/tenancy.schema.js';

/**
 * A sales target (quota) of a rep or a team for a fiscal period: the won amount to close
 * (metric revenue: amount and currency) or the visits or calls to do (quantity).
 */
export const salesTargets = pgTable(
  'sales_targets',
  {
    ...recordColumns(),
    /** Exactly one of owner (a rep) and team is set. */
    ownerId: uuid('owner_id'),
    teamId: uuid('team_id'),
    periodKey: text('period_key').notNull(),
    periodType: text('period_type').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** revenue | visits | calls */
    metric: text('metric').notNull().default('revenue'),
    amount: numeric('amount', { precision: 20, scale: 2 }),
    currency: char('currency', { length: 3 }),
    quantity: integer('quantity'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    check('sales_targets_measure_ck', sql`CASE WHEN ${t.metric} = 'revenue' THEN ${t.amount} IS NOT NULL AND ${t.currency} IS NOT NULL ELSE ${t.quantity} IS NOT NULL END`),
    uniqueIndex('sales_targets_owner_uq').on(t.tenantId, t.ownerId, t.periodKey, t.metric, sql`coalesce(${t.currency}, '')`).where(sql`owner_id IS NOT NULL`),
    uniqueIndex('sales_targets_team_uq').on(t.tenantId, t.teamId, t.periodKey, t.metric, sql`coalesce(${t.currency}, '')`).where(sql`team_id IS NOT NULL`),
    index('sales_targets_period_idx').on(t.tenantId, t.startDate),
  ],
);

/**
 * A manager's adjustment of a subordinate's forecast for a period and category, with the note
 * and the figure it replaced; the latest one is in force, the earlier ones stay as history.
 */
export const forecastAdjustments = pgTable(
  'forecast_adjustments',
  {
    ...recordColumns(),
    subjectId: uuid('subject_id').notNull(),
    periodKey: text('period_key').notNull(),
    category: text('category').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    /** The rep's own figure when the adjustment was made. */
    originalAmount: numeric('original_amount', { precision: 20, scale: 2 }).notNull(),
    adjustedAmount: numeric('adjusted_amount', { precision: 20, scale: 2 }).notNull(),
    note: text('note').notNull(),
    adjustedById: uuid('adjusted_by_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.subjectId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.adjustedById], foreignColumns: [users.tenantId, users.id] }),
    index('forecast_adjustments_subject_idx').on(t.tenantId, t.periodKey, t.subjectId, t.category, t.createdAt),
  ],
);

/** The forecast as it stood at one moment (weekly job), per rep: what forecast accuracy compares with what closed. */
export const forecastSnapshots = pgTable(
  'forecast_snapshots',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    takenAt: tstz('taken_at').notNull(),
    /** The tenant's day the snapshot belongs to (one per tenant, period and day). */
    day: date('day', { mode: 'string' }).notNull(),
    periodKey: text('period_key').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('forecast_snapshots_day_uq').on(t.tenantId, t.periodKey, t.day),
  ],
);

export const forecastSnapshotRows = pgTable(
  'forecast_snapshot_rows',
  {
    tenantId: uuid('tenant_id').notNull(),
    snapshotId: uuid('snapshot_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    /** The deals' team at the time (team forecasts roll up from it). */
    teamId: uuid('team_id'),
    currency: char('currency', { length: 3 }).notNull(),
    pipeline: numeric('pipeline', { precision: 20, scale: 2 }).notNull(),
    bestCase: numeric('best_case', { precision: 20, scale: 2 }).notNull(),
    commit: numeric('commit', { precision: 20, scale: 2 }).notNull(),
    closed: numeric('closed', { precision: 20, scale: 2 }).notNull(),
    weighted: numeric('weighted', { precision: 20, scale: 2 }).notNull(),
    /** The forecast call (commit + closed) after managers' adjustments. */
    adjustedCall: numeric('adjusted_call', { precision: 20, scale: 2 }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.snapshotId, t.ownerId, t.currency] }),
    foreignKey({ columns: [t.tenantId, t.snapshotId], foreignColumns: [forecastSnapshots.tenantId, forecastSnapshots.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [users.tenantId, users.id] }),
  ],
);

/** Records a history import created, by the key the source system gave them: importing the same file again adds nothing. */
export const historyImportKeys = pgTable(
  'history_import_keys',
  {
    tenantId: uuid('tenant_id').notNull(),
    kind: text('kind').notNull(),
    externalKey: text('external_key').notNull(),
    recordId: uuid('record_id').notNull(),
    importedAt: tstz('imported_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind, t.externalKey] })],
);
