import type { RequestContext } from '../access/context.js';
import { DEFAULT_ROLES } from '../access/permissions.js';
import type { AppDb } from '../db/client.js';
import { uuidv7 } from '../db/ids.js';
import { tenants } from '../tenancy/tenancy.schema.js';

/** For tests: a new tenant and an admin-rights system context acting in it. */
export async function createTestTenant(db: AppDb, name = 'Test tenant'): Promise<RequestContext> {
  const tenantId = uuidv7();
  await db.insert(tenants).values({ id: tenantId, name });
  return {
    db,
    tenantId,
    actor: { kind: 'system', userId: null, name: 'test' },
    permissions: DEFAULT_ROLES.admin.permissions,
    teamPath: null,
    roleKey: 'admin',
    locale: 'en-US',
  };
}
