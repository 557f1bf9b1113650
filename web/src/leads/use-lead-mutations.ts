import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useMemo } from 'react';
import { leadRecordsApi, type LeadRecord, type SimpleLeadAction } from '../api/leads';
import { queryKeys } from '../api/query-keys';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { useLeadLabels } from './use-lead-labels';

const DONE: Partial<Record<SimpleLeadAction, MessageKey>> = {
  accept: 'lead.done.accept',
  reject: 'lead.done.reject',
  'return-to-nurture': 'lead.done.return-to-nurture',
  disqualify: 'lead.done.disqualify',
};

/**
 * Lifecycle actions, assignment and routing with one feedback style: a short success message,
 * the server's error in a notification, and every lead list and page refreshed.
 */
export function useLeadMutations() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useI18n();
  const showError = useErrorFeedback();
  const labels = useLeadLabels();

  const refresh = useCallback(
    (lead?: LeadRecord) => {
      if (lead) queryClient.setQueryData(queryKeys.detail('leads', lead.id), lead);
      void queryClient.invalidateQueries({ queryKey: queryKeys.all('leads') });
    },
    [queryClient],
  );

  return useMemo(() => {
    const run = async <T>(call: () => Promise<T>, done: string, pick: (r: T) => LeadRecord): Promise<T> => {
      try {
        const result = await call();
        refresh(pick(result));
        if (done) void message.success(done);
        return result;
      } catch (error) {
        showError(error, t('error.saveFailed'));
        throw error;
      }
    };
    return {
      act: (id: string, action: SimpleLeadAction, reason?: string) =>
        run(() => leadRecordsApi.act(id, action, reason), t(DONE[action] ?? 'lead.done.other'), (l) => l),
      assign: (id: string, target: { ownerId?: string | null; teamId?: string | null }) =>
        run(() => leadRecordsApi.assign(id, target), t('leadAssign.done'), (l) => l),
      /** Runs the rules now and says where the lead went, or why it stayed in the queue. */
      route: async (id: string) => {
        const result = await run(() => leadRecordsApi.route(id), '', (r) => r.lead);
        if (result.outcome === 'assigned') void message.success(t('routingQueue.routedTo', { name: result.lead.ownerName ?? '' }));
        else void message.warning(t('routingQueue.stillQueued', { reason: labels.routeReason(result.reason, result.ruleName) }));
        return result;
      },
    };
  }, [labels, message, refresh, showError, t]);
}
