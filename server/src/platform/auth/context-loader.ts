import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { RequestContext } from '../access/context.js';
import { DEFAULT_ROLES, effectivePermissions } from '../access/permissions.js';
import type { AppDb } from '../db/client.js';
import { isLocale } from '../i18n/locale.js';
import { apiKeys, roles, sessions, teams, tenants, users } from '../tenancy/tenancy.schema.js';

export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  locale: string;
  roleId: string;
  roleKey: string;
  teamId: string | null;
}

/**
 * How a caller is recognised: by user id (the server acting for a known user), or by the stored
 * hash of an API key's secret or of a session token; the tenant is part of the key or cookie.
 */
export type Credential =
  | { kind: 'user'; tenantId: string; userId: string }
  | { kind: 'api_key'; tenantId: string; keyHash: string }
  | { kind: 'session'; tenantId: string; tokenHash: string };

export interface LoadedCaller {
  ctx: RequestContext;
  user: SignedInUser;
  /** For an API key: when it was last recorded as used. */
  apiKeyLastUsedAt?: Date | null;
}

const callerFields = {
  id: users.id,
  name: users.name,
  email: users.email,
  locale: users.locale,
  active: users.active,
  teamId: users.teamId,
  roleId: roles.id,
  roleKey: roles.key,
  permissions: roles.permissions,
  teamPath: teams.path,
  tenantLocale: tenants.locale,
};
const tenantId = sql.placeholder('tenantId');

/** A caller's user with role, team and tenant: the joins every credential shares. */
function withRoleTeamTenant<Q extends PgSelect>(query: Q) {
  return query
    .innerJoin(roles, and(eq(roles.tenantId, users.tenantId), eq(roles.id, users.roleId)))
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .leftJoin(teams, and(eq(teams.tenantId, users.tenantId), eq(teams.id, users.teamId)));
}

/**
 * The caller query of each credential, prepared once per database: it runs on every request,
 * so it is neither rebuilt nor re-planned each time (a named statement on PostgreSQL).
 */
function prepareCallerQueries(db: AppDb) {
  return {
    user: withRoleTeamTenant(db.select(callerFields).from(users).$dynamic())
      .where(and(eq(users.tenantId, tenantId), eq(users.id, sql.placeholder('userId'))))
      .prepare('l2c_caller_by_user'),
    apiKey: withRoleTeamTenant(
      db
        .select({ ...callerFields, apiKeyId: apiKeys.id, apiKeyLastUsedAt: apiKeys.lastUsedAt })
        .from(apiKeys)
        .innerJoin(users, and(eq(users.tenantId, apiKeys.tenantId), eq(users.id, apiKeys.userId)))
        .$dynamic(),
    )
      .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.keyHash, sql.placeholder('keyHash')), isNull(apiKeys.revokedAt)))
      .prepare('l2c_caller_by_api_key'),
    session: withRoleTeamTenant(
      db
        .select(callerFields)
        .from(sessions)
        .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
        .$dynamic(),
    )
      .where(
        and(
          eq(sessions.tenantId, tenantId),
          eq(sessions.tokenHash, sql.placeholder('tokenHash')),
          gte(sessions.expiresAt, sql.placeholder('now')),
        ),
      )
      .prepare('l2c_caller_by_session'),
  };
}

const callerQueries = new WeakMap<AppDb, ReturnType<typeof prepareCallerQueries>>();

type CallerRow = Awaited<ReturnType<ReturnType<typeof prepareCallerQueries>['user']['execute']>>[number];

async function findCaller(db: AppDb, credential: Credential): Promise<{ row?: CallerRow; apiKey?: { id: string; lastUsedAt: Date | null } }> {
  let queries = callerQueries.get(db);
  if (!queries) callerQueries.set(db, (queries = prepareCallerQueries(db)));
  switch (credential.kind) {
    case 'user':
      return { row: (await queries.user.execute(credential))[0] };
    case 'api_key': {
      const [row] = await queries.apiKey.execute(credential);
      return { row, apiKey: row && { id: row.apiKeyId, lastUsedAt: row.apiKeyLastUsedAt } };
    }
    case 'session':
      return { row: (await queries.session.execute({ ...credential, now: new Date().toISOString() }))[0] };
  }
}

/**
 * The context of a caller in one query: the credential (unrevoked key, unexpired session), its
 * user (active), role, team and tenant; null when any of them says no. It runs on every request
 * and nothing is cached, so a revoked key, an ended session or a changed role counts at once,
 * on every server sharing the database.
 */
export async function loadCaller(db: AppDb, credential: Credential, meta: RequestMeta): Promise<LoadedCaller | null> {
  const { row, apiKey } = await findCaller(db, credential);
  if (!row || !row.active) return null;
  const locale = isLocale(row.locale) ? row.locale : isLocale(row.tenantLocale) ? row.tenantLocale : 'zh-CN';
  const ctx: RequestContext = {
    db,
    tenantId: credential.tenantId,
    actor: { kind: apiKey ? 'api_key' : 'user', userId: row.id, name: row.name, apiKeyId: apiKey?.id },
    permissions: effectivePermissions(row.roleKey, row.permissions),
    teamPath: row.teamPath,
    roleKey: row.roleKey,
    locale,
    ip: meta.ip,
    userAgent: meta.userAgent,
  };
  const user = { id: row.id, name: row.name, email: row.email, locale, roleId: row.roleId, roleKey: row.roleKey, teamId: row.teamId };
  return { ctx, user, ...(apiKey ? { apiKeyLastUsedAt: apiKey.lastUsedAt } : {}) };
}

/** Builds the context of a signed-in user; null when the user is gone or deactivated. */
export function loadUserContext(db: AppDb, tenantId: string, userId: string, meta: RequestMeta): Promise<LoadedCaller | null> {
  return loadCaller(db, { kind: 'user', tenantId, userId }, meta);
}

/** The context of work the system does for a tenant (jobs, subscribers, the demo seed). */
export function systemContext(db: AppDb, tenantId: string, name = 'system'): RequestContext {
  return {
    db,
    tenantId,
    actor: { kind: 'system', userId: null, name },
    permissions: DEFAULT_ROLES.admin.permissions,
    teamPath: null,
    roleKey: null,
    locale: 'zh-CN',
  };
}
