import { executor, type RequestContext } from '../../platform/access/context.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import { subscribe } from '../../platform/events/subscribers.js';
import { enqueue } from '../../platform/jobs/enqueue.js';
import { defineJob } from '../../platform/jobs/registry.js';
import { catchUpIndex, forgetRecords, noteVersion, rebuildIndex, reindexRecord } from './duplicate-index.service.js';
import { DEDUP_OBJECTS, MATCHED_FIELDS, type DedupObject } from './party-of-record.js';

export interface RebuildPayload {
  tenantId: string;
  /** One object, or all three. */
  object?: DedupObject;
}

/** Rebuilds a tenant's duplicate index from its records (after an import, a matching change, or on request). */
export const rebuildJob = defineJob<RebuildPayload>('dedup.rebuild', async ({ tenantId, object }, { db }) => {
  for (const o of object ? [object] : DEDUP_OBJECTS) await rebuildIndex(db, tenantId, o);
});

export function enqueueRebuild(ctx: RequestContext, object?: DedupObject) {
  return enqueue(executor(ctx), { type: rebuildJob.type, tenantId: ctx.tenantId, payload: { tenantId: ctx.tenantId, object } satisfies RebuildPayload });
}

/** Indexes, in the background, what a search found waiting beyond what it indexed itself. */
export const catchUpJob = defineJob<{ tenantId: string; object: DedupObject }>('dedup.catch-up', async ({ tenantId, object }, { db }) => {
  await catchUpIndex(systemContext(db, tenantId, 'duplicate index'), object, Number.MAX_SAFE_INTEGER);
});

/** At most one waiting catch-up per tenant and object each minute. */
export function enqueueCatchUp(ctx: RequestContext, object: DedupObject) {
  const minute = Math.floor(Date.now() / 60_000);
  return enqueue(executor(ctx), {
    type: catchUpJob.type,
    tenantId: ctx.tenantId,
    payload: { tenantId: ctx.tenantId, object },
    uniqueKey: `dedup.catch-up:${ctx.tenantId}:${object}:${minute}`,
  });
}

/**
 * The index follows the records: each created, updated or deleted lead, account and contact is
 * indexed again (or forgotten) by its own durable job; a merge forgets the merged records.
 */
for (const object of DEDUP_OBJECTS) {
  for (const verb of ['created', 'updated', 'deleted'] as const) {
    subscribe(`dedup.index.${object}.${verb}`, `${object}.${verb}`, async (event, { db }) => {
      const { changes, record, importId } = (event.payload ?? {}) as { changes?: Record<string, unknown>; record?: { version?: number }; importId?: string };
      // A lead import indexes the leads it creates a chunk at a time (imports' imported-leads job).
      if (!event.recordId || (object === 'leads' && verb === 'created' && importId)) return;
      const untouched = verb === 'updated' && changes && !Object.keys(changes).some((field) => MATCHED_FIELDS.has(field));
      if (untouched && typeof record?.version === 'number') await noteVersion(db, event.tenantId, object, event.recordId, record.version);
      else await reindexRecord(db, event.tenantId, object, event.recordId);
    });
  }
  subscribe(`dedup.index.${object}.merged`, `${object}.merged`, async (event, { db }) => {
    const { survivorId, mergedIds } = event.payload as { survivorId?: string; mergedIds?: string[] };
    await forgetRecords(systemContext(db, event.tenantId, 'duplicate index'), object, mergedIds ?? []);
    if (survivorId) await reindexRecord(db, event.tenantId, object, survivorId);
  });
}
