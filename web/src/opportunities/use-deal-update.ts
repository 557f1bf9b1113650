import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { opportunitiesApi, type Opportunity, type OpportunityInput } from '../api/opportunities';
import { queryKeys } from '../api/query-keys';
import { useI18n } from '../i18n/i18n-context';
import { useErrorFeedback } from '../shared/use-error-feedback';

/**
 * Saves a change of the deal (with the version shown) or runs one of its actions, puts the answer
 * in the cache and refreshes everything under the deal (gate, history) and the lists. Failures are
 * shown and rethrown, so a form can keep its values.
 */
export function useDealUpdate(deal: Opportunity) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useI18n();
  const showError = useErrorFeedback();

  const apply = useCallback(
    async (call: () => Promise<Opportunity>, done = t('deal.saved')) => {
      try {
        const saved = await call();
        queryClient.setQueryData(queryKeys.detail('opportunities', saved.id), saved);
        void queryClient.invalidateQueries({ queryKey: queryKeys.all('opportunities') });
        void message.success(done);
        return saved;
      } catch (error) {
        showError(error, t('error.saveFailed'));
        throw error;
      }
    },
    [queryClient, message, t, showError],
  );

  const update = useCallback(
    (patch: Partial<OpportunityInput>) => apply(() => opportunitiesApi.update(deal.id, { ...patch, version: deal.version })),
    [apply, deal.id, deal.version],
  );

  return { update, apply };
}
