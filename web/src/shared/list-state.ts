import { parseSortParam, toSortParam, type SortState } from './sort-param';

/** The state of a list page as kept in the URL: `?q=…&sort=-createdAt&industry=…`. */
export interface ListState {
  q: string;
  sort: SortState | null;
  filter: Record<string, string>;
}

export function readListState(
  search: URLSearchParams,
  filterKeys: readonly string[],
  defaultSort: SortState | null,
): ListState {
  const filter: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = search.get(key);
    if (value) filter[key] = value;
  }
  const sortParam = search.get('sort');
  return { q: search.get('q') ?? '', sort: sortParam ? parseSortParam(sortParam) : defaultSort, filter };
}

/** Writes the list state back, leaving unrelated parameters alone and dropping empty values. */
export function writeListState(
  current: URLSearchParams,
  state: ListState,
  filterKeys: readonly string[],
  defaultSort: SortState | null,
): URLSearchParams {
  const next = new URLSearchParams(current);
  if (state.q.trim()) next.set('q', state.q);
  else next.delete('q');
  const isDefaultSort =
    state.sort?.field === defaultSort?.field && state.sort?.order === defaultSort?.order;
  // No sort, or the default one, keeps the URL short; reading it back yields the default.
  if (state.sort && !isDefaultSort) next.set('sort', toSortParam(state.sort) ?? '');
  else next.delete('sort');
  for (const key of filterKeys) {
    const value = state.filter[key];
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}
