import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { Opportunity } from '../api/opportunities';
import { FORECAST_CATEGORIES, type ForecastCategory } from '../api/sales-processes';
import { useCan } from '../auth/session-context';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { formatMoney } from '../shared/money';
import { useIsPhone } from '../shared/use-is-phone';
import { useDealLabels } from './use-deal-labels';
import { useDealSettings } from './use-deal-data';
import { useDealUpdate } from './use-deal-update';

/** Amount, probability (stage default or a person's, with the reason), forecast category and dates. */
export function DealFigures({ deal }: { deal: Opportunity }) {
  const { t, locale } = useI18n();
  const labels = useDealLabels();
  const isPhone = useIsPhone();
  const canUpdate = useCan('opportunities', 'update') && deal.status === 'open';
  const [editing, setEditing] = useState(false);
  const empty = t('common.empty');
  const items: DescriptionsProps['items'] = [
    { key: 'amount', label: t('deal.amount'), children: <span className="l2c-number" data-testid="deal-amount">{formatMoney(deal.amount, locale) || empty}</span> },
    {
      key: 'probability',
      label: t('deal.probability'),
      children: (
        <Space direction="vertical" size={0}>
          <span data-testid="deal-probability">{deal.probability} %</span>
          {deal.probabilityOverride !== null ? (
            <Typography.Text type="secondary" className="l2c-small">
              {t('deal.probabilityReasonShown', { reason: deal.probabilityOverrideReason ?? '' })} · {t('deal.probabilityStage', { value: deal.stageProbability })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { key: 'forecast', label: t('deal.forecastCategory'), children: <span data-testid="deal-forecast">{labels.forecast(deal.forecastCategory)}</span> },
    { key: 'closeDate', label: t('deal.closeDate'), children: formatDate(deal.closeDate, locale) },
    { key: 'owner', label: t('common.owner'), children: deal.ownerName ?? empty },
    { key: 'nextStep', label: t('deal.nextStep'), children: deal.nextStep ?? empty },
    {
      key: 'competitors',
      label: t('deal.competitors'),
      children: deal.competitors.length > 0 ? deal.competitors.map((c) => <Tag key={c}>{c}</Tag>) : empty,
    },
  ];
  return (
    <Card
      className="l2c-section"
      size="small"
      extra={
        canUpdate ? (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="deal-edit-figures">
            <span className="l2c-hide-phone">{t('deal.editFigures')}</span>
          </Button>
        ) : null
      }
      data-testid="deal-figures"
    >
      <Descriptions items={items} column={isPhone ? 1 : { md: 2, lg: 3, xl: 4 }} size="small" />
      {editing ? <FiguresModal deal={deal} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}

interface FiguresValues {
  probabilityOverride: number | null;
  probabilityOverrideReason?: string;
  forecastCategoryOverride: ForecastCategory | null;
  nextStep?: string;
  competitors: string[];
}

/** A person's probability needs a reason (the server says so too); clearing it returns to the stage's. */
function FiguresModal({ deal, onClose }: { deal: Opportunity; onClose: () => void }) {
  const { t } = useI18n();
  const labels = useDealLabels();
  const [form] = Form.useForm<FiguresValues>();
  const { update } = useDealUpdate(deal);
  const [saving, setSaving] = useState(false);
  const override = Form.useWatch('probabilityOverride', form);
  const submit = async (values: FiguresValues) => {
    setSaving(true);
    try {
      await update({
        probabilityOverride: values.probabilityOverride ?? null,
        probabilityOverrideReason: values.probabilityOverride === null || values.probabilityOverride === undefined ? null : values.probabilityOverrideReason?.trim() || null,
        forecastCategoryOverride: values.forecastCategoryOverride ?? null,
        nextStep: values.nextStep?.trim() || null,
        competitors: values.competitors,
      });
      onClose();
    } catch {
      // shown by useDealUpdate; the dialog stays open with the values
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={t('deal.editFigures')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: saving }} destroyOnHidden>
      <Form<FiguresValues>
        data-testid="deal-figures-form"
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{
          probabilityOverride: deal.probabilityOverride,
          probabilityOverrideReason: deal.probabilityOverrideReason ?? '',
          forecastCategoryOverride: deal.forecastCategoryOverride,
          nextStep: deal.nextStep ?? '',
          competitors: deal.competitors,
        }}
      >
        <Form.Item name="probabilityOverride" label={t('deal.probabilityOverride')} extra={t('deal.probabilityStage', { value: deal.stageProbability })}>
          <InputNumber min={0} max={100} precision={0} addonAfter="%" placeholder={String(deal.stageProbability)} data-testid="deal-probability-input" />
        </Form.Item>
        {override !== null && override !== undefined ? (
          <Form.Item name="probabilityOverrideReason" label={t('deal.probabilityReason')} rules={[{ required: true, whitespace: true, message: t('deal.required') }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} data-testid="deal-probability-reason" />
          </Form.Item>
        ) : null}
        <Form.Item name="forecastCategoryOverride" label={t('deal.forecastOverride')}>
          <Select
            allowClear
            placeholder={t('deal.forecastFromStage', { value: labels.forecast(deal.stageForecastCategory) })}
            options={FORECAST_CATEGORIES.map((c) => ({ value: c, label: labels.forecast(c) }))}
            data-testid="deal-forecast-input"
          />
        </Form.Item>
        <Form.Item name="nextStep" label={t('deal.nextStep')}>
          <Input.TextArea autoSize={{ minRows: 1 }} maxLength={1000} data-testid="deal-next-step-input" />
        </Form.Item>
        <Form.Item name="competitors" label={t('deal.competitors')} extra={t('deal.competitorsHint')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，']} data-testid="deal-competitors-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** BANT at a glance: qualified or not, what is missing, what the company requires; edited in the deal form. */
export function BantCard({ deal, onEdit }: { deal: Opportunity; onEdit?: () => void }) {
  const { t, locale } = useI18n();
  const labels = useDealLabels();
  const settings = useDealSettings();
  const { bant } = deal;
  const empty = t('common.empty');
  const missingRequired = deal.bantMissing.filter((p) => settings.data?.bantRequired.includes(p as never) ?? true);
  const items: DescriptionsProps['items'] = [
    {
      key: 'budget',
      label: t('deal.bant.budget'),
      children: bant.budget.amount ? `${formatMoney(bant.budget.amount, locale)}${bant.budget.approved ? ` · ${t('deal.bant.budgetApproved')}` : ''}` : empty,
    },
    {
      key: 'authority',
      label: t('deal.bant.authority'),
      children: [bant.authority.decisionMakerContactIds.length > 0 ? `${t('deal.bant.decisionMakers')}: ${bant.authority.decisionMakerContactIds.length}` : '', bant.authority.participants.join(t('deal.listSeparator'))].filter(Boolean).join(' · ') || empty,
    },
    { key: 'need', label: t('deal.bant.need'), children: [bant.need.problem, bant.need.goal].filter(Boolean).join(' → ') || empty },
    { key: 'timeline', label: t('deal.bant.timeline'), children: bant.timeline.date ? [formatDate(bant.timeline.date, locale), bant.timeline.reason].filter(Boolean).join(' · ') : empty },
  ];
  return (
    <Card
      className="l2c-section"
      size="small"
      title={
        <Space wrap>
          {t('deal.bant.title')}
          <Tag color={deal.qualified ? 'green' : 'orange'} data-testid="deal-qualified">{deal.qualified ? t('deal.qualified') : t('deal.unqualified')}</Tag>
        </Space>
      }
      extra={onEdit && deal.status === 'open' ? <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="deal-edit-bant" /> : null}
      data-testid="deal-bant"
    >
      <Descriptions items={items} column={1} size="small" />
      <Typography.Text type={missingRequired.length > 0 ? 'warning' : 'secondary'} data-testid="deal-bant-missing">
        {deal.bantMissing.length === 0 ? t('deal.bant.complete') : t('deal.bant.missing', { parts: labels.bantList(deal.bantMissing) })}
      </Typography.Text>
    </Card>
  );
}
