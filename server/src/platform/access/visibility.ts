import { eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { queryRows } from '../db/client.js';
import { forbidden } from '../http/errors.js';
import { executor, type RequestContext } from './context.js';
import { levelFor, type Action, type Level, type ObjectName } from './permissions.js';

/** The caller's level for an action, refusing outright when it is `none`. */
export function requireLevel(ctx: RequestContext, object: ObjectName, action: Action): Level {
  const level = levelFor(ctx.permissions, object, action);
  if (level === 'none') throw forbidden(object, action);
  return level;
}

/** The values an owner condition compares with: the caller's own, or placeholders of a prepared query. */
export interface OwnerValues {
  tenantId: unknown;
  self: unknown;
  teamPrefix: unknown;
}

const callerValues = (ctx: RequestContext): OwnerValues => ({
  tenantId: ctx.tenantId,
  self: ctx.actor.userId,
  teamPrefix: `${ctx.teamPath}%`,
});

/**
 * The SQL condition limiting `ownerColumn` to what `level` lets the caller see:
 * everything, the caller's team subtree, or the caller's own records. Its shape follows the
 * caller (level, whether there is a user and a team); `values` fills it.
 */
export function ownerCondition(ctx: RequestContext, level: Level, ownerColumn: AnyPgColumn, values = callerValues(ctx)): SQL | undefined {
  if (level === 'all') return undefined;
  const { tenantId, self, teamPrefix } = values;
  if (level === 'own' || !ctx.teamPath) return ctx.actor.userId ? eq(ownerColumn, self) : sql`false`;
  return sql`${ownerColumn} IN (
    SELECT u.id FROM users u JOIN teams t ON t.tenant_id = u.tenant_id AND t.id = u.team_id
    WHERE u.tenant_id = ${tenantId} AND t.path LIKE ${teamPrefix}
    UNION ALL SELECT ${self}::uuid)`;
}

/** Whether a record owned by `ownerId` is within `level` for the caller. */
export async function ownerWithin(ctx: RequestContext, level: Level, ownerId: string | null): Promise<boolean> {
  if (level === 'all') return true;
  if (!ownerId || !ctx.actor.userId) return false;
  if (ownerId === ctx.actor.userId) return true;
  if (level === 'own' || !ctx.teamPath) return false;
  const rows = await queryRows<{ ok: number }>(
    executor(ctx),
    sql`SELECT 1 AS ok FROM users u JOIN teams t ON t.tenant_id = u.tenant_id AND t.id = u.team_id
        WHERE u.tenant_id = ${ctx.tenantId} AND u.id = ${ownerId} AND t.path LIKE ${`${ctx.teamPath}%`}`,
  );
  return rows.length > 0;
}
