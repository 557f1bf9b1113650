import type { AppDb } from '../db/client.js';
import { DEFAULT_ROLES, ROLE_KEYS, type RoleKey } from '../access/permissions.js';
import { systemContext } from '../auth/context-loader.js';
import { uuidv7 } from '../db/ids.js';
import type { Locale } from '../i18n/locale.js';
import { roleStore, type RoleRecord } from './roles.service.js';
import { createTeam } from './teams.service.js';
import { tenants } from './tenancy.schema.js';
import { createUser, type UserRecord } from './users.service.js';

export interface SignupInput {
  tenantName: string;
  name: string;
  email: string;
  password: string;
  locale?: Locale;
  timezone?: string;
  currency?: string;
}

export interface NewTenant {
  tenantId: string;
  admin: UserRecord;
  roles: Record<RoleKey, RoleRecord>;
  rootTeamId: string;
}

/** Creates a tenant with the default roles, a root team named after the company, and its admin. */
export async function signUp(db: AppDb, input: SignupInput): Promise<NewTenant> {
  const locale = input.locale ?? 'zh-CN';
  return db.transaction(async (tx) => {
    const tenantId = uuidv7();
    await tx.insert(tenants).values({
      id: tenantId,
      name: input.tenantName,
      locale,
      timezone: input.timezone ?? 'Asia/Shanghai',
      currency: input.currency ?? 'CNY',
    });
    const ctx = { ...systemContext(db, tenantId, input.name), tx, locale };
    const roles = {} as Record<RoleKey, RoleRecord>;
    for (const key of ROLE_KEYS) {
      const role = DEFAULT_ROLES[key];
      roles[key] = await roleStore.create(ctx, { key, name: role.name[locale], permissions: role.permissions });
    }
    const root = await createTeam(ctx, { name: input.tenantName });
    const admin = await createUser(ctx, {
      name: input.name,
      email: input.email,
      password: input.password,
      roleId: roles.admin.id,
      teamId: root.id,
      locale,
    });
    return { tenantId, admin, roles, rootTeamId: root.id };
  });
}
