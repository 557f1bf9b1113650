import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { meApi } from '../api/resources';
import type { Locale, Me } from '../api/types';
import { useI18n } from './i18n-context';

/**
 * Switches the UI language: remembered in localStorage, saved to the profile when signed in
 * (PATCH /me), and data refetched so that server-made texts come back in the new language.
 */
export function useChangeLocale(): (locale: Locale) => void {
  const { setLocale } = useI18n();
  const queryClient = useQueryClient();
  return useCallback(
    (locale: Locale) => {
      setLocale(locale);
      const me = queryClient.getQueryData<Me | null>(queryKeys.me());
      if (!me) return;
      const updated: Me = { ...me, user: { ...me.user, locale } };
      queryClient.setQueryData(queryKeys.me(), updated);
      // A failed save only loses the preference on the server; the UI has switched already.
      meApi
        .updateLocale(locale)
        .then((session) => queryClient.setQueryData(queryKeys.me(), session))
        .catch(() => undefined)
        .finally(() => void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'me' }));
    },
    [setLocale, queryClient],
  );
}
