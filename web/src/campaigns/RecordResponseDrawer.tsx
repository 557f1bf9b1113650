import { App, Col, Form, Input, Row, Typography } from 'antd';
import { campaignsApi } from '../api/resources';
import type { Campaign, ResponseResult } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { emailRule, requiredRule } from '../shared/form-rules';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import { toResponseSubmission } from './campaign-form-values';
import { useCampaignCache } from './use-campaign-cache';

const FIELDS = ['name', 'email', 'phone', 'company', 'title', 'message'] as const;
type ResponseValues = Partial<Record<(typeof FIELDS)[number], string>>;

/**
 * A response taken by phone, at the booth or by e-mail: the server finds the lead by e-mail or
 * phone (filling only its empty fields) or creates it, touches it and makes it a member.
 */
export function RecordResponseDrawer({ open, campaign, onClose }: { open: boolean; campaign: Campaign; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useCampaignCache();
  return (
    <RecordFormDrawer<ResponseValues, ResponseResult>
      open={open}
      title={t('member.recordResponse')}
      testId="response-form"
      initialValues={{}}
      fieldNames={FIELDS}
      onSubmit={(values) => campaignsApi.recordResponse(campaign.id, toResponseSubmission(values))}
      onSaved={(result) => {
        void message.success(result.leadCreated ? t('member.responseNewLead') : t('member.responseRecorded'));
        refresh(campaign.id);
        onClose();
      }}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('member.recordResponseHelp')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24}>
          <Form.Item name="name" label={t('formField.name')} rules={[requiredRule(t)]}>
            <Input autoFocus data-testid="response-form-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="email" label={t('formField.email')} rules={[emailRule(t)]}>
            <Input inputMode="email" data-testid="response-form-email" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label={t('formField.phone')}>
            <Input inputMode="tel" data-testid="response-form-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="company" label={t('formField.company')}>
            <Input data-testid="response-form-company" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="title" label={t('formField.title')}>
            <Input data-testid="response-form-title" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="message" label={t('formField.message')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="response-form-message" />
          </Form.Item>
        </Col>
      </Row>
    </RecordFormDrawer>
  );
}
