import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readListState, writeListState, type ListState } from './list-state';
import type { SortState } from './sort-param';

export interface ListStateControls extends ListState {
  setQ: (q: string) => void;
  setSort: (sort: SortState | null) => void;
  setFilter: (key: string, value: string | undefined) => void;
  /** Sets several filters in one URL change (a saved view); keys left out keep their values. */
  setFilters: (values: Record<string, string | undefined>) => void;
  reset: () => void;
  /** Number of field filters in use. */
  activeFilterCount: number;
}

/**
 * List filters, search and sort live in the URL, so the back button and shared links keep them.
 * `filterKeys` and `defaultSort` must be stable (module constants).
 */
export function useListState(filterKeys: readonly string[], defaultSort: SortState | null): ListStateControls {
  const [search, setSearch] = useSearchParams();
  const state = useMemo(() => readListState(search, filterKeys, defaultSort), [search, filterKeys, defaultSort]);

  // Each change is applied to the URL as it is at that moment, so a late debounced search never undoes a filter.
  const patch = useCallback(
    (change: (current: ListState) => ListState) =>
      setSearch(
        (current) => writeListState(current, change(readListState(current, filterKeys, defaultSort)), filterKeys, defaultSort),
        { replace: true },
      ),
    [setSearch, filterKeys, defaultSort],
  );

  return {
    ...state,
    activeFilterCount: Object.values(state.filter).filter(Boolean).length,
    setQ: (q) => patch((current) => ({ ...current, q })),
    setSort: (sort) => patch((current) => ({ ...current, sort })),
    setFilter: (key, value) => patch((current) => ({ ...current, filter: { ...current.filter, [key]: value ?? '' } })),
    setFilters: (values) =>
      patch((current) => ({
        ...current,
        filter: { ...current.filter, ...Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value ?? ''])) },
      })),
    reset: () => patch(() => ({ q: '', sort: defaultSort, filter: {} })),
  };
}
