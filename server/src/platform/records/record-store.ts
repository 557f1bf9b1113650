import { and, asc, desc, eq, getTableColumns, gt, gte, ilike, inArray, lt, lte, or, Param, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { executor, inTransaction, type RequestContext } from '../access/context.js';
import type { ObjectName } from '../access/permissions.js';
import { ownerCondition, ownerWithin, requireLevel, type OwnerValues } from '../access/visibility.js';
import { appendAuditBatch } from '../audit/audit.service.js';
import type { AppDb } from '../db/client.js';
import { withColumnRowMapper } from '../db/column-rows.js';
import { UUID_RE, uuidv7 } from '../db/ids.js';
import { insertJsonRows, updateJsonRows } from '../db/json-insert.js';
import { publishEvents } from '../events/publish.js';
import { AppError, fieldError, forbidden, notFound } from '../http/errors.js';
import { timeStage } from '../perf/stage-times.js';
import { users } from '../tenancy/tenancy.schema.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { diffRecords } from './diff.js';
import { FOREIGN_KEY_VIOLATION, pgConstraint, pgErrorCode, UNIQUE_VIOLATION } from './pg-errors.js';

type Row = Record<string, unknown>;
export type ApiRecord = Row & { id: string; version: number; createdAt: string; updatedAt: string };

/** What a resource maps itself; the store adds the bookkeeping fields every record has. */
export type OwnFields<T extends ApiRecord> = Omit<T, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/** The columns the store relies on; every tenant-owned table built with recordColumns() has them. */
interface RecordTable {
  tenantId: AnyPgColumn;
  id: AnyPgColumn;
  version: AnyPgColumn;
  createdAt: AnyPgColumn;
  updatedAt: AnyPgColumn;
}

/** A reference to check before writing: the field must name a record of the same tenant. */
interface Reference {
  table: PgTable & { tenantId: AnyPgColumn; id: AnyPgColumn };
}

export interface ResourceDefinition<TApi extends ApiRecord> {
  object: ObjectName;
  table: PgTable & RecordTable;
  /** Owned records are filtered by the caller's visibility level on this column. */
  ownerColumn?: AnyPgColumn;
  /** Sortable API fields (NOT NULL columns only, so keyset paging stays exact). */
  sortable: Record<string, AnyPgColumn>;
  defaultSort: string;
  /** Equality filters by API field: `?filter[field]=a,b`. */
  filters: Record<string, AnyPgColumn>;
  /** Range filters by API field: `?filter[field]=from..to` (either end may be left out), bounds included. */
  ranges?: Record<string, AnyPgColumn>;
  /** Columns matched by `q` (substring, case-insensitive). */
  searchColumns: AnyPgColumn[];
  /** Unique index name → the API field it guards, for a clear 409 instead of a database error. */
  unique?: Record<string, string>;
  /** API field → referenced table, checked in the caller's tenant before writing. */
  references?: Record<string, Reference>;
  toApi(row: Row): OwnFields<TApi>;
  /** API input (create, or the fields of a patch) → column values. */
  toColumns(input: Row): Row;
  /** Business validation; throws AppError. `existing` is absent on create. */
  validate?(ctx: RequestContext, next: Row, existing?: Row): Promise<void>;
  /** Adds display fields (names of related records) to a page of records with one query each. */
  decorate?(ctx: RequestContext, records: TApi[]): Promise<void>;
}

export interface ListQuery {
  filters?: Record<string, string>;
  q?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
  /** Extra condition from the module (e.g. records of one account). */
  where?: SQL;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export const MAX_PAGE = 200;

type Verb = 'created' | 'updated' | 'deleted';

/** One write to audit and announce. */
interface Written {
  recordId: string;
  changes: Row;
  record: Row;
}

/**
 * The one path for reading and writing tenant records. It scopes every query to the tenant,
 * applies the caller's visibility, checks versions, and writes the audit entry and the
 * domain event in the same transaction as the change.
 */
export class RecordStore<TApi extends ApiRecord> {
  constructor(readonly def: ResourceDefinition<TApi>) {}

  private get t() {
    return this.def.table;
  }

  /** Tenant scope plus the caller's visibility for `action` (compared with `values` when given). */
  scope(ctx: RequestContext, action: 'read' | 'update' | 'delete' = 'read', values?: OwnerValues): SQL {
    const level = requireLevel(ctx, this.def.object, action);
    const conditions = [eq(this.t.tenantId, values?.tenantId ?? ctx.tenantId)];
    const owner = this.def.ownerColumn ? ownerCondition(ctx, level, this.def.ownerColumn, values) : undefined;
    if (owner) conditions.push(owner);
    return and(...conditions)!;
  }

  /**
   * The condition of a list query without paging: tenant, visibility, filters and search. Lists
   * use it, and so do aggregates over "what the list shows" (totals of a filtered list).
   */
  conditions(ctx: RequestContext, query: Pick<ListQuery, 'filters' | 'q' | 'where'>, bind: Binder = new Binder()): (SQL | undefined)[] {
    const conditions: (SQL | undefined)[] = [this.scope(ctx, 'read', bind.owner(ctx)), query.where, ...this.filterConditions(query.filters ?? {}, bind)];
    if (query.q?.trim()) {
      const pattern = bind.value('q', `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      conditions.push(or(...this.def.searchColumns.map((c) => ilike(c, pattern as string))));
    }
    return conditions;
  }

  async list(ctx: RequestContext, query: ListQuery): Promise<Page<TApi>> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), MAX_PAGE);
    const { column: sortColumn, descending, field } = this.sortOf(query.sort);
    // A list without a module's own condition, outside a transaction, runs as a prepared
    // statement per shape of query (which filters, sort, cursor, visibility); values vary.
    const bind = query.where || ctx.tx ? new Binder() : new Binder(`${this.visibilityShape(ctx)} ${descending ? '-' : ''}${field}`);
    const conditions = this.conditions(ctx, query, bind);
    if (query.cursor) {
      const { value, id } = decodeCursor(query.cursor);
      const cmp = descending ? lt : gt;
      const after = bind.value('cursor', value, sortColumn);
      conditions.push(or(cmp(sortColumn, after), and(eq(sortColumn, after), cmp(this.t.id, bind.value('cursorId', id, this.t.id)))));
    }
    const order = descending ? desc : asc;
    const pageEnd = bind.inline('limit', limit + 1);
    // Every value is bound before `build`, which runs only for a statement not prepared yet.
    const build = () =>
      this.selectRows(ctx)
        .where(and(...conditions))
        .orderBy(order(sortColumn), order(this.t.id))
        .limit(pageEnd);
    const rows = (bind.shape === null ? await build() : await this.prepared(ctx, `list ${bind.shape}`, build).execute(bind.values)) as Row[];
    const page = rows.slice(0, limit);
    const data = await this.present(ctx, page);
    const last = page[page.length - 1];
    const sortKey = Object.entries(this.t).find(([, c]) => c === sortColumn)?.[0] ?? field;
    const nextCursor = rows.length > limit && last ? encodeCursor(last[sortKey], last.id as string) : null;
    return { data, nextCursor };
  }

  /** Every visible record matching the query, page by page (exports). */
  async *iterate(ctx: RequestContext, query: Omit<ListQuery, 'cursor' | 'limit'>): AsyncGenerator<TApi> {
    let cursor: string | undefined;
    do {
      const page = await this.list(ctx, { ...query, cursor, limit: MAX_PAGE });
      yield* page.data;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  async get(ctx: RequestContext, id: string): Promise<TApi> {
    if (!UUID_RE.test(id)) throw notFound();
    // The most frequent query: prepared per visibility shape, outside transactions.
    const bind = ctx.tx ? new Binder() : new Binder(this.visibilityShape(ctx));
    const owner = bind.owner(ctx);
    const byId = eq(this.t.id, bind.value('id', id));
    const build = () => this.selectRows(ctx).where(and(this.scope(ctx, 'read', owner), byId));
    const [row] = (bind.shape === null ? await build() : await this.prepared(ctx, `get ${bind.shape}`, build).execute(bind.values)) as Row[];
    if (!row) throw notFound();
    return (await this.present(ctx, [row]))[0];
  }

  async create(ctx: RequestContext, input: Row): Promise<TApi> {
    const [record] = await this.createMany(ctx, [input]);
    return record;
  }

  /**
   * Creates records in input order, each checked, owned and validated as `create` does, in a
   * few statements for the lot (bulk writes such as file imports): multi-row INSERTs, the audit
   * entries appended to the tenant's chain in two statements, the `<object>.created` events in one.
   */
  async createMany(ctx: RequestContext, inputs: readonly Row[], opts: { eventPayload?: Row } = {}): Promise<TApi[]> {
    requireLevel(ctx, this.def.object, 'create');
    if (inputs.length === 0) return [];
    return inTransaction(ctx, async (ctx) => {
      const values = inputs.map((input) => {
        const row = definedOnly(this.def.toColumns(input));
        if (this.def.ownerColumn && row[this.ownerKey()] == null) row[this.ownerKey()] = ctx.actor.userId;
        return { ...row, id: (row.id as string | undefined) ?? uuidv7(), tenantId: ctx.tenantId };
      });
      await this.checkReferences(ctx, inputs);
      for (const row of values) await this.def.validate?.(ctx, row);
      const inserted = await timeStage('records.insert', () => this.uniqueGuard(() => insertJsonRows(executor(ctx), this.t, values)));
      const byId = new Map(inserted.map((row) => [row.id as string, row]));
      const rows = values.map((v) => byId.get(v.id as string)!);
      const written = rows.map((row) => {
        const record = this.toApi(row);
        return { recordId: record.id, changes: diffRecords(null, record), record };
      });
      await this.record(ctx, 'created', written, opts.eventPayload);
      return this.present(ctx, rows);
    });
  }

  async update(ctx: RequestContext, id: string, patch: Row, expectedVersion: number | undefined): Promise<TApi> {
    const [record] = await this.updateMany(ctx, [{ id, patch, expectedVersion }]);
    return record;
  }

  /**
   * Updates records in input order, each checked as `update` does (visible, allowed, at the
   * expected version, references and validation), in a few statements for the lot (batched
   * assignment): one locking read, one UPDATE per set of fields, the audit entries and
   * `<object>.updated` events of the records that changed in one statement each.
   */
  async updateMany(ctx: RequestContext, items: readonly { id: string; patch: Row; expectedVersion: number | undefined }[]): Promise<TApi[]> {
    if (items.length === 0) return [];
    if (items.some((i) => i.expectedVersion === undefined)) throw new AppError(428, 'VERSION_REQUIRED');
    return inTransaction(ctx, async (ctx) => {
      const existing = await this.lockRows(ctx, items.map((i) => i.id));
      for (const item of items) {
        const row = existing.get(item.id);
        if (!row) throw notFound();
        await this.requireOnRecord(ctx, 'update', row);
        if (row.version !== item.expectedVersion) {
          throw new AppError(409, 'VERSION_CONFLICT', { current: row.version }, { currentVersion: row.version });
        }
      }
      const now = new Date();
      const values = items.map((item) => ({ ...definedOnly(this.def.toColumns(item.patch)), tenantId: ctx.tenantId, id: item.id, updatedAt: now }));
      await this.checkReferences(ctx, items.map((i) => i.patch));
      for (const [i, item] of items.entries()) await this.def.validate?.(ctx, { ...existing.get(item.id)!, ...values[i] }, existing.get(item.id)!);
      const updated = new Map<string, Row>();
      for (const rows of byFieldSet(values)) {
        const written = await this.uniqueGuard(() => updateJsonRows(executor(ctx), this.t, rows, sql`version = ${this.t.version} + 1`));
        for (const row of written) updated.set(row.id as string, row);
      }
      const rows = items.map((i) => updated.get(i.id)!);
      const written = rows.flatMap((row) => {
        const after = this.toApi(row);
        const changes = diffRecords(this.toApi(existing.get(after.id)!), after);
        return Object.keys(changes).length > 0 ? [{ recordId: after.id, changes, record: after }] : [];
      });
      await this.record(ctx, 'updated', written);
      return this.present(ctx, rows);
    });
  }

  async remove(ctx: RequestContext, id: string, expectedVersion: number | undefined): Promise<void> {
    await inTransaction(ctx, async (ctx) => {
      const existing = (await this.lockRows(ctx, [id])).get(id);
      if (!existing) throw notFound();
      await this.requireOnRecord(ctx, 'delete', existing);
      if (expectedVersion !== undefined && existing.version !== expectedVersion) {
        throw new AppError(409, 'VERSION_CONFLICT', { current: existing.version }, { currentVersion: existing.version });
      }
      try {
        await executor(ctx).delete(this.t).where(and(eq(this.t.tenantId, ctx.tenantId), eq(this.t.id, id)));
      } catch (err) {
        if (pgErrorCode(err) === FOREIGN_KEY_VIOLATION) {
          throw new AppError(409, 'HAS_DEPENDENTS', { count: '≥1', object: this.def.object });
        }
        throw err;
      }
      const before = this.toApi(existing);
      await this.record(ctx, 'deleted', [{ recordId: id, changes: diffRecords(before, null), record: before }]);
    });
  }

  /**
   * Writes fields the system computes (a lead's scores) without taking the record's version or
   * update time forward, so a person editing the record meanwhile never gets VERSION_CONFLICT
   * because of it. A recomputation is not an edit: no audit entry. When a value changed it is
   * announced as `<object>.<verb>` with the field-level changes. Returns the record before and after.
   */
  async setComputed(ctx: RequestContext, id: string, values: Row, verb: string): Promise<{ before: TApi; after: TApi }> {
    const [result] = await this.setComputedMany(ctx, [{ id, values }], verb);
    if (!result) throw notFound();
    return result;
  }

  /**
   * setComputed for many records (batched rescoring): one locking read, one UPDATE per set of
   * fields, the events of the records that changed in one statement. Records the caller cannot
   * see are left out. Returns before and after of the others, in input order.
   */
  async setComputedMany(ctx: RequestContext, items: readonly { id: string; values: Row }[], verb: string): Promise<{ before: TApi; after: TApi }[]> {
    if (items.length === 0) return [];
    return inTransaction(ctx, async (ctx) => {
      const existing = await this.lockRows(ctx, items.map((i) => i.id));
      const found = items.filter((i) => existing.has(i.id));
      const updated = new Map<string, Row>();
      for (const rows of byFieldSet(found.map(({ id, values }) => ({ ...values, tenantId: ctx.tenantId, id })))) {
        for (const row of await updateJsonRows(executor(ctx), this.t, rows)) updated.set(row.id as string, row);
      }
      const pairs = found.map(({ id }) => ({ existing: existing.get(id)!, row: updated.get(id)! }));
      const presented = await this.present(ctx, pairs.flatMap((p) => [p.existing, p.row]));
      const results = pairs.map((_, i) => ({ before: presented[2 * i], after: presented[2 * i + 1] }));
      const events = pairs.flatMap((p, i) => {
        const changes = diffRecords(this.toApi(p.existing), this.toApi(p.row));
        const recordId = p.row.id as string;
        return Object.keys(changes).length > 0
          ? [{ type: `${this.def.object}.${verb}`, object: this.def.object, recordId, payload: { record: results[i].after, changes } }]
          : [];
      });
      await publishEvents(ctx, events);
      return results;
    });
  }

  /** Loads visible rows by id (missing or invisible ids are left out). */
  async getMany(ctx: RequestContext, ids: string[]): Promise<TApi[]> {
    if (ids.length === 0) return [];
    const rows = (await this.selectRows(ctx).where(and(this.scope(ctx), inArray(this.t.id, ids)))) as Row[];
    return this.present(ctx, rows);
  }

  /** A row of the table as the API record (without display fields). */
  toApi(row: Row): TApi {
    return {
      id: row.id as string,
      version: row.version as number,
      createdAt: (row.createdAt as Date).toISOString(),
      updatedAt: (row.updatedAt as Date).toISOString(),
      ...this.def.toApi(row),
    } as TApi;
  }

  private statements = new WeakMap<AppDb, Map<string, PreparedRead>>();

  /**
   * A read prepared once per database and shape (`build` runs only the first time): not rebuilt
   * per request, and on PostgreSQL a named statement the server parses and plans once.
   */
  private prepared(ctx: RequestContext, shape: string, build: () => PreparedRead & { prepare(name: string): PreparedRead }): PreparedRead {
    let statements = this.statements.get(ctx.db);
    if (!statements) this.statements.set(ctx.db, (statements = new Map()));
    let statement = statements.get(shape);
    // Shapes are few in practice; past the bound (say, filters with ever more values) a read is
    // built each time, so neither this map nor the server's statements grow without end.
    if (!statement && statements.size >= MAX_PREPARED_SHAPES) return build();
    if (!statement) statements.set(shape, (statement = withColumnRowMapper(build().prepare(`l2c_${this.def.object}_${++preparedStatements}`))));
    return statement;
  }

  /** What decides the form of the visibility condition (its values are bound apart). */
  private visibilityShape(ctx: RequestContext): string {
    return `${requireLevel(ctx, this.def.object, 'read')} ${ctx.actor.userId !== null} ${ctx.teamPath !== null}`;
  }

  /**
   * The table's rows for reading, with the owner's name joined in (one query instead of a second
   * one per page). Writes lock plain rows instead (no row lock on the outer side of a join).
   */
  private selectRows(ctx: RequestContext): ReturnType<RecordStore<TApi>['plainRows']> {
    const owner = this.def.ownerColumn;
    if (!owner) return this.plainRows(ctx);
    return executor(ctx)
      .select({ ...getTableColumns(this.t), [OWNER_NAME]: ownerUser.name })
      .from(this.t)
      .leftJoin(ownerUser, and(eq(ownerUser.tenantId, this.t.tenantId), eq(ownerUser.id, owner)))
      .$dynamic() as unknown as ReturnType<RecordStore<TApi>['plainRows']>;
  }

  private plainRows(ctx: RequestContext) {
    return executor(ctx).select().from(this.t).$dynamic();
  }

  /** The visible rows with these ids, locked until the transaction ends, by id. */
  private async lockRows(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, Row>> {
    const valid = [...new Set(ids.filter((id) => UUID_RE.test(id)))];
    if (valid.length === 0) return new Map();
    const rows = (await executor(ctx).select().from(this.t).where(and(this.scope(ctx, 'read'), inArray(this.t.id, valid))).for('update')) as Row[];
    return new Map(rows.map((r) => [r.id as string, r]));
  }

  private async requireOnRecord(ctx: RequestContext, action: 'update' | 'delete', row: Row) {
    const level = requireLevel(ctx, this.def.object, action);
    if (!this.def.ownerColumn) return;
    if (!(await ownerWithin(ctx, level, row[this.ownerKey()] as string | null))) throw forbidden(this.def.object, action);
  }

  /**
   * Audits and announces writes; `eventPayload` is added to each event's payload (who wrote them
   * in bulk). An update's event carries the record and its changes; a creation's or deletion's
   * carries the record only: its changes would be every field again, from or to nothing (that
   * doubled the event JSON an import writes).
   */
  private async record(ctx: RequestContext, verb: Verb, written: readonly Written[], eventPayload?: Row) {
    const action = verb === 'created' ? 'create' : verb === 'updated' ? 'update' : 'delete';
    const object = this.def.object;
    await timeStage('records.audit', () => appendAuditBatch(ctx, written.map((w) => ({ action, object, recordId: w.recordId, changes: w.changes as never }))));
    await timeStage('records.events', () => publishEvents(ctx, written.map((w) => ({
      type: `${object}.${verb}`,
      object,
      recordId: w.recordId,
      payload: verb === 'updated' ? { ...eventPayload, record: w.record, changes: w.changes } : { ...eventPayload, record: w.record },
    }))));
  }

  private async present(ctx: RequestContext, rows: Row[]): Promise<TApi[]> {
    const records = rows.map((r) => this.toApi(r));
    if (this.def.ownerColumn) {
      if (rows.every((r) => OWNER_NAME in r)) records.forEach((record, i) => ((record as Row).ownerName = rows[i][OWNER_NAME] ?? null));
      else await decorateOwnerNames(ctx, records);
    }
    await this.def.decorate?.(ctx, records);
    return records;
  }

  /** Every reference of the inputs names a record of the caller's tenant: one query per reference field. */
  private async checkReferences(ctx: RequestContext, inputs: readonly Row[]) {
    for (const [field, ref] of Object.entries(this.def.references ?? {})) {
      const ids = [...new Set(inputs.map((input) => input[field]).filter((id) => id !== undefined && id !== null))];
      if (ids.length === 0) continue;
      if (ids.some((id) => typeof id !== 'string' || !UUID_RE.test(id))) throw fieldError(field, 'REFERENCE_NOT_FOUND', { field });
      const found = await executor(ctx)
        .select({ id: ref.table.id })
        .from(ref.table)
        .where(and(eq(ref.table.tenantId, ctx.tenantId), inArray(ref.table.id, ids as string[])));
      if (found.length < ids.length) throw fieldError(field, 'REFERENCE_NOT_FOUND', { field });
    }
  }

  private async uniqueGuard<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      const constraint = pgErrorCode(err) === UNIQUE_VIOLATION ? pgConstraint(err) : undefined;
      const field = constraint ? this.def.unique?.[constraint] : undefined;
      if (field) throw new AppError(409, 'ALREADY_EXISTS', { field }, { field });
      throw err;
    }
  }

  private ownerKeyCache?: string;

  private ownerKey(): string {
    this.ownerKeyCache ??= Object.entries(this.t).find(([, c]) => c === this.def.ownerColumn)![0];
    return this.ownerKeyCache;
  }

  private sortOf(sort: string | undefined) {
    const spec = sort ?? this.def.defaultSort;
    const descending = spec.startsWith('-');
    const field = descending ? spec.slice(1) : spec;
    const column = this.def.sortable[field];
    if (!column) throw fieldError('sort', 'INVALID_SORT', { field });
    return { column, descending, field };
  }

  private filterConditions(filters: Record<string, string>, bind: Binder): SQL[] {
    return Object.entries(filters).map(([field, raw]) => {
      const range = this.def.ranges?.[field];
      if (range) return rangeCondition(range, field, raw, bind);
      const column = this.def.filters[field];
      if (!column) throw fieldError(`filter[${field}]`, 'FIELD_INVALID');
      const values = raw.split(',').map((v) => v.trim()).filter(Boolean);
      if (column.columnType === 'PgUUID' && values.some((v) => !UUID_RE.test(v))) {
        throw fieldError(`filter[${field}]`, 'FIELD_INVALID');
      }
      if (values.length === 0) return bind.mark(`${field}.null`, sql`${column} IS NULL`);
      const bound = values.map((v, i) => bind.value(`${field}.${i}`, v, column));
      return bound.length === 1 ? eq(column, bound[0]) : inArray(column, bound);
    });
  }
}

const RANGE_BOUND = /^(-?\d{1,16}(\.\d{1,4})?|\d{4}-\d{2}-\d{2})$/;

/** `from..to`, `from..` or `..to` (numbers or dates), bounds included; anything else is refused. */
function rangeCondition(column: AnyPgColumn, field: string, raw: string, bind: Binder): SQL {
  const parts = raw.split('..').map((p) => p.trim());
  const [from, to] = parts;
  if (parts.length !== 2 || (!from && !to) || [from, to].some((b) => b && !RANGE_BOUND.test(b))) {
    throw fieldError(`filter[${field}]`, 'FIELD_INVALID');
  }
  return and(
    from ? gte(column, bind.value(`${field}.from`, from, column)) : undefined,
    to ? lte(column, bind.value(`${field}.to`, to, column)) : undefined,
  )!;
}

interface PreparedRead {
  execute(values: Record<string, unknown>): Promise<unknown[]>;
}

/**
 * The values of a read query. Without a shape it hands them on as they are. With one (a
 * prepared read) it puts placeholders in their place, keeps the values to execute with, and adds
 * to `shape` what tells apart statements that differ in more than values.
 */
class Binder {
  readonly values: Record<string, unknown> = {};

  constructor(public shape: string | null = null) {}

  value(name: string, value: unknown, column?: AnyPgColumn): unknown {
    if (this.shape === null) return value;
    this.shape += ` ${name}`;
    this.values[name] = value;
    // Through the column, a placeholder's value is encoded as a plain parameter's would be.
    return column ? new Param(sql.placeholder(name), column) : sql.placeholder(name);
  }

  /**
   * A whole number written into the statement rather than bound: the page size. Bound, it made
   * PostgreSQL plan every execution of a list page anew (a generic plan cannot tell how few rows
   * are wanted: 0.1-0.2 ms a page); written in, the statement of a page size keeps one plan
   * after five runs.
   */
  inline(name: string, n: number): number {
    if (this.shape === null) return n;
    this.shape += ` ${name}=${n}`;
    // drizzle writes an SQL object given as the limit into the statement as it is.
    return sql.raw(String(Math.trunc(n))) as unknown as number;
  }

  /** A condition without values that still changes the statement. */
  mark(name: string, condition: SQL): SQL {
    if (this.shape !== null) this.shape += ` ${name}`;
    return condition;
  }

  /** The caller's values for a visibility condition. */
  owner(ctx: RequestContext): OwnerValues | undefined {
    if (this.shape === null) return undefined;
    Object.assign(this.values, { tenantId: ctx.tenantId, self: ctx.actor.userId, teamPrefix: `${ctx.teamPath}%` });
    return { tenantId: sql.placeholder('tenantId'), self: sql.placeholder('self'), teamPrefix: sql.placeholder('teamPrefix') };
  }
}

/** Names prepared statements apart (they are per connection on PostgreSQL). */
let preparedStatements = 0;
const MAX_PREPARED_SHAPES = 100;

/** The owner's name as read rows carry it (a key no table column has). */
const OWNER_NAME = '$ownerName';
const ownerUser = alias(users, 'owner_user');

/** Adds `ownerName` to owned records with one query for the whole page (rows read for a write). */
async function decorateOwnerNames(ctx: RequestContext, records: Row[]) {
  const ids = [...new Set(records.map((r) => r.ownerId).filter((v): v is string => typeof v === 'string'))];
  if (ids.length === 0) return;
  const rows = await executor(ctx)
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.tenantId, ctx.tenantId), inArray(users.id, ids)));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  for (const record of records) record.ownerName = names.get(record.ownerId as string) ?? null;
}

/** A patch's absent fields stay as they are: drop the undefined ones. */
/** Rows grouped by the fields they set: one UPDATE per group, as a JSON recordset row sets every field it types. */
function byFieldSet(rows: readonly Row[]): Row[][] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = Object.keys(row).sort().join(',');
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

function definedOnly(values: Row): Row {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}
