import type { AppDb, Executor, Tx } from '../db/client.js';
import type { Locale } from '../i18n/locale.js';
import type { PermissionMatrix } from './permissions.js';

export interface Actor {
  kind: 'user' | 'api_key' | 'system';
  /** The user acting (for an API key: the key's owner); null for system work. */
  userId: string | null;
  name: string;
  apiKeyId?: string;
}

/** Who asks, for which tenant, with which rights: every service call takes one. */
export interface RequestContext {
  readonly db: AppDb;
  /** Set while inside a transaction: queries must use it, not `db`. */
  readonly tx?: Tx;
  readonly tenantId: string;
  readonly actor: Actor;
  readonly permissions: PermissionMatrix;
  /** The acting user's team and its path from the root, for team-level visibility. */
  readonly teamPath: string | null;
  readonly roleKey: string | null;
  readonly locale: Locale;
  readonly ip?: string;
  readonly userAgent?: string;
}

export const executor = (ctx: RequestContext): Executor => ctx.tx ?? ctx.db;

/** Runs `fn` in a transaction, joining the caller's when there is one. */
export async function inTransaction<T>(ctx: RequestContext, fn: (ctx: RequestContext) => Promise<T>): Promise<T> {
  if (ctx.tx) return fn(ctx);
  return ctx.db.transaction((tx) => fn({ ...ctx, tx }));
}
