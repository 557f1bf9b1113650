import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Col, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import type { FormRule } from 'antd';
import { ASSIGNMENT_STRATEGIES, assignmentApi, type AssignmentRule } from '../api/leads';
import { queryKeys } from '../api/query-keys';
import { useI18n } from '../i18n/i18n-context';
import type { TranslateFn } from '../i18n/i18n-context';
import { TeamSelect } from '../settings/TeamSelect';
import { requiredRule } from '../shared/form-rules';
import { INDUSTRIES } from '../shared/industries';
import { toSelectOptions } from '../shared/labelled-options';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import { PROVINCES, REGIONS } from '../shared/regions';
import { LEAD_GRADES, LEAD_SOURCES, PRODUCT_LINES } from './lead-sources';
import { invertedRange, toFormValues, toRuleInput, type RuleFormValues } from './rule-form-values';
import { useLeadLabels } from './use-lead-labels';

const FIELDS = [
  'name', 'description', 'active', 'target', 'teamId', 'strategy', 'headcountMin', 'headcountMax', 'capitalMinWan', 'capitalMaxWan',
  'scoreMin', 'scoreMax', 'productInterests', 'regions', 'provinces', 'sources', 'industries', 'grades',
] as const;

/** Server field paths → the form field that shows the error. */
const ALIASES = {
  'criteria.headcount': 'headcountMax',
  'criteria.registeredCapital': 'capitalMaxWan',
  'criteria.score': 'scoreMax',
  'criteria.productInterests': 'productInterests',
  'criteria.regions': 'regions',
  'criteria.provinces': 'provinces',
  'criteria.sources': 'sources',
  'criteria.industries': 'industries',
  'criteria.grades': 'grades',
} as const;

const rangeRule = (t: TranslateFn, field: keyof RuleFormValues): FormRule => ({ getFieldsValue }) => ({
  validator: () =>
    invertedRange({ ...toFormValues(null), ...(getFieldsValue(true) as Partial<RuleFormValues>) }) === field
      ? Promise.reject(new Error(t('assignRules.rangeInverted')))
      : Promise.resolve(),
});

interface AssignmentRuleFormProps {
  open: boolean;
  /** The rule to edit; null creates one (it goes last). */
  rule: AssignmentRule | null;
  onClose: () => void;
}

export function AssignmentRuleForm({ open, rule, onClose }: AssignmentRuleFormProps) {
  const { t, locale } = useI18n();
  const labels = useLeadLabels();
  const queryClient = useQueryClient();
  const initialValues = useMemo(() => toFormValues(rule), [rule]);

  const submit = (values: RuleFormValues) => {
    const input = toRuleInput({ ...toFormValues(null), ...values });
    return rule ? assignmentApi.updateRule(rule.id, { ...input, version: rule.version }) : assignmentApi.createRule(input);
  };

  const range = (label: string, min: keyof RuleFormValues, max: keyof RuleFormValues, testId: string, step?: number) => (
    <Form.Item label={label} required={false}>
      <div className="l2c-range-row">
        <Form.Item name={min} noStyle>
          <InputNumber min={0} step={step} placeholder={t('assignRules.min')} data-testid={`${testId}-min`} />
        </Form.Item>
        <Form.Item name={max} noStyle dependencies={[min]} rules={[rangeRule(t, max)]}>
          <InputNumber min={0} step={step} placeholder={t('assignRules.max')} data-testid={`${testId}-max`} />
        </Form.Item>
      </div>
    </Form.Item>
  );

  return (
    <RecordFormDrawer<RuleFormValues, AssignmentRule>
      open={open}
      title={rule ? t('assignRules.edit') : t('assignRules.create')}
      testId="rule-form"
      initialValues={initialValues}
      fieldNames={FIELDS}
      fieldAliases={ALIASES}
      onSubmit={submit}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.assignmentRules() });
        void queryClient.invalidateQueries({ queryKey: queryKeys.routingPreview() });
        onClose();
      }}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name="name" label={t('assignRules.name')} rules={[requiredRule(t), { max: 200, message: t('validation.tooLong', { max: 200 }) }]}>
            <Input data-testid="rule-form-name" autoFocus />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="active" label={t('assignRules.active')} valuePropName="checked">
            <Switch data-testid="rule-form-active" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="target" label={t('assignRules.target')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'team', label: t('assignRules.target.team') },
                { value: 'queue', label: t('assignRules.target.queue') },
              ]}
              data-testid="rule-form-target"
            />
          </Form.Item>
        </Col>
        <Form.Item noStyle dependencies={['target']}>
          {({ getFieldValue }) =>
            getFieldValue('target') === 'team' ? (
              <>
                <Col xs={24} md={12}>
                  <Form.Item name="teamId" label={t('assignRules.team')} rules={[{ required: true, message: t('validation.required') }]}>
                    <TeamSelect testId="rule-form-team" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="strategy" label={t('assignRules.strategy')} tooltip={t('assignRules.strategyHelp')}>
                    <Select
                      options={ASSIGNMENT_STRATEGIES.map((s) => ({ value: s, label: labels.strategy(s) }))}
                      data-testid="rule-form-strategy"
                    />
                  </Form.Item>
                </Col>
              </>
            ) : null
          }
        </Form.Item>
        <Col xs={24}>
          <Typography.Title level={5}>{t('assignRules.criteria')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('assignRules.criteriaHelp')}</Typography.Paragraph>
        </Col>
        <Col xs={24} md={12}>
          {range(t('assignRules.headcount'), 'headcountMin', 'headcountMax', 'rule-form-headcount')}
        </Col>
        <Col xs={24} md={12}>
          {range(t('assignRules.capital'), 'capitalMinWan', 'capitalMaxWan', 'rule-form-capital')}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="productInterests" label={t('assignRules.productInterests')} tooltip={t('assignRules.typeAndEnter')}>
            <Select mode="tags" options={toSelectOptions(PRODUCT_LINES, locale)} data-testid="rule-form-products" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="regions" label={t('assignRules.regions')}>
            <Select mode="multiple" options={toSelectOptions(REGIONS, locale)} data-testid="rule-form-regions" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="provinces" label={t('assignRules.provinces')}>
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={toSelectOptions(PROVINCES, locale)} data-testid="rule-form-provinces" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="sources" label={t('assignRules.sources')} tooltip={t('assignRules.typeAndEnter')}>
            <Select mode="tags" options={toSelectOptions(LEAD_SOURCES, locale)} data-testid="rule-form-sources" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industries" label={t('assignRules.industries')}>
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={toSelectOptions(INDUSTRIES, locale)} data-testid="rule-form-industries" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {range(t('assignRules.score'), 'scoreMin', 'scoreMax', 'rule-form-score')}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="grades" label={t('assignRules.grades')}>
            <Select mode="multiple" options={LEAD_GRADES.map((g) => ({ value: g, label: g }))} data-testid="rule-form-grades" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="description" label={t('assignRules.description')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="rule-form-description" />
          </Form.Item>
        </Col>
      </Row>
    </RecordFormDrawer>
  );
}
