import { useCallback, useState } from 'react';
import { App, Form, Modal, Segmented, Select, type ButtonProps } from 'antd';
import { isApiError } from '../api/api-error';
import { leadRecordsApi, type LeadRecord } from '../api/leads';
import { campaignsApi } from '../api/resources';
import { MEMBER_STATUSES, type Campaign, type MemberStatus } from '../api/types';
import { ContactSelect } from '../contacts/ContactSelect';
import { useI18n } from '../i18n/i18n-context';
import { RemoteSelect, type SelectOption } from '../shared/RemoteSelect';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { useCampaignLabels } from './use-campaign-labels';
import { useCampaignCache } from './use-campaign-cache';

interface AddMemberValues {
  kind: 'lead' | 'contact';
  leadId?: string | null;
  contactId?: string | null;
  status: MemberStatus;
}

/** Adds an existing lead or contact to the campaign, invited unless another status is chosen. */
export function AddMemberModal({ open, campaign, onClose }: { open: boolean; campaign: Campaign; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const labels = useCampaignLabels();
  const showError = useErrorFeedback();
  const refresh = useCampaignCache();
  const [form] = Form.useForm<AddMemberValues>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form) ?? 'lead';
  const leadOption = useCallback(
    (lead: LeadRecord): SelectOption => ({ value: lead.id, label: [lead.name, lead.company ?? lead.email].filter(Boolean).join(' · ') }),
    [],
  );

  const submit = async (values: AddMemberValues) => {
    setSaving(true);
    try {
      await campaignsApi.addMember(campaign.id, {
        ...(values.kind === 'lead' ? { leadId: values.leadId } : { contactId: values.contactId }),
        status: values.status,
      });
      void message.success(t('member.added'));
      refresh(campaign.id);
      form.resetFields();
      onClose();
    } catch (error) {
      if (isApiError(error) && error.is('VALIDATION_FAILED')) {
        form.setFields(error.fieldErrors.map((f) => ({ name: f.field as 'leadId', errors: [f.message] })));
      } else showError(error, t('error.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('member.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('member.add')}
      cancelText={t('action.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'member-add-submit' } as ButtonProps}
      data-testid="member-add-modal"
    >
      <Form<AddMemberValues> form={form} layout="vertical" initialValues={{ kind: 'lead', status: 'invited' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="kind" label={t('member.kind')}>
          <Segmented
            options={[
              { value: 'lead', label: t('member.lead') },
              { value: 'contact', label: t('member.contact') },
            ]}
            data-testid="member-add-kind"
          />
        </Form.Item>
        {kind === 'lead' ? (
          <Form.Item name="leadId" label={t('member.lead')} rules={[{ required: true, message: t('validation.required') }]}>
            <RemoteSelect<LeadRecord> resource="leads" fetchPage={leadRecordsApi.list} toOption={leadOption} testId="member-add-lead" />
          </Form.Item>
        ) : (
          <Form.Item name="contactId" label={t('member.contact')} rules={[{ required: true, message: t('validation.required') }]}>
            <ContactSelect testId="member-add-contact" />
          </Form.Item>
        )}
        <Form.Item name="status" label={t('member.initialStatus')}>
          <Select options={MEMBER_STATUSES.map((s) => ({ value: s, label: labels.member(s) }))} data-testid="member-add-status" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
