import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../api/api-error';
import { queryKeys } from '../api/query-keys';
import { meApi } from '../api/resources';
import type { Me } from '../api/types';

/** GET /me; a 401 means "signed out" and yields null rather than an error. */
export function useSessionQuery() {
  return useQuery<Me | null>({
    queryKey: queryKeys.me(),
    queryFn: async ({ signal }) => {
      try {
        return await meApi.get(signal);
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}
