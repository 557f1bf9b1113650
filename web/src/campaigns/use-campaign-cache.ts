import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import type { Campaign } from '../api/types';

/** Keeps the campaign caches right after a change: the record, its summary, its lists, every list. */
export function useCampaignCache() {
  const queryClient = useQueryClient();
  return useCallback(
    (campaignId: string, saved?: Campaign) => {
      if (saved) queryClient.setQueryData(queryKeys.detail('campaigns', campaignId), saved);
      else void queryClient.invalidateQueries({ queryKey: queryKeys.detail('campaigns', campaignId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.campaignSummary(campaignId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.lists('campaigns') });
      void queryClient.invalidateQueries({ queryKey: queryKeys.all('campaign-members') });
      void queryClient.invalidateQueries({ queryKey: queryKeys.all('campaign-costs') });
    },
    [queryClient],
  );
}
