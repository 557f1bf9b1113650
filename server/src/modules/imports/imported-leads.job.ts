import { inTransaction } from '../../platform/access/context.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import { enqueueMany } from '../../platform/jobs/enqueue.js';
import { defineJob } from '../../platform/jobs/registry.js';
import { timeStage } from '../../platform/perf/stage-times.js';
import type { Executor } from '../../platform/db/client.js';
import { autoAssignPromotedMany } from '../assignment/lead-routing.service.js';
import { indexRecords } from '../dedup/duplicate-index.service.js';
import { leadStore } from '../leads/leads.service.js';
import { rescoreLeadBatch } from '../scoring/lead-scoring.service.js';

export interface ImportedLeadsPayload {
  tenantId: string;
  importId: string;
  leadIds: string[];
}

/**
 * Scores a chunk of imported leads and routes those that became MQLs: one job and one
 * transaction per chunk, written in a few statements, instead of a job per lead and per event.
 * Their `leads.created` and `leads.promote` events name the import, so the per-lead scoring and
 * routing subscribers leave them to this job. The results are those of the per-lead path (same
 * actors, same order). A retry after a failure starts from scratch: nothing of a failed run was
 * committed.
 */
export const scoreImportedLeadsJob = defineJob<ImportedLeadsPayload>('imports.score-leads', async ({ tenantId, importId, leadIds }, { db }) => {
  await inTransaction(systemContext(db, tenantId, 'scoring'), async (scoring) => {
    const found = new Map((await leadStore.getMany(scoring, leadIds)).map((l) => [l.id, l]));
    const leads = leadIds.flatMap((id) => found.get(id) ?? []);
    const promotedAt = new Date();
    const { promoted } = await timeStage('imports.score', () => rescoreLeadBatch(scoring, leads, { eventPayload: { importId } }));
    const routing = { ...systemContext(db, tenantId, 'lead assignment'), tx: scoring.tx };
    await timeStage('imports.route', () => autoAssignPromotedMany(routing, promoted, promotedAt));
  });
});

/**
 * Adds a chunk of imported leads to the duplicate index in one pass (the per-lead indexing
 * subscriber leaves imported leads to it; later versions follow through their update events).
 * A job of its own, queued behind the scoring: the index serves duplicate review later, while
 * reps wait for the routing, and it takes several times as long.
 */
export const indexImportedLeadsJob = defineJob<ImportedLeadsPayload>('imports.index-leads', async ({ tenantId, leadIds }, { db }) => {
  await inTransaction(systemContext(db, tenantId, 'duplicate index'), async (ctx) => {
    const leads = await leadStore.getMany(ctx, leadIds);
    await timeStage('imports.dedup-index', () => indexRecords(ctx, 'leads', leads));
  });
});

/** Below the default, so every chunk is scored and routed before the index takes the workers. */
const INDEX_PRIORITY = -1;

/** Queues the scoring and the indexing of a chunk's new leads, in the chunk's transaction (so a committed chunk always has its jobs). */
export async function enqueueImportedLeads(exec: Executor, payload: ImportedLeadsPayload, chunkEnd: number): Promise<void> {
  if (payload.leadIds.length === 0) return;
  const key = `imports:${payload.importId}`;
  await enqueueMany(exec, [
    { type: scoreImportedLeadsJob.type, tenantId: payload.tenantId, payload, uniqueKey: `${key}:score:${chunkEnd}` },
    { type: indexImportedLeadsJob.type, tenantId: payload.tenantId, payload, uniqueKey: `${key}:index:${chunkEnd}`, priority: INDEX_PRIORITY },
  ]);
}
