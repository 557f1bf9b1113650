import { sql } from 'drizzle-orm';
import {
  boolean, char, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, uuid,
} from 'drizzle-orm/pg-core';
import { recordColumns, tstz } from '../../platform/db/columns.js';
import { teams, users } from '../../platform/tenancy/tenancy.schema.js';

/** Where a field's value came from, so enrichment never overwrites what a person typed. */
export type FieldSources = Record<string, { source: 'user' | 'import' | 'form' | 'registry' | string; at: string }>;

export const leads = pgTable(
  'leads',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    company: text('company'),
    title: text('title'),
    email: text('email'),
    phone: text('phone'),
    creditCode: text('credit_code'),
    industry: text('industry'),
    headcount: integer('headcount'),
    registeredCapital: numeric('registered_capital', { precision: 20, scale: 2 }),
    registeredCapitalCurrency: char('registered_capital_currency', { length: 3 }),
    province: text('province'),
    city: text('city'),
    region: text('region'),
    address: text('address'),
    website: text('website'),
    productInterest: text('product_interest'),
    source: text('source'),
    /** The campaign of the first touch; every touch is in lead_touches. */
    campaignId: uuid('campaign_id'),
    description: text('description'),
    status: text('status').notNull().default('new'),
    statusChangedAt: tstz('status_changed_at').notNull().defaultNow(),
    /** When the lead first became MQL and SQL (or later), kept by its lifecycle so funnels need not replay the history. */
    becameMqlAt: tstz('became_mql_at'),
    becameSqlAt: tstz('became_sql_at'),
    /** Rejected by a rep and waiting for marketing operations to route it by hand. */
    inRoutingQueue: boolean('in_routing_queue').notNull().default(false),
    lastReason: text('last_reason'),
    score: integer('score'),
    grade: char('grade', { length: 1 }),
    fitScore: integer('fit_score'),
    engagementScore: integer('engagement_score'),
    predictedScore: integer('predicted_score'),
    doNotContact: boolean('do_not_contact').notNull().default(false),
    fieldSources: jsonb('field_sources').$type<FieldSources>().notNull().default(sql`'{}'::jsonb`),
    ownerId: uuid('owner_id'),
    teamId: uuid('team_id'),
    assignedAt: tstz('assigned_at'),
    /** What the lead became: links into the customers and opportunities modules. */
    convertedAccountId: uuid('converted_account_id'),
    convertedContactId: uuid('converted_contact_id'),
    convertedOpportunityId: uuid('converted_opportunity_id'),
    convertedAt: tstz('converted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    index('leads_status_idx').on(t.tenantId, t.status, t.createdAt),
    index('leads_owner_idx').on(t.tenantId, t.ownerId, t.status),
    // The marks too, so a funnel counts a cohort from the index alone.
    index('leads_created_idx').on(t.tenantId, t.createdAt, t.becameMqlAt, t.becameSqlAt),
    index('leads_email_idx').on(t.tenantId, t.email),
    index('leads_phone_idx').on(t.tenantId, t.phone),
    index('leads_credit_code_idx').on(t.tenantId, t.creditCode),
    index('leads_campaign_idx').on(t.tenantId, t.campaignId),
    index('leads_company_trgm_idx').using('gin', t.company.op('gin_trgm_ops')),
    index('leads_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

/** Every status change with who, when and why: time in each state, rejection reasons, MQL→SQL. */
export const leadStatusHistory = pgTable(
  'lead_status_history',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    leadId: uuid('lead_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.leadId], foreignColumns: [leads.tenantId, leads.id] }).onDelete('cascade'),
    index('lead_status_history_lead_idx').on(t.tenantId, t.leadId, t.at),
    index('lead_status_history_at_idx').on(t.tenantId, t.toStatus, t.at),
  ],
);

/** Each campaign response or engagement that touched the lead, kept for attribution. */
export const leadTouches = pgTable(
  'lead_touches',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    leadId: uuid('lead_id').notNull(),
    campaignId: uuid('campaign_id'),
    kind: text('kind').notNull(),
    at: tstz('at').notNull().defaultNow(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.leadId], foreignColumns: [leads.tenantId, leads.id] }).onDelete('cascade'),
    index('lead_touches_lead_idx').on(t.tenantId, t.leadId, t.at),
    index('lead_touches_campaign_idx').on(t.tenantId, t.campaignId, t.at),
  ],
);
