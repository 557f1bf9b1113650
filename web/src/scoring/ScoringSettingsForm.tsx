import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Form, InputNumber, Row, Skeleton, Space } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { isApiError } from '../api/api-error';
import { queryKeys } from '../api/query-keys';
import { scoringApi, type ScoringSettings, type ScoringSettingsInput } from '../api/scoring';
import { useI18n } from '../i18n/i18n-context';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { ImpactPreview } from './ImpactPreview';
import { usePreview } from './usePreview';

const FIELDS = ['gradeA', 'gradeB', 'gradeC', 'mqlThreshold', 'engagementWindowDays'] as const;

/** Grade thresholds and the MQL bar, with a preview of how the leads' grades would move. */
export function ScoringSettingsForm({ canEdit }: { canEdit: boolean }) {
  const settings = useQuery({ queryKey: queryKeys.scoringSettings(), queryFn: ({ signal }) => scoringApi.settings(signal) });
  if (settings.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (settings.isError) return <QueryErrorResult error={settings.error} onRetry={() => void settings.refetch()} />;
  return <SettingsForm settings={settings.data} canEdit={canEdit} key={settings.data.version} />;
}

function SettingsForm({ settings, canEdit }: { settings: ScoringSettings; canEdit: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const [form] = Form.useForm<ScoringSettingsInput>();
  const [saving, setSaving] = useState(false);
  const { preview, loading, run, isStale } = usePreview();
  const watched = Form.useWatch([], form) as ScoringSettingsInput | undefined;
  const refetch = () => queryClient.invalidateQueries({ queryKey: queryKeys.scoringSettings() });

  const values = (): ScoringSettingsInput => {
    const v = form.getFieldsValue(true) as ScoringSettingsInput;
    return Object.fromEntries(FIELDS.map((k) => [k, v[k]])) as unknown as ScoringSettingsInput;
  };
  const onServerError = (error: unknown) => {
    if (isApiError(error) && error.is('VALIDATION_FAILED')) {
      form.setFields(error.fieldErrors.map((e) => ({ name: e.field.replace(/^settings\./, ''), errors: [e.message] })) as never);
    } else if (isApiError(error)) {
      showError(error, t('error.saveFailed'));
      if (error.is('VERSION_CONFLICT')) void refetch();
    }
  };
  const onPreview = async () => {
    try {
      await form.validateFields();
      await run({ settings: values() });
    } catch (error) {
      onServerError(error);
    }
  };
  const onSave = async () => {
    setSaving(true);
    try {
      await form.validateFields();
      const saved = await scoringApi.saveSettings({ ...values(), version: settings.version });
      queryClient.setQueryData(queryKeys.scoringSettings(), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.all('leads') });
      void message.success(t('scoring.settings.saved'));
    } catch (error) {
      onServerError(error);
    } finally {
      setSaving(false);
    }
  };

  const descending = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: () => {
      const [a, b, c] = ['gradeA', 'gradeB', 'gradeC'].map((k) => Number(getFieldValue(k)));
      return a > b && b > c ? Promise.resolve() : Promise.reject(new Error(t('scoring.settings.order')));
    },
  });
  const required = { required: true, message: t('validation.required') };
  const number = (testId: string, props: { min?: number; max?: number } = {}) => (
    <InputNumber className="l2c-full-width" precision={0} disabled={!canEdit} data-testid={testId} {...props} />
  );

  return (
    <Form<ScoringSettingsInput> form={form} layout="vertical" initialValues={settings} data-testid="scoring-settings-form">
      <Row gutter={12}>
        <Col xs={8} sm={6}>
          <Form.Item name="gradeA" label={t('scoring.settings.gradeA')} rules={[required]}>
            {number('scoring-settings-grade-a')}
          </Form.Item>
        </Col>
        <Col xs={8} sm={6}>
          <Form.Item name="gradeB" label={t('scoring.settings.gradeB')} rules={[required, descending]} dependencies={['gradeA', 'gradeC']}>
            {number('scoring-settings-grade-b')}
          </Form.Item>
        </Col>
        <Col xs={8} sm={6}>
          <Form.Item name="gradeC" label={t('scoring.settings.gradeC')} extra={t('scoring.settings.gradeHelp')} rules={[required]}>
            {number('scoring-settings-grade-c')}
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="mqlThreshold" label={t('scoring.settings.mql')} extra={t('scoring.settings.mqlHelp')} rules={[required]}>
            {number('scoring-settings-mql')}
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="engagementWindowDays" label={t('scoring.settings.window')} rules={[required]}>
            {number('scoring-settings-window', { min: 1, max: 3650 })}
          </Form.Item>
        </Col>
      </Row>
      {canEdit ? (
        <Space wrap className="l2c-section">
          <Button icon={<EyeOutlined />} loading={loading} onClick={() => void onPreview()} data-testid="scoring-settings-preview">
            {t('scoring.preview.action')}
          </Button>
          <Button type="primary" loading={saving} onClick={() => void onSave()} data-testid="scoring-settings-save">
            {t('action.save')}
          </Button>
        </Space>
      ) : null}
      {preview ? <ImpactPreview preview={preview} stale={watched !== undefined && isStale({ settings: values() })} /> : null}
    </Form>
  );
}
