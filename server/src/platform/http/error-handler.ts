import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { translate } from '../i18n/messages.js';
import type { Locale } from '../i18n/locale.js';
import { AppError, ValidationError, type FieldError } from './errors.js';
import { requestLocale } from './request-locale.js';

/** One error shape everywhere: `{ error: { code, message, details } }`, message in the caller's language. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const locale = requestLocale(request);
    const appError = toAppError(err, request);
    if (appError.status >= 500) request.log.error({ err, ref: appError.params.ref }, 'request failed');
    const details = { ...appError.details };
    if (appError instanceof ValidationError) {
      details.fields = appError.fields.map((f) => ({
        field: f.field,
        code: f.code,
        message: translate(locale, f.code, f.params),
      }));
    }
    if (appError.status === 429 && err.statusCode === 429) reply.header('retry-after', appError.params.retryAfter);
    return reply.status(appError.status).send({
      error: { code: appError.code, message: translate(locale, appError.code, appError.params), details },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    const locale: Locale = requestLocale(request);
    return reply.status(404).send({
      error: { code: 'ROUTE_NOT_FOUND', message: translate(locale, 'ROUTE_NOT_FOUND'), details: {} },
    });
  });
}

function toAppError(err: FastifyError, request: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  if (err.validation) return new ValidationError(err.validation.map((v) => fromAjv(v, err.validationContext)));
  if (err.statusCode === 429) return new AppError(429, 'RATE_LIMITED', { retryAfter: 60 });
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError(413, 'PAYLOAD_TOO_LARGE');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new AppError(err.statusCode, 'BAD_REQUEST', { reason: err.message });
  }
  return new AppError(500, 'INTERNAL', { ref: request.id ?? randomUUID() });
}

interface AjvIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

function fromAjv(issue: AjvIssue, context: string | undefined): FieldError {
  const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const missing = issue.params.missingProperty as string | undefined;
  const field = missing ? (path ? `${path}.${missing}` : missing) : path || context || 'body';
  switch (issue.keyword) {
    case 'required':
      return { field, code: 'FIELD_REQUIRED' };
    case 'maxLength':
      return { field, code: 'FIELD_TOO_LONG', params: { limit: issue.params.limit } };
    case 'minimum':
      return { field, code: 'FIELD_MINIMUM', params: { limit: issue.params.limit } };
    case 'minLength':
      return { field, code: 'FIELD_REQUIRED' };
    case 'format':
      if (issue.params.format === 'email') return { field, code: 'FIELD_FORMAT_EMAIL' };
      if (issue.params.format === 'uri') return { field, code: 'FIELD_FORMAT_URI' };
      return { field, code: 'FIELD_INVALID' };
    case 'enum':
      return { field, code: 'FIELD_ENUM', params: { allowed: (issue.params.allowedValues as unknown[]).join(', ') } };
    default:
      return { field, code: 'FIELD_INVALID' };
  }
}
