import type { MessageCode } from '../i18n/messages.js';

export interface FieldError {
  field: string;
  code: MessageCode;
  params?: Record<string, unknown>;
}

/**
 * A failure the caller can act on. The message is not fixed here: the error handler renders
 * `code` with `params` in the caller's language.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    readonly params: Record<string, unknown> = {},
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'NOT_FOUND');

export const forbidden = (object: string, action: string) =>
  new AppError(403, 'FORBIDDEN', { object, action }, { object, action });

/** A 400 listing the fields that are wrong; the handler localises each field's message. */
export class ValidationError extends AppError {
  constructor(readonly fields: FieldError[]) {
    super(400, 'VALIDATION_FAILED', { fields: fields.map((f) => f.field).join(', ') });
  }
}

export const fieldError = (field: string, code: MessageCode, params?: Record<string, unknown>) =>
  new ValidationError([{ field, code, params }]);
