import { sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/context.js';
import { productLines } from './catalog.schema.js';

/** Read-only SQL for the analytics module (forecast and attainment by product line): id, name, for the tenant. */
export function productLineFacts(ctx: RequestContext): SQL {
  const p = productLines;
  return sql`SELECT ${p.id} AS id, ${p.name} AS name FROM ${p} WHERE ${p.tenantId} = ${ctx.tenantId}`;
}
