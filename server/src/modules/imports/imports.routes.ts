import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { AppError, fieldError, ValidationError } from '../../platform/http/errors.js';
import { ErrorResponse, filtersFrom, IdParams, listQuery, Nullable, pageOf, RecordBase, Uuid } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/types.js';
import { isLocale } from '../../platform/i18n/locale.js';
import { UUID_RE } from '../../platform/db/ids.js';
import './import-job.js';
import { reportCsv, reportXlsx } from './import-report.js';
import { DUPLICATE_POLICIES, IMPORT_STATUSES, type DuplicatePolicy, type ImportStatus } from './imports.schema.js';
import {
  analyseFile,
  cancelImport,
  checkUploadObject,
  failImport,
  getImport,
  getPreview,
  importStore,
  maxFileMb,
  receiveFile,
  rejectedRows,
  setImportChoices,
  startImport,
  type ImportRecord,
} from './imports.service.js';
import type { ColumnMapping } from './header-mapping.js';

const tags = ['Imports'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

const Policy = Type.Unsafe<DuplicatePolicy>(Type.Union(DUPLICATE_POLICIES.map((p) => Type.Literal(p))));
const Mapping = Type.Record(Type.String(), Nullable(Type.String()), {
  description: 'Column key (the header as in the file; a repeated header gets " (2)") → field, or null to leave the column out.',
});

const CellErrorSchema = Type.Object({
  column: Nullable(Type.String()),
  field: Type.String(),
  code: Type.String(),
  message: Type.String(),
});
const RejectedRowSchema = Type.Object({ rowNumber: Type.Integer(), cells: Type.Array(Type.String()), errors: Type.Array(CellErrorSchema) });

const importFields = {
  ...RecordBase,
  object: Type.String(),
  status: Type.Unsafe<ImportStatus>(Type.Union(IMPORT_STATUSES.map((s) => Type.Literal(s)))),
  fileName: Type.String(),
  fileSize: Type.Integer(),
  format: Nullable(Type.String()),
  encoding: Nullable(Type.String()),
  delimiter: Nullable(Type.String()),
  headerRow: Nullable(Type.Integer()),
  duplicatePolicy: Policy,
  campaignId: Nullable(Uuid),
  mapping: Nullable(Mapping),
  progress: Type.Object({ processed: Type.Integer(), total: Nullable(Type.Integer()), percent: Nullable(Type.Integer()) }),
  counts: Type.Object({ created: Type.Integer(), merged: Type.Integer(), skipped: Type.Integer(), rejected: Type.Integer() }),
  failure: Nullable(Type.Object({ code: Type.String(), message: Type.String(), params: Type.Record(Type.String(), Type.Unknown()) })),
  ownerId: Nullable(Uuid),
  ownerName: Type.Optional(Nullable(Type.String())),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
};
const ImportSchema = Type.Object(importFields);
const ImportWithErrors = Type.Object({ ...importFields, errors: Type.Array(RejectedRowSchema) });

const PreviewSchema = Type.Object({
  id: Uuid,
  status: Type.String(),
  object: Type.String(),
  fileName: Type.String(),
  format: Nullable(Type.String()),
  encoding: Nullable(Type.String()),
  delimiter: Nullable(Type.String()),
  headerRow: Nullable(Type.Integer()),
  columns: Type.Array(Type.Object({
    index: Type.Integer(),
    header: Type.String(),
    key: Type.String(),
    field: Nullable(Type.String()),
    samples: Type.Array(Type.String()),
  })),
  rows: Type.Array(Type.Array(Type.String())),
  mapping: Mapping,
  mappingSource: Type.Union([Type.Literal('remembered'), Type.Literal('suggested'), Type.Literal('chosen')]),
  fields: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), required: Type.Boolean(), multiple: Type.Boolean() })),
});

const StartBody = Type.Object(
  {
    mapping: Type.Optional(Mapping),
    duplicatePolicy: Type.Optional(Policy),
    campaignId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

/** The form fields of an upload besides the file. */
interface UploadFields {
  object?: string;
  mapping?: string;
  duplicatePolicy?: string;
  campaignId?: string;
}

function readUploadFields(fields: UploadFields) {
  const problems: { field: string; code: string; params?: Record<string, unknown> }[] = [];
  let mapping: ColumnMapping | undefined;
  if (fields.mapping !== undefined && fields.mapping.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(fields.mapping);
      const valid = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        && Object.values(parsed).every((v) => v === null || typeof v === 'string');
      if (valid) mapping = parsed as ColumnMapping;
      else problems.push({ field: 'mapping', code: 'IMPORT_INVALID_MAPPING_JSON' });
    } catch {
      problems.push({ field: 'mapping', code: 'IMPORT_INVALID_MAPPING_JSON' });
    }
  }
  const policy = fields.duplicatePolicy?.trim() || undefined;
  if (policy !== undefined && !(DUPLICATE_POLICIES as readonly string[]).includes(policy)) {
    problems.push({ field: 'duplicatePolicy', code: 'FIELD_ENUM', params: { allowed: DUPLICATE_POLICIES.join(', ') } });
  }
  const campaignId = fields.campaignId?.trim() || undefined;
  if (campaignId !== undefined && !UUID_RE.test(campaignId)) problems.push({ field: 'campaignId', code: 'FIELD_INVALID' });
  return { mapping, duplicatePolicy: policy as DuplicatePolicy | undefined, campaignId, problems };
}

/**
 * File imports (M2L-2): upload a CSV or XLSX, map its columns, run it as a durable job, read the
 * report. Multipart parsing is registered for these routes only, with the file size limit.
 */
export function registerImportRoutes(app: App) {
  const limitMb = maxFileMb();
  app.register(async (scope: App) => {
    await scope.register(multipart, {
      limits: { fileSize: limitMb * 1024 * 1024, files: 1, fields: 20, fieldSize: 1024 * 1024, parts: 40 },
    });

    scope.post('/api/v1/imports', {
      schema: {
        tags,
        summary: 'Upload a file to import (multipart)',
        description:
          'multipart/form-data with `file` (CSV in UTF-8 or GB18030/GBK, any common delimiter; or XLSX, first sheet), ' +
          '`object` (leads), and optionally `duplicatePolicy` (skip | merge | create), `campaignId`, and `mapping` ' +
          '(JSON: column → field). Answers with the detected columns, the first rows and a suggested mapping. ' +
          'With `mapping`, the import starts at once; otherwise confirm it with POST /imports/{id}/start.',
        consumes: ['multipart/form-data'],
        response: { 201: Type.Object({ ...PreviewSchema.properties, import: ImportSchema }), 413: ErrorResponse, ...errors },
      },
    }, async (request, reply) => {
      const ctx = request.ctx;
      const fields: UploadFields = {};
      let stored: { id: string; head: Buffer; size: number } | null = null;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file' || stored) {
              part.file.resume();
              continue;
            }
            stored = await receiveFile(ctx, { object: fields.object?.trim() || 'leads', fileName: part.filename ?? '', stream: part.file });
            if (part.file.truncated) throw Object.assign(new Error('file too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
          } else if (part.fieldname in { object: 1, mapping: 1, duplicatePolicy: 1, campaignId: 1 }) {
            fields[part.fieldname as keyof UploadFields] = String(part.value);
            // Checked as soon as it is known, so a refused upload is refused before its file is stored.
            if (part.fieldname === 'object' && !stored) checkUploadObject(ctx, String(part.value).trim() || 'leads');
          }
        }
      } catch (err) {
        const tooLarge = (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
        // A file stored before the request failed is dropped; the import shows why.
        if (stored) await failImport(ctx, stored.id, tooLarge ? 'IMPORT_FILE_TOO_LARGE' : 'IMPORT_UPLOAD_FAILED', tooLarge ? { limit: limitMb } : {});
        if (tooLarge) throw new AppError(413, 'IMPORT_FILE_TOO_LARGE', { limit: limitMb }, stored ? { importId: stored.id } : {});
        throw err;
      }
      if (!stored) throw fieldError('file', 'IMPORT_FILE_REQUIRED');
      const read = readUploadFields(fields);
      const object = fields.object?.trim() || 'leads';
      if (object !== 'leads') read.problems.push({ field: 'object', code: 'IMPORT_UNSUPPORTED_OBJECT', params: { object } });
      if (read.problems.length > 0) {
        await failImport(ctx, stored.id, 'VALIDATION_FAILED', { fields: read.problems.map((p) => p.field).join(', ') });
        throw withImportId(new ValidationError(read.problems), stored.id);
      }
      await analyseFile(ctx, stored.id, stored.head, stored.size);
      try {
        // With a mapping, the upload starts the import: one call for an integration.
        if (read.mapping) {
          await startImport(ctx, stored.id, { mapping: read.mapping, duplicatePolicy: read.duplicatePolicy, campaignId: read.campaignId });
        } else if (read.duplicatePolicy || read.campaignId) {
          await setImportChoices(ctx, stored.id, { duplicatePolicy: read.duplicatePolicy, campaignId: read.campaignId });
        }
      } catch (err) {
        if (err instanceof AppError) throw withImportId(err, stored.id);
        throw err;
      }
      const preview = await getPreview(ctx, stored.id);
      return reply.status(201).send({ ...preview, import: await importStore.get(ctx, stored.id) });
    });
  });

  app.get('/api/v1/imports', {
    schema: {
      tags,
      summary: 'Import history, newest first',
      querystring: listQuery(Object.keys(importStore.def.filters), Object.keys(importStore.def.sortable)),
      response: { 200: pageOf(ImportSchema), ...errors },
    },
  }, async (request) => {
    const q = request.query as Record<string, unknown>;
    return importStore.list(request.ctx, {
      filters: filtersFrom(q),
      q: q.q as string | undefined,
      sort: q.sort as string | undefined,
      limit: q.limit as number | undefined,
      cursor: q.cursor as string | undefined,
    });
  });

  app.get('/api/v1/imports/:id', {
    schema: {
      tags,
      summary: 'An import: status, progress, counts and the first rejected rows with their reasons',
      params: IdParams,
      response: { 200: ImportWithErrors, ...errors },
    },
  }, async (request) => getImport(request.ctx, request.params.id));

  app.get('/api/v1/imports/:id/preview', {
    schema: {
      tags,
      summary: 'The detected columns, the first 20 rows and the mapping offered (remembered, suggested or chosen)',
      params: IdParams,
      response: { 200: PreviewSchema, ...errors },
    },
  }, async (request) => getPreview(request.ctx, request.params.id));

  app.post('/api/v1/imports/:id/start', {
    schema: {
      tags,
      summary: 'Start the import with the final mapping and duplicate policy',
      params: IdParams,
      body: StartBody,
      response: { 200: ImportSchema, ...errors },
    },
  }, async (request) => startImport(request.ctx, request.params.id, request.body ?? {}));

  app.post('/api/v1/imports/:id/cancel', {
    schema: { tags, summary: 'Cancel the import; rows already imported stay', params: IdParams, response: { 200: ImportSchema, ...errors } },
  }, async (request) => cancelImport(request.ctx, request.params.id));

  app.get('/api/v1/imports/:id/errors', {
    schema: {
      tags,
      summary: 'Rejected rows with their original cells and reasons, in row order',
      params: IdParams,
      querystring: Type.Object({
        after: Type.Optional(Type.Integer({ minimum: 0, description: 'rowNumber of the last row of the previous page' })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
      }),
      response: { 200: Type.Object({ data: Type.Array(RejectedRowSchema), next: Nullable(Type.Integer()) }), ...errors },
    },
  }, async (request) => {
    const record = await importStore.get(request.ctx, request.params.id);
    const { after, limit } = request.query as { after?: number; limit?: number };
    const page = await rejectedRows(request.ctx, record.id, { after, limit: limit ?? 100 });
    return { data: page.rows, next: page.next };
  });

  app.get('/api/v1/imports/:id/report', {
    schema: {
      tags,
      summary: 'Download the rejected rows (original cells, row number, reasons) to fix and upload again; XLSX adds a summary sheet',
      params: IdParams,
      querystring: Type.Object({
        format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'csv' })),
        locale: Type.Optional(Type.String({ description: 'zh-CN or en-US; defaults to the caller’s language' })),
      }),
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    },
  }, async (request, reply) => {
    const { format = 'csv', locale } = request.query as { format?: 'csv' | 'xlsx'; locale?: string };
    const ctx = locale && isLocale(locale) ? { ...request.ctx, locale } : request.ctx;
    const report = format === 'xlsx' ? await reportXlsx(ctx, request.params.id) : await reportCsv(ctx, request.params.id);
    const base = report.record.fileName.replace(/\.[^.]+$/, '') || 'import';
    const fileName = `${base}-rejected.${format}`;
    return reply
      .type(format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="import-rejected.${format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(report.stream);
  });
}

function withImportId<T extends AppError>(err: T, importId: string): T {
  (err.details as Record<string, unknown>).importId = importId;
  return err;
}

export type { ImportRecord };
