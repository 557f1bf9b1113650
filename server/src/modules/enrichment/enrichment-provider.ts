import type { RequestContext } from '../../platform/access/context.js';
import type { Money } from '../../platform/normalize/money.js';

/** What to look a company up by: its credit code when known, else its name and where it is. */
export interface CompanyLookupQuery {
  creditCode?: string | null;
  companyName?: string | null;
  province?: string | null;
  city?: string | null;
  address?: string | null;
}

/** Facts a provider knows about a company, named as the fields of leads and accounts. */
export interface CompanyFacts {
  creditCode?: string | null;
  industry?: string | null;
  registeredCapital?: Money | null;
  headcount?: number | null;
  province?: string | null;
  city?: string | null;
  region?: string | null;
  address?: string | null;
}

export interface EnrichmentMatch {
  /** The provider's name. */
  provider: string;
  /** The provider's record of the company ("which registry record"). */
  recordId: string;
  name: string;
  creditCode: string | null;
  matchedBy: 'credit_code' | 'name_location' | 'name';
  facts: CompanyFacts;
}

/**
 * A source of company background (工商信息): the built-in tenant registry, or a commercial API a
 * deployment adds with `registerEnrichmentProvider`. Providers are asked in order; the first
 * match wins.
 */
export interface EnrichmentProvider {
  readonly name: string;
  lookup(ctx: RequestContext, query: CompanyLookupQuery): Promise<EnrichmentMatch | null>;
}

const providers: EnrichmentProvider[] = [];

export function registerEnrichmentProvider(provider: EnrichmentProvider) {
  if (providers.some((p) => p.name === provider.name)) throw new Error(`Enrichment provider ${provider.name} is already registered`);
  providers.push(provider);
}

export const enrichmentProviders = (): readonly EnrichmentProvider[] => providers;

/** The first provider's match for the company, or null. */
export async function lookupCompany(ctx: RequestContext, query: CompanyLookupQuery): Promise<EnrichmentMatch | null> {
  for (const provider of providers) {
    const match = await provider.lookup(ctx, query);
    if (match) return match;
  }
  return null;
}
