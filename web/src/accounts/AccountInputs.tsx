import { Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useI18n } from '../i18n/i18n-context';
import { INDUSTRIES } from '../shared/industries';
import { toSelectOptions } from '../shared/labelled-options';
import { CURRENCIES } from '../shared/money';
import { amountRule, creditCodeRule, requiredRule, websiteRule } from '../shared/form-rules';
import { PROVINCES, REGIONS } from '../shared/regions';
import type { SelectOption } from '../shared/RemoteSelect';
import { UserSelect } from '../shared/UserSelect';
import { ACCOUNT_SEGMENTS } from './account-segments';
import { AccountSelect } from './AccountSelect';

interface AccountInputsProps {
  /** The account being edited, so that it is not offered as its own parent. */
  accountId?: string;
  ownerOption?: SelectOption | null;
  parentOption?: SelectOption | null;
}

/** The account fields: two columns on desktop, one on phones. */
export function AccountInputs({ accountId, ownerOption, parentOption }: AccountInputsProps) {
  const { t, locale } = useI18n();
  return (
    <Row gutter={16}>
      <Col xs={24}>
        <Form.Item name="name" label={t('account.name')} rules={[requiredRule(t), { max: 200, message: t('validation.tooLong', { max: 200 }) }]}>
          <Input data-testid="account-form-name" autoFocus />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="creditCode"
          label={t('account.creditCode')}
          tooltip={t('account.creditCodeHelp')}
          rules={[creditCodeRule(t)]}
          normalize={(value: string | undefined) => value?.toUpperCase().replace(/\s/g, '')}
        >
          <Input maxLength={18} showCount data-testid="account-form-creditCode" className="l2c-mono" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="industry" label={t('account.industry')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={toSelectOptions(INDUSTRIES, locale)}
            data-testid="account-form-industry"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="segment" label={t('account.segment')} tooltip={t('account.segmentHelp')}>
          <Select allowClear options={toSelectOptions(ACCOUNT_SEGMENTS, locale)} data-testid="account-form-segment" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('account.registeredCapital')} required={false}>
          <Space.Compact block>
            <Form.Item name={['registeredCapital', 'amount']} noStyle rules={[amountRule(t)]}>
              <Input inputMode="decimal" placeholder="1000000.00" data-testid="account-form-capital" />
            </Form.Item>
            <Form.Item name={['registeredCapital', 'currency']} noStyle>
              <Select
                className="l2c-currency-select"
                options={CURRENCIES.map((code) => ({ value: code, label: code }))}
                data-testid="account-form-currency"
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="headcount" label={t('account.headcount')}>
          <InputNumber min={0} precision={0} className="l2c-full-width" data-testid="account-form-headcount" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="region" label={t('account.region')}>
          <Select allowClear options={toSelectOptions(REGIONS, locale)} data-testid="account-form-region" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="province" label={t('account.province')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={toSelectOptions(PROVINCES, locale)}
            data-testid="account-form-province"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="city" label={t('account.city')}>
          <Input data-testid="account-form-city" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="address" label={t('account.address')}>
          <Input data-testid="account-form-address" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="website" label={t('account.website')} rules={[websiteRule(t)]}>
          <Input inputMode="url" placeholder="https://" data-testid="account-form-website" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="phone" label={t('account.phone')}>
          <Input inputMode="tel" data-testid="account-form-phone" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="ownerId" label={t('common.owner')} rules={[{ required: true, message: t('validation.required') }]}>
          <UserSelect initialOption={ownerOption} allowClear={false} testId="account-form-owner" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="parentAccountId" label={t('account.parentAccount')}>
          <AccountSelect excludeId={accountId} initialOption={parentOption} testId="account-form-parent" />
        </Form.Item>
      </Col>
    </Row>
  );
}
