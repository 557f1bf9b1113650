import type { ReactNode } from 'react';
import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import {
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  BankOutlined,
  CalendarOutlined,
  ContactsOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FundOutlined,
  KeyOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
  UserOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n-context';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { NAV_ITEMS, flattenNav, navSelection, visibleNav, type NavItem } from './nav-items';

const ICONS: Record<string, ReactNode> = {
  dashboard: <DashboardOutlined />,
  leads: <UserAddOutlined />,
  campaigns: <NotificationOutlined />,
  accounts: <BankOutlined />,
  contacts: <ContactsOutlined />,
  opportunities: <FundOutlined />,
  activities: <CalendarOutlined />,
  quotes: <FileTextOutlined />,
  orders: <ShoppingCartOutlined />,
  analytics: <BarChartOutlined />,
  settings: <SettingOutlined />,
  'settings-users': <UserOutlined />,
  'settings-teams': <TeamOutlined />,
  'settings-roles': <SafetyCertificateOutlined />,
  'settings-api-keys': <KeyOutlined />,
  'settings-webhooks': <ApiOutlined />,
  'settings-audit': <AuditOutlined />,
};

type MenuItem = Required<MenuProps>['items'][number];

interface NavMenuProps {
  /** Called after a navigation, e.g. to close the phone drawer. */
  onNavigate?: () => void;
  collapsed?: boolean;
}

/** The main navigation; every module of Lead2Cash has an entry, `nav-<key>` test ids. */
export function NavMenu({ onNavigate, collapsed }: NavMenuProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const selection = navSelection(location.pathname);
  const items = visibleNav(NAV_ITEMS, (object, action) => can(me.permissions, object, action));

  const toMenuItem = (item: NavItem): MenuItem => {
    const label = <span data-testid={`nav-${item.key}`}>{t(item.labelKey)}</span>;
    if (item.children) {
      return { key: item.key, icon: ICONS[item.key], label, children: item.children.map(toMenuItem) };
    }
    return { key: item.key, icon: ICONS[item.key], label };
  };

  const handleClick: MenuProps['onClick'] = ({ key }) => {
    const item = flattenNav().find((candidate) => candidate.key === key);
    if (item) void navigate(item.path);
    onNavigate?.();
  };

  return (
    <Menu
      mode="inline"
      theme="dark"
      items={items.map(toMenuItem)}
      selectedKeys={selection.selected ? [selection.selected] : []}
      defaultOpenKeys={collapsed ? [] : selection.open}
      onClick={handleClick}
      data-testid="nav-menu"
    />
  );
}
