/** One server-side validation problem, named by the API's camelCase field path. */
export interface FieldError {
  field: string;
  message: string;
}

/** Error codes the UI reacts to specifically; any other code is shown with the server's message. */
export type KnownErrorCode =
  | 'VALIDATION_FAILED'
  | 'VERSION_CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'INVALID_CREDENTIALS'
  | 'TOO_MANY_ATTEMPTS'
  | 'ACCOUNT_LOCKED'
  | 'NETWORK_ERROR';

/** Every failed API call becomes an ApiError carrying the `{ error: { code, message, details } }` body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  is(code: KnownErrorCode): boolean {
    return this.code === code;
  }

  /** The `details.fields` list of a VALIDATION_FAILED error; empty for any other error. */
  get fieldErrors(): FieldError[] {
    return readFieldErrors(this.details);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readFieldErrors(details: unknown): FieldError[] {
  if (!isRecord(details) || !Array.isArray(details.fields)) return [];
  const result: FieldError[] = [];
  for (const item of details.fields) {
    if (isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string') {
      result.push({ field: item.field, message: item.message });
    }
  }
  return result;
}

const fallbackCodeByStatus: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_REQUESTS',
};

/** Turns a failed response (status + parsed JSON body, or null when it was not JSON) into an ApiError. */
export function parseErrorBody(status: number, body: unknown, statusText = ''): ApiError {
  if (isRecord(body) && isRecord(body.error)) {
    const { code, message, details } = body.error;
    return new ApiError(
      status,
      typeof code === 'string' && code !== '' ? code : (fallbackCodeByStatus[status] ?? 'HTTP_ERROR'),
      typeof message === 'string' && message !== '' ? message : statusText || `HTTP ${status}`,
      details,
    );
  }
  return new ApiError(status, fallbackCodeByStatus[status] ?? 'HTTP_ERROR', statusText || `HTTP ${status}`);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
