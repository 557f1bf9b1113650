import { Col, DatePicker, Form, Input, InputNumber, Row, Segmented, Select, Typography } from 'antd';
import { CAMPAIGN_TYPES } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { amountRule, requiredRule } from '../shared/form-rules';
import { CURRENCIES } from '../shared/money';
import type { SelectOption } from '../shared/RemoteSelect';
import { UserSelect } from '../shared/UserSelect';
import { ONLINE_TYPES } from './campaign-rules';
import { useCampaignLabels } from './use-campaign-labels';

interface CampaignInputsProps {
  isNew: boolean;
  ownerOption?: SelectOption | null;
}

/** The campaign fields: what, when, how much, and what it should bring. */
export function CampaignInputs({ isNew, ownerOption }: CampaignInputsProps) {
  const { t } = useI18n();
  const labels = useCampaignLabels();
  const typeOptions = [
    { label: t('campaign.online'), options: CAMPAIGN_TYPES.filter((c) => ONLINE_TYPES.includes(c)).map((c) => ({ value: c, label: labels.type(c) })) },
    { label: t('campaign.offline'), options: CAMPAIGN_TYPES.filter((c) => !ONLINE_TYPES.includes(c)).map((c) => ({ value: c, label: labels.type(c) })) },
  ];
  return (
    <Row gutter={16}>
      <Col xs={24}>
        <Form.Item name="name" label={t('campaign.name')} rules={[requiredRule(t), { max: 200, message: t('validation.tooLong', { max: 200 }) }]}>
          <Input data-testid="campaign-form-name" autoFocus />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="type" label={t('campaign.type')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={typeOptions} data-testid="campaign-form-type" />
        </Form.Item>
      </Col>
      {isNew ? (
        <Col xs={24} md={12}>
          <Form.Item name="status" label={t('campaign.initialStatus')}>
            <Segmented
              options={[
                { value: 'planned', label: labels.status('planned') },
                { value: 'active', label: labels.status('active') },
              ]}
              data-testid="campaign-form-status"
            />
          </Form.Item>
        </Col>
      ) : null}
      <Col xs={24}>
        <Form.Item
          name="dates"
          label={`${t('campaign.startDate')} – ${t('campaign.endDate')}`}
          rules={[
            {
              validator: (_rule, value: unknown) =>
                Array.isArray(value) && value[0] ? Promise.resolve() : Promise.reject(new Error(t('validation.required'))),
            },
          ]}
        >
          <DatePicker.RangePicker allowEmpty={[false, true]} className="l2c-full-width" data-testid="campaign-form-dates" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('campaign.budget')}>
          <Row gutter={8} wrap={false}>
            <Col flex="auto">
              <Form.Item name="budget" noStyle rules={[amountRule(t)]}>
                <Input inputMode="decimal" placeholder="50000.00" data-testid="campaign-form-budget" />
              </Form.Item>
            </Col>
            <Col flex="none">
              <Form.Item name="currency" noStyle>
                <Select
                  className="l2c-currency-select"
                  options={CURRENCIES.map((code) => ({ value: code, label: code }))}
                  data-testid="campaign-form-currency"
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="ownerId" label={t('common.owner')} rules={[{ required: true, message: t('validation.required') }]}>
          <UserSelect initialOption={ownerOption} allowClear={false} testId="campaign-form-owner" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Typography.Text strong>{t('campaign.goals')}</Typography.Text>
        <Typography.Paragraph type="secondary">{t('campaign.goalsHelp')}</Typography.Paragraph>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="goalLeads" label={t('campaign.goalLeads')}>
          <InputNumber min={0} precision={0} className="l2c-full-width" data-testid="campaign-form-goal-leads" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="goalMqls" label={t('campaign.goalMqls')}>
          <InputNumber min={0} precision={0} className="l2c-full-width" data-testid="campaign-form-goal-mqls" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="goalPipeline" label={t('campaign.goalPipeline')} rules={[amountRule(t)]}>
          <Input inputMode="decimal" placeholder="3000000.00" data-testid="campaign-form-goal-pipeline" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="description" label={t('campaign.description')} rules={[{ max: 5000, message: t('validation.tooLong', { max: 5000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="campaign-form-description" />
        </Form.Item>
      </Col>
    </Row>
  );
}
