import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { RequestContext } from '../access/context.js';
import type { AppDb } from '../db/client.js';
import { RecordStore, type ApiRecord } from '../records/record-store.js';
import { apiKeys } from '../tenancy/tenancy.schema.js';
import { randomSecret, sha256 } from './secrets.js';

export interface ApiKeyRecord extends ApiRecord {
  name: string;
  prefix: string;
  ownerId: string;
  lastUsedAt: string | null;
}

/** A key acts with its owner's rights; reps see and revoke only their own keys. */
export const apiKeyStore = new RecordStore<ApiKeyRecord>({
  object: 'api_keys',
  table: apiKeys,
  ownerColumn: apiKeys.userId,
  sortable: { createdAt: apiKeys.createdAt, name: apiKeys.name },
  defaultSort: '-createdAt',
  filters: { ownerId: apiKeys.userId },
  searchColumns: [apiKeys.name],
  toApi: (r) => ({
    name: r.name as string,
    prefix: r.prefix as string,
    ownerId: r.userId as string,
    lastUsedAt: (r.lastUsedAt as Date | null)?.toISOString() ?? null,
  }),
  toColumns: (input) => input,
});

const KEY_RE = /^l2c_([0-9a-f]{32})_([\w-]{20,})$/;

/** Creates a key for the caller. The key itself is returned once and only its hash is kept. */
export async function createApiKey(ctx: RequestContext, name: string): Promise<ApiKeyRecord & { key: string }> {
  const secret = randomSecret();
  const key = `l2c_${ctx.tenantId.replace(/-/g, '')}_${secret}`;
  const record = await apiKeyStore.create(ctx, {
    name,
    userId: ctx.actor.userId,
    prefix: key.slice(0, 12) + '…' + secret.slice(-4),
    keyHash: sha256(secret),
  });
  return { ...record, key };
}

export async function resolveApiKey(db: AppDb, key: string): Promise<{ tenantId: string; userId: string; apiKeyId: string } | null> {
  const match = KEY_RE.exec(key);
  if (!match) return null;
  const hex = match[1];
  const tenantId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const [row] = await db
    .select({ id: apiKeys.id, userId: apiKeys.userId })
    .from(apiKeys)
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.keyHash, sha256(match[2])), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  // Remember use at most once a minute, so a busy integration does not write on every call.
  await db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(apiKeys.tenantId, tenantId),
        eq(apiKeys.id, row.id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(Date.now() - 60_000))),
      ),
    );
  return { tenantId, userId: row.userId, apiKeyId: row.id };
}
