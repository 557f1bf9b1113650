import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Segmented, Space, Table, Tag } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { agendaApi, type TaskView } from '../api/agenda';
import { activitiesApi } from '../api/resources';
import type { Activity } from '../api/types';
import { accessLevel } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { UserSelect } from '../shared/UserSelect';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { useActivityLabels } from './use-activity-labels';

/** Open tasks (any planned activity with a due time), soonest due first, or only the overdue ones. */
export function TaskList() {
  const { t, locale } = useI18n();
  const me = useMe();
  const labels = useActivityLabels();
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const [view, setView] = useState<TaskView>('open');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const params = { view, ownerId: ownerId ?? undefined, cursor };
  const tasks = useQuery({ queryKey: ['activities', 'tasks', params], queryFn: ({ signal }) => agendaApi.tasks(params, signal) });
  const now = Date.now();

  const complete = async (task: Activity) => {
    try {
      await activitiesApi.update(task.id, { status: 'done', version: task.version });
      await queryClient.invalidateQueries({ queryKey: ['activities'] });
    } catch (error) {
      showError(error);
    }
  };

  return (
    <div data-testid="task-list-page">
      <PageHeader
        backTo="/activities"
        title={t('tasks.title')}
        actions={
          <Space wrap>
            <Segmented<TaskView>
              value={view}
              onChange={(value) => { setView(value); setCursor(undefined); }}
              options={[{ value: 'open', label: t('tasks.open') }, { value: 'overdue', label: t('tasks.overdue') }]}
              data-testid="task-view"
            />
            {accessLevel(me.permissions, 'activities', 'read') !== 'own' ? (
              <UserSelect value={ownerId} onChange={(value) => { setOwnerId(value); setCursor(undefined); }} allowClear placeholder={t('visitPlan.allReps')} testId="task-owner" />
            ) : null}
          </Space>
        }
      />
      {tasks.isError ? <QueryErrorResult error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
      <Card size="small">
        <Table<Activity>
          rowKey="id"
          size="small"
          pagination={false}
          loading={tasks.isPending}
          dataSource={tasks.data?.data ?? []}
          data-testid="task-list"
          scroll={{ x: true }}
          locale={{ emptyText: t(view === 'overdue' ? 'tasks.noneOverdue' : 'tasks.none') }}
          columns={[
            {
              key: 'due',
              title: t('activity.dueAt'),
              render: (_, task) => (
                <Space size={4}>
                  {formatDateTime(task.dueAt, locale, me.tenant.timezone)}
                  {task.dueAt && Date.parse(task.dueAt) < now ? <Tag color="red">{t('tasks.overdueTag')}</Tag> : null}
                </Space>
              ),
            },
            { key: 'type', title: t('activity.type'), render: (_, task) => labels.type(task.type) },
            { key: 'subject', title: t('activity.subject'), dataIndex: 'subject' },
            {
              key: 'account',
              title: t('contact.account'),
              render: (_, task) => (task.accountId ? <Link to={`/accounts/${task.accountId}`}>{task.accountName ?? t('common.open')}</Link> : ''),
            },
            { key: 'reminder', title: t('activity.reminder'), render: (_, task) => formatDateTime(task.remindAt ?? null, locale, me.tenant.timezone) },
            { key: 'owner', title: t('common.owner'), dataIndex: 'ownerName' },
            {
              key: 'actions',
              title: '',
              render: (_, task) => (
                <Button size="small" icon={<CheckOutlined />} onClick={() => void complete(task)} data-testid={`task-done-${task.id}`}>
                  {t('tasks.markDone')}
                </Button>
              ),
            },
          ]}
        />
        {tasks.data?.nextCursor ? (
          <Button type="link" onClick={() => setCursor(tasks.data.nextCursor ?? undefined)} data-testid="task-next">
            {t('tasks.next')}
          </Button>
        ) : null}
      </Card>
    </div>
  );
}
