import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, Col, DatePicker, Divider, Form, Input, Row, Select, Typography } from 'antd';
import { opportunitiesApi, type Opportunity } from '../api/opportunities';
import { queryKeys } from '../api/query-keys';
import { AccountSelect } from '../accounts/AccountSelect';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { changedFields } from '../shared/diff-fields';
import { requiredRule } from '../shared/form-rules';
import { MoneyInput } from '../shared/MoneyInput';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import { UserSelect } from '../shared/UserSelect';
import {
  bantRefusalAsFieldErrors,
  DEAL_FIELD_ALIASES,
  DEAL_FORM_FIELDS,
  toDealFormValues,
  toDealInput,
  type DealFormValues,
} from './deal-form-values';
import { useAccountContacts } from './use-account-contacts';
import { useDealLabels } from './use-deal-labels';
import { activeProcesses, useDealSettings, useSalesProcesses } from './use-deal-data';

interface OpportunityFormProps {
  open: boolean;
  /** The deal to edit; null creates one. */
  deal: Opportunity | null;
  /** A new deal's account (created from an account page). */
  accountId?: string | null;
  onClose: () => void;
  onSaved?: (deal: Opportunity) => void;
}

/**
 * Create or edit a deal: account, process, name, amount, close date and BANT, with the BANT parts
 * the tenant requires marked. The server's field errors (a strict tenant's BANT refusal included)
 * land on their inputs.
 */
export function OpportunityForm({ open, deal, accountId, onClose, onSaved }: OpportunityFormProps) {
  const { t } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const currency = me.tenant.currency || 'CNY';
  const initialValues = useMemo(
    () => toDealFormValues(deal, { currency, ownerId: me.user.id, accountId }),
    [deal, currency, me.user.id, accountId],
  );
  const amountFollowsLines = (deal?.lineItems.length ?? 0) > 0;

  const submit = async (values: DealFormValues): Promise<Opportunity> => {
    try {
      if (!deal) return await opportunitiesApi.create(toDealInput(values));
      const before = toDealInput(toDealFormValues(deal, { currency }), { amountFollowsLines });
      const { processId: _process, ...patch } = changedFields(before, toDealInput(values, { amountFollowsLines }));
      return await opportunitiesApi.update(deal.id, { ...patch, version: deal.version });
    } catch (error) {
      throw bantRefusalAsFieldErrors(error);
    }
  };

  return (
    <RecordFormDrawer<DealFormValues, Opportunity>
      open={open}
      title={deal ? t('deal.edit') : t('deal.create')}
      testId="deal-form"
      initialValues={initialValues}
      fieldNames={DEAL_FORM_FIELDS}
      fieldAliases={DEAL_FIELD_ALIASES}
      onSubmit={submit}
      onSaved={(saved) => {
        queryClient.setQueryData(queryKeys.detail('opportunities', saved.id), saved);
        void queryClient.invalidateQueries({ queryKey: queryKeys.all('opportunities') });
        onSaved?.(saved);
        onClose();
      }}
      onClose={onClose}
      onReload={deal ? async () => toDealFormValues(await opportunitiesApi.get(deal.id), { currency }) : undefined}
    >
      <DealInputs deal={deal} amountFollowsLines={amountFollowsLines} />
    </RecordFormDrawer>
  );
}

function DealInputs({ deal, amountFollowsLines }: { deal: Opportunity | null; amountFollowsLines: boolean }) {
  const { t } = useI18n();
  const labels = useDealLabels();
  const processes = useSalesProcesses();
  const settings = useDealSettings();
  const form = Form.useFormInstance<DealFormValues>();
  const accountId = Form.useWatch('accountId', form) ?? deal?.accountId ?? null;
  const contacts = useAccountContacts(accountId);
  const strict = settings.data?.bantMode === 'strict';
  const required = new Set(settings.data?.bantRequired ?? []);
  const mark = (part: 'budget' | 'authority' | 'need' | 'timeline', label: string) => (required.has(part) ? `${label} *` : label);

  return (
    <>
      <Form.Item name="name" label={t('deal.name')} rules={[requiredRule(t)]}>
        <Input maxLength={200} data-testid="deal-form-name" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="accountId" label={t('deal.account')} rules={[requiredRule(t)]}>
            <AccountSelect
              testId="deal-form-account"
              initialOption={deal ? { value: deal.accountId, label: deal.accountName ?? deal.accountId } : null}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="processId" label={t('deal.process')}>
            <Select
              allowClear
              disabled={!!deal}
              placeholder={t('deal.processDefault')}
              options={activeProcesses(processes.data).map((p) => ({ value: p.id, label: p.name }))}
              data-testid="deal-form-process"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          {amountFollowsLines ? (
            <Form.Item label={t('deal.amount')}>
              <Typography.Text type="secondary">{t('deal.lineItems.amountFollows', { amount: deal?.amount ? `${deal.amount.amount} ${deal.amount.currency}` : '' })}</Typography.Text>
            </Form.Item>
          ) : (
            <MoneyInput amountName={['amount', 'amount']} currencyName={['amount', 'currency']} label={t('deal.amount')} testId="deal-form-amount" />
          )}
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="closeDate" label={t('deal.closeDate')} rules={[requiredRule(t)]}>
            <DatePicker className="l2c-full-width" data-testid="deal-form-close-date" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="ownerId" label={t('common.owner')}>
        <UserSelect allowClear={false} initialOption={deal ? { value: deal.ownerId, label: deal.ownerName ?? deal.ownerId } : null} testId="deal-form-owner" />
      </Form.Item>

      <Divider titlePlacement="start">{t('deal.bant.title')}</Divider>
      {strict ? <Alert type="info" showIcon className="l2c-form-alert" title={t('deal.bant.strict')} /> : null}
      {required.size > 0 ? (
        <Typography.Paragraph type="secondary">{t('deal.bant.required', { parts: labels.bantList([...required]) })}</Typography.Paragraph>
      ) : null}
      <Row gutter={12}>
        <Col xs={24} sm={16}>
          <MoneyInput
            amountName={['bant', 'budget', 'amount', 'amount']}
            currencyName={['bant', 'budget', 'amount', 'currency']}
            label={mark('budget', t('deal.bant.budgetAmount'))}
            testId="deal-form-budget"
          />
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={['bant', 'budget', 'approved']} valuePropName="checked" label=" ">
            <Checkbox data-testid="deal-form-budget-approved">{t('deal.bant.budgetApproved')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['bant', 'authority', 'decisionMakerContactIds']} label={mark('authority', t('deal.bant.decisionMakers'))}>
        <Select
          mode="multiple"
          disabled={!accountId}
          loading={contacts.isFetching}
          optionFilterProp="label"
          options={(contacts.data ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }))}
          data-testid="deal-form-decision-makers"
        />
      </Form.Item>
      <Form.Item name={['bant', 'authority', 'participants']} label={t('deal.bant.participants')} extra={t('deal.bant.participantsHint')}>
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} data-testid="deal-form-participants" />
      </Form.Item>
      <Form.Item name={['bant', 'need', 'problem']} label={mark('need', t('deal.bant.problem'))}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} data-testid="deal-form-problem" />
      </Form.Item>
      <Form.Item name={['bant', 'need', 'goal']} label={t('deal.bant.goal')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} data-testid="deal-form-goal" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <Form.Item name={['bant', 'timeline', 'date']} label={mark('timeline', t('deal.bant.timelineDate'))}>
            <DatePicker className="l2c-full-width" data-testid="deal-form-timeline-date" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item name={['bant', 'timeline', 'reason']} label={t('deal.bant.timelineReason')}>
            <Input maxLength={500} data-testid="deal-form-timeline-reason" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
