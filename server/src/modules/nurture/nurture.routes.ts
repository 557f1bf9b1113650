import { Type } from 'typebox';
import { requireLevel } from '../../platform/access/visibility.js';
import type { AppDb } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { registerResourceRoutes, expectedVersion } from '../../platform/http/resource-routes.js';
import { ErrorResponse, IdParams, LocaleSchema, Nullable, RecordBase, Timestamp, Uuid, VersionField } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/types.js';
import { translate } from '../../platform/i18n/messages.js';
import { enrollLeads, exitEnrollmentByHand, leadNurtureSummary, listEnrollments, type Enrollment } from './enrollments.service.js';
import { TEMPLATE_VARIABLES } from './email-render.js';
import { BRANCH_CONDITIONS, EXIT_REASONS, POOLS, type Pool } from './nurture-program.js';
import { ENROLLMENT_STATUSES, MESSAGE_STATUSES, PROGRAM_STATUSES, SUPPRESSION_REASONS } from './nurture.schema.js';
import './nurture.subscribers.js';
import { getPools, listPoolLeads } from './pools.service.js';
import { createProgram, programStore, updateProgram, type NurtureProgram } from './programs.service.js';
import { scheduleNurtureJobs } from './rule-enrollment.js';
import './send-email.job.js';
import { getNurtureSettings, loadSenderConfig, updateNurtureSettings, type NurtureSettings } from './settings.service.js';
import { sendOverSmtp } from './smtp.js';
import './step-runner.job.js';
import { addSuppression, listSuppressions, removeSuppression } from './suppressions.service.js';
import { createEmailTemplate, deleteEmailTemplate, emailTemplateStore, previewTemplate, type EmailTemplate } from './templates.service.js';
import { registerTrackingRoutes } from './tracking.routes.js';

const literals = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const Str = (maxLength: number) => Type.Optional(Nullable(Type.String({ maxLength })));
const Page = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Object({ data: Type.Array(item), nextCursor: Nullable(Type.String()) });
const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String()),
};

// ── E-mail templates ────────────────────────────────────────────────────────
const templateFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  subject: Type.String({ minLength: 1, maxLength: 300 }),
  bodyHtml: Type.String({ minLength: 1, maxLength: 200_000 }),
  bodyText: Str(100_000),
  locale: LocaleSchema,
  description: Str(1000),
};
const EmailTemplateSchema = Type.Unsafe<EmailTemplate>(Type.Object({
  ...RecordBase,
  ...templateFields,
  bodyText: Nullable(Type.String()),
  description: Nullable(Type.String()),
  createdBy: Nullable(Uuid),
}));

// ── Programs ────────────────────────────────────────────────────────────────
const Step = Type.Union([
  Type.Object({ type: Type.Literal('send_email'), templateId: Uuid }, { additionalProperties: false }),
  Type.Object({
    type: Type.Literal('wait'),
    days: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
    hours: Type.Optional(Type.Integer({ minimum: 0, maximum: 8760 })),
  }, { additionalProperties: false }),
  Type.Object({
    type: Type.Literal('branch'),
    if: literals(BRANCH_CONDITIONS),
    withinDays: Type.Integer({ minimum: 1, maximum: 365 }),
    then: Type.Integer({ minimum: 0, description: 'Step index (0-based) when the lead engaged' }),
    else: Type.Integer({ minimum: 0, description: 'Step index (0-based) otherwise' }),
  }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('exit') }, { additionalProperties: false }),
]);
const TextList = Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 });
const EnrollmentRule = Type.Object({
  pools: Type.Optional(Type.Array(literals(POOLS), { maxItems: 3 })),
  statuses: Type.Optional(TextList),
  minScore: Type.Optional(Type.Integer()),
  maxScore: Type.Optional(Type.Integer()),
  grades: Type.Optional(TextList),
  sources: Type.Optional(TextList),
  industries: Type.Optional(TextList),
}, { additionalProperties: false, description: 'Every field present must hold; a list matches any of its values' });
const programFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Str(2000),
  status: Type.Optional(literals(PROGRAM_STATUSES)),
  steps: Type.Optional(Type.Array(Step, { maxItems: 50 })),
  enrollmentRule: Type.Optional(Nullable(EnrollmentRule)),
};
const ProgramSchema = Type.Unsafe<NurtureProgram>(Type.Object({
  ...RecordBase,
  name: Type.String(),
  description: Nullable(Type.String()),
  status: literals(PROGRAM_STATUSES),
  steps: Type.Array(Step),
  enrollmentRule: Nullable(EnrollmentRule),
  createdBy: Nullable(Uuid),
  stats: Type.Optional(Type.Object({
    active: Type.Integer(), completed: Type.Integer(), exited: Type.Integer(),
    sent: Type.Integer(), opened: Type.Integer(), clicked: Type.Integer(),
  })),
}));
const enrollmentFields = {
  id: Uuid,
  programId: Uuid,
  leadId: Uuid,
  leadName: Nullable(Type.String()),
  leadEmail: Nullable(Type.String()),
  leadCompany: Nullable(Type.String()),
  status: literals(ENROLLMENT_STATUSES),
  currentStep: Type.Integer(),
  nextRunAt: Nullable(Timestamp),
  lastStepAt: Nullable(Timestamp),
  source: literals(['manual', 'rule'] as const),
  exitReason: Nullable(Type.String()),
  createdAt: Timestamp,
  endedAt: Nullable(Timestamp),
  version: Type.Integer(),
};
const EnrollmentSchema = Type.Unsafe<Enrollment>(Type.Object(enrollmentFields));
const EnrollParams = Type.Object({ id: Type.String(), enrollmentId: Type.String() });

// ── Pools, settings, suppressions ───────────────────────────────────────────
const PoolLead = Type.Object({
  id: Uuid, name: Type.String(), company: Nullable(Type.String()), email: Nullable(Type.String()), status: Type.String(),
  score: Nullable(Type.Integer()), grade: Nullable(Type.String()), source: Nullable(Type.String()), industry: Nullable(Type.String()),
  createdAt: Timestamp, statusChangedAt: Timestamp, lastReason: Nullable(Type.String()),
});
const PoolSummary = Type.Object({ count: Type.Integer(), leads: Type.Array(PoolLead), nextCursor: Nullable(Type.String()) });
const Thresholds = {
  warmMinScore: Type.Integer({ minimum: 0, maximum: 10_000, description: 'Warm: new leads scoring at least this' }),
  coldInactiveDays: Type.Integer({ minimum: 1, maximum: 3650, description: 'Cold: no activity for this many days' }),
};
const settingsFields = {
  smtpHost: Str(255),
  smtpPort: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
  smtpSecure: Type.Optional(Type.Boolean({ description: 'TLS from the start (port 465); otherwise STARTTLS when offered' })),
  smtpUser: Str(255),
  smtpPassword: Type.Optional(Nullable(Type.String({ maxLength: 500, description: 'Write-only: never returned' }))),
  fromName: Str(200),
  fromAddress: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  replyTo: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  publicBaseUrl: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 500, description: 'Overrides L2C_PUBLIC_URL for links' }))),
  warmMinScore: Type.Optional(Thresholds.warmMinScore),
  coldInactiveDays: Type.Optional(Thresholds.coldInactiveDays),
};
const SettingsSchema = Type.Unsafe<NurtureSettings>(Type.Object({
  version: Type.Integer(),
  updatedAt: Nullable(Timestamp),
  smtpHost: Nullable(Type.String()),
  smtpPort: Type.Integer(),
  smtpSecure: Type.Boolean(),
  smtpUser: Nullable(Type.String()),
  hasPassword: Type.Boolean(),
  fromName: Nullable(Type.String()),
  fromAddress: Nullable(Type.String()),
  replyTo: Nullable(Type.String()),
  publicBaseUrl: Nullable(Type.String()),
  effectivePublicUrl: Type.String(),
  trackingScriptUrl: Type.String(),
  ...Thresholds,
}));
const Suppression = Type.Object({
  id: Uuid, email: Type.String(), reason: literals(SUPPRESSION_REASONS), leadId: Nullable(Uuid), details: Nullable(Type.String()),
  createdBy: Nullable(Uuid), createdAt: Timestamp,
});

const withScriptUrl = (s: NurtureSettings) => ({ ...s, trackingScriptUrl: `${s.effectivePublicUrl}/t/script.js` });

/** Nurture: templates, programs and enrolments, pools, sender settings, suppressions, and the public tracking endpoints. */
export function registerNurtureRoutes(app: App, db: AppDb) {
  app.addHook('onReady', () => scheduleNurtureJobs(db));
  registerTrackingRoutes(app, db);

  registerResourceRoutes(app, {
    path: '/api/v1/email-templates',
    tag: 'Nurture',
    store: emailTemplateStore,
    record: EmailTemplateSchema,
    create: Type.Object(templateFields, { additionalProperties: false }),
    update: Type.Object(
      { ...Object.fromEntries(Object.entries(templateFields).map(([k, v]) => [k, Type.Optional(v)])), version: Type.Optional(VersionField) },
      { additionalProperties: false },
    ),
    onCreate: createEmailTemplate,
  });

  app.delete('/api/v1/email-templates/:id', {
    schema: {
      tags: ['Nurture'],
      summary: 'Delete a template that no program sends',
      params: IdParams,
      querystring: Type.Object({ version: Type.Optional(VersionField) }),
      response: { 204: Type.Null(), ...errors },
    },
  }, async (request, reply) => {
    await deleteEmailTemplate(request.ctx, request.params.id, expectedVersion(request.headers['if-match'], request.query.version));
    return reply.status(204).send(null);
  });

  app.post('/api/v1/email-templates/preview', {
    schema: {
      tags: ['Nurture'],
      summary: `Render template content as a lead (or a sample person) would get it. Variables: ${TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(', ')}`,
      body: Type.Object({
        subject: templateFields.subject,
        bodyHtml: templateFields.bodyHtml,
        bodyText: templateFields.bodyText,
        locale: LocaleSchema,
        leadId: Type.Optional(Uuid),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({ subject: Type.String(), html: Type.String(), text: Type.String(), links: Type.Array(Type.String()) }),
        ...errors,
      },
    },
  }, async (request) => previewTemplate(request.ctx, request.body));

  registerResourceRoutes(app, {
    path: '/api/v1/nurture-programs',
    tag: 'Nurture',
    store: programStore,
    record: ProgramSchema,
    create: Type.Object(programFields, { additionalProperties: false }),
    update: Type.Object(
      {
        ...Object.fromEntries(Object.entries(programFields).map(([k, v]) => [k, Type.Optional(v)])),
        version: Type.Optional(VersionField),
      } as Parameters<typeof Type.Object>[0],
      { additionalProperties: false },
    ),
    onCreate: createProgram,
    onUpdate: updateProgram,
    remove: true,
  });

  app.get('/api/v1/nurture-programs/:id/enrollments', {
    schema: {
      tags: ['Nurture'],
      summary: 'The program’s enrolments, newest first',
      params: IdParams,
      querystring: Type.Object({ status: Type.Optional(literals(ENROLLMENT_STATUSES)), ...PageQuery }),
      response: { 200: Page(EnrollmentSchema), ...errors },
    },
  }, async (request) => listEnrollments(request.ctx, request.params.id, request.query));

  app.post('/api/v1/nurture-programs/:id/enrollments', {
    schema: {
      tags: ['Nurture'],
      summary: 'Enrol leads by hand; leads already in the program or who cannot be mailed are skipped with the reason',
      params: IdParams,
      body: Type.Object({ leadIds: Type.Array(Uuid, { minItems: 1, maxItems: 500 }) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          enrolled: Type.Array(Type.Object({ leadId: Uuid, enrollmentId: Uuid })),
          skipped: Type.Array(Type.Object({ leadId: Type.String(), reason: literals(['not_found', 'already_enrolled', ...EXIT_REASONS] as const) })),
        }),
        ...errors,
      },
    },
  }, async (request) => enrollLeads(request.ctx, request.params.id, request.body.leadIds));

  app.post('/api/v1/nurture-programs/:id/enrollments/:enrollmentId/exit', {
    schema: { tags: ['Nurture'], summary: 'Take a lead out of the program', params: EnrollParams, response: { 200: EnrollmentSchema, ...errors } },
  }, async (request) => exitEnrollmentByHand(request.ctx, request.params.id, request.params.enrollmentId));

  app.get('/api/v1/nurture/pools', {
    schema: {
      tags: ['Nurture'],
      summary: 'Warm, cold and recycled pools: counts and the most recently changed leads (definitions: see the module docs)',
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })) }),
      response: {
        200: Type.Object({
          thresholds: Type.Object(Thresholds),
          pools: Type.Object({ warm: PoolSummary, cold: PoolSummary, recycled: PoolSummary }),
        }),
        ...errors,
      },
    },
  }, async (request) => getPools(request.ctx, request.query.limit));

  app.get('/api/v1/nurture/pools/:pool/leads', {
    schema: {
      tags: ['Nurture'],
      summary: 'One pool’s leads, page by page',
      params: Type.Object({ pool: literals(POOLS) }),
      querystring: Type.Object(PageQuery),
      response: { 200: Page(PoolLead), ...errors },
    },
  }, async (request) => listPoolLeads(request.ctx, request.params.pool as Pool, request.query));

  app.get('/api/v1/nurture/settings', {
    schema: { tags: ['Nurture'], summary: 'Sender (SMTP) settings and pool thresholds; the password is never returned', response: { 200: SettingsSchema, ...errors } },
  }, async (request) => withScriptUrl(await getNurtureSettings(request.ctx)));

  app.patch('/api/v1/nurture/settings', {
    schema: {
      tags: ['Nurture'],
      summary: 'Change sender settings and pool thresholds (the password is stored encrypted)',
      body: Type.Object({ ...settingsFields, version: Type.Optional(Type.Integer({ minimum: 0 })) }, { additionalProperties: false }),
      response: { 200: SettingsSchema, ...errors },
    },
  }, async (request) => {
    const { version, ...input } = request.body;
    return withScriptUrl(await updateNurtureSettings(request.ctx, input, version));
  });

  app.post('/api/v1/nurture/settings/test', {
    schema: {
      tags: ['Nurture'],
      summary: 'Send a test e-mail with the saved settings',
      body: Type.Object({ to: Type.String({ format: 'email', maxLength: 254 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ ok: Type.Boolean(), error: Nullable(Type.String()) }), ...errors },
    },
  }, async (request) => {
    requireLevel(request.ctx, 'email_templates', 'update');
    const sender = await loadSenderConfig(request.ctx.db, request.ctx.tenantId);
    if (!sender.host || !sender.fromAddress) throw new AppError(409, 'NURTURE_SMTP_NOT_CONFIGURED');
    if (sender.passwordUnreadable) throw new AppError(409, 'NURTURE_PASSWORD_UNREADABLE');
    const locale = request.ctx.locale;
    const body = translate(locale, 'NURTURE_TEST_BODY', { host: sender.host });
    const outcome = await sendOverSmtp(sender, { to: request.body.to, subject: translate(locale, 'NURTURE_TEST_SUBJECT'), text: body, html: `<p>${body}</p>` });
    return { ok: outcome.kind === 'sent', error: outcome.kind === 'sent' ? null : outcome.error };
  });

  app.get('/api/v1/nurture/suppressions', {
    schema: {
      tags: ['Nurture'],
      summary: 'Addresses never e-mailed: unsubscribed, bounced, do-not-contact, or added by hand',
      querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 254, description: 'An exact address' })), ...PageQuery }),
      response: { 200: Page(Suppression), ...errors },
    },
  }, async (request) => listSuppressions(request.ctx, request.query));

  app.post('/api/v1/nurture/suppressions', {
    schema: {
      tags: ['Nurture'],
      summary: 'Suppress an address by hand',
      body: Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }), details: Str(500) }, { additionalProperties: false }),
      response: { 201: Suppression, ...errors },
    },
  }, async (request, reply) => reply.status(201).send(await addSuppression(request.ctx, request.body)));

  app.delete('/api/v1/nurture/suppressions/:id', {
    schema: { tags: ['Nurture'], summary: 'Take an address off the list', params: IdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await removeSuppression(request.ctx, request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/nurture/leads/:id', {
    schema: {
      tags: ['Nurture'],
      summary: 'A lead’s programs, e-mails, opens, clicks and visits, and whether its address is suppressed',
      params: IdParams,
      response: {
        200: Type.Object({
          leadId: Uuid,
          suppression: Nullable(literals(SUPPRESSION_REASONS)),
          enrollments: Type.Array(Type.Object({ ...enrollmentFields, programName: Type.String() })),
          messages: Type.Array(Type.Object({
            id: Uuid, programId: Nullable(Uuid), subject: Type.String(), toAddress: Type.String(), status: literals(MESSAGE_STATUSES),
            lastError: Nullable(Type.String()), sentAt: Nullable(Timestamp), openedAt: Nullable(Timestamp), openCount: Type.Integer(),
            clickedAt: Nullable(Timestamp), clickCount: Type.Integer(), createdAt: Timestamp,
          })),
          engagements: Type.Array(Type.Object({
            id: Uuid, kind: Type.String(), url: Nullable(Type.String()), dwellSeconds: Nullable(Type.Integer()), messageId: Nullable(Uuid), at: Timestamp,
          })),
        }),
        ...errors,
      },
    },
  }, async (request) => leadNurtureSummary(request.ctx, request.params.id));
}

