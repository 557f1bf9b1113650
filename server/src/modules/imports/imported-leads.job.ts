import { inTransaction } from '../../platform/access/context.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import { enqueue } from '../../platform/jobs/enqueue.js';
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
 * Scores a chunk of imported leads, routes those that became MQLs and adds them to the duplicate
 * index, together: one job and one transaction per chunk, written in a few statements, instead
 * of a job per lead and per event. Their `leads.created` and `leads.promote` events name the
 * import, so the per-lead scoring, routing and indexing subscribers leave them to this job. The
 * results are those of the per-lead path (same actors, same order). A retry after a failure
 * starts from scratch: nothing of a failed run was committed.
 */
export const scoreImportedLeadsJob = defineJob<ImportedLeadsPayload>('imports.score-leads', async ({ tenantId, importId, leadIds }, { db }) => {
  await inTransaction(systemContext(db, tenantId, 'scoring'), async (scoring) => {
    const found = new Map((await leadStore.getMany(scoring, leadIds)).map((l) => [l.id, l]));
    const leads = leadIds.flatMap((id) => found.get(id) ?? []);
    const promotedAt = new Date();
    const { promoted } = await timeStage('imports.score', () => rescoreLeadBatch(scoring, leads, { eventPayload: { importId } }));
    const routing = { ...systemContext(db, tenantId, 'lead assignment'), tx: scoring.tx };
    await timeStage('imports.route', () => autoAssignPromotedMany(routing, promoted, promotedAt));
    // Their duplicate-index entries too, in one pass (later versions follow through the update events).
    await timeStage('imports.dedup-index', () => indexRecords({ ...systemContext(db, tenantId, 'duplicate index'), tx: scoring.tx }, 'leads', leads));
  });
});

/** Queues the scoring of a chunk's new leads, in the chunk's transaction (so a committed chunk always has its job). */
export function enqueueImportedLeads(exec: Executor, payload: ImportedLeadsPayload, chunkEnd: number) {
  if (payload.leadIds.length === 0) return Promise.resolve();
  return enqueue(exec, {
    type: scoreImportedLeadsJob.type,
    tenantId: payload.tenantId,
    payload,
    uniqueKey: `imports:${payload.importId}:score:${chunkEnd}`,
  });
}
