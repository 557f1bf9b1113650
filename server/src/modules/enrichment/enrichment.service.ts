import { type RequestContext } from '../../platform/access/context.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import { UUID_RE } from '../../platform/db/ids.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { ApiRecord } from '../../platform/records/record-store.js';
import { accountStore } from '../customers/accounts.service.js';
import { fillUntypedLeadFields } from '../leads/lead-data-quality.service.js';
import { leadStore } from '../leads/leads.service.js';
import { lookupCompanies, registerEnrichmentProvider, type CompanyFacts, type EnrichmentMatch } from './enrichment-provider.js';
import './enrichment.messages.js';
import { registryProvider } from './registry.service.js';

registerEnrichmentProvider(registryProvider);

/** Where filled values come from, in a lead's field sources. */
export const REGISTRY_SOURCE = 'registry';

export interface EnrichmentResult {
  object: 'leads' | 'accounts';
  recordId: string;
  /** The registry record the values come from; null when no company matched surely enough. */
  match: Omit<EnrichmentMatch, 'facts'> | null;
  /** The fields written, with their new values. */
  filled: Record<string, unknown>;
  /** Fields the registry knows that the record keeps as they are (typed by a person, or already set). */
  kept: string[];
  record: ApiRecord;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

function knownFacts(facts: CompanyFacts): Record<string, unknown> {
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => !isEmpty(v)));
}

function matchView(match: EnrichmentMatch): Omit<EnrichmentMatch, 'facts'> {
  const { facts: _facts, ...rest } = match;
  return rest;
}

export interface EnrichOptions {
  /** For the automatic job: a record without a company is skipped instead of refused. */
  quiet?: boolean;
}

/**
 * Fills a lead's company background from the registry (M2L-3, PLT-7): industry, registered
 * capital, headcount, province, city, sales region, address and the credit code — only in fields
 * nobody typed (see `fillUntypedLeadFields`), each marked `{ source: 'registry', at }`.
 */
export async function enrichLead(ctx: RequestContext, id: string, opts: EnrichOptions = {}): Promise<EnrichmentResult> {
  const [result] = await enrichLeads(ctx, [id], opts);
  if (!result) throw notFound();
  return result;
}

/**
 * enrichLead for many leads (the new leads of an import) in a few statements: one read of the
 * leads, one registry lookup for all their companies, one batch write of the filled fields (an
 * audit entry and a `leads.updated` event per lead changed, as one by one). Leads deleted or not
 * visible are left out; the others are returned in input order.
 */
export async function enrichLeads(ctx: RequestContext, ids: readonly string[], opts: EnrichOptions = {}): Promise<EnrichmentResult[]> {
  const wanted = [...new Set(ids)].filter((id) => UUID_RE.test(id));
  const byId = new Map((await leadStore.getMany(ctx, wanted)).map((lead) => [lead.id, lead]));
  const leads = wanted.flatMap((id) => byId.get(id) ?? []);
  const withCompany = leads.filter((lead) => lead.company || lead.creditCode);
  if (!opts.quiet && withCompany.length < leads.length) throw new AppError(422, 'ENRICHMENT_NO_COMPANY');
  const found = await lookupCompanies(ctx, withCompany.map((lead) => ({
    creditCode: lead.creditCode, companyName: lead.company, province: lead.province, city: lead.city, address: lead.address,
  })));
  const matched = withCompany.flatMap((lead, i) => {
    const match = found[i];
    return match ? [{ lead, match, values: knownFacts(match.facts) }] : [];
  });
  const filled = new Map(
    (await fillUntypedLeadFields(ctx, matched.map(({ lead, values }) => ({ id: lead.id, values })), REGISTRY_SOURCE)).map((f) => [f.lead.id, f]),
  );
  const matchOf = new Map(matched.map((m) => [m.lead.id, m]));
  return leads.flatMap((lead): EnrichmentResult[] => {
    const m = matchOf.get(lead.id);
    if (!m) return [{ object: 'leads', recordId: lead.id, match: null, filled: {}, kept: [], record: lead }];
    const f = filled.get(lead.id);
    // Deleted between the read and the write: nothing left to enrich.
    if (!f) return [];
    const written = Object.fromEntries(f.filled.map((field) => [field, m.values[field]]));
    const current = f.lead as unknown as Record<string, unknown>;
    const kept = Object.keys(m.values).filter((field) => !f.filled.includes(field) && JSON.stringify(current[field]) !== JSON.stringify(m.values[field]));
    return [{ object: 'leads', recordId: lead.id, match: matchView(m.match), filled: written, kept, record: f.lead }];
  });
}

const ACCOUNT_FACTS = ['creditCode', 'industry', 'registeredCapital', 'headcount', 'province', 'city', 'region', 'address'] as const;

/**
 * The same for an account. Accounts do not record where each value came from, so only empty
 * fields are filled; a credit code another account already has is left out.
 */
export async function enrichAccount(ctx: RequestContext, id: string): Promise<EnrichmentResult> {
  const account = await accountStore.get(ctx, id);
  const [match] = await lookupCompanies(ctx, [{
    creditCode: account.creditCode, companyName: account.name, province: account.province, city: account.city, address: account.address,
  }]);
  if (!match) return { object: 'accounts', recordId: id, match: null, filled: {}, kept: [], record: account };
  const values = knownFacts(match.facts);
  const current = account as unknown as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const field of ACCOUNT_FACTS) if (!isEmpty(values[field]) && isEmpty(current[field])) patch[field] = values[field];
  if (patch.creditCode) {
    const twin = await accountStore.list({ ...systemContext(ctx.db, ctx.tenantId), tx: ctx.tx }, { filters: { creditCode: String(patch.creditCode) }, limit: 1 });
    if (twin.data.length > 0) delete patch.creditCode;
  }
  const after = Object.keys(patch).length > 0 ? await accountStore.update(ctx, id, patch, account.version) : account;
  const kept = Object.keys(values).filter((f) => !(f in patch) && JSON.stringify(current[f]) !== JSON.stringify(values[f]));
  return { object: 'accounts', recordId: id, match: matchView(match), filled: patch, kept, record: after };
}
