import { and, eq, sql } from 'drizzle-orm';
import type { AppDb } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { loginEmails, users } from '../tenancy/tenancy.schema.js';
import { verifyPassword } from './secrets.js';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Checks a password. After MAX_FAILED_ATTEMPTS wrong passwords in a row the e-mail is locked
 * for LOCKOUT_MS, even for the right password, so guessing cannot continue.
 */
export async function checkCredentials(db: AppDb, email: string, password: string): Promise<{ tenantId: string; userId: string }> {
  const [login] = await db.select().from(loginEmails).where(eq(loginEmails.email, normalizeEmail(email)));
  if (login?.lockedUntil && login.lockedUntil.getTime() > Date.now()) {
    throw lockedError(login.lockedUntil);
  }
  const [user] = login
    ? await db
        .select({ passwordHash: users.passwordHash, active: users.active })
        .from(users)
        .where(and(eq(users.tenantId, login.tenantId), eq(users.id, login.userId)))
    : [];
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!login || !user) throw new AppError(401, 'INVALID_CREDENTIALS');
  if (!ok) {
    const [after] = await db
      .update(loginEmails)
      .set({
        failedAttempts: sql`${loginEmails.failedAttempts} + 1`,
        lockedUntil: sql`CASE WHEN ${loginEmails.failedAttempts} + 1 >= ${MAX_FAILED_ATTEMPTS}
          THEN now() + ${`${LOCKOUT_MS} milliseconds`}::interval ELSE NULL END`,
      })
      .where(eq(loginEmails.email, login.email))
      .returning({ lockedUntil: loginEmails.lockedUntil });
    if (after?.lockedUntil) throw lockedError(after.lockedUntil);
    throw new AppError(401, 'INVALID_CREDENTIALS');
  }
  if (!user.active) throw new AppError(403, 'USER_INACTIVE');
  if (login.failedAttempts > 0) {
    await db.update(loginEmails).set({ failedAttempts: 0, lockedUntil: null }).where(eq(loginEmails.email, login.email));
  }
  return { tenantId: login.tenantId, userId: login.userId };
}

function lockedError(until: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(429, 'ACCOUNT_LOCKED', { minutes }, { lockedUntil: until.toISOString() });
}
