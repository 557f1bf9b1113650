import { stringify } from 'csv-stringify';
import { Type, type TSchema } from 'typebox';
import type { RecordStore, ApiRecord } from '../records/record-store.js';
import type { App } from './types.js';
import type { RequestContext } from '../access/context.js';
import { ErrorResponse, filtersFrom, IdParams, listQuery, pageOf, VersionField } from './schemas.js';

export interface ResourceRoutes<TApi extends ApiRecord> {
  /** URL path under /api/v1, e.g. '/accounts'. */
  path: string;
  tag: string;
  store: RecordStore<TApi>;
  record: TSchema;
  create?: TSchema;
  /** Response of create when it carries more than the record (e.g. a secret shown once). */
  created?: TSchema;
  update?: TSchema;
  /** Override the store for writes that need more than the store (a service with a workflow). */
  onCreate?: (ctx: RequestContext, body: Record<string, unknown>) => Promise<TApi>;
  onUpdate?: (ctx: RequestContext, id: string, patch: Record<string, unknown>, version?: number) => Promise<TApi>;
  remove?: boolean;
  /** Override the store's delete (a record with rules on when it may go). */
  onRemove?: (ctx: RequestContext, id: string, version?: number) => Promise<void>;
  /** Columns of the CSV export, in order; absent means no export endpoint. */
  exportFields?: string[];
}

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** `If-Match: "3"` or a `version` field in the body: the version the caller edited. */
export function expectedVersion(ifMatch: string | undefined, bodyVersion: unknown): number | undefined {
  if (typeof bodyVersion === 'number') return bodyVersion;
  const tag = ifMatch?.replace(/^W\//, '').replace(/"/g, '').trim();
  return tag && /^\d+$/.test(tag) ? Number(tag) : undefined;
}

/**
 * The standard endpoints of a record resource: list (filter, sort, cursor), create, get,
 * update with optimistic concurrency, delete, and a CSV export that sees what the list sees.
 */
export function registerResourceRoutes<TApi extends ApiRecord>(app: App, r: ResourceRoutes<TApi>) {
  const { store } = r;
  const sortable = Object.keys(store.def.sortable);
  const query = listQuery([...Object.keys(store.def.filters), ...Object.keys(store.def.ranges ?? {})], sortable);
  const tags = [r.tag];

  app.get(r.path, {
    schema: { tags, summary: `List ${r.tag}`, querystring: query, response: { 200: pageOf(r.record), ...errors } },
  }, async (request) => {
    const q = request.query as Record<string, unknown>;
    return store.list(request.ctx, {
      filters: filtersFrom(q),
      q: q.q as string | undefined,
      sort: q.sort as string | undefined,
      limit: q.limit as number | undefined,
      cursor: q.cursor as string | undefined,
    });
  });

  if (r.exportFields) {
    const fields = r.exportFields;
    app.get(`${r.path}/export`, {
      schema: {
        tags,
        summary: `Export ${r.tag} as CSV (the records the list shows, with the same filters)`,
        querystring: query,
        produces: ['text/csv'],
      },
    }, async (request, reply) => {
      const q = request.query as Record<string, unknown>;
      const records = store.iterate(request.ctx, {
        filters: filtersFrom(q),
        q: q.q as string | undefined,
        sort: q.sort as string | undefined,
      });
      const csv = stringify({ header: true, columns: fields, bom: true, cast: { object: (v) => JSON.stringify(v) } });
      (async () => {
        try {
          for await (const record of records) csv.write(exportRow(record, fields));
          csv.end();
        } catch (err) {
          csv.destroy(err as Error);
        }
      })();
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${r.path.slice(1)}.csv"`)
        .send(csv);
    });
  }

  app.get(`${r.path}/:id`, {
    schema: { tags, summary: `Get one of ${r.tag}`, params: IdParams, response: { 200: r.record, ...errors } },
  }, async (request, reply) => {
    const record = await store.get(request.ctx, request.params.id);
    reply.header('etag', `"${record.version}"`);
    return record;
  });

  if (r.create) {
    app.post(r.path, {
      schema: { tags, summary: `Create one of ${r.tag}`, body: r.create, response: { 201: r.created ?? r.record, ...errors } },
    }, async (request, reply) => {
      const body = request.body as Record<string, unknown>;
      const record = r.onCreate ? await r.onCreate(request.ctx, body) : await store.create(request.ctx, body);
      return reply.status(201).header('etag', `"${record.version}"`).send(record);
    });
  }

  if (r.update) {
    app.patch(`${r.path}/:id`, {
      schema: {
        tags,
        summary: `Update one of ${r.tag}`,
        params: IdParams,
        body: r.update,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        response: { 200: r.record, 428: ErrorResponse, ...errors },
      },
    }, async (request, reply) => {
      const { version, ...patch } = request.body as Record<string, unknown>;
      const expected = expectedVersion(request.headers['if-match'], version);
      const record = r.onUpdate
        ? await r.onUpdate(request.ctx, request.params.id, patch, expected)
        : await store.update(request.ctx, request.params.id, patch, expected);
      reply.header('etag', `"${record.version}"`);
      return record;
    });
  }

  if (r.remove) {
    app.delete(`${r.path}/:id`, {
      schema: {
        tags,
        summary: `Delete one of ${r.tag}`,
        params: IdParams,
        querystring: Type.Object({ version: Type.Optional(VersionField) }),
        response: { 204: Type.Null(), ...errors },
      },
    }, async (request, reply) => {
      const expected = expectedVersion(request.headers['if-match'], (request.query as { version?: number }).version);
      await (r.onRemove ? r.onRemove(request.ctx, request.params.id, expected) : store.remove(request.ctx, request.params.id, expected));
      return reply.status(204).send(null);
    });
  }
}

function exportRow(record: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const field of fields) {
    const value = record[field];
    row[field] = isMoney(value) ? `${value.amount} ${value.currency}` : value;
  }
  return row;
}

const isMoney = (v: unknown): v is { amount: string; currency: string } =>
  typeof v === 'object' && v !== null && 'amount' in v && 'currency' in v;
