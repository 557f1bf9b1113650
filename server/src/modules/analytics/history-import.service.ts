import { Readable } from 'node:stream';
import { and, eq, inArray } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { AppError, fieldError, ValidationError } from '../../platform/http/errors.js';
import { translate } from '../../platform/i18n/messages.js';
import { getTenantSettings } from '../../platform/tenancy/tenant-settings.service.js';
import { createTeam, teamStore } from '../../platform/tenancy/teams.service.js';
import { roles } from '../../platform/tenancy/tenancy.schema.js';
import { createUser, userStore } from '../../platform/tenancy/users.service.js';
import { productLineStore, productStore } from '../catalog/catalog.service.js';
import { accountStore } from '../customers/accounts.service.js';
import { detectDelimiter, detectEncoding, sniffFormat } from '../imports/file-format.js';
import { isBlank, readRows, type FileShape } from '../imports/file-reader.js';
import { columnsFromHeaders, resolveMapping, suggestMapping, type ColumnMapping } from '../imports/header-mapping.js';
import { importHistoricalDeals, type HistoricalDeal } from '../opportunities/deal-history-import.service.js';
import './analytics.messages.js';
import { historyImportKeys } from './analytics.schema.js';
import { HISTORY_FIELDS, HISTORY_KINDS, type HistoryKind } from './history-fields.js';
import { zonedTime } from './zoned-time.js';
import { addDays } from './fiscal-periods.js';

export const HISTORY_MAX_ROWS = 50_000;

export interface HistoryOptions {
  /** Currency of amounts and prices (default: the tenant's). */
  currency?: string;
  /** Sales process the deals follow (default: the tenant's default process). */
  processId?: string;
  /** The file's stage → a stage key or name of the process (won / lost name the closing stages). */
  stageMapping?: Record<string, string>;
  /** Account for deals whose account cell is empty (created if needed); without it such rows are rejected. */
  missingAccountName?: string;
  /** Days added to every date of the file (move an old data set to the present). */
  shiftDays?: number;
  /** Expected close of an open deal with no close date: this many days after it was created (default 90). */
  defaultCloseDays?: number;
}

export interface HistoryReject {
  rowNumber: number;
  errors: { field: string; code: string; message: string }[];
}

export interface HistoryImportResult {
  kind: HistoryKind;
  /** A check: everything was done and then rolled back, so `created` and `rejects` say what an import would do. */
  dryRun: boolean;
  rows: number;
  created: Record<string, number>;
  /** Rows already imported before (same key) or naming records that exist. */
  skipped: number;
  rejects: HistoryReject[];
  mapping: ColumnMapping;
  /** The fields the columns can map to, in the caller's language. */
  fields: { key: string; label: string; required: boolean }[];
  /** Opportunities: the stages the file names, for mapping them to the sales process's. */
  stages?: string[];
}

/** Unwinds a dry run's transaction, carrying its result out. */
class DryRunDone extends Error {
  constructor(readonly result: HistoryImportResult) {
    super('dry run');
  }
}

type Values = Record<string, string>;
interface Row { rowNumber: number; values: Values }
type RowError = { field: string; code: string; params?: Record<string, unknown> };

const key = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s_\-·.]+/g, '');

/**
 * Loads a company's past from a CSV or XLSX file — accounts, products, sales teams and reps,
 * then opportunities — so the analytics start with history. Columns are mapped like any import
 * (the imports module's header matching); rows that name something unknown are rejected with
 * the reason, the rest are written in one transaction. Re-importing a file adds only what is new:
 * accounts, products, teams and users are matched by name, deals by the file's opportunity id.
 * With `dryRun` the same work runs and is rolled back: the answer is what the import would do.
 * Admins only (the analytics create right).
 */
export async function importHistory(
  ctx: RequestContext,
  input: { kind: string; fileName: string; bytes: Uint8Array; mapping?: ColumnMapping; options?: HistoryOptions; dryRun?: boolean },
): Promise<HistoryImportResult> {
  requireLevel(ctx, 'analytics', 'create');
  if (!(HISTORY_KINDS as readonly string[]).includes(input.kind)) throw fieldError('kind', 'HISTORY_KIND_UNKNOWN');
  const kind = input.kind as HistoryKind;
  const fields = HISTORY_FIELDS[kind];
  const { header, rows } = await readFile(input.fileName, input.bytes);
  const columns = columnsFromHeaders(header);
  const mapping = input.mapping ?? suggestMapping(columns, fields);
  const resolved = resolveMapping(columns, mapping, fields);
  if (resolved.errors.length > 0) throw new ValidationError(resolved.errors.map((e) => ({ field: e.field, code: e.code, params: e.params })));
  const data: Row[] = rows.map((r) => ({
    rowNumber: r.rowNumber,
    values: Object.fromEntries(resolved.columns.map((c) => [c.field, (r.cells[c.index] ?? '').trim()]).filter(([, v]) => v !== '')),
  }));
  const options = input.options ?? {};
  const result: HistoryImportResult = {
    kind, dryRun: input.dryRun === true, rows: data.length, created: {}, skipped: 0, rejects: [], mapping,
    fields: fields.map((f) => ({ key: f.key, label: f.label[ctx.locale], required: f.required === true })),
    ...(kind === 'opportunities' ? { stages: [...new Set(data.map((r) => r.values.stage).filter(Boolean))].sort() } : {}),
  };
  const reject = (rowNumber: number, errors: RowError[]) => result.rejects.push({
    rowNumber,
    errors: errors.map((e) => ({ ...e, message: translate(ctx.locale, e.code, e.params) })),
  });
  const count = (what: string, n = 1) => { result.created[what] = (result.created[what] ?? 0) + n; };

  try {
    await inTransaction(ctx, async (ctx) => {
      const writers = { accounts: importAccounts, products: importProducts, 'sales-teams': importSalesTeams, opportunities: importOpportunities };
      await writers[kind](ctx, data, options, { reject, count, skip: () => result.skipped++ });
      if (result.dryRun) throw new DryRunDone(result);
    });
  } catch (err) {
    if (!(err instanceof DryRunDone)) throw err;
  }
  return result;
}

interface Tally {
  reject(rowNumber: number, errors: RowError[]): void;
  count(what: string, n?: number): void;
  skip(): void;
}

async function readFile(fileName: string, bytes: Uint8Array): Promise<{ header: string[]; rows: { rowNumber: number; cells: string[] }[] }> {
  const sniffed = sniffFormat(bytes.subarray(0, 4096), fileName);
  if ('error' in sniffed) throw fieldError('file', sniffed.error);
  const encoding = sniffed.format === 'csv' ? detectEncoding(bytes.subarray(0, 65536)) : null;
  const shape: FileShape = {
    format: sniffed.format,
    encoding,
    delimiter: sniffed.format === 'csv' ? detectDelimiter(new TextDecoder(encoding ?? 'utf-8').decode(bytes.subarray(0, 65536))) : null,
  };
  let header: string[] | null = null;
  const rows: { rowNumber: number; cells: string[] }[] = [];
  for await (const row of readRows(() => Readable.from([Buffer.from(bytes)]), shape)) {
    if (isBlank(row.cells)) continue;
    if (!header) {
      header = row.cells;
      continue;
    }
    rows.push(row);
    if (rows.length > HISTORY_MAX_ROWS) throw new AppError(400, 'HISTORY_TOO_MANY_ROWS', { limit: HISTORY_MAX_ROWS });
  }
  if (!header) throw fieldError('file', 'IMPORT_NO_HEADER');
  return { header, rows };
}

// --- Accounts ---

async function accountIdsByName(ctx: RequestContext): Promise<Map<string, string>> {
  const byName = new Map<string, string>();
  for await (const account of accountStore.iterate(ctx, {})) byName.set(key(account.name), account.id);
  return byName;
}

async function importAccounts(ctx: RequestContext, data: Row[], _options: HistoryOptions, tally: Tally) {
  const byName = await accountIdsByName(ctx);
  const parents: { id: string; parent: string }[] = [];
  for (const { rowNumber, values } of data) {
    if (byName.has(key(values.name))) {
      tally.skip();
      continue;
    }
    const headcount = values.headcount ? Number(values.headcount.replace(/[,\s]/g, '')) : null;
    if (headcount !== null && !Number.isInteger(headcount)) {
      tally.reject(rowNumber, [{ field: 'headcount', code: 'FIELD_INVALID' }]);
      continue;
    }
    const account = await accountStore.create(ctx, {
      name: values.name, industry: values.industry ?? null, headcount, region: values.region ?? null,
      province: values.province ?? null, city: values.city ?? null, website: values.website ?? null,
    });
    byName.set(key(values.name), account.id);
    tally.count('accounts');
    if (values.parentAccount) parents.push({ id: account.id, parent: values.parentAccount });
  }
  for (const { id, parent } of parents) {
    const parentId = byName.get(key(parent));
    if (!parentId || parentId === id) continue;
    const account = await accountStore.get(ctx, id);
    await accountStore.update(ctx, id, { parentAccountId: parentId }, account.version);
  }
}

// --- Products ---

const slug = (s: string) => s.normalize('NFKC').toUpperCase().replace(/[^A-Z0-9\u4e00-\u9fff]+/g, '-').replace(/^-|-$/g, '').slice(0, 64);

function amountOf(value: string | undefined): string | null | 'invalid' {
  if (value === undefined) return null;
  const cleaned = value.replace(/[,\s¥$￥€]/g, '');
  return /^-?\d{1,16}(\.\d{1,2})?$/.test(cleaned) ? cleaned : 'invalid';
}

async function importProducts(ctx: RequestContext, data: Row[], options: HistoryOptions, tally: Tally) {
  const currency = options.currency ?? (await getTenantSettings(ctx)).currency;
  const lines = new Map<string, string>();
  for await (const line of productLineStore.iterate(ctx, {})) lines.set(key(line.name), line.id);
  const existing = new Set<string>();
  for await (const product of productStore.iterate(ctx, {})) existing.add(key(product.name)).add(key(product.code));
  for (const { rowNumber, values } of data) {
    const code = values.code ?? slug(values.name);
    if (existing.has(key(values.name)) || existing.has(key(code))) {
      tally.skip();
      continue;
    }
    const price = amountOf(values.listPrice);
    if (price === 'invalid') {
      tally.reject(rowNumber, [{ field: 'listPrice', code: 'HISTORY_AMOUNT_INVALID', params: { value: values.listPrice } }]);
      continue;
    }
    let productLineId: string | null = null;
    if (values.productLine) {
      productLineId = lines.get(key(values.productLine)) ?? null;
      if (!productLineId) {
        productLineId = (await productLineStore.create(ctx, { name: values.productLine })).id;
        lines.set(key(values.productLine), productLineId);
        tally.count('productLines');
      }
    }
    await productStore.create(ctx, { name: values.name, code, productLineId, listPrice: price === null ? null : { amount: price, currency } });
    existing.add(key(values.name)).add(key(code));
    tally.count('products');
  }
}

// --- Sales teams and reps ---

async function roleId(ctx: RequestContext, roleKey: string): Promise<string> {
  const [row] = await executor(ctx).select({ id: roles.id }).from(roles).where(and(eq(roles.tenantId, ctx.tenantId), eq(roles.key, roleKey)));
  if (!row) throw new AppError(409, 'REFERENCE_NOT_FOUND', { field: 'role' });
  return row.id;
}

/** Users are matched by name (the files name reps, not e-mails) and by e-mail. */
async function userIdsByName(ctx: RequestContext): Promise<Map<string, string>> {
  const byName = new Map<string, string>();
  for await (const user of userStore.iterate(ctx, {})) byName.set(key(user.name), user.id).set(key(user.email), user.id);
  return byName;
}

async function importSalesTeams(ctx: RequestContext, data: Row[], _options: HistoryOptions, tally: Tally) {
  const teamsByName = new Map<string, { id: string; parentId: string | null }>();
  for await (const team of teamStore.iterate(ctx, {})) teamsByName.set(key(team.name), { id: team.id, parentId: team.parentId });
  const root = [...teamsByName.values()].find((t) => t.parentId === null)?.id ?? null;
  const users = await userIdsByName(ctx);
  const repRole = await roleId(ctx, 'sales_rep');
  const managerRole = await roleId(ctx, 'sales_manager');
  const tenantTag = ctx.tenantId.slice(0, 8);

  const team = async (name: string, parentId: string | null) => {
    const found = teamsByName.get(key(name));
    if (found) return found.id;
    const created = await createTeam(ctx, { name, parentId });
    teamsByName.set(key(name), { id: created.id, parentId });
    tally.count('teams');
    return created.id;
  };
  const user = async (name: string, email: string | undefined, role: string, teamId: string | null) => {
    if (users.has(key(name)) || (email && users.has(key(email)))) return false;
    // Imported people cannot sign in until an admin gives them a password; the placeholder
    // address (reserved .invalid domain) is unique across tenants, as sign-in requires.
    const address = email ?? `${slug(name).toLowerCase()}.${tenantTag}@history.invalid`;
    const created = await createUser(ctx, { name, email: address, roleId: role, teamId, locale: ctx.locale });
    users.set(key(name), created.id).set(key(address), created.id);
    return true;
  };

  for (const { values } of data) {
    const regionId = values.region ? await team(values.region, root) : root;
    const teamName = values.team ?? (values.manager ? translate(ctx.locale, 'HISTORY_TEAM_OF', { manager: values.manager }) : null);
    const teamId = teamName ? await team(teamName, regionId) : regionId;
    if (values.manager && (await user(values.manager, undefined, managerRole, teamId))) tally.count('managers');
    if (await user(values.name, values.email, repRole, teamId)) tally.count('reps');
    else tally.skip();
  }
}

// --- Opportunities ---

/** A day as the file writes it (2017-03-01, 2017/3/1, 2017-03-01T…), or null. */
export function readDay(value: string): string | null {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(value.trim());
  if (!match) return null;
  const day = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day ? null : day;
}

async function importOpportunities(ctx: RequestContext, data: Row[], options: HistoryOptions, tally: Tally) {
  const settings = await getTenantSettings(ctx);
  const currency = options.currency ?? settings.currency;
  const shift = Math.trunc(options.shiftDays ?? 0);
  const closeDays = options.defaultCloseDays ?? 90;
  const users = await userIdsByName(ctx);
  const teamOf = new Map<string, string | null>();
  for await (const u of userStore.iterate(ctx, {})) teamOf.set(u.id, u.teamId);
  const accounts = await accountIdsByName(ctx);
  const products = new Map<string, HistoricalDeal['product']>();
  for await (const p of productStore.iterate(ctx, {})) {
    const product = { id: p.id, name: p.name, code: p.code, productLineId: p.productLineId, listPrice: p.listPrice?.currency === currency ? p.listPrice.amount : null };
    products.set(key(p.name), product).set(key(p.code), product);
  }
  const externalKeys = data.map((r) => r.values.externalId).filter((v): v is string => !!v);
  const known = new Set<string>();
  for (let i = 0; i < externalKeys.length; i += 1000) {
    const rows = await executor(ctx)
      .select({ externalKey: historyImportKeys.externalKey })
      .from(historyImportKeys)
      .where(and(eq(historyImportKeys.tenantId, ctx.tenantId), eq(historyImportKeys.kind, 'opportunities'), inArray(historyImportKeys.externalKey, externalKeys.slice(i, i + 1000))));
    for (const r of rows) known.add(r.externalKey);
  }
  const today = new Date().toISOString().slice(0, 10);

  const deals: HistoricalDeal[] = [];
  const sources: { rowNumber: number; externalId: string | undefined }[] = [];
  for (const { rowNumber, values } of data) {
    if (values.externalId && known.has(values.externalId)) {
      tally.skip();
      continue;
    }
    const errors: RowError[] = [];
    const ownerId = values.owner ? users.get(key(values.owner)) : ctx.actor.userId ?? undefined;
    if (!ownerId) errors.push({ field: 'owner', code: 'HISTORY_OWNER_UNKNOWN', params: { owner: values.owner ?? '' } });
    const product = values.product ? products.get(key(values.product)) : null;
    if (product === undefined) errors.push({ field: 'product', code: 'HISTORY_PRODUCT_UNKNOWN', params: { product: values.product } });
    const accountName = values.account ?? options.missingAccountName;
    if (!accountName) errors.push({ field: 'account', code: 'HISTORY_ACCOUNT_REQUIRED' });
    const day = (field: 'createdDate' | 'closeDate') => {
      if (!values[field]) return null;
      const read = readDay(values[field]);
      if (!read) errors.push({ field, code: 'HISTORY_DATE_INVALID', params: { value: values[field] } });
      return read ? addDays(read, shift) : null;
    };
    const created = day('createdDate');
    const closed = day('closeDate');
    const amount = amountOf(values.amount);
    if (amount === 'invalid') errors.push({ field: 'amount', code: 'HISTORY_AMOUNT_INVALID', params: { value: values.amount } });
    if (errors.length > 0) {
      tally.reject(rowNumber, errors);
      continue;
    }
    let accountId = accounts.get(key(accountName!));
    if (!accountId) {
      accountId = (await accountStore.create(ctx, { name: accountName, ownerId })).id;
      accounts.set(key(accountName!), accountId);
      tally.count('accounts');
    }
    const createdDay = created ?? closed ?? today;
    const closeDay = closed ?? addDays(createdDay, closeDays);
    deals.push({
      name: values.name ?? [values.account ?? accountName, values.product].filter(Boolean).join(' · ') + (values.externalId ? ` (${values.externalId})` : ''),
      accountId,
      ownerId: ownerId!,
      teamId: teamOf.get(ownerId!) ?? null,
      stage: values.stage,
      currency: (values.currency ?? currency).toUpperCase(),
      amount: amount as string | null,
      createdAt: zonedTime(createdDay, settings.timezone, 9),
      closeDate: closeDay,
      closedAt: zonedTime(closeDay < createdDay ? createdDay : closeDay, settings.timezone, 17),
      lossReason: values.lossReason ?? null,
      product: product ?? null,
    });
    sources.push({ rowNumber, externalId: values.externalId });
  }
  const results = await importHistoricalDeals(ctx, deals, { processId: options.processId, stageMapping: options.stageMapping });
  const keys: (typeof historyImportKeys.$inferInsert)[] = [];
  results.forEach((r, i) => {
    if (!r.ok) return tally.reject(sources[i].rowNumber, [{ field: r.field, code: r.code, params: r.params }]);
    tally.count('opportunities');
    const externalId = sources[i].externalId;
    if (externalId) keys.push({ tenantId: ctx.tenantId, kind: 'opportunities', externalKey: externalId, recordId: r.id });
  });
  for (let i = 0; i < keys.length; i += 1000) {
    await executor(ctx).insert(historyImportKeys).values(keys.slice(i, i + 1000)).onConflictDoNothing();
  }
}
