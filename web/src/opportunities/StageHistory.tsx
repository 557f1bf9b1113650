import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { opportunitiesApi, type StageHistoryEntry } from '../api/opportunities';
import { queryKeys } from '../api/query-keys';
import { useMe } from '../auth/session-context';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { stageDuration } from './pipeline-math';
import { useDealLabels } from './use-deal-labels';

/** Every stage the deal entered, when and by whom, and how long it stayed (velocity). */
export function StageHistory({ dealId }: { dealId: string }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const labels = useDealLabels();
  const history = useQuery({ queryKey: queryKeys.dealHistory(dealId), queryFn: ({ signal }) => opportunitiesApi.stageHistory(dealId, signal) });
  if (history.isError) return <QueryErrorResult error={history.error} onRetry={() => void history.refetch()} />;
  const tz = me.tenant.timezone;
  return (
    <Table<StageHistoryEntry>
      rowKey="id"
      size="small"
      loading={history.isPending}
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={history.data?.data}
      locale={{ emptyText: t('deal.history.empty') }}
      data-testid="deal-history"
      onRow={() => ({ 'data-testid': 'deal-history-row' }) as object}
      columns={[
        {
          key: 'stage',
          title: t('deal.history.stage'),
          render: (_v, h) => (
            <span>
              <Tag color={h.action === 'override' ? 'orange' : h.action === 'close' ? (h.status === 'won' ? 'green' : 'red') : 'default'}>{labels.historyAction(h.action)}</Tag>
              {h.toStageName}
              {h.overrideReason ? <Typography.Text type="secondary"> · {h.overrideReason}</Typography.Text> : null}
            </span>
          ),
        },
        { key: 'entered', title: t('deal.history.entered'), render: (_v, h) => formatDateTime(h.enteredAt, locale, tz) },
        { key: 'left', title: t('deal.history.left'), render: (_v, h) => (h.exitedAt ? formatDateTime(h.exitedAt, locale, tz) : t('deal.history.current')) },
        { key: 'duration', title: t('deal.history.duration'), render: (_v, h) => t('deal.history.durationValue', stageDuration(h.durationSeconds)) },
        { key: 'by', title: t('deal.history.by'), render: (_v, h) => h.actorName ?? '' },
      ]}
    />
  );
}
