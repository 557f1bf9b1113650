import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Skeleton, Space, Switch, Typography } from 'antd';
import { isApiError } from '../api/api-error';
import { nurtureApi, nurtureKeys, type NurtureSettings } from '../api/nurture';
import { useCan } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { emailRule, urlRule } from '../shared/form-rules';
import { emptyToNull } from '../shared/form-values';
import { mapFieldErrors } from '../shared/form-errors';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { NurtureNav } from './NurtureNav';
import { SuppressionList } from './SuppressionList';
import './nurture.css';

interface FormValues {
  smtpHost: string;
  smtpPort: number;
  smtpSecure: boolean;
  smtpUser: string;
  smtpPassword: string;
  clearPassword: boolean;
  fromName: string;
  fromAddress: string;
  replyTo: string;
  publicBaseUrl: string;
  warmMinScore: number;
  coldInactiveDays: number;
}

const FIELDS = ['smtpHost', 'smtpPort', 'smtpSecure', 'smtpUser', 'smtpPassword', 'fromName', 'fromAddress', 'replyTo', 'publicBaseUrl', 'warmMinScore', 'coldInactiveDays'];

const toForm = (s: NurtureSettings): FormValues => ({
  smtpHost: s.smtpHost ?? '',
  smtpPort: s.smtpPort,
  smtpSecure: s.smtpSecure,
  smtpUser: s.smtpUser ?? '',
  smtpPassword: '',
  clearPassword: false,
  fromName: s.fromName ?? '',
  fromAddress: s.fromAddress ?? '',
  replyTo: s.replyTo ?? '',
  publicBaseUrl: s.publicBaseUrl ?? '',
  warmMinScore: s.warmMinScore,
  coldInactiveDays: s.coldInactiveDays,
});

/** Sender (SMTP) settings with a write-only password, pool thresholds, the site script, and the suppression list. */
export function SenderSettings() {
  const { t } = useI18n();
  const settings = useQuery({ queryKey: nurtureKeys.settings(), queryFn: ({ signal }) => nurtureApi.settings(signal) });
  let body;
  if (settings.isPending) body = <Skeleton active paragraph={{ rows: 10 }} />;
  else if (settings.isError) body = <QueryErrorResult error={settings.error} onRetry={() => void settings.refetch()} />;
  else body = <SettingsBody settings={settings.data} key={settings.data.version} />;
  return (
    <div data-testid="nurture-settings-page">
      <PageHeader title={t('nav.nurture')} subtitle={t('module.nurture')} />
      <NurtureNav active="settings" />
      {body}
    </div>
  );
}

function SettingsBody({ settings }: { settings: NurtureSettings }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const canUpdate = useCan('email_templates', 'update');
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [testTo, setTestTo] = useState('');
  const [testing, setTesting] = useState(false);
  const snippet = `<script async src="${settings.trackingScriptUrl}"></script>`;

  const save = async (v: FormValues) => {
    setSaving(true);
    try {
      const next = await nurtureApi.saveSettings({
        smtpHost: emptyToNull(v.smtpHost),
        smtpPort: v.smtpPort,
        smtpSecure: v.smtpSecure,
        smtpUser: emptyToNull(v.smtpUser),
        // Blank keeps the stored password; the box removes it.
        ...(v.clearPassword ? { smtpPassword: null } : v.smtpPassword ? { smtpPassword: v.smtpPassword } : {}),
        fromName: emptyToNull(v.fromName),
        fromAddress: emptyToNull(v.fromAddress),
        replyTo: emptyToNull(v.replyTo),
        publicBaseUrl: emptyToNull(v.publicBaseUrl),
        warmMinScore: v.warmMinScore,
        coldInactiveDays: v.coldInactiveDays,
        version: settings.version,
      });
      queryClient.setQueryData(nurtureKeys.settings(), next);
      void queryClient.invalidateQueries({ queryKey: nurtureKeys.pools() });
      void message.success(t('nurture.settings.saved'));
    } catch (error) {
      if (isApiError(error) && error.is('VALIDATION_FAILED')) {
        form.setFields(mapFieldErrors(error.fieldErrors, FIELDS).fields as Parameters<typeof form.setFields>[0]);
      } else showError(error, t('error.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  const test = async () => {
    setTesting(true);
    try {
      const result = await nurtureApi.testSend(testTo.trim());
      if (result.ok) void message.success(t('nurture.settings.testSent', { to: testTo.trim() }));
      else showError(new Error(result.error ?? ''), t('nurture.settings.testFailed'));
    } catch (error) {
      showError(error, t('nurture.settings.testFailed'));
    } finally {
      setTesting(false);
    }
  };

  return (
    <Space direction="vertical" size={16} className="l2c-full-width">
      <Card title={t('nurture.settings.sender')}>
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={toForm(settings)}
          disabled={!canUpdate}
          onFinish={(v) => void save(v)}
          style={{ maxWidth: 640 }}
          data-testid="nurture-settings-form"
        >
          <Space wrap align="start">
            <Form.Item name="smtpHost" label={t('nurture.settings.host')}>
              <Input placeholder="smtp.example.com" data-testid="nurture-settings-host" />
            </Form.Item>
            <Form.Item name="smtpPort" label={t('nurture.settings.port')}>
              <InputNumber min={1} max={65535} data-testid="nurture-settings-port" />
            </Form.Item>
            <Form.Item name="smtpSecure" label={t('nurture.settings.secure')} valuePropName="checked" extra={t('nurture.settings.secureHelp')}>
              <Switch data-testid="nurture-settings-secure" />
            </Form.Item>
          </Space>
          <Form.Item name="smtpUser" label={t('nurture.settings.user')}>
            <Input autoComplete="off" data-testid="nurture-settings-user" />
          </Form.Item>
          <Form.Item
            name="smtpPassword"
            label={t('nurture.settings.password')}
            extra={settings.hasPassword ? t('nurture.settings.passwordStored') : t('nurture.settings.passwordNone')}
          >
            <Input.Password autoComplete="new-password" placeholder={settings.hasPassword ? '••••••••' : ''} data-testid="nurture-settings-password" />
          </Form.Item>
          {settings.hasPassword ? (
            <Form.Item name="clearPassword" valuePropName="checked">
              <Checkbox data-testid="nurture-settings-clear-password">{t('nurture.settings.clearPassword')}</Checkbox>
            </Form.Item>
          ) : null}
          <Space wrap align="start">
            <Form.Item name="fromName" label={t('nurture.settings.fromName')}>
              <Input maxLength={200} data-testid="nurture-settings-from-name" />
            </Form.Item>
            <Form.Item name="fromAddress" label={t('nurture.settings.fromAddress')} rules={[emailRule(t)]}>
              <Input inputMode="email" data-testid="nurture-settings-from-address" />
            </Form.Item>
          </Space>
          <Form.Item name="replyTo" label={t('nurture.settings.replyTo')} rules={[emailRule(t)]}>
            <Input inputMode="email" />
          </Form.Item>
          <Form.Item
            name="publicBaseUrl"
            label={t('nurture.settings.publicUrl')}
            rules={[urlRule(t)]}
            extra={t('nurture.settings.publicUrlHelp', { url: settings.effectivePublicUrl })}
          >
            <Input inputMode="url" placeholder={settings.effectivePublicUrl} data-testid="nurture-settings-public-url" />
          </Form.Item>
          <Typography.Title level={5}>{t('nurture.settings.pools')}</Typography.Title>
          <Space wrap align="start">
            <Form.Item name="warmMinScore" label={t('nurture.settings.warmMinScore')}>
              <InputNumber min={0} data-testid="nurture-settings-warm" />
            </Form.Item>
            <Form.Item name="coldInactiveDays" label={t('nurture.settings.coldInactiveDays')}>
              <InputNumber min={1} max={3650} data-testid="nurture-settings-cold" />
            </Form.Item>
          </Space>
          {canUpdate ? (
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="nurture-settings-save">
                {t('action.save')}
              </Button>
            </Form.Item>
          ) : null}
        </Form>
      </Card>
      {canUpdate ? (
        <Card title={t('nurture.settings.test')}>
          <Space.Compact style={{ maxWidth: 480, width: '100%' }}>
            <Input value={testTo} onChange={(e) => setTestTo(e.target.value)} placeholder="me@example.com" inputMode="email" data-testid="nurture-settings-test-to" />
            <Button loading={testing} disabled={!testTo.trim()} onClick={() => void test()} data-testid="nurture-settings-test">
              {t('nurture.settings.testSend')}
            </Button>
          </Space.Compact>
        </Card>
      ) : null}
      <Card title={t('nurture.settings.script')}>
        <Typography.Paragraph type="secondary">{t('nurture.settings.scriptHelp')}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: snippet }}>
          <code className="l2c-snippet" data-testid="nurture-settings-snippet">{snippet}</code>
        </Typography.Paragraph>
      </Card>
      <Card title={t('nurture.suppression.title')}>
        <SuppressionList />
      </Card>
    </Space>
  );
}
