import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
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
import { BantInputs } from './BantInputs';
import { activeProcesses, useSalesProcesses } from './use-deal-data';

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
  const processes = useSalesProcesses();
  const form = Form.useFormInstance<DealFormValues>();
  const accountId = Form.useWatch('accountId', form) ?? deal?.accountId ?? null;

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

      <BantInputs accountId={accountId} />
    </>
  );
}
