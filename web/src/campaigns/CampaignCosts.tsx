import { useMemo, useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Typography, type ButtonProps } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { isApiError } from '../api/api-error';
import { campaignsApi } from '../api/resources';
import { COST_CATEGORIES, type Campaign, type CampaignCost } from '../api/types';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { amountRule, requiredRule } from '../shared/form-rules';
import { formatMoney } from '../shared/money';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { toCostInput, type CostFormValues } from './campaign-form-values';
import { useCampaignLabels } from './use-campaign-labels';
import { useCampaignCache } from './use-campaign-cache';

const COST_FIELDS = ['date', 'category', 'amount', 'note'];

function AddCostModal({ open, campaign, currency, onClose }: { open: boolean; campaign: Campaign; currency: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const labels = useCampaignLabels();
  const showError = useErrorFeedback();
  const refresh = useCampaignCache();
  const [form] = Form.useForm<CostFormValues>();
  const [saving, setSaving] = useState(false);

  const submit = async (values: CostFormValues) => {
    setSaving(true);
    try {
      await campaignsApi.addCost(campaign.id, toCostInput(values, currency));
      void message.success(t('cost.added'));
      refresh(campaign.id);
      form.resetFields();
      onClose();
    } catch (error) {
      const fields = isApiError(error) ? error.fieldErrors : [];
      if (fields.length > 0) {
        form.setFields(
          fields.map((f) => ({ name: (COST_FIELDS.includes(f.field.split('.')[0]) ? f.field.split('.')[0] : 'amount') as 'amount', errors: [f.message] })),
        );
      } else showError(error, t('error.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('cost.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'cost-add-submit' } as ButtonProps}
      data-testid="cost-add-modal"
    >
      <Form<CostFormValues>
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs().startOf('day'), category: 'venue', amount: '' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="date" label={t('cost.date')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker className="l2c-full-width" data-testid="cost-add-date" />
        </Form.Item>
        <Form.Item name="category" label={t('cost.category')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={COST_CATEGORIES.map((c) => ({ value: c, label: labels.cost(c) }))} data-testid="cost-add-category" />
        </Form.Item>
        <Form.Item name="amount" label={`${t('cost.amount')} (${currency})`} rules={[requiredRule(t), amountRule(t)]} extra={t('cost.currencyHelp')}>
          <Input inputMode="decimal" placeholder="12000.00" data-testid="cost-add-amount" />
        </Form.Item>
        <Form.Item name="note" label={t('cost.note')} rules={[{ max: 1000, message: t('validation.tooLong', { max: 1000 }) }]}>
          <Input data-testid="cost-add-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The campaign's cost entries and their total (summed by the server), with add and delete. */
export function CampaignCosts({ campaign, canUpdate }: { campaign: Campaign; canUpdate: boolean }) {
  const { t, locale } = useI18n();
  const labels = useCampaignLabels();
  const showError = useErrorFeedback();
  const refresh = useCampaignCache();
  const [adding, setAdding] = useState(false);
  const currency = campaign.budget?.currency ?? campaign.actualCost?.currency ?? campaign.goals.pipeline?.currency ?? 'CNY';

  const columns = useMemo<DataColumn<CampaignCost>[]>(() => {
    const list: DataColumn<CampaignCost>[] = [
      { key: 'date', title: t('cost.date'), locked: true, render: (c) => formatDate(c.date, locale, 'UTC') },
      { key: 'category', title: t('cost.category'), render: (c) => labels.cost(c.category) },
      { key: 'amount', title: t('cost.amount'), render: (c) => <span className="l2c-number">{formatMoney(c.amount, locale)}</span> },
      { key: 'note', title: t('cost.note'), render: (c) => c.note ?? '' },
    ];
    if (canUpdate) {
      list.push({
        key: 'actions',
        title: t('common.actions'),
        locked: true,
        render: (c) => (
          <Popconfirm
            title={t('action.deleteConfirm', { name: `${labels.cost(c.category)} ${formatMoney(c.amount, locale)}` })}
            okText={t('action.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('action.cancel')}
            onConfirm={() =>
              campaignsApi.removeCost(campaign.id, c.id, c.version).then(
                () => refresh(campaign.id),
                (error: unknown) => showError(error, t('error.deleteFailed')),
              )
            }
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid="cost-delete" />
          </Popconfirm>
        ),
      });
    }
    return list;
  }, [t, locale, labels, canUpdate, campaign.id, refresh, showError]);

  return (
    <div data-testid="campaign-costs">
      <DataTable<CampaignCost>
        tableId="campaign-costs"
        testId="campaign-cost-list"
        resource="campaign-costs"
        fetchPage={(params, signal) => campaignsApi.costs(campaign.id, params, signal)}
        params={{ filter: { campaignId: campaign.id } }}
        sort={null}
        columns={columns}
        cardColumns={['date', 'amount', 'category', 'note']}
        emptyText={t('cost.empty')}
        toolbar={
          <Space wrap>
            {campaign.actualCost ? (
              <Typography.Text strong data-testid="cost-total">
                {t('cost.total', { amount: formatMoney(campaign.actualCost, locale) })}
              </Typography.Text>
            ) : null}
            {canUpdate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="cost-add">
                {t('cost.add')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <AddCostModal open={adding} campaign={campaign} currency={currency} onClose={() => setAdding(false)} />
    </div>
  );
}
