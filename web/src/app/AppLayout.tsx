import { useState } from 'react';
import { Button, Drawer, Layout } from 'antd';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Link, Outlet } from 'react-router';
import { useI18n } from '../i18n/i18n-context';
import { readStorage, writeStorage } from '../shared/local-storage';
import { useIsPhone } from '../shared/use-is-phone';
import { GlobalSearch } from './GlobalSearch';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { NavMenu } from './NavMenu';
import { UserMenu } from './UserMenu';

const SIDER_STORAGE_KEY = 'l2c.sider.collapsed';

function Brand({ compact }: { compact: boolean }) {
  return (
    <Link to="/dashboard" className="l2c-brand" data-testid="brand">
      <span className="l2c-brand-mark">L2C</span>
      {compact ? null : <span className="l2c-brand-name">Lead2Cash</span>}
    </Link>
  );
}

/** The signed-in shell: a collapsible sider on desktop, a drawer menu on phones, and the header tools. */
export function AppLayout() {
  const isPhone = useIsPhone();
  const { t } = useI18n();
  const [collapsed, setCollapsed] = useState(() => readStorage(SIDER_STORAGE_KEY) === '1');
  const [drawerOpen, setDrawerOpen] = useState(false);

  const toggleCollapsed = () => {
    writeStorage(SIDER_STORAGE_KEY, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };

  return (
    <Layout className="l2c-shell">
      {isPhone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          closable={false}
          className="l2c-nav-drawer"
          styles={{ body: { padding: 0 } }}
          data-testid="nav-drawer"
        >
          <div className="l2c-nav-drawer-brand">
            <Brand compact={false} />
          </div>
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          trigger={null}
          width={224}
          className="l2c-sider"
          data-testid="sider"
        >
          <Brand compact={collapsed} />
          <NavMenu collapsed={collapsed} />
        </Layout.Sider>
      )}
      <Layout className="l2c-main">
        <Layout.Header className="l2c-header">
          {isPhone ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              onClick={() => setDrawerOpen(true)}
              aria-label={t('header.openMenu')}
              data-testid="nav-toggle"
            />
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={toggleCollapsed}
              aria-label={collapsed ? t('header.expandMenu') : t('header.collapseMenu')}
              data-testid="sider-toggle"
            />
          )}
          <div className="l2c-header-search">
            <GlobalSearch />
          </div>
          <div className="l2c-header-tools">
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu />
          </div>
        </Layout.Header>
        <Layout.Content className="l2c-content" data-testid="page-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
