import { AppError } from '../http/errors.js';

/** Opaque keyset cursor: the sort value and id of the last row of a page. */
export function encodeCursor(value: unknown, id: string): string {
  const v = value instanceof Date ? { d: value.toISOString() } : value;
  return Buffer.from(JSON.stringify([v, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { value: unknown; id: string } {
  try {
    const [v, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, string];
    if (typeof id !== 'string') throw new Error('bad id');
    const value = v && typeof v === 'object' && 'd' in v ? new Date((v as { d: string }).d) : v;
    return { value, id };
  } catch {
    throw new AppError(400, 'INVALID_CURSOR');
  }
}
