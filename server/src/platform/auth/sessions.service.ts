import { and, eq, lt } from 'drizzle-orm';
import type { AppDb, Executor } from '../db/client.js';
import { UUID_RE } from '../db/ids.js';
import { sessions } from '../tenancy/tenancy.schema.js';
import type { Credential, RequestMeta } from './context-loader.js';
import { randomSecret, sha256 } from './secrets.js';

export const SESSION_COOKIE = 'l2c_session';
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

/** Starts a session; the cookie value is `<tenantId>.<secret>` and only the secret's hash is stored. */
export async function startSession(db: AppDb, tenantId: string, userId: string, meta: RequestMeta): Promise<string> {
  const secret = randomSecret();
  await db.insert(sessions).values({
    tenantId,
    tokenHash: sha256(secret),
    userId,
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
  return `${tenantId}.${secret}`;
}

/** The credential a session cookie stands for (its tenant and its token's hash); null when malformed. */
export function sessionCredential(cookie: string): Credential | null {
  const parsed = parseCookie(cookie);
  return parsed ? { kind: 'session', tenantId: parsed.tenantId, tokenHash: sha256(parsed.secret) } : null;
}

export async function endSession(db: AppDb, cookie: string): Promise<void> {
  const parsed = parseCookie(cookie);
  if (!parsed) return;
  await db
    .delete(sessions)
    .where(and(eq(sessions.tenantId, parsed.tenantId), eq(sessions.tokenHash, sha256(parsed.secret))));
}

/** Ends every session of a user (deactivation, password change). */
export async function endUserSessions(db: Executor, tenantId: string, userId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.userId, userId)));
}

export async function purgeExpiredSessions(db: AppDb): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

function parseCookie(cookie: string): { tenantId: string; secret: string } | null {
  const dot = cookie.indexOf('.');
  const tenantId = cookie.slice(0, dot);
  const secret = cookie.slice(dot + 1);
  return dot > 0 && UUID_RE.test(tenantId) && secret ? { tenantId, secret } : null;
}
