import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Dropdown, Empty, List, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { agendaApi, type AppNotification } from '../api/agenda';
import { useMe } from '../auth/session-context';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { recordPath } from './record-paths';

const KEY = ['notifications'];

/** Where a notification leads: the record it is about (a task opens the task list). */
const targetOf = (n: AppNotification) =>
  n.object === 'activities' ? '/activities/tasks' : n.object === 'leads' && n.recordId ? `/leads/${n.recordId}` : n.object && n.recordId ? recordPath(n.object, n.recordId) : null;

/** The header's bell: unread reminders and alerts, newest first; opening one marks it read. */
export function NotificationBell() {
  const { t, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: KEY, queryFn: ({ signal }) => agendaApi.notifications(signal), refetchInterval: 60_000 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: KEY });

  const open = async (n: AppNotification) => {
    if (!n.readAt) await agendaApi.markRead(n.id).catch(() => undefined);
    void refresh();
    const target = targetOf(n);
    if (target) void navigate(target);
  };

  const panel = (
    <div className="l2c-notifications" data-testid="notifications-panel">
      <List<AppNotification>
        size="small"
        header={
          <div className="l2c-notifications-header">
            <Typography.Text strong>{t('notifications.title')}</Typography.Text>
            {list.data?.unreadCount ? (
              <Button type="link" size="small" onClick={() => void agendaApi.markAllRead().then(refresh)} data-testid="notifications-read-all">
                {t('notifications.readAll')}
              </Button>
            ) : null}
          </div>
        }
        dataSource={list.data?.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} /> }}
        renderItem={(n) => (
          <List.Item onClick={() => void open(n)} className={n.readAt ? undefined : 'l2c-notification-unread'} data-testid="notification-item">
            <List.Item.Meta title={n.title} description={formatDateTime(n.createdAt, locale, me.tenant.timezone)} />
          </List.Item>
        )}
      />
    </div>
  );

  return (
    <Dropdown popupRender={() => panel} trigger={['click']} placement="bottomRight">
      <Button type="text" aria-label={t('notifications.title')} data-testid="notifications-bell">
        <Badge count={list.data?.unreadCount ?? 0} size="small">
          <BellOutlined />
        </Badge>
      </Button>
    </Dropdown>
  );
}
