import { useMemo } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { accountsApi } from '../api/resources';

/** The account's timeline, 50 entries at a time, older pages appended by `loadMore`. */
export function useAccountTimeline(accountId: string) {
  const query = useInfiniteQuery({
    queryKey: queryKeys.accountTimeline(accountId),
    queryFn: ({ pageParam, signal }) => accountsApi.timeline(accountId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const entries = useMemo(() => query.data?.pages.flatMap((page) => page.data) ?? [], [query.data]);
  return { ...query, entries };
}
