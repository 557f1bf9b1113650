import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { contactsApi } from '../api/resources';

/** The contacts of an account (a buying committee is small: the first 200). */
export function useAccountContacts(accountId: string | null | undefined) {
  const params = { limit: 200, filter: { accountId: accountId ?? undefined } };
  return useQuery({
    queryKey: queryKeys.list('contacts', params),
    queryFn: ({ signal }) => contactsApi.list(params, signal),
    enabled: !!accountId,
    select: (page) => page.data,
  });
}
