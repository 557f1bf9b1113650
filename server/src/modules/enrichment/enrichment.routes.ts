import multipart from '@fastify/multipart';
import { parse } from 'csv-parse/sync';
import { Type } from 'typebox';
import { AppError, fieldError } from '../../platform/http/errors.js';
import { registerResourceRoutes } from '../../platform/http/resource-routes.js';
import { ErrorResponse, IdParams, Money, Nullable, RecordBase, Uuid } from '../../platform/http/schemas.js';
import type { App } from '../../platform/http/types.js';
import { enrichAccount, enrichLead } from './enrichment.service.js';
import './enrichment.subscribers.js';
import { registryFieldOf, type RegistryField } from './registry-row.js';
import { loadRegistry, MAX_REGISTRY_ROWS, registryCount, registryStore, type RegistryCompany } from './registry.service.js';

const tags = ['Enrichment'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const MAX_FILE_MB = 50;

const Str = Nullable(Type.String());
const RegistryCompanySchema = Type.Unsafe<RegistryCompany>(Type.Object({
  ...RecordBase,
  name: Type.String(),
  creditCode: Str,
  registeredOn: Str,
  companyType: Str,
  registeredCapital: Nullable(Money),
  businessScope: Str,
  industry: Str,
  headcount: Nullable(Type.Integer()),
  province: Str,
  district: Str,
  city: Str,
  region: Str,
  address: Str,
  source: Str,
}));

const LoadReport = Type.Object({
  loadId: Uuid,
  received: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  rejected: Type.Integer(),
  invalidCreditCodes: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), code: Type.String() })),
});

const JsonRows = Type.Object(
  {
    rows: Type.Array(Type.Record(Type.String(), Type.Unknown()), {
      maxItems: MAX_REGISTRY_ROWS,
      description: 'Rows keyed by the registry columns (企业名称, 统一社会信用代码, 注册资金, 经营范围, 所在省份, 地区, 注册地址…) or the field names (name, creditCode…)',
    }),
    source: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

const EnrichmentResultSchema = Type.Object({
  object: Type.String(),
  recordId: Uuid,
  match: Nullable(Type.Object({
    provider: Type.String(),
    recordId: Type.String({ description: 'The registry record the values come from' }),
    name: Type.String(),
    creditCode: Str,
    matchedBy: Type.String({ description: 'credit_code | name_location | name' }),
  })),
  filled: Type.Record(Type.String(), Type.Unknown(), { description: 'Field → value written' }),
  kept: Type.Array(Type.String(), { description: 'Fields the registry knows that the record keeps (typed by a person, or already set)' }),
  record: Type.Object({}, { additionalProperties: true }),
});

/** Rows of a registry CSV by field; columns not known (and 法人代表) are left out. */
function rowsOfCsv(buffer: Buffer): Partial<Record<RegistryField, string>>[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    text = new TextDecoder('gb18030').decode(buffer);
  }
  let records: string[][];
  try {
    records = parse(text.replace(/^\ufeff/, ''), { relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
  } catch (err) {
    throw new AppError(400, 'REGISTRY_FILE_UNREADABLE', { reason: (err as Error).message });
  }
  const [header = [], ...body] = records;
  const fields = header.map((h) => registryFieldOf(h));
  if (!fields.includes('name')) throw new AppError(400, 'REGISTRY_NO_NAME_COLUMN', { columns: header.join(', ') });
  if (body.length > MAX_REGISTRY_ROWS) throw new AppError(413, 'REGISTRY_TOO_MANY_ROWS', { limit: MAX_REGISTRY_ROWS });
  return body.filter((cells) => cells.some((c) => c.trim() !== '')).map((cells) => {
    const row: Partial<Record<RegistryField, string>> = {};
    fields.forEach((field, i) => {
      if (field) row[field] = cells[i];
    });
    return row;
  });
}

/** JSON rows keyed by registry columns or field names. */
function rowsOfJson(rows: Record<string, unknown>[]): Partial<Record<RegistryField, unknown>>[] {
  return rows.map((raw) => {
    const row: Partial<Record<RegistryField, unknown>> = {};
    for (const [key, value] of Object.entries(raw)) {
      const field = registryFieldOf(key);
      if (field) row[field] = value;
    }
    return row;
  });
}

/**
 * Company background from business-registry data (M2L-3, PLT-7): the tenant loads a registry
 * export; leads and accounts are filled from it in the fields nobody typed.
 */
export function registerEnrichmentRoutes(app: App) {
  app.register(async (scope: App) => {
    await scope.register(multipart, { limits: { fileSize: MAX_FILE_MB * 1024 * 1024, files: 1, fields: 5, parts: 10 } });
    scope.post('/api/v1/enrichment/registry', {
      schema: {
        tags,
        summary: 'Load companies into the tenant’s registry (CSV upload or JSON rows)',
        description:
          'multipart/form-data with `file` (CSV in UTF-8 or GB18030, with the columns of a registry export: 企业名称, 统一社会信用代码, ' +
          '注册日期, 企业类型, 注册资金, 经营范围, 所在省份, 地区, 注册地址; optional 人员规模) — or JSON `{ rows, source? }`. A company ' +
          'already loaded (same credit code, or same name without one) is updated. 法人代表 is never stored.',
        consumes: ['multipart/form-data', 'application/json'],
        body: { content: { 'application/json': { schema: JsonRows } } } as never,
        response: { 200: LoadReport, 413: ErrorResponse, ...errors },
      },
    }, async (request) => {
      if (!request.isMultipart()) {
        const body = request.body as { rows: Record<string, unknown>[]; source?: string };
        return loadRegistry(request.ctx, rowsOfJson(body.rows), body.source?.trim() || 'api');
      }
      let file: { name: string; buffer: Buffer } | null = null;
      let source: string | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname === 'file' && !file) file = { name: part.filename ?? 'registry.csv', buffer: await part.toBuffer() };
            else part.file.resume();
          } else if (part.fieldname === 'source') {
            source = String(part.value);
          }
        }
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'REGISTRY_FILE_TOO_LARGE', { limit: MAX_FILE_MB });
        throw err;
      }
      if (!file) throw fieldError('file', 'REGISTRY_FILE_REQUIRED');
      return loadRegistry(request.ctx, rowsOfCsv(file.buffer), source?.trim() || file.name);
    });
  });

  app.get('/api/v1/enrichment/registry/summary', {
    schema: { tags, summary: 'How many companies the tenant’s registry holds', response: { 200: Type.Object({ count: Type.Integer() }), ...errors } },
  }, async (request) => ({ count: await registryCount(request.ctx) }));

  registerResourceRoutes(app, {
    path: '/api/v1/enrichment/registry',
    tag: 'Enrichment',
    store: registryStore,
    record: RegistryCompanySchema,
  });

  app.post('/api/v1/leads/:id/enrich', {
    schema: {
      tags,
      summary: 'Fill the lead’s company background from the registry, in fields nobody typed',
      params: IdParams,
      response: { 200: EnrichmentResultSchema, 422: ErrorResponse, ...errors },
    },
  }, async (request) => enrichLead(request.ctx, request.params.id));

  app.post('/api/v1/accounts/:id/enrich', {
    schema: {
      tags,
      summary: 'Fill the account’s empty company fields from the registry',
      params: IdParams,
      response: { 200: EnrichmentResultSchema, ...errors },
    },
  }, async (request) => enrichAccount(request.ctx, request.params.id));
}
