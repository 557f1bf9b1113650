import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../access/context.js';
import { DEFAULT_ROLES, effectivePermissions } from '../access/permissions.js';
import type { AppDb } from '../db/client.js';
import { isLocale } from '../i18n/locale.js';
import { roles, teams, tenants, users } from '../tenancy/tenancy.schema.js';

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

/** Builds the context of a signed-in user; null when the user is gone or deactivated. */
export async function loadUserContext(
  db: AppDb,
  tenantId: string,
  userId: string,
  meta: RequestMeta,
  apiKeyId?: string,
): Promise<{ ctx: RequestContext; user: SignedInUser } | null> {
  const [row] = await db
    .select({ user: users, role: roles, teamPath: teams.path, tenantLocale: tenants.locale })
    .from(users)
    .innerJoin(roles, and(eq(roles.tenantId, users.tenantId), eq(roles.id, users.roleId)))
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .leftJoin(teams, and(eq(teams.tenantId, users.tenantId), eq(teams.id, users.teamId)))
    .where(and(eq(users.tenantId, tenantId), eq(users.id, userId)));
  if (!row || !row.user.active) return null;
  const { user, role } = row;
  const ctx: RequestContext = {
    db,
    tenantId,
    actor: { kind: apiKeyId ? 'api_key' : 'user', userId, name: user.name, apiKeyId },
    permissions: effectivePermissions(role.key, role.permissions),
    teamPath: row.teamPath,
    roleKey: role.key,
    locale: isLocale(user.locale) ? user.locale : isLocale(row.tenantLocale) ? row.tenantLocale : 'zh-CN',
    ip: meta.ip,
    userAgent: meta.userAgent,
  };
  return {
    ctx,
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      locale: ctx.locale,
      roleId: role.id,
      roleKey: role.key,
      teamId: user.teamId,
    },
  };
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
