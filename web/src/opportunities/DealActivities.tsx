import { useQuery } from '@tanstack/react-query';
import { Empty, List, Space, Tag, Typography } from 'antd';
import { queryKeys } from '../api/query-keys';
import { activitiesApi } from '../api/resources';
import { useMe } from '../auth/session-context';
import { ActivityTypeIcon } from '../activities/ActivityTypeIcon';
import { useActivityLabels } from '../activities/use-activity-labels';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';

/** Visits, calls, meetings and tasks linked to the deal, newest first. */
export function DealActivities({ dealId }: { dealId: string }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const labels = useActivityLabels();
  const params = { limit: 100, sort: '-createdAt', filter: { opportunityId: dealId } };
  const activities = useQuery({ queryKey: queryKeys.list('activities', params), queryFn: ({ signal }) => activitiesApi.list(params, signal) });
  if (!activities.isPending && (activities.data?.data.length ?? 0) === 0) return <Empty description={t('deal.activities.empty')} />;
  return (
    <List
      loading={activities.isPending}
      dataSource={activities.data?.data}
      data-testid="deal-activities"
      renderItem={(a) => (
        <List.Item>
          <Space direction="vertical" size={0}>
            <Space wrap>
              <ActivityTypeIcon visual={a.type} />
              <Typography.Text strong>{a.subject}</Typography.Text>
              <Tag>{labels.status(a.status)}</Tag>
            </Space>
            <Typography.Text type="secondary">
              {formatDateTime(a.startAt ?? a.dueAt ?? a.createdAt, locale, me.tenant.timezone)} · {a.ownerName ?? ''}
            </Typography.Text>
            {a.outcome ? <Typography.Text>{a.outcome}</Typography.Text> : null}
          </Space>
        </List.Item>
      )}
    />
  );
}
