import { sql } from 'drizzle-orm';
import {
  boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { recordColumns, tstz } from '../../platform/db/columns.js';
import { teams, users } from '../../platform/tenancy/tenancy.schema.js';
import type { AssignmentCriteria } from './assignment-criteria.js';

/**
 * Ordered routing rules: the first active rule whose criteria a lead meets sends it to its team
 * (or, without a team, to marketing's manual routing queue).
 */
export const assignmentRules = pgTable(
  'assignment_rules',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    description: text('description'),
    /** Evaluation order, 1 first. */
    position: integer('position').notNull(),
    active: boolean('active').notNull().default(true),
    criteria: jsonb('criteria').$type<AssignmentCriteria>().notNull().default(sql`'{}'::jsonb`),
    teamId: uuid('team_id'),
    /** round_robin | least_loaded: how a rep inside the team is chosen. */
    strategy: text('strategy').notNull().default('round_robin'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    index('assignment_rules_position_idx').on(t.tenantId, t.position),
  ],
);

/**
 * A rep's settings as a receiver of a team's leads. Users of the team take leads with the
 * defaults (no capacity limit, weight 1) until a row says otherwise; a row may also add a user
 * of another team (e.g. a rep in a sub-team) to a team's rotation.
 */
export const assignmentMembers = pgTable(
  'assignment_members',
  {
    ...recordColumns(),
    teamId: uuid('team_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** Most open leads at a time; null is no limit. */
    capacity: integer('capacity'),
    weight: integer('weight').notNull().default(1),
    absentFrom: tstz('absent_from'),
    absentTo: tstz('absent_to'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('assignment_members_team_user_uq').on(t.tenantId, t.teamId, t.userId),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
  ],
);

/** The round-robin pointer of each team; its row is locked while a lead of the team is assigned. */
export const assignmentPointers = pgTable(
  'assignment_pointers',
  {
    tenantId: uuid('tenant_id').notNull(),
    teamId: uuid('team_id').notNull(),
    lastUserId: uuid('last_user_id'),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.teamId] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }).onDelete('cascade'),
  ],
);

/** Per-tenant settings of lead routing: the first-response SLA and the MQL/SQL definitions. */
export const assignmentSettings = pgTable('assignment_settings', {
  tenantId: uuid('tenant_id').primaryKey(),
  /** Time a rep has to accept or reject an assigned lead; 0 turns the SLA off. */
  firstResponseSlaMinutes: integer('first_response_sla_minutes').notNull().default(240),
  /** When the reminder goes to the rep, as a share of the SLA. */
  reminderPercent: integer('reminder_percent').notNull().default(75),
  escalateToManager: boolean('escalate_to_manager').notNull().default(true),
  mqlDefinition: text('mql_definition'),
  sqlDefinition: text('sql_definition'),
  version: integer('version').notNull().default(1),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});
