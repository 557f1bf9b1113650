import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../../platform/access/context.js';
import { requireLevel } from '../../platform/access/visibility.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { queryRows } from '../../platform/db/client.js';
import { uuidv7 } from '../../platform/db/ids.js';
import { moneyFromColumns, type Money } from '../../platform/normalize/money.js';
import { RecordStore, type ApiRecord } from '../../platform/records/record-store.js';
import { isValidCreditCode, normalizeCreditCode } from '../customers/credit-code.js';
import { pickCompanyMatch } from '../dedup/company-lookup.js';
import { parseCompanyName } from '../dedup/index.js';
import type { CompanyLookupQuery, EnrichmentMatch, EnrichmentProvider } from './enrichment-provider.js';
import './enrichment.messages.js';
import { registryCompanies } from './enrichment.schema.js';
import { registryCompanyFrom, type RegistryCompanyInput, type RegistryField } from './registry-row.js';

export interface RegistryCompany extends ApiRecord {
  name: string;
  creditCode: string | null;
  registeredOn: string | null;
  companyType: string | null;
  registeredCapital: Money | null;
  businessScope: string | null;
  industry: string | null;
  headcount: number | null;
  province: string | null;
  district: string | null;
  city: string | null;
  region: string | null;
  address: string | null;
  source: string | null;
}

const nullable = <T>(v: unknown) => (v ?? null) as T | null;

/** Reading the registry (search, one company); loads go through `loadRegistry`. */
export const registryStore = new RecordStore<RegistryCompany>({
  object: 'registry_companies',
  table: registryCompanies,
  sortable: { name: registryCompanies.name, createdAt: registryCompanies.createdAt, updatedAt: registryCompanies.updatedAt },
  defaultSort: 'name',
  filters: {
    creditCode: registryCompanies.creditCode,
    province: registryCompanies.province,
    city: registryCompanies.city,
    industry: registryCompanies.industry,
    source: registryCompanies.source,
  },
  searchColumns: [registryCompanies.name, registryCompanies.creditCode],
  toApi: (r) => ({
    name: r.name as string,
    creditCode: nullable(r.creditCode),
    registeredOn: nullable(r.registeredOn),
    companyType: nullable(r.companyType),
    registeredCapital: moneyFromColumns(r.registeredCapital, r.registeredCapitalCurrency),
    businessScope: nullable(r.businessScope),
    industry: nullable(r.industry),
    headcount: nullable(r.headcount),
    province: nullable(r.province),
    district: nullable(r.district),
    city: nullable(r.city),
    region: nullable(r.region),
    address: nullable(r.address),
    source: nullable(r.source),
  }),
  toColumns: () => {
    throw new Error('Registry companies are written by loadRegistry');
  },
});

export const MAX_REGISTRY_ROWS = 100_000;
const CHUNK = 500;
const MAX_REPORTED_ERRORS = 50;

export interface RegistryLoadReport {
  loadId: string;
  received: number;
  inserted: number;
  updated: number;
  rejected: number;
  /** Rows kept without their credit code, which failed its check character. */
  invalidCreditCodes: number;
  /** The first rejected rows: row number (1 = first data row) and why. */
  errors: { row: number; code: string }[];
}

function columns(tenantId: string, c: RegistryCompanyInput, source: string | null) {
  const parsed = parseCompanyName(c.name);
  return {
    tenantId,
    name: c.name,
    coreName: parsed.core || parsed.display,
    nameLocation: parsed.location,
    creditCode: c.creditCode,
    registeredOn: c.registeredOn,
    companyType: c.companyType,
    registeredCapital: c.registeredCapital?.amount ?? null,
    registeredCapitalCurrency: c.registeredCapital?.currency ?? null,
    businessScope: c.businessScope,
    industry: c.industry,
    headcount: c.headcount,
    province: c.province,
    district: c.district,
    city: c.city,
    region: c.region,
    address: c.address,
    source,
  };
}

type Columns = ReturnType<typeof columns>;
const UPDATABLE = [
  'name', 'coreName', 'nameLocation', 'registeredOn', 'companyType', 'registeredCapital', 'registeredCapitalCurrency',
  'businessScope', 'industry', 'headcount', 'province', 'district', 'city', 'region', 'address', 'source',
] as const;
const COLUMN_NAMES: Record<(typeof UPDATABLE)[number], string> = {
  name: 'name', coreName: 'core_name', nameLocation: 'name_location', registeredOn: 'registered_on', companyType: 'company_type',
  registeredCapital: 'registered_capital', registeredCapitalCurrency: 'registered_capital_currency', businessScope: 'business_scope',
  industry: 'industry', headcount: 'headcount', province: 'province', district: 'district', city: 'city', region: 'region',
  address: 'address', source: 'source',
};

/**
 * Loads registry rows (cells by field, from a CSV or JSON) into the tenant's registry: a company
 * already there (same credit code, or same name when it has none) is updated, others are added.
 * Rows without a name are reported, not loaded. One audit entry records the load.
 */
export async function loadRegistry(ctx: RequestContext, rows: readonly Partial<Record<RegistryField, unknown>>[], source: string | null): Promise<RegistryLoadReport> {
  requireLevel(ctx, 'registry_companies', 'create');
  const report: RegistryLoadReport = { loadId: uuidv7(), received: rows.length, inserted: 0, updated: 0, rejected: 0, invalidCreditCodes: 0, errors: [] };
  const byCode = new Map<string, Columns>();
  const byName = new Map<string, Columns>();
  rows.forEach((row, i) => {
    const result = registryCompanyFrom(row);
    if (!result.ok) {
      report.rejected++;
      if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ row: i + 1, code: result.code });
      return;
    }
    if (result.invalidCreditCode) report.invalidCreditCodes++;
    const values = columns(ctx.tenantId, result.company, source);
    if (values.creditCode) byCode.set(values.creditCode, values);
    else byName.set(values.name, values);
  });
  await inTransaction(ctx, async (ctx) => {
    const exec = executor(ctx);
    const withCode = [...byCode.values()];
    for (let i = 0; i < withCode.length; i += CHUNK) {
      const result = await exec
        .insert(registryCompanies)
        .values(withCode.slice(i, i + CHUNK).map((v) => ({ ...v, id: uuidv7() })))
        .onConflictDoUpdate({
          target: [registryCompanies.tenantId, registryCompanies.creditCode],
          targetWhere: sql`credit_code IS NOT NULL`,
          set: {
            ...Object.fromEntries(UPDATABLE.map((k) => [k, sql.raw(`excluded.${COLUMN_NAMES[k]}`)])),
            version: sql`${registryCompanies.version} + 1`,
            updatedAt: new Date(),
          },
        })
        .returning({ inserted: sql<boolean>`(xmax = 0)` });
      for (const r of result) if (r.inserted) report.inserted++;
      else report.updated++;
    }
    const withoutCode = [...byName.values()];
    for (let i = 0; i < withoutCode.length; i += CHUNK) {
      const chunk = withoutCode.slice(i, i + CHUNK);
      const existing = await exec
        .select({ id: registryCompanies.id, name: registryCompanies.name })
        .from(registryCompanies)
        .where(and(eq(registryCompanies.tenantId, ctx.tenantId), isNull(registryCompanies.creditCode), inArray(registryCompanies.name, chunk.map((c) => c.name))));
      const idOf = new Map(existing.map((e) => [e.name, e.id]));
      const fresh = chunk.filter((c) => !idOf.has(c.name));
      if (fresh.length) await exec.insert(registryCompanies).values(fresh.map((v) => ({ ...v, id: uuidv7() })));
      report.inserted += fresh.length;
      for (const c of chunk.filter((x) => idOf.has(x.name))) {
        await exec
          .update(registryCompanies)
          .set({ ...Object.fromEntries(UPDATABLE.map((k) => [k, c[k]])), version: sql`${registryCompanies.version} + 1`, updatedAt: new Date() })
          .where(and(eq(registryCompanies.tenantId, ctx.tenantId), eq(registryCompanies.id, idOf.get(c.name)!)));
        report.updated++;
      }
    }
    const { loadId, errors: _errors, ...counts } = report;
    await appendAudit(ctx, {
      action: 'import',
      object: 'registry_companies',
      recordId: loadId,
      changes: { source: { before: null, after: source }, ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, { before: null, after: v }])) },
    });
  });
  return report;
}

/** Companies the tenant's registry holds. */
export async function registryCount(ctx: RequestContext): Promise<number> {
  requireLevel(ctx, 'registry_companies', 'read');
  const [row] = await executor(ctx)
    .select({ n: sql<number>`count(*)::int` })
    .from(registryCompanies)
    .where(eq(registryCompanies.tenantId, ctx.tenantId));
  return Number(row?.n ?? 0);
}

type RegistryRow = typeof registryCompanies.$inferSelect;

/** Name candidates per core name (see nameCandidates). */
const NAME_CANDIDATES = 20;

function toMatch(row: RegistryRow, matchedBy: EnrichmentMatch['matchedBy']): EnrichmentMatch {
  return {
    provider: 'registry',
    recordId: row.id,
    name: row.name,
    creditCode: row.creditCode,
    matchedBy,
    facts: {
      creditCode: row.creditCode,
      industry: row.industry,
      registeredCapital: moneyFromColumns(row.registeredCapital, row.registeredCapitalCurrency),
      headcount: row.headcount,
      province: row.province,
      city: row.city,
      region: row.region,
      address: row.address,
    },
  };
}

/** A query's credit code when it is a valid one, normalised. */
function validCreditCode(query: CompanyLookupQuery): string | null {
  const code = query.creditCode ? normalizeCreditCode(query.creditCode) : null;
  return code && isValidCreditCode(code) ? code : null;
}

/** The tenant's registry rows that meet `where`. */
function registryRows(ctx: RequestContext, where: SQL): Promise<RegistryRow[]> {
  return executor(ctx).select().from(registryCompanies).where(and(eq(registryCompanies.tenantId, ctx.tenantId), where));
}

/**
 * Name candidates of each core name: the same core name or a similar one (pg_trgm), the
 * NAME_CANDIDATES most similar of each — for all core names in two statements.
 */
async function nameCandidates(ctx: RequestContext, cores: readonly string[]): Promise<Map<string, RegistryRow[]>> {
  const byCore = new Map<string, RegistryRow[]>();
  if (cores.length === 0) return byCore;
  const pairs = await queryRows<{ core: string; id: string }>(
    executor(ctx),
    sql`SELECT c.core, r.id FROM unnest(${sql.param(cores)}::text[]) AS c(core)
        CROSS JOIN LATERAL (
          SELECT ${registryCompanies.id} AS id FROM ${registryCompanies}
          WHERE ${registryCompanies.tenantId} = ${ctx.tenantId} AND (${registryCompanies.coreName} = c.core OR ${registryCompanies.coreName} % c.core)
          ORDER BY similarity(${registryCompanies.coreName}, c.core) DESC, ${registryCompanies.id}
          LIMIT ${NAME_CANDIDATES}
        ) r`,
  );
  if (pairs.length === 0) return byCore;
  const rows = await registryRows(ctx, sql`${registryCompanies.id} = ANY(${sql.param([...new Set(pairs.map((p) => p.id))])}::uuid[])`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const { core, id } of pairs) byCore.set(core, [...(byCore.get(core) ?? []), byId.get(id)!]);
  return byCore;
}

/**
 * The built-in provider: the registry the tenant loaded. By credit code when the record has a
 * valid one; else by name — the same core name in an agreeing place, or a strong name match.
 * Reads only the caller's tenant; a batch of companies in at most three statements.
 */
export const registryProvider: EnrichmentProvider = {
  name: 'registry',
  async lookup(ctx: RequestContext, queries: readonly CompanyLookupQuery[]): Promise<(EnrichmentMatch | null)[]> {
    const codes = queries.map(validCreditCode);
    const wanted = [...new Set(codes.filter((c): c is string => c !== null))];
    const byCode = new Map(
      (wanted.length > 0 ? await registryRows(ctx, sql`${registryCompanies.creditCode} = ANY(${sql.param(wanted)}::text[])`) : []).map((r) => [r.creditCode, r]),
    );
    const matches = codes.map((code) => {
      const row = code ? byCode.get(code) : undefined;
      return row ? toMatch(row, 'credit_code') : null;
    });
    const named = queries.flatMap((query, i) => {
      const name = query.companyName?.trim();
      const core = name ? parseCompanyName(name).core : '';
      return !matches[i] && name && core ? [{ i, query, name, core }] : [];
    });
    const candidates = await nameCandidates(ctx, [...new Set(named.map((n) => n.core))]);
    for (const { i, query, name, core } of named) {
      const rows = candidates.get(core) ?? [];
      const match = pickCompanyMatch(
        { name, province: query.province, city: query.city, address: query.address },
        rows.map((r) => ({ id: r.id, name: r.name, province: r.province, city: r.city, district: r.district, address: r.address })),
      );
      const row = match ? rows.find((r) => r.id === match.id) : undefined;
      matches[i] = row && match ? toMatch(row, match.by) : null;
    }
    return matches;
  },
};
