/** The query of every list endpoint: cursor paging, one sort key, text search and field filters. */
export interface ListParams {
  limit?: number;
  cursor?: string;
  /** `name` ascending, `-createdAt` descending. */
  sort?: string;
  q?: string;
  filter?: Record<string, string | undefined>;
}

export const DEFAULT_PAGE_SIZE = 50;

/** Builds `limit=50&cursor=…&sort=-createdAt&q=…&filter[field]=value`, leaving out empty values. */
export function buildListQuery(params: ListParams): string {
  const search = new URLSearchParams();
  if (params.limit !== undefined) search.set('limit', String(params.limit));
  if (params.cursor) search.set('cursor', params.cursor);
  if (params.sort) search.set('sort', params.sort);
  const q = params.q?.trim();
  if (q) search.set('q', q);
  const filter = params.filter ?? {};
  for (const key of Object.keys(filter).sort()) {
    const value = filter[key]?.trim();
    if (value) search.set(`filter[${key}]`, value);
  }
  return search.toString();
}

/** Drops empty filter values so that equal lists share one react-query cache entry. */
export function normalizeListParams(params: ListParams): ListParams {
  const filter: Record<string, string> = {};
  for (const [key, value] of Object.entries(params.filter ?? {})) {
    const trimmed = value?.trim();
    if (trimmed) filter[key] = trimmed;
  }
  const q = params.q?.trim();
  return {
    ...(params.limit !== undefined ? { limit: params.limit } : {}),
    ...(params.sort ? { sort: params.sort } : {}),
    ...(q ? { q } : {}),
    ...(Object.keys(filter).length > 0 ? { filter } : {}),
  };
}
