import { Col, Form, Input, Row, Select } from 'antd';
import { AccountSelect } from '../accounts/AccountSelect';
import { useI18n } from '../i18n/i18n-context';
import { emailRule, requiredRule } from '../shared/form-rules';
import type { SelectOption } from '../shared/RemoteSelect';
import { UserSelect } from '../shared/UserSelect';
import { ContactSelect } from './ContactSelect';

interface ContactInputsProps {
  contactId?: string;
  /** Set when the form was opened from an account: the account is then fixed. */
  lockAccount: boolean;
  accountOption?: SelectOption | null;
  reportsToOption?: SelectOption | null;
  ownerOption?: SelectOption | null;
}

export function ContactInputs({ contactId, lockAccount, accountOption, reportsToOption, ownerOption }: ContactInputsProps) {
  const { t } = useI18n();
  const accountId = Form.useWatch<string | null | undefined>('accountId');
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="name" label={t('contact.name')} rules={[requiredRule(t), { max: 200, message: t('validation.tooLong', { max: 200 }) }]}>
          <Input data-testid="contact-form-name" autoFocus />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="title" label={t('contact.title')}>
          <Input data-testid="contact-form-title" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="accountId" label={t('contact.account')}>
          <AccountSelect initialOption={accountOption} disabled={lockAccount} testId="contact-form-account" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="department" label={t('contact.department')}>
          <Input data-testid="contact-form-department" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="email" label={t('contact.email')} rules={[emailRule(t)]}>
          <Input inputMode="email" data-testid="contact-form-email" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="wechat" label={t('contact.wechat')}>
          <Input data-testid="contact-form-wechat" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="phones" label={t('contact.phones')} extra={t('contact.phonesHelp')}>
          <Select mode="tags" open={false} tokenSeparators={[',', ';', ' ', '，']} suffixIcon={null} data-testid="contact-form-phones" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="reportsToId" label={t('contact.reportsTo')}>
          <ContactSelect
            accountId={accountId}
            excludeId={contactId}
            initialOption={reportsToOption}
            disabled={!accountId}
            testId="contact-form-reports-to"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="ownerId" label={t('common.owner')} rules={[{ required: true, message: t('validation.required') }]}>
          <UserSelect initialOption={ownerOption} allowClear={false} testId="contact-form-owner" />
        </Form.Item>
      </Col>
    </Row>
  );
}
