import { Type } from 'typebox';
import type { AppDb } from '../../platform/db/client.js';
import { ErrorResponse, Nullable } from '../../platform/http/schemas.js';
import { requestLocale } from '../../platform/http/request-locale.js';
import type { App } from '../../platform/http/types.js';
import { submitPublicForm, publicForm } from './campaign-responses.service.js';
import { FORM_FIELDS, HONEYPOT_FIELD, type FormField } from './public-form.js';

const Text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

/** What a person can send; which fields count, and which are required, is the campaign's form. */
export const SubmissionFields = Type.Object(
  {
    name: Text(100),
    email: Text(254),
    phone: Text(40),
    company: Text(200),
    title: Text(100),
    city: Text(50),
    productInterest: Text(100),
    message: Text(2000),
    consent: Type.Optional(Type.Boolean()),
    [HONEYPOT_FIELD]: Type.Optional(Type.String({ maxLength: 500, description: 'Leave empty: a trap for bots' })),
    submissionId: Type.Optional(Type.String({ minLength: 8, maxLength: 100, description: 'Same id, same submission: a retry counts once' })),
  },
  { additionalProperties: false },
);

const FormKeyParams = Type.Object({ formKey: Type.String({ maxLength: 100 }) });

const PublicFormSchema = Type.Object({
  formKey: Type.String(),
  title: Type.String(),
  description: Nullable(Type.String()),
  open: Type.Boolean(),
  fields: Type.Array(Type.Object({
    name: Type.Unsafe<'name' | FormField>(Type.Union(['name', ...FORM_FIELDS].map((f) => Type.Literal(f)))),
    required: Type.Boolean(),
  })),
  consentRequired: Type.Boolean(),
  consentText: Nullable(Type.String()),
  thankYouMessage: Type.String(),
});

const tags = ['Public forms'];

/**
 * The public registration form of a campaign: no sign-in, limited per address, answered as the
 * system for the campaign's tenant. `Idempotency-Key` (or `submissionId`) makes a retry count once.
 */
export function registerPublicFormRoutes(app: App, db: AppDb) {
  app.get('/api/v1/public/forms/:formKey', {
    config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'The form a public page renders: title, fields, whether it is open',
      security: [],
      params: FormKeyParams,
      response: { 200: PublicFormSchema, 404: ErrorResponse, 429: ErrorResponse },
    },
  }, async (request) => publicForm(db, request.params.formKey, requestLocale(request)));

  app.post('/api/v1/public/forms/:formKey', {
    config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Submit the form: the response becomes or updates a lead attributed to the campaign',
      security: [],
      params: FormKeyParams,
      body: SubmissionFields,
      headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 100 })) }),
      response: {
        201: Type.Object({ ok: Type.Literal(true), message: Type.String() }),
        400: ErrorResponse,
        404: ErrorResponse,
        409: ErrorResponse,
        429: ErrorResponse,
      },
    },
  }, async (request, reply) => {
    const { submissionId, ...submission } = request.body;
    const result = await submitPublicForm(db, request.params.formKey, submission, {
      submissionKey: request.headers['idempotency-key'] ?? submissionId,
      ip: request.ip,
      userAgent: request.headers['user-agent'],
      locale: requestLocale(request),
    });
    return reply.status(201).send(result);
  });
}
