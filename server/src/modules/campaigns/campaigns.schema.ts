import { sql } from 'drizzle-orm';
import {
  boolean, char, check, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { recordColumns, tstz } from '../../platform/db/columns.js';
import { users } from '../../platform/tenancy/tenancy.schema.js';
import type { FormSettings } from './public-form.js';

/** A marketing campaign: online (SEO, SEM, content, webinar, e-mail) or offline (seminar, trade show…). */
export const campaigns = pgTable(
  'campaigns',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    status: text('status').notNull().default('planned'),
    statusChangedAt: tstz('status_changed_at').notNull().defaultNow(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    description: text('description'),
    budget: numeric('budget', { precision: 20, scale: 2 }),
    budgetCurrency: char('budget_currency', { length: 3 }),
    goalLeads: integer('goal_leads'),
    goalMqls: integer('goal_mqls'),
    goalPipeline: numeric('goal_pipeline', { precision: 20, scale: 2 }),
    goalPipelineCurrency: char('goal_pipeline_currency', { length: 3 }),
    /** The public form's address: the tenant id and 16 random bytes, base64url (see form-key.ts). */
    formKey: text('form_key').notNull(),
    form: jsonb('form').$type<FormSettings>().notNull(),
    ownerId: uuid('owner_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [users.tenantId, users.id] }),
    uniqueIndex('campaigns_form_key_uq').on(t.tenantId, t.formKey),
    index('campaigns_status_idx').on(t.tenantId, t.status, t.startDate),
    index('campaigns_owner_idx').on(t.tenantId, t.ownerId),
    index('campaigns_start_idx').on(t.tenantId, t.startDate),
    index('campaigns_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

/** What a campaign cost, entry by entry; the actual cost is their sum. */
export const campaignCosts = pgTable(
  'campaign_costs',
  {
    ...recordColumns(),
    campaignId: uuid('campaign_id').notNull(),
    incurredOn: date('incurred_on', { mode: 'string' }).notNull(),
    category: text('category').notNull(),
    amount: numeric('amount', { precision: 20, scale: 2 }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaigns.tenantId, campaigns.id] }).onDelete('cascade'),
    index('campaign_costs_campaign_idx').on(t.tenantId, t.campaignId, t.incurredOn),
  ],
);

/** A lead or a contact taking part in a campaign, with when it reached each status. */
export const campaignMembers = pgTable(
  'campaign_members',
  {
    ...recordColumns(),
    campaignId: uuid('campaign_id').notNull(),
    leadId: uuid('lead_id'),
    contactId: uuid('contact_id'),
    status: text('status').notNull(),
    statusChangedAt: tstz('status_changed_at').notNull().defaultNow(),
    invitedAt: tstz('invited_at'),
    registeredAt: tstz('registered_at'),
    attendedAt: tstz('attended_at'),
    respondedAt: tstz('responded_at'),
    /** How the person joined: by hand, through the public form, or the API. */
    source: text('source').notNull().default('manual'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // Members make the campaign's history: a campaign with members cannot be deleted (abort it).
    foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaigns.tenantId, campaigns.id] }),
    check('campaign_members_one_person_ck', sql`(${t.leadId} IS NULL) <> (${t.contactId} IS NULL)`),
    uniqueIndex('campaign_members_lead_uq').on(t.tenantId, t.campaignId, t.leadId).where(sql`lead_id IS NOT NULL`),
    uniqueIndex('campaign_members_contact_uq').on(t.tenantId, t.campaignId, t.contactId).where(sql`contact_id IS NOT NULL`),
    index('campaign_members_status_idx').on(t.tenantId, t.campaignId, t.status),
    index('campaign_members_lead_idx').on(t.tenantId, t.leadId),
  ],
);

/**
 * Every accepted public-form submission as it was typed, with the consent text shown, and the
 * lead it went to. The submission key makes a double post (retry, double click) count once.
 */
export const campaignResponses = pgTable(
  'campaign_responses',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    submissionKey: text('submission_key'),
    leadId: uuid('lead_id'),
    leadCreated: boolean('lead_created').notNull().default(false),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    consentText: text('consent_text'),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaigns.tenantId, campaigns.id] }),
    uniqueIndex('campaign_responses_submission_uq').on(t.tenantId, t.campaignId, t.submissionKey).where(sql`submission_key IS NOT NULL`),
    index('campaign_responses_campaign_idx').on(t.tenantId, t.campaignId, t.at),
  ],
);
