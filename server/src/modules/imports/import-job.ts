import { and, eq, sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { loadUserContext, systemContext } from '../../platform/auth/context-loader.js';
import type { AppDb } from '../../platform/db/client.js';
import { publishEvent } from '../../platform/events/publish.js';
import { AppError } from '../../platform/http/errors.js';
import { enqueue } from '../../platform/jobs/enqueue.js';
import { defineJob } from '../../platform/jobs/registry.js';
import { addStageTime, timeStage } from '../../platform/perf/stage-times.js';
import { dataRows, FileReadError, readRows, type FileShape } from './file-reader.js';
import { resolveMapping } from './header-mapping.js';
import { deleteStoredFile, openStoredFile } from './import-file-store.js';
import { importTarget, type ImportTarget } from './import-targets.js';
import { enqueueImportedLeads } from './imported-leads.job.js';
import { importRejects, imports } from './imports.schema.js';
import { failImport, IMPORT_JOB_TYPE } from './imports.service.js';
import type { BatchOptions, BatchRow } from './lead-batch.js';

export interface ImportJobPayload {
  tenantId: string;
  importId: string;
  /**
   * Test hook, honoured only when NODE_ENV is `test`: the first attempt fails inside the batch
   * holding this data row, after its records were written and before its checkpoint — a crash.
   */
  crashAtRow?: number;
}

/** Rows per transaction: the records, their audit entries and events, the rejects and the checkpoint commit together. */
export const BATCH_ROWS = 500;
/**
 * A job runs at most this long, then queues its continuation and ends: well inside the worker's
 * lease (5 min), other jobs get their turn, and a server stop waits at most one slice.
 */
export const SLICE_MS = 60_000;
const MAX_ATTEMPTS = 8;

export interface SliceOptions {
  /** The job's attempt number (1 = first); used by the test hook only. */
  attempt?: number;
  batchRows?: number;
  sliceMs?: number;
}

export type SliceResult = 'completed' | 'continued' | 'stopped';

defineJob<ImportJobPayload>(IMPORT_JOB_TYPE, async (payload, { db, job, retryAt }) => {
  try {
    await runImportSlice(db, payload, { attempt: job.attempts });
  } catch (err) {
    const system = systemContext(db, payload.tenantId, 'import');
    // A file that cannot be read, or a refusal (permissions, validation), will not get better by retrying.
    if (err instanceof FileReadError) return failImport(system, payload.importId, err.code, err.params);
    if (err instanceof AppError && err.status < 500 && err.code !== 'VERSION_CONFLICT') {
      return failImport(system, payload.importId, err.code, err.params);
    }
    if (retryAt === null) await failImport(system, payload.importId, 'IMPORT_ABORTED', { reason: (err as Error)?.message ?? String(err) });
    throw err;
  }
});

/**
 * Runs an import from its checkpoint for up to one slice. Rows are re-read from the stored file
 * and those at or below the checkpoint skipped, so a crash at any point resumes without losing
 * or doubling rows. Each batch first checks, under a row lock, that the import is still running
 * and that the checkpoint is where this runner left it: a cancelled import, or a second runner
 * (a job whose lease ran out while it was still working), stops instead of writing twice.
 */
export async function runImportSlice(db: AppDb, payload: ImportJobPayload, opts: SliceOptions = {}): Promise<SliceResult> {
  const { tenantId, importId } = payload;
  const [row] = await db.select().from(imports).where(and(eq(imports.tenantId, tenantId), eq(imports.id, importId)));
  if (!row || (row.status !== 'queued' && row.status !== 'running')) return 'stopped';
  const loaded = row.ownerId ? await loadUserContext(db, tenantId, row.ownerId, {}) : null;
  if (!loaded) {
    await failImport(systemContext(db, tenantId, 'import'), importId, 'IMPORT_USER_INACTIVE', {});
    return 'stopped';
  }
  // The import acts as the person who started it: their rights, their name in the audit log.
  const ctx: RequestContext = { ...loaded.ctx, userAgent: 'lead2cash-import' };
  const target = importTarget(row.object)!;
  const { columns } = resolveMapping(row.columns, row.mapping ?? {}, target.fields);
  const where = and(eq(imports.tenantId, tenantId), eq(imports.id, importId));
  if (row.status === 'queued') {
    await db.update(imports).set({ status: 'running', startedAt: new Date(), updatedAt: new Date() }).where(and(where, eq(imports.status, 'queued')));
  }
  const shape: FileShape = { format: row.format as FileShape['format'], encoding: row.encoding as FileShape['encoding'], delimiter: row.delimiter };
  const rows = () => dataRows(readRows(() => openStoredFile(db, tenantId, importId), shape), row.headerRow ?? 1);

  if (row.totalRows === null) {
    let total = 0;
    for await (const _ of rows()) total++;
    await db.update(imports).set({ totalRows: total }).where(where);
  }

  const batchRows = opts.batchRows ?? BATCH_ROWS;
  const deadline = Date.now() + (opts.sliceMs ?? SLICE_MS);
  const crashAt = process.env.NODE_ENV === 'test' && opts.attempt === 1 ? payload.crashAtRow : undefined;
  const batchOptions: BatchOptions = { importId, columns, policy: row.duplicatePolicy, campaignId: row.campaignId };
  let checkpoint = row.processedRows;
  let batch: BatchRow[] = [];
  const commit = async () => {
    const ok = await timeStage('import.batch', () => commitBatch(ctx, target, checkpoint, batch, batchOptions, crashAt));
    if (ok) checkpoint = batch[batch.length - 1].ordinal;
    batch = [];
    return ok;
  };
  // Reading and parsing the file is the time between batches.
  let readFrom = performance.now();
  for await (const r of rows()) {
    if (r.ordinal <= checkpoint) continue;
    batch.push(r);
    if (batch.length < batchRows) continue;
    addStageTime('import.read', performance.now() - readFrom);
    if (!(await commit())) return 'stopped';
    readFrom = performance.now();
    if (Date.now() >= deadline) {
      await enqueue(db, {
        type: IMPORT_JOB_TYPE,
        tenantId,
        payload: { tenantId, importId },
        uniqueKey: `imports:${importId}:${checkpoint}`,
        maxAttempts: MAX_ATTEMPTS,
      });
      return 'continued';
    }
  }
  addStageTime('import.read', performance.now() - readFrom);
  if (batch.length > 0 && !(await commit())) return 'stopped';
  return (await finishImport(ctx, importId, checkpoint)) ? 'completed' : 'stopped';
}

async function commitBatch(
  ctx: RequestContext,
  target: ImportTarget,
  expected: number,
  batch: BatchRow[],
  opts: BatchOptions,
  crashAt: number | undefined,
): Promise<boolean> {
  return inTransaction(ctx, async (ctx) => {
    const where = and(eq(imports.tenantId, ctx.tenantId), eq(imports.id, opts.importId));
    const [current] = await executor(ctx).select({ status: imports.status, processedRows: imports.processedRows }).from(imports).where(where).for('update');
    if (!current || current.status !== 'running' || current.processedRows !== expected) return false;
    const outcome = await target.writeBatch(ctx, batch, opts);
    if (outcome.rejects.length > 0) {
      await executor(ctx).insert(importRejects).values(outcome.rejects.map((r) => ({
        tenantId: ctx.tenantId,
        importId: opts.importId,
        rowNumber: r.rowNumber,
        cells: r.cells,
        errors: r.errors,
      })));
    }
    if (target.object === 'leads') {
      await enqueueImportedLeads(executor(ctx), { tenantId: ctx.tenantId, importId: opts.importId, leadIds: outcome.createdIds }, batch[batch.length - 1].ordinal);
    }
    if (crashAt !== undefined && batch.some((r) => r.ordinal === crashAt)) throw new Error(`Simulated crash at data row ${crashAt}`);
    await executor(ctx)
      .update(imports)
      .set({
        processedRows: batch[batch.length - 1].ordinal,
        createdCount: sql`${imports.createdCount} + ${outcome.created}`,
        mergedCount: sql`${imports.mergedCount} + ${outcome.merged}`,
        skippedCount: sql`${imports.skippedCount} + ${outcome.skipped}`,
        rejectedCount: sql`${imports.rejectedCount} + ${outcome.rejects.length}`,
        updatedAt: new Date(),
      })
      .where(where);
    return true;
  });
}

/** Marks the import completed (if it is still running), drops its file, audits and announces it. */
async function finishImport(ctx: RequestContext, importId: string, processed: number): Promise<boolean> {
  return inTransaction(ctx, async (ctx) => {
    const where = and(eq(imports.tenantId, ctx.tenantId), eq(imports.id, importId));
    const [row] = await executor(ctx).select().from(imports).where(where).for('update');
    if (!row || row.status !== 'running' || row.processedRows !== processed) return false;
    await executor(ctx).update(imports).set({ status: 'completed', totalRows: processed, finishedAt: new Date(), updatedAt: new Date() }).where(where);
    await deleteStoredFile(executor(ctx), ctx.tenantId, importId);
    const counts = { created: row.createdCount, merged: row.mergedCount, skipped: row.skippedCount, rejected: row.rejectedCount };
    await appendAudit(ctx, {
      action: 'complete',
      object: 'imports',
      recordId: importId,
      changes: { status: { before: 'running', after: 'completed' }, counts: { before: null, after: counts } },
    });
    await publishEvent(ctx, { type: 'imports.completed', object: 'imports', recordId: importId, payload: { object: row.object, rows: processed, counts } });
    return true;
  });
}
