import { createHmac, timingSafeEqual } from 'node:crypto';
import { derivedKey } from './secret-key.js';

/**
 * Tokens in tracking and unsubscribe links: what they point at, signed with HMAC-SHA256
 * (128 bits kept), so they cannot be forged, altered or enumerated. Layout, base64url:
 * version (1) · kind (1) · tenant id (16) · id (16) · [link index (2), clicks only] · signature (16).
 *
 * - `o` open pixel, `c` click, `u` unsubscribe: the id is a message id.
 * - `v` visitor (the `l2c` parameter a click adds to the landing page): the id is a lead id.
 */
export type TokenKind = 'o' | 'c' | 'u' | 'v';

export interface TrackingToken {
  kind: TokenKind;
  tenantId: string;
  id: string;
  /** Clicks: which of the message's links. */
  link?: number;
}

const VERSION = 1;
const SIG_BYTES = 16;
const KINDS: readonly TokenKind[] = ['o', 'c', 'u', 'v'];

let cachedKey: Buffer | undefined;
const signingKey = () => (cachedKey ??= derivedKey('tracking-token'));

const uuidBytes = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex');

function uuidString(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const sign = (body: Buffer, key: Buffer) => createHmac('sha256', key).update(body).digest().subarray(0, SIG_BYTES);

export function signToken(token: TrackingToken, key: Buffer = signingKey()): string {
  const parts = [Buffer.from([VERSION, token.kind.charCodeAt(0)]), uuidBytes(token.tenantId), uuidBytes(token.id)];
  if (token.kind === 'c') {
    const link = Buffer.alloc(2);
    link.writeUInt16BE(token.link ?? 0);
    parts.push(link);
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, sign(body, key)]).toString('base64url');
}

/** The token's contents, or null for anything not signed by us (or of another kind than expected). */
export function verifyToken(raw: string, expected: TokenKind, key: Buffer = signingKey()): TrackingToken | null {
  if (typeof raw !== 'string' || raw.length > 100 || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  const bytes = Buffer.from(raw, 'base64url');
  const bodyLength = expected === 'c' ? 36 : 34;
  if (bytes.length !== bodyLength + SIG_BYTES) return null;
  const body = bytes.subarray(0, bodyLength);
  const signature = bytes.subarray(bodyLength);
  if (!timingSafeEqual(signature, sign(body, key))) return null;
  const kind = String.fromCharCode(body[1]) as TokenKind;
  if (body[0] !== VERSION || kind !== expected || !KINDS.includes(kind)) return null;
  return {
    kind,
    tenantId: uuidString(body.subarray(2, 18)),
    id: uuidString(body.subarray(18, 34)),
    ...(kind === 'c' ? { link: body.readUInt16BE(34) } : {}),
  };
}
