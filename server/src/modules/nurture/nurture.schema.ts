import { sql } from 'drizzle-orm';
import {
  boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { recordColumns, tstz } from '../../platform/db/columns.js';
import type { EnrollmentRule, NurtureStep } from './nurture-program.js';

/** An e-mail with `{{variables}}`, in one language; nurture programs send it. */
export const emailTemplates = pgTable(
  'email_templates',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    subject: text('subject').notNull(),
    bodyHtml: text('body_html').notNull(),
    /** Plain-text alternative; derived from the HTML when absent. */
    bodyText: text('body_text'),
    locale: text('locale').notNull().default('zh-CN'),
    description: text('description'),
    createdBy: uuid('created_by'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('email_templates_name_idx').on(t.tenantId, t.name)],
);

/**
 * One row per tenant: how its e-mail goes out (SMTP, sender) and where its pools start.
 * The SMTP password is encrypted (AES-256-GCM) with the server's secret key.
 */
export const nurtureSettings = pgTable(
  'nurture_settings',
  {
    ...recordColumns(),
    smtpHost: text('smtp_host'),
    smtpPort: integer('smtp_port').notNull().default(587),
    /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    smtpSecure: boolean('smtp_secure').notNull().default(false),
    smtpUser: text('smtp_user'),
    smtpPasswordEnc: text('smtp_password_enc'),
    fromName: text('from_name'),
    fromAddress: text('from_address'),
    replyTo: text('reply_to'),
    /** Overrides L2C_PUBLIC_URL for this tenant's tracking and unsubscribe links. */
    publicBaseUrl: text('public_base_url'),
    warmMinScore: integer('warm_min_score').notNull().default(50),
    coldInactiveDays: integer('cold_inactive_days').notNull().default(90),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('nurture_settings_tenant_uq').on(t.tenantId)],
);

export const PROGRAM_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

/** An ordered list of steps that leads walk through, one durable job per step. */
export const nurturePrograms = pgTable(
  'nurture_programs',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    description: text('description'),
    status: text('status').$type<ProgramStatus>().notNull().default('draft'),
    steps: jsonb('steps').$type<NurtureStep[]>().notNull().default(sql`'[]'::jsonb`),
    /** Leads matching it are enrolled automatically while the program is active; null: by hand only. */
    enrollmentRule: jsonb('enrollment_rule').$type<EnrollmentRule | null>(),
    createdBy: uuid('created_by'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('nurture_programs_status_idx').on(t.tenantId, t.status)],
);

export const ENROLLMENT_STATUSES = ['active', 'completed', 'exited'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** One lead in one program: where it is, when its next step runs, and how it ended. */
export const nurtureEnrollments = pgTable(
  'nurture_enrollments',
  {
    ...recordColumns(),
    programId: uuid('program_id').notNull(),
    /** A lead of the leads module (no foreign key across modules). */
    leadId: uuid('lead_id').notNull(),
    status: text('status').$type<EnrollmentStatus>().notNull().default('active'),
    currentStep: integer('current_step').notNull().default(0),
    /** Bumped each time a step job is queued; a job carrying an older tick is stale and does nothing. */
    tick: integer('tick').notNull().default(0),
    /** When the next step is due; null while the program is paused. */
    nextRunAt: tstz('next_run_at'),
    lastStepAt: tstz('last_step_at'),
    source: text('source').$type<'manual' | 'rule'>().notNull(),
    enrolledBy: uuid('enrolled_by'),
    endedAt: tstz('ended_at'),
    exitReason: text('exit_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.programId], foreignColumns: [nurturePrograms.tenantId, nurturePrograms.id] }),
    uniqueIndex('nurture_enrollments_active_uq').on(t.tenantId, t.programId, t.leadId).where(sql`status = 'active'`),
    index('nurture_enrollments_program_idx').on(t.tenantId, t.programId, t.status, t.id),
    index('nurture_enrollments_lead_idx').on(t.tenantId, t.leadId, t.status),
  ],
);

export const MESSAGE_STATUSES = ['queued', 'sent', 'failed', 'bounced', 'suppressed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Each e-mail built for a lead: what was sent, to whom, and what became of it. */
export const nurtureMessages = pgTable(
  'nurture_messages',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    enrollmentId: uuid('enrollment_id'),
    programId: uuid('program_id'),
    stepIndex: integer('step_index'),
    templateId: uuid('template_id').notNull(),
    leadId: uuid('lead_id').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    bodyHtml: text('body_html').notNull(),
    bodyText: text('body_text').notNull(),
    /** The original URLs of the rewritten links; a click token names an index into it. */
    links: jsonb('links').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    status: text('status').$type<MessageStatus>().notNull().default('queued'),
    /** The Message-ID header: fixed before the first attempt, so a retry sends the same message. */
    smtpMessageId: text('smtp_message_id').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: tstz('sent_at'),
    openedAt: tstz('opened_at'),
    openCount: integer('open_count').notNull().default(0),
    clickedAt: tstz('clicked_at'),
    clickCount: integer('click_count').notNull().default(0),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('nurture_messages_step_uq').on(t.tenantId, t.enrollmentId, t.stepIndex),
    index('nurture_messages_lead_idx').on(t.tenantId, t.leadId, t.createdAt),
  ],
);

export const ENGAGEMENT_KINDS = ['open', 'click', 'visit', 'unsubscribe', 'bounce'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

/** What a lead did with our e-mail and site: opens, clicks, page views with dwell time. */
export const nurtureEngagements = pgTable(
  'nurture_engagements',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    leadId: uuid('lead_id').notNull(),
    kind: text('kind').$type<EngagementKind>().notNull(),
    messageId: uuid('message_id'),
    enrollmentId: uuid('enrollment_id'),
    programId: uuid('program_id'),
    url: text('url'),
    /** Page views: the id the tracking script gave the view, so later beacons extend its dwell time. */
    pageViewId: text('page_view_id'),
    dwellSeconds: integer('dwell_seconds'),
    title: text('title'),
    referrer: text('referrer'),
    userAgent: text('user_agent'),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('nurture_engagements_page_view_uq').on(t.tenantId, t.pageViewId).where(sql`page_view_id IS NOT NULL`),
    index('nurture_engagements_lead_idx').on(t.tenantId, t.leadId, t.at),
    index('nurture_engagements_enrollment_idx').on(t.tenantId, t.enrollmentId, t.kind, t.at),
  ],
);

export const SUPPRESSION_REASONS = ['unsubscribed', 'bounced', 'do_not_contact', 'manual'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** Addresses never to e-mail again, with why and since when. */
export const emailSuppressions = pgTable(
  'email_suppressions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    /** Lower-cased. */
    email: text('email').notNull(),
    reason: text('reason').$type<SuppressionReason>().notNull(),
    leadId: uuid('lead_id'),
    details: text('details'),
    createdBy: uuid('created_by'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('email_suppressions_email_uq').on(t.tenantId, t.email),
    index('email_suppressions_created_idx').on(t.tenantId, t.createdAt),
  ],
);
