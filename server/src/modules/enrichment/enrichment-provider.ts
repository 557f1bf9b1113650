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
 * match wins. A provider answers many companies at once (a batch of new leads), one answer per
 * query in the queries' order; one that can only ask one at a time loops.
 */
export interface EnrichmentProvider {
  readonly name: string;
  lookup(ctx: RequestContext, queries: readonly CompanyLookupQuery[]): Promise<(EnrichmentMatch | null)[]>;
}

const providers: EnrichmentProvider[] = [];

export function registerEnrichmentProvider(provider: EnrichmentProvider) {
  if (providers.some((p) => p.name === provider.name)) throw new Error(`Enrichment provider ${provider.name} is already registered`);
  providers.push(provider);
}

export const enrichmentProviders = (): readonly EnrichmentProvider[] => providers;

/** The first provider's match for each company (null where none matched), in the queries' order. */
export async function lookupCompanies(ctx: RequestContext, queries: readonly CompanyLookupQuery[]): Promise<(EnrichmentMatch | null)[]> {
  const matches: (EnrichmentMatch | null)[] = queries.map(() => null);
  for (const provider of providers) {
    const open = queries.flatMap((_, i) => (matches[i] ? [] : [i]));
    if (open.length === 0) break;
    const found = await provider.lookup(ctx, open.map((i) => queries[i]));
    open.forEach((i, k) => (matches[i] = found[k]));
  }
  return matches;
}
