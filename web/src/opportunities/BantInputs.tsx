import type { ReactNode } from 'react';
import { Alert, Checkbox, Col, DatePicker, Divider, Form, Input, Row, Select, Typography } from 'antd';
import type { BantPart } from '../api/sales-processes';
import { useI18n } from '../i18n/i18n-context';
import { MoneyInput } from '../shared/MoneyInput';
import { useAccountContacts } from './use-account-contacts';
import { useDealLabels } from './use-deal-labels';
import { useDealSettings } from './use-deal-data';

interface BantInputsProps {
  /** The deal's account: its contacts are the decision makers to choose from (none without one). */
  accountId: string | null;
  /** Show only these parts (the lead conversion shows the parts the tenant requires); all by default. */
  parts?: readonly BantPart[];
  /** Shown under the decision makers (the lead conversion's "this person decides"). */
  authorityExtra?: ReactNode;
}

/**
 * The BANT inputs of a deal form, under `bant.*` as the API takes them, with the parts the tenant
 * requires marked and a strict tenant's rule stated. Used inside an antd Form whose values follow
 * `DealFormValues['bant']`.
 */
export function BantInputs({ accountId, parts, authorityExtra }: BantInputsProps) {
  const { t } = useI18n();
  const labels = useDealLabels();
  const settings = useDealSettings();
  const contacts = useAccountContacts(accountId);
  const strict = settings.data?.bantMode === 'strict';
  const required = new Set(settings.data?.bantRequired ?? []);
  const shown = (part: BantPart) => !parts || parts.includes(part);
  const mark = (part: BantPart, label: string) => (required.has(part) ? `${label} *` : label);

  return (
    <>
      <Divider titlePlacement="start">{t('deal.bant.title')}</Divider>
      {strict ? <Alert type="info" showIcon className="l2c-form-alert" title={t('deal.bant.strict')} /> : null}
      {required.size > 0 ? (
        <Typography.Paragraph type="secondary">{t('deal.bant.required', { parts: labels.bantList([...required]) })}</Typography.Paragraph>
      ) : null}
      {shown('budget') ? (
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
      ) : null}
      {shown('authority') ? (
        <>
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
          {authorityExtra}
          <Form.Item name={['bant', 'authority', 'participants']} label={t('deal.bant.participants')} extra={t('deal.bant.participantsHint')}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} data-testid="deal-form-participants" />
          </Form.Item>
        </>
      ) : null}
      {shown('need') ? (
        <>
          <Form.Item name={['bant', 'need', 'problem']} label={mark('need', t('deal.bant.problem'))}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} data-testid="deal-form-problem" />
          </Form.Item>
          <Form.Item name={['bant', 'need', 'goal']} label={t('deal.bant.goal')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} data-testid="deal-form-goal" />
          </Form.Item>
        </>
      ) : null}
      {shown('timeline') ? (
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
      ) : null}
    </>
  );
}
