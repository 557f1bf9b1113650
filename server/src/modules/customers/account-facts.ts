import { sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/context.js';
import { accounts } from './customers.schema.js';

/**
 * Read-only SQL for the analytics module: the attributes deals are grouped and filtered by
 * (id, name, region, industry, created_at), for the tenant. Analytics shows only these
 * attributes of the deals the caller may see, never an account record itself.
 */
export function accountFacts(ctx: RequestContext): SQL {
  const a = accounts;
  return sql`SELECT ${a.id} AS id, ${a.name} AS name, ${a.region} AS region, ${a.industry} AS industry, ${a.createdAt} AS created_at
    FROM ${a} WHERE ${a.tenantId} = ${ctx.tenantId}`;
}
