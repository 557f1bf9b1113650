import { executor, type RequestContext } from '../../platform/access/context.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import { subscribe } from '../../platform/events/subscribers.js';
import { enqueue } from '../../platform/jobs/enqueue.js';
import { defineJob } from '../../platform/jobs/registry.js';
import { forgetRecords, rebuildIndex, reindexRecord } from './duplicate-index.service.js';
import { DEDUP_OBJECTS, type DedupObject } from './party-of-record.js';

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

/**
 * The index follows the records: each created, updated or deleted lead, account and contact is
 * indexed again (or forgotten) by its own durable job; a merge forgets the merged records.
 */
for (const object of DEDUP_OBJECTS) {
  for (const verb of ['created', 'updated', 'deleted'] as const) {
    subscribe(`dedup.index.${object}.${verb}`, `${object}.${verb}`, async (event, { db }) => {
      if (event.recordId) await reindexRecord(db, event.tenantId, object, event.recordId);
    });
  }
  subscribe(`dedup.index.${object}.merged`, `${object}.merged`, async (event, { db }) => {
    const { survivorId, mergedIds } = event.payload as { survivorId?: string; mergedIds?: string[] };
    await forgetRecords(systemContext(db, event.tenantId, 'duplicate index'), object, mergedIds ?? []);
    if (survivorId) await reindexRecord(db, event.tenantId, object, survivorId);
  });
}
