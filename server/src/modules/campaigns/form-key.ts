import { randomBytes } from 'node:crypto';
import { UUID_RE } from '../../platform/db/ids.js';

/**
 * A public form's key: the tenant id (16 bytes) and 16 random bytes, both base64url — 44 URL-safe
 * characters. The random half makes it unguessable; the tenant half lets the public endpoint
 * look the campaign up inside one tenant (tenant-sharded databases route on it), so a key can
 * never reach another tenant's campaigns.
 */
const KEY_RE = /^[A-Za-z0-9_-]{44}$/;

export function newFormKey(tenantId: string): string {
  return uuidToBase64url(tenantId) + randomBytes(16).toString('base64url');
}

/** The tenant a key belongs to, or null when the text is not a form key. */
export function tenantOfFormKey(key: string): string | null {
  if (!KEY_RE.test(key)) return null;
  const bytes = Buffer.from(key.slice(0, 22), 'base64url');
  if (bytes.length !== 16) return null;
  const hex = bytes.toString('hex');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return UUID_RE.test(uuid) && uuidToBase64url(uuid) === key.slice(0, 22) ? uuid : null;
}

function uuidToBase64url(uuid: string): string {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64url');
}
