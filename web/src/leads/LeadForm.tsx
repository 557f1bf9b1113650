import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { AutoComplete, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { leadRecordsApi, type LeadRecord } from '../api/leads';
import { queryKeys } from '../api/query-keys';
import { useI18n } from '../i18n/i18n-context';
import { changedFields } from '../shared/diff-fields';
import { emailRule, requiredRule } from '../shared/form-rules';
import { INDUSTRIES } from '../shared/industries';
import { toSelectOptions } from '../shared/labelled-options';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import { PROVINCES, REGIONS } from '../shared/regions';
import { LEAD_FORM_FIELDS, toLeadFormValues, toLeadInput, type LeadFormValues } from './lead-form-values';
import { LEAD_SOURCES, PRODUCT_LINES } from './lead-sources';

interface LeadFormProps {
  open: boolean;
  /** The lead to edit; null creates one. */
  lead: LeadRecord | null;
  onClose: () => void;
  onSaved?: (lead: LeadRecord) => void;
}

/** Create or edit a lead; an edit sends only the changed fields with the version it started from. */
export function LeadForm({ open, lead, onClose, onSaved }: LeadFormProps) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const initialValues = useMemo(() => toLeadFormValues(lead), [lead]);

  const submit = async (values: LeadFormValues) => {
    if (!lead) return leadRecordsApi.create(toLeadInput(values));
    const patch = changedFields(toLeadInput(toLeadFormValues(lead)), toLeadInput(values));
    return leadRecordsApi.update(lead.id, { ...patch, version: lead.version });
  };

  return (
    <RecordFormDrawer<LeadFormValues, LeadRecord>
      open={open}
      title={lead ? t('lead.edit') : t('lead.create')}
      testId="lead-form"
      initialValues={initialValues}
      fieldNames={LEAD_FORM_FIELDS}
      onSubmit={submit}
      onSaved={(saved) => {
        queryClient.setQueryData(queryKeys.detail('leads', saved.id), saved);
        void queryClient.invalidateQueries({ queryKey: queryKeys.all('leads') });
        onSaved?.(saved);
        onClose();
      }}
      onClose={onClose}
      onReload={lead ? async () => toLeadFormValues(await leadRecordsApi.get(lead.id)) : undefined}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('lead.name')} rules={[requiredRule(t), { max: 100, message: t('validation.tooLong', { max: 100 }) }]}>
            <Input data-testid="lead-form-name" autoFocus />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="title" label={t('lead.title')}>
            <Input data-testid="lead-form-title" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="company" label={t('lead.company')}>
            <Input data-testid="lead-form-company" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label={t('lead.phone')}>
            <Input inputMode="tel" data-testid="lead-form-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="email" label={t('lead.email')} rules={[emailRule(t)]}>
            <Input inputMode="email" data-testid="lead-form-email" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industry" label={t('lead.industry')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={toSelectOptions(INDUSTRIES, locale)} data-testid="lead-form-industry" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="headcount" label={t('lead.headcount')}>
            <InputNumber min={0} precision={0} className="l2c-full-width" data-testid="lead-form-headcount" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="region" label={t('lead.region')}>
            <Select allowClear options={toSelectOptions(REGIONS, locale)} data-testid="lead-form-region" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="province" label={t('lead.province')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={toSelectOptions(PROVINCES, locale)} data-testid="lead-form-province" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="city" label={t('lead.city')}>
            <Input data-testid="lead-form-city" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="productInterest" label={t('lead.productInterest')}>
            <AutoComplete options={toSelectOptions(PRODUCT_LINES, locale)} allowClear data-testid="lead-form-productInterest" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="source" label={t('lead.source')}>
            <Select allowClear options={toSelectOptions(LEAD_SOURCES, locale)} data-testid="lead-form-source" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="description" label={t('lead.description')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="lead-form-description" />
          </Form.Item>
        </Col>
      </Row>
    </RecordFormDrawer>
  );
}
