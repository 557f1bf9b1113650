import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { RequestContext } from '../access/context.js';
import type { AppDb } from '../db/client.js';
import { RecordStore, type ApiRecord } from '../records/record-store.js';
import { apiKeys } from '../tenancy/tenancy.schema.js';
import type { Credential } from './context-loader.js';
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

/** The credential a Bearer key stands for (its tenant and its secret's hash); null when it is not one of ours. */
export function apiKeyCredential(key: string): Credential | null {
  const match = KEY_RE.exec(key);
  if (!match) return null;
  const hex = match[1];
  const tenantId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { kind: 'api_key', tenantId, keyHash: sha256(match[2]) };
}

const USE_RECORDED_EVERY_MS = 60_000;

/**
 * Remembers that a key was used, at most once a minute (the caller query tells when it last
 * was), so a busy integration does not write on every call. The condition holds it to once a
 * minute across servers too.
 */
export async function recordApiKeyUse(db: AppDb, tenantId: string, apiKeyId: string, lastUsedAt: Date | null): Promise<void> {
  const staleBefore = new Date(Date.now() - USE_RECORDED_EVERY_MS);
  if (lastUsedAt && lastUsedAt >= staleBefore) return;
  await db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(apiKeys.tenantId, tenantId),
        eq(apiKeys.id, apiKeyId),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore)),
      ),
    );
}
