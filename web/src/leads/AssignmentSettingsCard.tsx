import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Skeleton, Switch } from 'antd';
import { assignmentApi, type AssignmentSettingsInput } from '../api/leads';
import { queryKeys } from '../api/query-keys';
import { isApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useErrorFeedback } from '../shared/use-error-feedback';

/** The first-response SLA and the written MQL / SQL standards of the company. */
export function AssignmentSettingsCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AssignmentSettingsInput>();
  const settings = useQuery({ queryKey: queryKeys.assignmentSettings(), queryFn: ({ signal }) => assignmentApi.settings(signal) });

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const save = async (values: AssignmentSettingsInput) => {
    if (!settings.data) return;
    try {
      const saved = await assignmentApi.saveSettings({
        ...values,
        mqlDefinition: values.mqlDefinition?.trim() || null,
        sqlDefinition: values.sqlDefinition?.trim() || null,
        version: settings.data.version,
      });
      queryClient.setQueryData(queryKeys.assignmentSettings(), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.all('leads') });
      void message.success(t('assignSettings.saved'));
    } catch (error) {
      if (isApiError(error) && error.is('VERSION_CONFLICT')) void settings.refetch();
      showError(error, t('error.saveFailed'));
    }
  };

  return (
    <Card className="l2c-section" title={t('assignSettings.title')} data-testid="assignment-settings">
      {settings.isPending ? <Skeleton active /> : null}
      {settings.isError ? <QueryErrorResult error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? (
        <Form<AssignmentSettingsInput> form={form} layout="vertical" disabled={!canEdit} onFinish={(v) => void save(v)} initialValues={settings.data}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="firstResponseSlaHours" label={t('assignSettings.slaHours')} tooltip={t('assignSettings.slaHelp')}>
                <InputNumber min={0} max={720} step={0.5} className="l2c-full-width" data-testid="settings-sla" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="reminderPercent" label={t('assignSettings.reminderPercent')}>
                <InputNumber min={1} max={99} precision={0} className="l2c-full-width" data-testid="settings-reminder" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="escalateToManager" label={t('assignSettings.escalate')} valuePropName="checked">
                <Switch data-testid="settings-escalate" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="mqlDefinition" label={t('assignSettings.mql')} tooltip={t('assignSettings.mqlHelp')}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="settings-mql" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="sqlDefinition" label={t('assignSettings.sql')} tooltip={t('assignSettings.sqlHelp')}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="settings-sql" />
              </Form.Item>
            </Col>
          </Row>
          {canEdit ? (
            <Button type="primary" htmlType="submit" data-testid="settings-save">
              {t('action.save')}
            </Button>
          ) : null}
        </Form>
      ) : null}
    </Card>
  );
}
