import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { ScheduleOutlined } from '@ant-design/icons';
import { queryKeys } from '../api/query-keys';
import { activitiesApi } from '../api/resources';
import { useCan, useMe } from '../auth/session-context';
import { ActivityForm } from '../activities/ActivityForm';
import { ActivityTypeIcon } from '../activities/ActivityTypeIcon';
import { useActivityLabels } from '../activities/use-activity-labels';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';

/** Visits, calls, meetings and tasks linked to the deal, newest first. */
export function DealActivities({ dealId, accountId }: { dealId: string; accountId: string }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const labels = useActivityLabels();
  const canLog = useCan('activities', 'create');
  const [logging, setLogging] = useState(false);
  const params = { limit: 100, sort: '-createdAt', filter: { opportunityId: dealId } };
  const activities = useQuery({ queryKey: queryKeys.list('activities', params), queryFn: ({ signal }) => activitiesApi.list(params, signal) });
  const empty = !activities.isPending && (activities.data?.data.length ?? 0) === 0;
  return (
    <div>
      {canLog ? (
        <Button icon={<ScheduleOutlined />} onClick={() => setLogging(true)} data-testid="deal-log-activity">
          {t('deal.activities.log')}
        </Button>
      ) : null}
      {empty ? (
        <Empty description={t('deal.activities.empty')} />
      ) : (
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
      )}
      <ActivityForm open={logging} accountId={accountId} opportunityId={dealId} onClose={() => setLogging(false)} />
    </div>
  );
}
