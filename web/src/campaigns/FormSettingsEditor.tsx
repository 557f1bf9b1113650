import { useState } from 'react';
import { App, Alert, Button, Checkbox, Form, Input, Switch, Table } from 'antd';
import { isApiError } from '../api/api-error';
import { campaignsApi } from '../api/resources';
import { FORM_FIELDS, type Campaign, type FormField } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { toFormSettingsInput, toFormSettingsValues, type FormSettingsValues } from './campaign-form-values';
import { useCampaignLabels } from './use-campaign-labels';
import { useCampaignCache } from './use-campaign-cache';

/** Field rows: shown and required, as two checkbox lists bound to the form. */
function FieldMatrix({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  const labels = useCampaignLabels();
  const form = Form.useFormInstance<FormSettingsValues>();
  const fields = Form.useWatch('fields', form) ?? [];
  const required = Form.useWatch('requiredFields', form) ?? [];
  const toggle = (list: 'fields' | 'requiredFields', field: FormField, on: boolean) => {
    const current: FormField[] = form.getFieldValue(list) ?? [];
    const next = on ? [...current, field] : current.filter((f) => f !== field);
    form.setFieldValue(list, FORM_FIELDS.filter((f) => next.includes(f)));
    if (list === 'requiredFields' && on && !fields.includes(field)) form.setFieldValue('fields', FORM_FIELDS.filter((f) => [...fields, field].includes(f)));
    if (list === 'fields' && !on) form.setFieldValue('requiredFields', required.filter((f) => f !== field));
  };
  return (
    <Table<{ field: FormField }>
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={FORM_FIELDS.map((field) => ({ field }))}
      columns={[
        { key: 'field', title: t('formSettings.fields'), render: (_v, row) => labels.field(row.field) },
        {
          key: 'shown',
          title: t('formSettings.shown'),
          render: (_v, row) => (
            <Checkbox
              checked={fields.includes(row.field)}
              disabled={disabled}
              onChange={(e) => toggle('fields', row.field, e.target.checked)}
              data-testid={`form-field-shown-${row.field}`}
            />
          ),
        },
        {
          key: 'required',
          title: t('formSettings.required'),
          render: (_v, row) => (
            <Checkbox
              checked={required.includes(row.field)}
              disabled={disabled}
              onChange={(e) => toggle('requiredFields', row.field, e.target.checked)}
              data-testid={`form-field-required-${row.field}`}
            />
          ),
        },
      ]}
    />
  );
}

/** What the public form shows and asks, whether it is open, and what it says after a registration. */
export function FormSettingsEditor({ campaign, canUpdate }: { campaign: Campaign; canUpdate: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useErrorFeedback();
  const refresh = useCampaignCache();
  const [form] = Form.useForm<FormSettingsValues>();
  const [saving, setSaving] = useState(false);
  const consentRequired = Form.useWatch('consentRequired', form);

  const save = async (values: FormSettingsValues) => {
    setSaving(true);
    try {
      const saved = await campaignsApi.update(campaign.id, { form: toFormSettingsInput(values), version: campaign.version });
      void message.success(t('formSettings.saved'));
      refresh(campaign.id, saved);
    } catch (error) {
      const fields = isApiError(error) ? error.fieldErrors : [];
      if (fields.length > 0) {
        form.setFields(fields.map((f) => ({ name: f.field.replace(/^form\./, '') as 'title', errors: [f.message] })));
      } else showError(error, t('error.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<FormSettingsValues>
      form={form}
      layout="vertical"
      initialValues={toFormSettingsValues(campaign.form)}
      onFinish={(values) => void save(values)}
      disabled={!canUpdate}
      data-testid="form-settings"
      key={campaign.version}
    >
      <Form.Item name="open" label={t('formSettings.open')} valuePropName="checked">
        <Switch data-testid="form-settings-open" />
      </Form.Item>
      <Form.Item name="title" label={t('formSettings.title')} rules={[{ max: 200, message: t('validation.tooLong', { max: 200 }) }]}>
        <Input placeholder={campaign.name} data-testid="form-settings-title" />
      </Form.Item>
      <Form.Item name="description" label={t('formSettings.description')} rules={[{ max: 2000, message: t('validation.tooLong', { max: 2000 }) }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="form-settings-description" />
      </Form.Item>
      <Form.Item name="fields" hidden />
      <Form.Item name="requiredFields" hidden />
      <Alert type="info" showIcon className="l2c-form-alert" title={t('formSettings.emailOrPhoneHelp')} />
      <FieldMatrix disabled={!canUpdate} />
      <Form.Item name="consentRequired" label={t('formSettings.consentRequired')} valuePropName="checked" className="l2c-section">
        <Switch data-testid="form-settings-consent" />
      </Form.Item>
      {consentRequired ? (
        <Form.Item
          name="consentText"
          label={t('formSettings.consentText')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 2000, message: t('validation.tooLong', { max: 2000 }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('formSettings.consentPlaceholder')} data-testid="form-settings-consent-text" />
        </Form.Item>
      ) : null}
      <Form.Item name="thankYouMessage" label={t('formSettings.thankYou')} rules={[{ max: 1000, message: t('validation.tooLong', { max: 1000 }) }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="form-settings-thank-you" />
      </Form.Item>
      {canUpdate ? (
        <Button type="primary" htmlType="submit" loading={saving} data-testid="form-settings-save">
          {t('action.save')}
        </Button>
      ) : null}
    </Form>
  );
}
