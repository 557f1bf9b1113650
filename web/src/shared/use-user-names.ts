import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { usersApi } from '../api/resources';

const PARAMS = { limit: 200 } as const;

/** Names of the tenant's users by id, to show "owner: 李明" instead of an id in change lists. */
export function useUserNames(): ReadonlyMap<string, string> {
  const users = useQuery({
    queryKey: queryKeys.list('users', PARAMS),
    queryFn: ({ signal }) => usersApi.list(PARAMS, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return useMemo(() => new Map((users.data?.data ?? []).map((user) => [user.id, user.name])), [users.data]);
}
