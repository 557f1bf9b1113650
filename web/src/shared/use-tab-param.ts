import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The open tab of a record page, kept in the URL (`?tab=…`) so that a link or the back button restores it. */
export function useTabParam<T extends string>(tabs: readonly T[], fallback: T): [T, (tab: string) => void] {
  const [search, setSearch] = useSearchParams();
  const param = search.get('tab');
  const tab = param !== null && (tabs as readonly string[]).includes(param) ? (param as T) : fallback;
  const setTab = useCallback(
    (key: string) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('tab', key);
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
  return [tab, setTab];
}
