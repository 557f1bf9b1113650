import { Avatar, Dropdown, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { authApi } from '../api/resources';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { useIsPhone } from '../shared/use-is-phone';

export function UserMenu() {
  const me = useMe();
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const signOut = async () => {
    try {
      await authApi.logout();
    } finally {
      queryClient.setQueryData(queryKeys.me(), null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
      void navigate('/login', { replace: true });
    }
  };

  const items: MenuProps['items'] = [
    {
      key: 'profile',
      disabled: true,
      label: (
        <div className="l2c-user-card" data-testid="user-menu-profile">
          <Typography.Text strong>{me.user.name}</Typography.Text>
          <Typography.Text type="secondary">{me.user.email}</Typography.Text>
          <Typography.Text type="secondary">{me.tenant.name}</Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: <span data-testid="logout">{t('header.signOut')}</span>,
      onClick: () => void signOut(),
    },
  ];

  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <button type="button" className="l2c-user-button" data-testid="user-menu" aria-label={t('header.userMenu')}>
        <Avatar size="small" className="l2c-avatar" icon={me.user.name ? undefined : <UserOutlined />}>
          {me.user.name.slice(0, 1).toUpperCase()}
        </Avatar>
        {isPhone ? null : <span className="l2c-user-name">{me.user.name}</span>}
      </button>
    </Dropdown>
  );
}
