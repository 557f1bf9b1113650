import { type RequestContext } from '../../platform/access/context.js';
import { systemContext } from '../../platform/auth/context-loader.js';
import { AppError } from '../../platform/http/errors.js';
import type { ApiRecord } from '../../platform/records/record-store.js';
import { accountStore } from '../customers/accounts.service.js';
import { fillUntypedLeadFields } from '../leads/lead-data-quality.service.js';
import { leadStore } from '../leads/leads.service.js';
import { lookupCompany, registerEnrichmentProvider, type CompanyFacts, type EnrichmentMatch } from './enrichment-provider.js';
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
  const lead = await leadStore.get(ctx, id);
  const none = { object: 'leads' as const, recordId: id, match: null, filled: {}, kept: [], record: lead };
  if (!lead.company && !lead.creditCode) {
    if (opts.quiet) return none;
    throw new AppError(422, 'ENRICHMENT_NO_COMPANY');
  }
  const match = await lookupCompany(ctx, {
    creditCode: lead.creditCode, companyName: lead.company, province: lead.province, city: lead.city, address: lead.address,
  });
  if (!match) return none;
  const values = knownFacts(match.facts);
  const { lead: after, filled } = await fillUntypedLeadFields(ctx, id, values, REGISTRY_SOURCE);
  const written = Object.fromEntries(filled.map((f) => [f, values[f]]));
  const current = after as unknown as Record<string, unknown>;
  const kept = Object.keys(values).filter((f) => !filled.includes(f) && JSON.stringify(current[f]) !== JSON.stringify(values[f]));
  return { object: 'leads', recordId: id, match: matchView(match), filled: written, kept, record: after };
}

const ACCOUNT_FACTS = ['creditCode', 'industry', 'registeredCapital', 'headcount', 'province', 'city', 'region', 'address'] as const;

/**
 * The same for an account. Accounts do not record where each value came from, so only empty
 * fields are filled; a credit code another account already has is left out.
 */
export async function enrichAccount(ctx: RequestContext, id: string): Promise<EnrichmentResult> {
  const account = await accountStore.get(ctx, id);
  const match = await lookupCompany(ctx, {
    creditCode: account.creditCode, companyName: account.name, province: account.province, city: account.city, address: account.address,
  });
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
