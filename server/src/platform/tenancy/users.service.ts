import { and, eq } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../access/context.js';
import { endUserSessions } from '../auth/sessions.service.js';
import { normalizeEmail } from '../auth/login.service.js';
import { hashPassword } from '../auth/secrets.js';
import { appendAudit } from '../audit/audit.service.js';
import { AppError } from '../http/errors.js';
import { pgErrorCode, UNIQUE_VIOLATION } from '../records/pg-errors.js';
import { RecordStore, type ApiRecord } from '../records/record-store.js';
import { loginEmails, roles, teams, users } from './tenancy.schema.js';

export interface UserRecord extends ApiRecord {
  name: string;
  email: string;
  roleId: string;
  teamId: string | null;
  locale: string;
  active: boolean;
}

export const userStore = new RecordStore<UserRecord>({
  object: 'users',
  table: users,
  sortable: { name: users.name, email: users.email, createdAt: users.createdAt },
  defaultSort: 'name',
  filters: { roleId: users.roleId, teamId: users.teamId, active: users.active },
  searchColumns: [users.name, users.email],
  references: { roleId: { table: roles }, teamId: { table: teams } },
  toApi: (r) => ({
    name: r.name as string,
    email: r.email as string,
    roleId: r.roleId as string,
    teamId: (r.teamId as string | null) ?? null,
    locale: r.locale as string,
    active: r.active as boolean,
  }),
  toColumns: ({ id, name, email, roleId, teamId, locale, active, passwordHash }) => ({
    id, name, email: typeof email === 'string' ? normalizeEmail(email) : undefined, roleId, teamId, locale, active, passwordHash,
  }),
});

export interface NewUser {
  name: string;
  email: string;
  password?: string;
  roleId: string;
  teamId?: string | null;
  locale?: string;
}

/** Creates a user and claims the e-mail for sign-in across all tenants. */
export function createUser(ctx: RequestContext, input: NewUser): Promise<UserRecord> {
  return inTransaction(ctx, async (ctx) => {
    const { password, ...fields } = input;
    const passwordHash = password ? await hashPassword(password) : null;
    const user = await userStore.create(ctx, { ...fields, passwordHash });
    await claimEmail(ctx, user.email, user.id);
    return user;
  });
}

export interface UserPatch extends Partial<Omit<NewUser, 'password'>> {
  active?: boolean;
  password?: string;
}

export function updateUser(ctx: RequestContext, id: string, patch: UserPatch, version?: number): Promise<UserRecord> {
  return inTransaction(ctx, async (ctx) => {
    const before = await userStore.get(ctx, id);
    const { password, ...fields } = patch;
    const passwordHash = password ? await hashPassword(password) : undefined;
    const user = await userStore.update(ctx, id, { ...fields, passwordHash }, version);
    if (user.email !== before.email) {
      await executor(ctx).delete(loginEmails).where(eq(loginEmails.email, before.email));
      await claimEmail(ctx, user.email, user.id);
    }
    if (passwordHash) {
      // The hash never enters the log; the fact that the password changed does.
      const redacted = { before: '[redacted]', after: '[redacted]' };
      await appendAudit(ctx, { action: 'update', object: 'users', recordId: id, changes: { password: redacted } });
    }
    if (!user.active || passwordHash) await endUserSessions(executor(ctx), ctx.tenantId, id);
    if (before.roleId !== user.roleId || !user.active) await requireAnAdmin(ctx);
    return user;
  });
}

async function claimEmail(ctx: RequestContext, email: string, userId: string) {
  try {
    await executor(ctx).insert(loginEmails).values({ email, tenantId: ctx.tenantId, userId });
  } catch (err) {
    if (pgErrorCode(err) === UNIQUE_VIOLATION) throw new AppError(409, 'EMAIL_TAKEN');
    throw err;
  }
}

/** A tenant always keeps one active admin, or nobody could manage it any more. */
async function requireAnAdmin(ctx: RequestContext) {
  const admins = await executor(ctx)
    .select({ id: users.id })
    .from(users)
    .innerJoin(roles, and(eq(roles.tenantId, users.tenantId), eq(roles.id, users.roleId)))
    .where(and(eq(users.tenantId, ctx.tenantId), eq(users.active, true), eq(roles.key, 'admin')))
    .limit(1);
  if (admins.length === 0) throw new AppError(409, 'LAST_ADMIN');
}

