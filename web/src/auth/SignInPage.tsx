import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/api-error';
import { queryKeys } from '../api/query-keys';
import { authApi, meApi } from '../api/resources';
import { useI18n } from '../i18n/i18n-context';
import { errorText } from '../shared/error-text';
import { AuthScreen } from './AuthScreen';
import { safeNextPath } from './safe-next';
import { useSessionQuery } from './use-session-query';

interface SignInValues {
  email: string;
  password: string;
}

export function SignInPage() {
  const { t, locale, hasExplicitChoice } = useI18n();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSessionQuery();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const next = safeNextPath(search.get('next'));

  if (session.data) return <Navigate to={next} replace />;

  const handleFinish = async (values: SignInValues) => {
    setSubmitting(true);
    setError(null);
    try {
      let session = await authApi.login(values.email.trim(), values.password);
      // A language picked on this page is the user's choice: carry it to the profile.
      if (hasExplicitChoice && session.user.locale !== locale) {
        session = await meApi.updateLocale(locale).catch(() => session);
      }
      queryClient.setQueryData(queryKeys.me(), session);
      void navigate(next, { replace: true });
    } catch (cause) {
      if (isApiError(cause) && cause.is('INVALID_CREDENTIALS')) setError(t('auth.invalidCredentials'));
      else if (isApiError(cause) && (cause.is('TOO_MANY_ATTEMPTS') || cause.is('ACCOUNT_LOCKED'))) {
        setError(cause.message || t('auth.locked'));
      } else setError(errorText(cause, t));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthScreen title={t('auth.signIn')}>
      {error ? <Alert type="error" showIcon title={error} className="l2c-form-alert" data-testid="login-error" /> : null}
      <Form<SignInValues> layout="vertical" onFinish={(values) => void handleFinish(values)} requiredMark={false}>
        <Form.Item
          name="email"
          label={t('auth.email')}
          rules={[
            { required: true, message: t('validation.required') },
            { type: 'email', message: t('validation.email') },
          ]}
        >
          <Input prefix={<MailOutlined />} autoComplete="username" inputMode="email" data-testid="login-email" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
          {t('auth.signIn')}
        </Button>
      </Form>
      <div className="l2c-auth-footer">
        {t('auth.noAccount')} <Link to="/signup" data-testid="signup-link">{t('auth.createWorkspace')}</Link>
      </div>
    </AuthScreen>
  );
}
