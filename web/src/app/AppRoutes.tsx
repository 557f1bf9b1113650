import { lazy, Suspense, type ReactNode } from 'react';
import { Skeleton } from 'antd';
import { Navigate, Route, Routes } from 'react-router';
import { RequireAuth } from '../auth/RequireAuth';
import { SignInPage } from '../auth/SignInPage';
import { SignUpPage } from '../auth/SignUpPage';
import { AppLayout } from './AppLayout';
import { ComingSoon } from './ComingSoon';
import { flattenNav } from './nav-items';
import { NotFound } from './NotFound';

// Feature pages load on first visit, keeping the first download small.
const AccountList = lazy(() => import('../accounts/AccountList').then((m) => ({ default: m.AccountList })));
const AccountShow = lazy(() => import('../accounts/AccountShow').then((m) => ({ default: m.AccountShow })));
const ContactList = lazy(() => import('../contacts/ContactList').then((m) => ({ default: m.ContactList })));
const ContactShow = lazy(() => import('../contacts/ContactShow').then((m) => ({ default: m.ContactShow })));
const ActivityList = lazy(() => import('../activities/ActivityList').then((m) => ({ default: m.ActivityList })));
const UserList = lazy(() => import('../settings/UserList').then((m) => ({ default: m.UserList })));
const TeamTree = lazy(() => import('../settings/TeamTree').then((m) => ({ default: m.TeamTree })));
const RoleList = lazy(() => import('../settings/RoleList').then((m) => ({ default: m.RoleList })));
const ApiKeyList = lazy(() => import('../settings/ApiKeyList').then((m) => ({ default: m.ApiKeyList })));
const WebhookList = lazy(() => import('../settings/WebhookList').then((m) => ({ default: m.WebhookList })));
const AuditList = lazy(() => import('../settings/AuditList').then((m) => ({ default: m.AuditList })));

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>{children}</Suspense>;
}

/** Modules with a real page; every other menu entry gets the "coming soon" page. */
const BUILT = new Set([
  'accounts',
  'contacts',
  'activities',
  'settings',
  'settings-users',
  'settings-teams',
  'settings-roles',
  'settings-api-keys',
  'settings-webhooks',
  'settings-audit',
]);

export function AppRoutes() {
  const planned = flattenNav().filter((item) => !BUILT.has(item.key));
  return (
    <Routes>
      <Route path="/login" element={<SignInPage />} />
      <Route path="/signup" element={<SignUpPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/dashboard" replace />} />
        <Route path="accounts" element={<Page><AccountList /></Page>} />
        <Route path="accounts/:id" element={<Page><AccountShow /></Page>} />
        <Route path="contacts" element={<Page><ContactList /></Page>} />
        <Route path="contacts/:id" element={<Page><ContactShow /></Page>} />
        <Route path="activities" element={<Page><ActivityList /></Page>} />
        <Route path="settings" element={<Navigate to="/settings/users" replace />} />
        <Route path="settings/users" element={<Page><UserList /></Page>} />
        <Route path="settings/teams" element={<Page><TeamTree /></Page>} />
        <Route path="settings/roles" element={<Page><RoleList /></Page>} />
        <Route path="settings/api-keys" element={<Page><ApiKeyList /></Page>} />
        <Route path="settings/webhooks" element={<Page><WebhookList /></Page>} />
        <Route path="settings/audit" element={<Page><AuditList /></Page>} />
        {planned.map((item) => (
          <Route key={item.key} path={`${item.path.slice(1)}/*`} element={<ComingSoon item={item} />} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
