import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { ownerWithin, requireLevel } from '../../platform/access/visibility.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { uuidv7 } from '../../platform/db/ids.js';
import { publishEvent } from '../../platform/events/publish.js';
import { AppError, fieldError, forbidden, ValidationError } from '../../platform/http/errors.js';
import { translate } from '../../platform/i18n/messages.js';
import type { Locale } from '../../platform/i18n/locale.js';
import { enqueue } from '../../platform/jobs/enqueue.js';
import { getVisibleRecord } from '../../platform/records/record-registry.js';
import { RecordStore, type ApiRecord } from '../../platform/records/record-store.js';
import { detectDelimiter, detectEncoding, sniffFormat } from './file-format.js';
import { FileReadError, isBlank, readRows, type FileShape, type SourceRow } from './file-reader.js';
import {
  applyRemembered,
  columnsFromHeaders,
  detectHeaderRow,
  headerSignature,
  rememberable,
  resolveMapping,
  suggestMapping,
  type ColumnMapping,
  type ImportColumn,
} from './header-mapping.js';
import { deleteStoredFile, openStoredFile, writeFileChunks } from './import-file-store.js';
import { importTarget, type ImportTarget } from './import-targets.js';
import './imports.messages.js';
import {
  importMappings,
  importRejects,
  imports,
  type DuplicatePolicy,
  type ImportStatus,
} from './imports.schema.js';

export const IMPORT_JOB_TYPE = 'imports.process';
export const PREVIEW_ROWS = 20;
/** Rejected rows shown with the import (the report has them all). */
export const ERRORS_SHOWN = 50;
const PREVIEW_CELL_CHARS = 500;
/** Largest file accepted (multipart limit), in MB: 50 unless L2C_IMPORT_MAX_MB says otherwise. */
export const maxFileMb = () => Number(process.env.L2C_IMPORT_MAX_MB) || 50;
/** Non-blank rows read to find the header row (a title may sit above it). */
const HEADER_SCAN_ROWS = 10;

export interface ImportCounts {
  created: number;
  merged: number;
  skipped: number;
  rejected: number;
}

export interface ImportRecord extends ApiRecord {
  object: string;
  status: ImportStatus;
  fileName: string;
  fileSize: number;
  format: string | null;
  encoding: string | null;
  delimiter: string | null;
  headerRow: number | null;
  duplicatePolicy: DuplicatePolicy;
  campaignId: string | null;
  mapping: ColumnMapping | null;
  progress: { processed: number; total: number | null; percent: number | null };
  counts: ImportCounts;
  failure: { code: string; message: string; params: Record<string, unknown> } | null;
  ownerId: string | null;
  ownerName?: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : null);

export const importStore = new RecordStore<ImportRecord>({
  object: 'imports',
  table: imports,
  ownerColumn: imports.ownerId,
  sortable: { createdAt: imports.createdAt, updatedAt: imports.updatedAt },
  defaultSort: '-createdAt',
  filters: { status: imports.status, object: imports.object, ownerId: imports.ownerId },
  searchColumns: [imports.fileName],
  toApi: (r) => {
    const processed = r.processedRows as number;
    const total = (r.totalRows as number | null) ?? null;
    return {
      object: r.object as string,
      status: r.status as ImportStatus,
      fileName: r.fileName as string,
      fileSize: r.fileSize as number,
      format: (r.format as string | null) ?? null,
      encoding: (r.encoding as string | null) ?? null,
      delimiter: (r.delimiter as string | null) ?? null,
      headerRow: (r.headerRow as number | null) ?? null,
      duplicatePolicy: r.duplicatePolicy as DuplicatePolicy,
      campaignId: (r.campaignId as string | null) ?? null,
      mapping: (r.mapping as ColumnMapping | null) ?? null,
      progress: {
        processed,
        total,
        percent: total === null ? null : total === 0 ? 100 : Math.min(100, Math.floor((processed / total) * 100)),
      },
      counts: {
        created: r.createdCount as number,
        merged: r.mergedCount as number,
        skipped: r.skippedCount as number,
        rejected: r.rejectedCount as number,
      },
      failure: r.failureCode
        ? { code: r.failureCode as string, message: r.failureCode as string, params: (r.failureParams as Record<string, unknown>) ?? {} }
        : null,
      ownerId: (r.ownerId as string | null) ?? null,
      startedAt: iso(r.startedAt),
      finishedAt: iso(r.finishedAt),
    };
  },
  toColumns: (input) => ({ ...input }),
  async decorate(ctx, records) {
    for (const record of records) {
      if (record.failure) record.failure.message = translate(ctx.locale, record.failure.code, record.failure.params);
    }
  },
});

/** An import is changed (started, cancelled) by whoever may update it: its uploader, or more with a wider level. */
async function requireUpdatable(ctx: RequestContext, record: ImportRecord) {
  const level = requireLevel(ctx, 'imports', 'update');
  if (!(await ownerWithin(ctx, level, record.ownerId))) throw forbidden('imports', 'update');
}

/** The row locked for this transaction, after the caller's visibility was checked. */
async function lockRow(ctx: RequestContext, id: string) {
  const [row] = await executor(ctx)
    .select()
    .from(imports)
    .where(and(eq(imports.tenantId, ctx.tenantId), eq(imports.id, id)))
    .for('update');
  return row;
}

// --- Upload ---

export interface UploadOptions {
  object: string;
  duplicatePolicy?: string;
  campaignId?: string | null;
  mapping?: ColumnMapping;
}

/** The file is stored before the form fields after it are known; these are checked up front when they come first. */
export function checkUploadObject(ctx: RequestContext, object: string): ImportTarget {
  requireLevel(ctx, 'imports', 'create');
  const target = importTarget(object);
  if (!target) throw fieldError('object', 'IMPORT_UNSUPPORTED_OBJECT', { object });
  requireLevel(ctx, target.object, 'create');
  return target;
}

/**
 * Stores an uploaded file as it streams in (status `uploaded`), so any server process can read
 * it. A failed upload (too large, broken connection) leaves a `failed` import without its file.
 */
export async function receiveFile(
  ctx: RequestContext,
  input: { object: string; fileName: string; stream: AsyncIterable<Buffer> },
): Promise<{ id: string; head: Buffer; size: number }> {
  checkUploadObject(ctx, input.object);
  const id = uuidv7();
  await importStore.create(ctx, {
    id,
    object: input.object,
    fileName: input.fileName.slice(0, 255) || 'upload',
    status: 'uploaded',
  });
  try {
    const { head, size } = await writeFileChunks(executor(ctx), { tenantId: ctx.tenantId, importId: id }, input.stream);
    await executor(ctx).update(imports).set({ fileSize: size }).where(and(eq(imports.tenantId, ctx.tenantId), eq(imports.id, id)));
    return { id, head, size };
  } catch (err) {
    const tooLarge = (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
    await failImport(ctx, id, tooLarge ? 'IMPORT_FILE_TOO_LARGE' : 'IMPORT_UPLOAD_FAILED', tooLarge ? { limit: maxFileMb() } : {});
    throw err;
  }
}

/**
 * Reads the start of a stored file: its format, encoding and delimiter, the header row, the
 * columns and the first rows; offers the mapping the tenant used last time for this header set,
 * or one suggested from the header names. The import then waits for its mapping (`mapping`).
 */
export async function analyseFile(ctx: RequestContext, id: string, head: Buffer, size: number): Promise<void> {
  const [row] = await executor(ctx).select().from(imports).where(and(eq(imports.tenantId, ctx.tenantId), eq(imports.id, id)));
  const target = importTarget(row.object)!;
  try {
    if (size === 0) throw new FileReadError('IMPORT_EMPTY_FILE');
    const sniffed = sniffFormat(head, row.fileName);
    if ('error' in sniffed) throw new FileReadError(sniffed.error);
    const shape: FileShape = { format: sniffed.format, encoding: null, delimiter: null };
    if (shape.format === 'csv') {
      shape.encoding = detectEncoding(head);
      shape.delimiter = detectDelimiter(new TextDecoder(shape.encoding).decode(head));
    }
    const first: SourceRow[] = [];
    const preview: string[][] = [];
    let header: SourceRow | null = null;
    const afterHeader = () => first.filter((f) => header && f.rowNumber > header.rowNumber && !isBlank(f.cells)).map((f) => f.cells);
    for await (const r of readRows(() => openStoredFile(ctx.db, ctx.tenantId, id), shape)) {
      if (header) {
        if (!isBlank(r.cells)) preview.push(r.cells);
      } else {
        first.push(r);
        if (first.filter((f) => !isBlank(f.cells)).length < HEADER_SCAN_ROWS) continue;
        header = detectHeaderRow(first, target.fields);
        preview.push(...afterHeader());
      }
      if (preview.length >= PREVIEW_ROWS) break;
    }
    if (!header) {
      header = detectHeaderRow(first, target.fields);
      preview.push(...afterHeader());
    }
    if (!header) throw new FileReadError('IMPORT_NO_HEADER');
    const columns = columnsFromHeaders(trimTrailingBlank(header.cells));
    const signature = headerSignature(columns);
    const remembered = await rememberedMapping(ctx, row.object, signature);
    const suggested = remembered ? applyRemembered(columns, remembered) : suggestMapping(columns, target.fields);
    await executor(ctx)
      .update(imports)
      .set({
        status: 'mapping',
        format: shape.format,
        encoding: shape.encoding,
        delimiter: shape.delimiter,
        headerRow: header.rowNumber,
        columns,
        preview: preview.slice(0, PREVIEW_ROWS).map((cells) => columns.map((c) => (cells[c.index] ?? '').slice(0, PREVIEW_CELL_CHARS))),
        headerSignature: signature,
        suggestedMapping: suggested,
        mappingSource: remembered ? 'remembered' : 'suggested',
        updatedAt: new Date(),
      })
      .where(and(eq(imports.tenantId, ctx.tenantId), eq(imports.id, id)));
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    await failImport(ctx, id, err.code, err.params);
    throw new AppError(400, err.code, err.params, { importId: id });
  }
}

function trimTrailingBlank(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1].trim() === '') end--;
  return cells.slice(0, end);
}

async function rememberedMapping(ctx: RequestContext, object: string, signature: string) {
  const [row] = await executor(ctx)
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(and(eq(importMappings.tenantId, ctx.tenantId), eq(importMappings.object, object), eq(importMappings.signature, signature)));
  return row?.mapping ?? null;
}

// --- Preview ---

export interface ImportPreview {
  id: string;
  status: ImportStatus;
  object: string;
  fileName: string;
  format: string | null;
  encoding: string | null;
  delimiter: string | null;
  headerRow: number | null;
  columns: (ImportColumn & { field: string | null; samples: string[] })[];
  rows: string[][];
  mapping: ColumnMapping;
  /** Where `mapping` comes from: the tenant's last mapping of this header set, the headers, or the one chosen. */
  mappingSource: 'remembered' | 'suggested' | 'chosen';
  fields: { key: string; label: string; required: boolean; multiple: boolean }[];
}

export async function getPreview(ctx: RequestContext, id: string): Promise<ImportPreview> {
  const record = await importStore.get(ctx, id);
  const [row] = await executor(ctx).select().from(imports).where(and(eq(imports.tenantId, ctx.tenantId), eq(imports.id, record.id)));
  const target = importTarget(row.object)!;
  const mapping = (row.mapping ?? row.suggestedMapping ?? {}) as ColumnMapping;
  return {
    id: row.id,
    status: row.status,
    object: row.object,
    fileName: row.fileName,
    format: row.format,
    encoding: row.encoding,
    delimiter: row.delimiter,
    headerRow: row.headerRow,
    columns: row.columns.map((c) => ({
      ...c,
      field: mapping[c.key] ?? null,
      samples: row.preview.map((cells) => cells[c.index] ?? '').filter((v) => v.trim() !== '').slice(0, 3),
    })),
    rows: row.preview,
    mapping,
    mappingSource: row.mapping ? 'chosen' : ((row.mappingSource as 'remembered' | 'suggested' | null) ?? 'suggested'),
    fields: target.fields.map((f) => ({ key: f.key, label: f.label[ctx.locale], required: !!f.required, multiple: !!f.multiple })),
  };
}

// --- Start, cancel ---

export interface StartInput {
  mapping?: ColumnMapping;
  duplicatePolicy?: DuplicatePolicy;
  campaignId?: string | null;
}

/**
 * Starts processing with the final mapping and duplicate policy: checks them, remembers the
 * mapping for the next file with the same headers, and queues the durable job (in the same
 * transaction, so a started import always has its job).
 */
export function startImport(ctx: RequestContext, id: string, input: StartInput): Promise<ImportRecord> {
  return inTransaction(ctx, async (ctx) => {
    const record = await importStore.get(ctx, id);
    await requireUpdatable(ctx, record);
    const row = await lockRow(ctx, id);
    if (row.status !== 'mapping') throw new AppError(409, 'IMPORT_NOT_STARTABLE', { status: row.status }, { status: row.status });
    const target = importTarget(row.object)!;
    const policy = input.duplicatePolicy ?? row.duplicatePolicy;
    requireLevel(ctx, target.object, 'create');
    if (policy === 'merge') requireLevel(ctx, target.object, 'update');
    const mapping = input.mapping ?? (row.suggestedMapping as ColumnMapping | null) ?? {};
    const resolved = resolveMapping(row.columns, mapping, target.fields);
    if (resolved.errors.length) {
      throw new ValidationError(resolved.errors.map((e) => ({ field: e.field, code: e.code, params: e.params })));
    }
    const campaignId = input.campaignId === undefined ? row.campaignId : input.campaignId;
    if (campaignId) {
      const found = await getVisibleRecord(ctx, 'campaigns', campaignId).catch(() => undefined);
      if (found === undefined) throw fieldError('campaignId', 'REFERENCE_NOT_FOUND', { field: 'campaignId' });
    }
    const finalMapping = Object.fromEntries(row.columns.map((c) => [c.key, mapping[c.key] ?? null]));
    await executor(ctx)
      .update(imports)
      .set({ status: 'queued', mapping: finalMapping, duplicatePolicy: policy, campaignId: campaignId ?? null, updatedAt: new Date() })
      .where(and(eq(imports.tenantId, ctx.tenantId), eq(imports.id, id)));
    await rememberMapping(ctx, row.object, row.headerSignature!, rememberable(row.columns, finalMapping));
    await enqueue(executor(ctx), {
      type: IMPORT_JOB_TYPE,
      tenantId: ctx.tenantId,
      payload: { tenantId: ctx.tenantId, importId: id },
      uniqueKey: `imports:${id}:0`,
      maxAttempts: 8,
    });
    const changes = {
      status: { before: row.status, after: 'queued' },
      mapping: { before: row.mapping, after: finalMapping },
      duplicatePolicy: { before: row.duplicatePolicy, after: policy },
      campaignId: { before: row.campaignId, after: campaignId ?? null },
    };
    await appendAudit(ctx, { action: 'start', object: 'imports', recordId: id, changes });
    await publishEvent(ctx, { type: 'imports.started', object: 'imports', recordId: id, payload: { duplicatePolicy: policy, campaignId } });
    return importStore.get(ctx, id);
  });
}

/** Keeps the duplicate policy and campaign given with the upload as the defaults of the start. */
export async function setImportChoices(ctx: RequestContext, id: string, input: { duplicatePolicy?: DuplicatePolicy; campaignId?: string | null }) {
  await executor(ctx)
    .update(imports)
    .set({
      ...(input.duplicatePolicy ? { duplicatePolicy: input.duplicatePolicy } : {}),
      ...(input.campaignId !== undefined ? { campaignId: input.campaignId } : {}),
      updatedAt: new Date(),
    })
    .where(and(eq(imports.tenantId, ctx.tenantId), eq(imports.id, id)));
}

async function rememberMapping(ctx: RequestContext, object: string, signature: string, mapping: Record<string, string | null>) {
  await executor(ctx)
    .insert(importMappings)
    .values({ tenantId: ctx.tenantId, object, signature, mapping, updatedBy: ctx.actor.userId })
    .onConflictDoUpdate({
      target: [importMappings.tenantId, importMappings.object, importMappings.signature],
      set: { mapping, updatedBy: ctx.actor.userId, updatedAt: new Date(), version: sql`${importMappings.version} + 1` },
    });
}

const ACTIVE: ImportStatus[] = ['uploaded', 'mapping', 'queued', 'running'];

/** Stops an import: a running job stops before its next batch; rows already imported stay. */
export function cancelImport(ctx: RequestContext, id: string): Promise<ImportRecord> {
  return inTransaction(ctx, async (ctx) => {
    const record = await importStore.get(ctx, id);
    await requireUpdatable(ctx, record);
    const row = await lockRow(ctx, id);
    if (!ACTIVE.includes(row.status)) throw new AppError(409, 'IMPORT_NOT_CANCELLABLE', { status: row.status }, { status: row.status });
    await executor(ctx)
      .update(imports)
      .set({ status: 'cancelled', finishedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(imports.tenantId, ctx.tenantId), eq(imports.id, id)));
    await deleteStoredFile(executor(ctx), ctx.tenantId, id);
    await appendAudit(ctx, { action: 'cancel', object: 'imports', recordId: id, changes: { status: { before: row.status, after: 'cancelled' } } });
    await publishEvent(ctx, { type: 'imports.cancelled', object: 'imports', recordId: id, payload: { processed: row.processedRows } });
    return importStore.get(ctx, id);
  });
}

/** Ends an import as failed (its file is dropped): `code` says why, in the reader's language. */
export async function failImport(ctx: RequestContext, id: string, code: string, params: Record<string, unknown>): Promise<void> {
  await inTransaction(ctx, async (ctx) => {
    const row = await lockRow(ctx, id);
    if (!row || !ACTIVE.includes(row.status)) return;
    await executor(ctx)
      .update(imports)
      .set({ status: 'failed', failureCode: code, failureParams: params, finishedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(imports.tenantId, ctx.tenantId), eq(imports.id, id)));
    await deleteStoredFile(executor(ctx), ctx.tenantId, id);
    await appendAudit(ctx, { action: 'fail', object: 'imports', recordId: id, changes: { status: { before: row.status, after: 'failed' }, failure: { before: null, after: code } } });
    await publishEvent(ctx, { type: 'imports.failed', object: 'imports', recordId: id, payload: { code, params } });
  });
}

// --- Reading results ---

export interface RejectedRow {
  rowNumber: number;
  cells: string[];
  errors: { column: string | null; field: string; code: string; message: string }[];
}

function renderErrors(locale: Locale, errors: { column: string | null; field: string; code: string; params?: Record<string, unknown> }[]) {
  return errors.map((e) => ({ column: e.column, field: e.field, code: e.code, message: translate(locale, e.code, e.params ?? {}) }));
}

/** The import with its first rejected rows and their reasons. */
export async function getImport(ctx: RequestContext, id: string): Promise<ImportRecord & { errors: RejectedRow[] }> {
  const record = await importStore.get(ctx, id);
  const { rows } = await rejectedRows(ctx, record.id, { limit: ERRORS_SHOWN });
  return { ...record, errors: rows };
}

/** Rejected rows in row order, a page at a time (`after` a row number). */
export async function rejectedRows(ctx: RequestContext, id: string, page: { after?: number; limit: number }): Promise<{ rows: RejectedRow[]; next: number | null }> {
  const rows = await executor(ctx)
    .select()
    .from(importRejects)
    .where(and(
      eq(importRejects.tenantId, ctx.tenantId),
      eq(importRejects.importId, id),
      page.after !== undefined ? gt(importRejects.rowNumber, page.after) : undefined,
    ))
    .orderBy(asc(importRejects.rowNumber))
    .limit(page.limit + 1);
  const shown = rows.slice(0, page.limit);
  return {
    rows: shown.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells, errors: renderErrors(ctx.locale, r.errors) })),
    next: rows.length > page.limit ? shown[shown.length - 1].rowNumber : null,
  };
}

/** The columns of an import (for the report's header). */
export async function importColumns(ctx: RequestContext, id: string): Promise<ImportColumn[]> {
  const [row] = await executor(ctx).select({ columns: imports.columns }).from(imports).where(and(eq(imports.tenantId, ctx.tenantId), eq(imports.id, id)));
  return row?.columns ?? [];
}

