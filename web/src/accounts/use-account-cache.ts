import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { accountsApi } from '../api/resources';
import type { Account } from '../api/types';

/** Keeps the account caches right after a change: the record itself, its timeline, and every list. */
export function useAccountCache() {
  const queryClient = useQueryClient();

  const saved = useCallback(
    (account: Account) => {
      queryClient.setQueryData(queryKeys.detail('accounts', account.id), account);
      void queryClient.invalidateQueries({ queryKey: queryKeys.lists('accounts') });
      void queryClient.invalidateQueries({ queryKey: queryKeys.accountTimeline(account.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.searchAll() });
    },
    [queryClient],
  );

  const reload = useCallback(
    (id: string) =>
      queryClient.fetchQuery({
        queryKey: queryKeys.detail('accounts', id),
        queryFn: ({ signal }) => accountsApi.get(id, signal),
        staleTime: 0,
      }),
    [queryClient],
  );

  return { saved, reload };
}
