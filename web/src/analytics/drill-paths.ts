import type { ForecastGroup } from '../api/analytics';

/** The deal list's URL filters (opportunities/pipeline-filter.ts): the records behind a figure. */
export interface DealListFilter {
  ownerId?: string;
  /** A team and the teams below it. */
  team?: string;
  status?: 'open' | 'won' | 'lost';
  closeFrom?: string;
  closeTo?: string;
}

export function dealListPath(filter: DealListFilter): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `/opportunities?${query}` : '/opportunities';
}

/**
 * The open deals a forecast row counts, as a deal-list link: by owner or team (the list has no
 * region or product-line filter, so those rows do not link); null when the row has no key.
 */
export function forecastRowDeals(groupBy: ForecastGroup, key: string | null, range: { from: string; to: string }): string | null {
  if (!key || (groupBy !== 'owner' && groupBy !== 'team')) return null;
  return dealListPath({ [groupBy === 'owner' ? 'ownerId' : 'team']: key, status: 'open', closeFrom: range.from, closeTo: range.to });
}
