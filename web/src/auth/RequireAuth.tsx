import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { useI18n } from '../i18n/i18n-context';
import { SessionContext } from './session-context';
import { useSessionQuery } from './use-session-query';

/** Gate for the signed-in app: loads the session, sends visitors to /login, adopts the profile language. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSessionQuery();
  const location = useLocation();
  const { locale, setLocale, hasExplicitChoice, t } = useI18n();
  const profileLocale = session.data?.user.locale ?? session.data?.tenant.locale ?? null;

  useEffect(() => {
    if (!hasExplicitChoice && profileLocale && profileLocale !== locale) setLocale(profileLocale, { persist: false });
  }, [hasExplicitChoice, profileLocale, locale, setLocale]);

  if (session.isPending) {
    return (
      <div className="l2c-fullscreen-center" data-testid="session-loading">
        <Spin size="large" />
      </div>
    );
  }
  if (session.isError) {
    return (
      <Result
        status="500"
        title={t('error.sessionFailed')}
        subTitle={session.error.message}
        extra={<Button onClick={() => void session.refetch()}>{t('action.retry')}</Button>}
      />
    );
  }
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <SessionContext.Provider value={session.data}>{children}</SessionContext.Provider>;
}
