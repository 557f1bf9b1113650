import { describe, expect, it } from 'vitest';
import { ApiError, parseErrorBody, readFieldErrors } from './api-error';

describe('parseErrorBody', () => {
  it('reads the API error shape', () => {
    const error = parseErrorBody(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Check the fields',
        details: { fields: [{ field: 'creditCode', message: 'Invalid code' }] },
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('Check the fields');
    expect(error.is('VALIDATION_FAILED')).toBe(true);
    expect(error.fieldErrors).toEqual([{ field: 'creditCode', message: 'Invalid code' }]);
  });

  it.each([
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [502, 'HTTP_ERROR'],
  ])('falls back to a code from status %i when the body is not the error shape', (status, code) => {
    const error = parseErrorBody(status, '<html>proxy error</html>', 'Bad Gateway');
    expect(error.code).toBe(code);
    expect(error.message).toBe('Bad Gateway');
  });

  it('keeps a usable message when the server sends an empty one', () => {
    expect(parseErrorBody(500, { error: { code: 'INTERNAL', message: '' } }).message).toBe('HTTP 500');
  });
});

describe('readFieldErrors', () => {
  it('ignores malformed entries', () => {
    expect(
      readFieldErrors({ fields: [{ field: 'name', message: 'Required' }, { field: 3 }, null, 'x', { message: 'no field' }] }),
    ).toEqual([{ field: 'name', message: 'Required' }]);
  });

  it('returns nothing for details without fields', () => {
    expect(readFieldErrors(undefined)).toEqual([]);
    expect(readFieldErrors({ fields: 'name' })).toEqual([]);
    expect(readFieldErrors([{ field: 'a', message: 'b' }])).toEqual([]);
  });
});
