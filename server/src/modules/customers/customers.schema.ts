import { sql } from 'drizzle-orm';
import { char, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns, tstz } from '../../platform/db/columns.js';
import { users } from '../../platform/tenancy/tenancy.schema.js';

const ownerFk = (t: { tenantId: never; ownerId: never }) =>
  foreignKey({ columns: [t.tenantId, t.ownerId], foreignColumns: [users.tenantId, users.id] });

/** A customer company, with the registry (工商) fields Chinese B2B sales relies on. */
export const accounts = pgTable(
  'accounts',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    /** 统一社会信用代码, 18 characters, check digit validated. */
    creditCode: text('credit_code'),
    industry: text('industry'),
    registeredCapital: numeric('registered_capital', { precision: 20, scale: 2 }),
    registeredCapitalCurrency: char('registered_capital_currency', { length: 3 }),
    headcount: integer('headcount'),
    province: text('province'),
    city: text('city'),
    region: text('region'),
    address: text('address'),
    website: text('website'),
    phone: text('phone'),
    parentAccountId: uuid('parent_account_id'),
    /** Which sales motion serves the account: key accounts, mid-market or SMB/channel (M2L-6, OPP-7). */
    segment: text('segment'),
    ownerId: uuid('owner_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ownerFk(t as never),
    foreignKey({ columns: [t.tenantId, t.parentAccountId], foreignColumns: [t.tenantId, t.id] }),
    index('accounts_segment_idx').on(t.tenantId, t.segment),
    uniqueIndex('accounts_credit_code_uq').on(t.tenantId, t.creditCode).where(sql`credit_code IS NOT NULL`),
    index('accounts_owner_idx').on(t.tenantId, t.ownerId),
    index('accounts_name_idx').on(t.tenantId, t.name),
    index('accounts_created_idx').on(t.tenantId, t.createdAt),
    index('accounts_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    ...recordColumns(),
    accountId: uuid('account_id'),
    name: text('name').notNull(),
    title: text('title'),
    department: text('department'),
    /** E.164 numbers, the first is the main one. */
    phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
    email: text('email'),
    wechat: text('wechat'),
    reportsToId: uuid('reports_to_id'),
    ownerId: uuid('owner_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ownerFk(t as never),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }),
    foreignKey({ columns: [t.tenantId, t.reportsToId], foreignColumns: [t.tenantId, t.id] }),
    index('contacts_account_idx').on(t.tenantId, t.accountId),
    index('contacts_owner_idx').on(t.tenantId, t.ownerId),
    index('contacts_email_idx').on(t.tenantId, t.email),
    index('contacts_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

export interface CheckIn {
  lat: number;
  lng: number;
  at: string;
  address?: string;
}

/** Visits, calls, meetings, e-mails and tasks, with what came of them and what is next. */
export const activities = pgTable(
  'activities',
  {
    ...recordColumns(),
    type: text('type').notNull(),
    subject: text('subject').notNull(),
    accountId: uuid('account_id'),
    contactIds: uuid('contact_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Links to other modules' records: no foreign key across module boundaries. */
    opportunityId: uuid('opportunity_id'),
    leadId: uuid('lead_id'),
    startAt: tstz('start_at'),
    endAt: tstz('end_at'),
    dueAt: tstz('due_at'),
    /** When the owner is reminded (a durable job); null: no reminder. */
    remindAt: tstz('remind_at'),
    status: text('status').notNull().default('planned'),
    outcome: text('outcome'),
    nextStep: text('next_step'),
    checkIn: jsonb('check_in').$type<CheckIn>(),
    ownerId: uuid('owner_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ownerFk(t as never),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }),
    index('activities_account_idx').on(t.tenantId, t.accountId, t.startAt),
    index('activities_owner_idx').on(t.tenantId, t.ownerId, t.startAt),
    index('activities_opportunity_idx').on(t.tenantId, t.opportunityId),
    index('activities_lead_idx').on(t.tenantId, t.leadId),
    index('activities_due_idx').on(t.tenantId, t.status, t.dueAt),
  ],
);

/** A free-text note on any record (account, contact, and later leads and opportunities). */
export const notes = pgTable(
  'notes',
  {
    ...recordColumns(),
    object: text('object').notNull(),
    recordId: uuid('record_id').notNull(),
    body: text('body').notNull(),
    ownerId: uuid('owner_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    ownerFk(t as never),
    index('notes_record_idx').on(t.tenantId, t.object, t.recordId),
  ],
);

