import { sql } from 'drizzle-orm';
import {
  boolean, char, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { recordColumns, tstz } from '../../platform/db/columns.js';
import { teams, users } from '../../platform/tenancy/tenancy.schema.js';
import type { Bant } from './bant.js';
import type { ExitCriteria } from './exit-criteria.js';

/** The tenant's deal-process settings; the row also marks that the defaults were seeded. */
export const opportunitySettings = pgTable('opportunity_settings', {
  tenantId: uuid('tenant_id').primaryKey(),
  /** strict: an opportunity cannot be created without the required BANT parts; lenient: it is flagged unqualified. */
  bantMode: text('bant_mode').notNull().default('lenient'),
  bantRequired: text('bant_required').array().notNull().default(sql`'{budget,authority,need,timeline}'::text[]`),
  seededAt: tstz('seeded_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

/** A way of selling (per business line): ordered stages, each with a win rate and exit criteria. */
export const salesProcesses = pgTable(
  'sales_processes',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    businessLine: text('business_line'),
    description: text('description'),
    /** The template it was created from (simple | solution), if any. */
    templateKey: text('template_key'),
    isDefault: boolean('is_default').notNull().default(false),
    /** Whether a sales manager (or an admin) may move a deal past an unmet gate, with a reason. */
    allowManagerOverride: boolean('allow_manager_override').notNull().default(true),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('sales_processes_name_uq').on(t.tenantId, t.name),
  ],
);

export const salesStages = pgTable(
  'sales_stages',
  {
    ...recordColumns(),
    processId: uuid('process_id').notNull(),
    /** Stable slug (templates set one), unique within the process. */
    key: text('key'),
    name: text('name').notNull(),
    /** 1-based position in the process; open stages come before the won and lost stages. */
    order: integer('order').notNull(),
    probability: smallint('probability').notNull(),
    forecastCategory: text('forecast_category').notNull(),
    isWon: boolean('is_won').notNull().default(false),
    isLost: boolean('is_lost').notNull().default(false),
    exitCriteria: jsonb('exit_criteria').$type<ExitCriteria>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.processId], foreignColumns: [salesProcesses.tenantId, salesProcesses.id] }).onDelete('cascade'),
    index('sales_stages_process_idx').on(t.tenantId, t.processId, t.order),
    uniqueIndex('sales_stages_key_uq').on(t.tenantId, t.processId, t.key).where(sql`key IS NOT NULL`),
  ],
);

/** The tenant's picklist of reasons a deal was lost, labelled in both languages. */
export const lossReasons = pgTable(
  'loss_reasons',
  {
    ...recordColumns(),
    key: text('key').notNull(),
    labels: jsonb('labels').$type<{ 'en-US': string; 'zh-CN': string }>().notNull(),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('loss_reasons_key_uq').on(t.tenantId, t.key)],
);

export interface ContactRole {
  contactId: string;
  role: string | null;
}

export type ChecklistState = Record<string, { done: boolean; at: string; byId: string | null }>;

export const opportunities = pgTable(
  'opportunities',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    /** An account of the customers module (no foreign key across modules). */
    accountId: uuid('account_id').notNull(),
    processId: uuid('process_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    status: text('status').notNull().default('open'),
    currency: char('currency', { length: 3 }).notNull(),
    /** Follows the line items when there are any. */
    amount: numeric('amount', { precision: 20, scale: 2 }),
    closeDate: date('close_date', { mode: 'string' }).notNull(),
    /** The automated value (the stage's win rate) and what a person set, kept apart; `probability` is the one in force. */
    stageProbability: smallint('stage_probability').notNull(),
    probabilityOverride: smallint('probability_override'),
    probabilityOverrideReason: text('probability_override_reason'),
    probability: smallint('probability').notNull(),
    stageForecastCategory: text('stage_forecast_category').notNull(),
    forecastCategoryOverride: text('forecast_category_override'),
    forecastCategory: text('forecast_category').notNull(),
    bant: jsonb('bant').$type<Bant>().notNull(),
    /** BANT parts not filled in, whatever the tenant requires; `qualified` applies the tenant's setting. */
    bantMissing: text('bant_missing').array().notNull().default(sql`'{}'::text[]`),
    qualified: boolean('qualified').notNull().default(false),
    contactRoles: jsonb('contact_roles').$type<ContactRole[]>().notNull().default(sql`'[]'::jsonb`),
    competitors: text('competitors').array().notNull().default(sql`'{}'::text[]`),
    nextStep: text('next_step'),
    description: text('description'),
    checklist: jsonb('checklist').$type<ChecklistState>().notNull().default(sql`'{}'::jsonb`),
    ownerId: uuid('owner_id').notNull(),
    teamId: uuid('team_id'),
    /** The lead it was converted from (leads module). */
    leadId: uuid('lead_id'),
    stageEnteredAt: tstz('stage_entered_at').notNull().defaultNow(),
    closedAt: tstz('closed_at'),
    lossReason: text('loss_reason'),
    closeCompetitor: text('close_competitor'),
    closeNote: text('close_note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    foreignKey({ columns: [t.tenantId, t.processId], foreignColumns: [salesProcesses.tenantId, salesProcesses.id] }),
    foreignKey({ columns: [t.tenantId, t.stageId], foreignColumns: [salesStages.tenantId, salesStages.id] }),
    index('opportunities_owner_idx').on(t.tenantId, t.ownerId, t.status),
    index('opportunities_account_idx').on(t.tenantId, t.accountId),
    index('opportunities_stage_idx').on(t.tenantId, t.stageId, t.status),
    index('opportunities_close_date_idx').on(t.tenantId, t.status, t.closeDate),
    /** Analytics: deals closed in a range. */
    index('opportunities_closed_at_idx').on(t.tenantId, t.status, t.closedAt),
    index('opportunities_created_idx').on(t.tenantId, t.createdAt),
    index('opportunities_lead_idx').on(t.tenantId, t.leadId),
    index('opportunities_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

/** Products on a deal. Money is numeric + currency; the line total is computed in integer minor units. */
export const opportunityLineItems = pgTable(
  'opportunity_line_items',
  {
    ...recordColumns(),
    opportunityId: uuid('opportunity_id').notNull(),
    position: integer('position').notNull(),
    /** A product of the catalog module, with what the deal needs of it copied (name, code, line). */
    productId: uuid('product_id').notNull(),
    productName: text('product_name').notNull(),
    productCode: text('product_code'),
    productLineId: uuid('product_line_id'),
    quantity: numeric('quantity', { precision: 14, scale: 3 }).notNull(),
    unitPrice: numeric('unit_price', { precision: 20, scale: 2 }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    discountPercent: numeric('discount_percent', { precision: 5, scale: 2 }).notNull().default('0'),
    lineTotal: numeric('line_total', { precision: 20, scale: 2 }).notNull(),
    description: text('description'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.opportunityId], foreignColumns: [opportunities.tenantId, opportunities.id] }).onDelete('cascade'),
    index('opportunity_line_items_opp_idx').on(t.tenantId, t.opportunityId, t.position),
    index('opportunity_line_items_product_line_idx').on(t.tenantId, t.productLineId),
  ],
);

/** Each stage a deal entered, when, by whom and how (advance, back, override, close, reopen): velocity reads it. */
export const opportunityStageHistory = pgTable(
  'opportunity_stage_history',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    opportunityId: uuid('opportunity_id').notNull(),
    action: text('action').notNull(),
    fromStageId: uuid('from_stage_id'),
    fromStageName: text('from_stage_name'),
    toStageId: uuid('to_stage_id').notNull(),
    toStageName: text('to_stage_name').notNull(),
    status: text('status').notNull(),
    probability: smallint('probability').notNull(),
    overrideReason: text('override_reason'),
    /** What was missing when a manager overrode the gate. */
    overriddenMissing: jsonb('overridden_missing').$type<unknown[]>(),
    actorId: uuid('actor_id'),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.opportunityId], foreignColumns: [opportunities.tenantId, opportunities.id] }).onDelete('cascade'),
    // The stage too, so the furthest stage each deal reached (funnels) comes from the index alone.
    index('opportunity_stage_history_opp_idx').on(t.tenantId, t.opportunityId, t.at, t.toStageId),
    index('opportunity_stage_history_stage_idx').on(t.tenantId, t.toStageId, t.at),
  ],
);

/** Documents attached to a deal (tender, final proposal…); a stage may require some by kind or name. */
export const opportunityDocuments = pgTable(
  'opportunity_documents',
  {
    ...recordColumns(),
    opportunityId: uuid('opportunity_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind'),
    url: text('url'),
    createdById: uuid('created_by_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.opportunityId], foreignColumns: [opportunities.tenantId, opportunities.id] }).onDelete('cascade'),
    index('opportunity_documents_opp_idx').on(t.tenantId, t.opportunityId),
  ],
);

/** The battle map (作战地图): the customer's buying committee on one deal, as an org chart. */
export const opportunityStakeholders = pgTable(
  'opportunity_stakeholders',
  {
    ...recordColumns(),
    opportunityId: uuid('opportunity_id').notNull(),
    /** A contact of the customers module. */
    contactId: uuid('contact_id').notNull(),
    role: text('role').notNull(),
    level: text('level'),
    reportsToId: uuid('reports_to_id'),
    attitude: text('attitude').notNull().default('neutral'),
    influence: smallint('influence').notNull().default(3),
    relationshipOwnerId: uuid('relationship_owner_id'),
    lastContactAt: tstz('last_contact_at'),
    notes: text('notes'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.opportunityId], foreignColumns: [opportunities.tenantId, opportunities.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.reportsToId], foreignColumns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.relationshipOwnerId], foreignColumns: [users.tenantId, users.id] }),
    uniqueIndex('opportunity_stakeholders_contact_uq').on(t.tenantId, t.opportunityId, t.contactId),
  ],
);

/** Every change of a stakeholder's attitude: who moved, when, and why. */
export const stakeholderAttitudeHistory = pgTable(
  'stakeholder_attitude_history',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    stakeholderId: uuid('stakeholder_id').notNull(),
    opportunityId: uuid('opportunity_id').notNull(),
    fromAttitude: text('from_attitude'),
    toAttitude: text('to_attitude').notNull(),
    note: text('note'),
    actorId: uuid('actor_id'),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.stakeholderId], foreignColumns: [opportunityStakeholders.tenantId, opportunityStakeholders.id] }).onDelete('cascade'),
    index('stakeholder_attitude_history_idx').on(t.tenantId, t.stakeholderId, t.at),
  ],
);

/** The action plan the battle map drives: who of us visits which stakeholder, by when, and whether it is done. */
export const stakeholderActions = pgTable(
  'stakeholder_actions',
  {
    ...recordColumns(),
    opportunityId: uuid('opportunity_id').notNull(),
    stakeholderId: uuid('stakeholder_id').notNull(),
    description: text('description').notNull(),
    /** Our people who go (e.g. the rep and the manager). */
    visitorIds: uuid('visitor_ids').array().notNull().default(sql`'{}'::uuid[]`),
    dueAt: tstz('due_at'),
    done: boolean('done').notNull().default(false),
    doneAt: tstz('done_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.stakeholderId], foreignColumns: [opportunityStakeholders.tenantId, opportunityStakeholders.id] }).onDelete('cascade'),
    index('stakeholder_actions_opp_idx').on(t.tenantId, t.opportunityId, t.dueAt),
  ],
);
