import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Skeleton, Space, Tag, Typography, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/api-error';
import { conversionApi, type AccountCandidate, type ConvertInput } from '../api/conversion';
import type { LeadRecord } from '../api/leads';
import { queryKeys } from '../api/query-keys';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { BantInputs } from '../opportunities/BantInputs';
import {
  bantRefusalAsFieldErrors,
  DEAL_FIELD_ALIASES,
  DEAL_FORM_FIELDS,
  toBantInput,
  toDealFormValues,
  type DealFormValues,
} from '../opportunities/deal-form-values';
import { activeProcesses, useDealSettings, useSalesProcesses } from '../opportunities/use-deal-data';
import { mapFieldErrors } from '../shared/form-errors';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useErrorFeedback } from '../shared/use-error-feedback';

/** The account choice: an existing account's id, or a new one. */
const NEW_ACCOUNT = 'new';

interface DealFields {
  createOpportunity: boolean;
  name?: string;
  amount?: string | null;
  closeDate?: Dayjs;
  processId?: string;
  /** The BANT parts a strict tenant requires, under the names the deal form uses. */
  bant: DealFormValues['bant'];
  contactIsDecisionMaker?: boolean;
}

/** The dialog's inputs that server field errors can land on (`opportunity.*` errors drop the prefix). */
const DEAL_FIELDS = ['name', 'amount', 'closeDate', 'processId', ...DEAL_FORM_FIELDS.filter((f) => f.startsWith('bant.'))];

function placeFieldErrors(form: FormInstance<DealFields>, error: unknown): boolean {
  if (!isApiError(error) || !error.is('VALIDATION_FAILED')) return false;
  const errors = error.fieldErrors.map((e) => ({ ...e, field: e.field.replace(/^opportunity\./, '') }));
  const { fields, unmatched } = mapFieldErrors(errors, DEAL_FIELDS, DEAL_FIELD_ALIASES);
  form.setFields(fields as Parameters<typeof form.setFields>[0]);
  return fields.length > 0 && unmatched.length === 0;
}

/**
 * Converts a qualified lead: shows the account its company matched (or the candidates to choose
 * from, or "create a new account"), the contact it is or becomes, and an optional opportunity;
 * then opens the account it went to.
 */
export function ConvertLeadDialog({ lead, open, onClose }: { lead: LeadRecord; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const [form] = Form.useForm<DealFields>();
  const [choice, setChoice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const previewKey = [...queryKeys.detail('leads', lead.id), 'conversion'];
  const preview = useQuery({ queryKey: previewKey, queryFn: ({ signal }) => conversionApi.preview(lead.id, signal), enabled: open });
  const processes = useSalesProcesses({ enabled: open });
  const createDeal = Form.useWatch('createOpportunity', form) ?? true;
  const settings = useDealSettings();
  const currency = useMe().tenant.currency || 'CNY';
  // A strict tenant refuses a deal without the BANT parts it requires: the dialog asks for those.
  const requiredBant = settings.data?.bantMode === 'strict' ? settings.data.bantRequired : [];

  const plan = preview.data?.account;
  const matched = plan?.decision === 'existing' ? plan.candidates.find((c) => c.id === plan.accountId) : undefined;
  // A match the rep cannot see is not preselected: the dialog says whom to ask instead.
  const chosen = choice ?? (matched?.visible ? matched.id : plan?.decision === 'new' ? NEW_ACCOUNT : null);
  const offered = activeProcesses(processes.data);

  const submit = async () => {
    const values = await form.validateFields();
    if (!chosen) return;
    const input: ConvertInput = chosen === NEW_ACCOUNT ? { createAccount: plan?.decision !== 'new' } : { accountId: chosen };
    if (preview.data?.contact && chosen === plan?.accountId) input.contactId = preview.data.contact.id;
    if (values.createOpportunity) {
      input.createOpportunity = true;
      input.opportunity = {
        name: values.name?.trim() || undefined,
        amount: values.amount ? { amount: String(values.amount), currency: 'CNY' } : null,
        closeDate: values.closeDate?.format('YYYY-MM-DD'),
        processId: values.processId,
        ...(requiredBant.length > 0 ? { bant: toBantInput(values.bant), contactIsDecisionMaker: !!values.contactIsDecisionMaker } : {}),
      };
    }
    setSaving(true);
    try {
      const result = await conversionApi.convert(lead.id, input);
      await Promise.all(['leads', 'accounts', 'contacts', 'opportunities'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
      onClose();
      navigate(`/accounts/${encodeURIComponent(result.accountId)}?tab=contacts`);
    } catch (caught) {
      const error = bantRefusalAsFieldErrors(caught);
      if (placeFieldErrors(form, error)) return;
      if (isApiError(error) && (error.code === 'ACCOUNT_MATCH_AMBIGUOUS' || error.code === 'ACCOUNT_NOT_VISIBLE')) void preview.refetch();
      showError(error, t('convert.failed'));
    } finally {
      setSaving(false);
    }
  };

  const candidateLabel = (c: AccountCandidate) => (
    <Space size={4} wrap>
      <span>{c.name}</span>
      {c.subtitle ? <Typography.Text type="secondary">{c.subtitle}</Typography.Text> : null}
      <Tag color={c.level === 'possible' ? 'default' : 'blue'}>{t(`convert.level.${c.level}`)}</Tag>
      {c.sameCreditCode ? <Tag color="green">{t('convert.sameCreditCode')}</Tag> : null}
      {c.visible ? null : <Typography.Text type="warning">{t('convert.notVisible', { owner: c.ownerName ?? '—' })}</Typography.Text>}
    </Space>
  );

  return (
    <Modal
      open={open}
      title={t('convert.title', { name: lead.name })}
      okText={t('convert.submit')}
      onOk={() => void submit()}
      okButtonProps={{ disabled: !chosen, loading: saving, 'data-testid': 'convert-submit' } as never}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      data-testid="convert-dialog"
    >
      {preview.isPending ? <Skeleton active /> : preview.isError ? (
        <QueryErrorResult error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <Space direction="vertical" size="middle" className="l2c-full-width">
          <div data-testid="convert-account">
            <Typography.Title level={5}>{t('convert.account')}</Typography.Title>
            {plan!.decision === 'ambiguous' ? <Alert type="warning" showIcon className="l2c-section" title={t('convert.ambiguous')} /> : null}
            {plan!.decision === 'existing' ? <Alert type="success" showIcon className="l2c-section" title={t('convert.matched')} /> : null}
            <Radio.Group value={chosen} onChange={(e) => setChoice(e.target.value as string)}>
              <Space direction="vertical">
                {plan!.candidates.map((c) => (
                  <Radio key={c.id} value={c.id} disabled={!c.visible} data-testid={`convert-candidate-${c.id}`}>
                    {candidateLabel(c)}
                  </Radio>
                ))}
                <Radio value={NEW_ACCOUNT} data-testid="convert-new-account">
                  {plan!.candidates.length > 0 ? t('convert.newAccountAnyway', { name: lead.company ?? lead.name }) : t('convert.newAccount', { name: lead.company ?? lead.name })}
                </Radio>
              </Space>
            </Radio.Group>
          </div>
          <div data-testid="convert-contact">
            <Typography.Title level={5}>{t('convert.contact')}</Typography.Title>
            {preview.data!.contact && chosen === plan!.accountId
              ? t('convert.existingContact', { name: preview.data!.contact.name })
              : t('convert.newContact', { name: lead.name })}
          </div>
          <Form
            form={form}
            layout="vertical"
            initialValues={{
              createOpportunity: true,
              name: preview.data!.suggestedOpportunityName,
              processId: offered.find((p) => p.isDefault)?.id,
              bant: toDealFormValues(null, { currency }).bant,
            }}
            key={offered.length}
          >
            <Form.Item name="createOpportunity" valuePropName="checked">
              <Checkbox data-testid="convert-create-opportunity">{t('convert.createOpportunity')}</Checkbox>
            </Form.Item>
            {createDeal ? (
              <>
                <Form.Item name="name" label={t('convert.opportunityName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                  <Input maxLength={200} data-testid="convert-opportunity-name" />
                </Form.Item>
                <Space wrap>
                  <Form.Item name="amount" label={t('convert.amount')}>
                    <InputNumber<string> stringMode min="0" precision={2} addonAfter="CNY" data-testid="convert-amount" />
                  </Form.Item>
                  <Form.Item name="closeDate" label={t('convert.closeDate')} rules={[{ required: true, message: t('validation.required') }]}>
                    <DatePicker data-testid="convert-close-date" />
                  </Form.Item>
                </Space>
                <Form.Item name="processId" label={t('convert.process')}>
                  <Select
                    options={offered.map((p) => ({ value: p.id, label: p.name }))}
                    loading={processes.isPending}
                    data-testid="convert-process"
                  />
                </Form.Item>
                {requiredBant.length > 0 ? (
                  <BantInputs
                    accountId={chosen && chosen !== NEW_ACCOUNT ? chosen : null}
                    parts={requiredBant}
                    authorityExtra={
                      <Form.Item name="contactIsDecisionMaker" valuePropName="checked">
                        <Checkbox data-testid="convert-contact-decides">{t('convert.contactIsDecisionMaker', { name: lead.name })}</Checkbox>
                      </Form.Item>
                    }
                  />
                ) : null}
              </>
            ) : null}
          </Form>
        </Space>
      )}
    </Modal>
  );
}
