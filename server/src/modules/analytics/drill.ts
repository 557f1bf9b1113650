import { rangeOf, type Scope } from './analytics-scope.js';

/**
 * Where the records behind a figure are listed: an API path and the query to send to it. Every
 * analytics figure carries one, so a dashboard can open the records without knowing the rules.
 */
export interface DrillLink {
  path: string;
  query: Record<string, string>;
}

type Query = Record<string, string | number | null | undefined>;

/** A drill link; later query objects override earlier ones, except where they leave a parameter undefined. */
export function drillLink(path: string, ...queries: Query[]): DrillLink {
  const clean: Record<string, string> = {};
  for (const query of queries) {
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') clean[key] = String(value);
  }
  return { path: path.startsWith('/api/') ? path : `/api/v1/${path}`, query: clean };
}

/** The scope's days (last day inclusive), currency and filters, as query parameters of another analytics call. */
export function scopeParams(scope: Scope): Record<string, string | undefined> {
  const { from, to, currency } = rangeOf(scope);
  const f = scope.filters;
  return { from, to, currency, teamId: f.teamId, ownerId: f.ownerId, region: f.region, productLineId: f.productLineId, source: f.source };
}
