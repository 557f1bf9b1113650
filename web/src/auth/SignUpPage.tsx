import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../api/api-error';
import { queryKeys } from '../api/query-keys';
import { authApi } from '../api/resources';
import type { SignUpInput } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { errorText } from '../shared/error-text';
import { mapFieldErrors } from '../shared/form-errors';
import { AuthScreen } from './AuthScreen';

type SignUpValues = Omit<SignUpInput, 'locale'>;
const FIELDS = ['tenantName', 'name', 'email', 'password'] as const;

/** Creates a new workspace (tenant) with its first administrator. */
export function SignUpPage() {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<SignUpValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const handleFinish = async (values: SignUpValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const session = await authApi.signup({ ...values, email: values.email.trim(), locale });
      queryClient.setQueryData(queryKeys.me(), session);
      void navigate('/dashboard', { replace: true });
    } catch (cause) {
      if (isApiError(cause) && cause.is('VALIDATION_FAILED')) {
        const { fields, unmatched } = mapFieldErrors(cause.fieldErrors, FIELDS);
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        if (fields.length === 0 || unmatched.length > 0) setError(cause.message);
      } else setError(errorText(cause, t));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthScreen title={t('auth.createWorkspace')}>
      {error ? <Alert type="error" showIcon title={error} className="l2c-form-alert" data-testid="signup-error" /> : null}
      <Form<SignUpValues> form={form} layout="vertical" onFinish={(values) => void handleFinish(values)} requiredMark={false}>
        <Form.Item name="tenantName" label={t('auth.companyName')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input autoComplete="organization" data-testid="signup-tenant" />
        </Form.Item>
        <Form.Item name="name" label={t('auth.yourName')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input autoComplete="name" data-testid="signup-name" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('auth.email')}
          rules={[
            { required: true, message: t('validation.required') },
            { type: 'email', message: t('validation.email') },
          ]}
        >
          <Input autoComplete="username" inputMode="email" data-testid="signup-email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[
            { required: true, message: t('validation.required') },
            { min: 8, message: t('validation.passwordLength', { min: 8 }) },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="signup-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="signup-submit">
          {t('auth.createWorkspace')}
        </Button>
      </Form>
      <div className="l2c-auth-footer">
        {t('auth.haveAccount')} <Link to="/login">{t('auth.signIn')}</Link>
      </div>
    </AuthScreen>
  );
}
