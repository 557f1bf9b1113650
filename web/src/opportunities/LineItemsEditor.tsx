import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { productsApi } from '../api/catalog';
import type { LineItemInput, Opportunity } from '../api/opportunities';
import { queryKeys } from '../api/query-keys';
import { useCan } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { formatMoney, moneyOrNull } from '../shared/money';
import { useDealUpdate } from './use-deal-update';

interface LineValues {
  productId: string | null;
  quantity: number | null;
  unitPrice?: string | null;
  discountPercent?: number | null;
}

const PRODUCT_PARAMS = { limit: 200, filter: { active: 'true' } };

/** The deal's products from the catalog; the deal amount is their total (priced by the server, exactly). */
export function LineItemsEditor({ deal }: { deal: Opportunity }) {
  const { t, locale } = useI18n();
  const canUpdate = useCan('opportunities', 'update') && deal.status === 'open';
  const [editing, setEditing] = useState(false);
  const { update } = useDealUpdate(deal);
  const [form] = Form.useForm<{ lines: LineValues[] }>();
  const [saving, setSaving] = useState(false);
  const products = useQuery({
    queryKey: queryKeys.list('products', PRODUCT_PARAMS),
    queryFn: ({ signal }) => productsApi.list(PRODUCT_PARAMS, signal),
    enabled: editing,
    select: (page) => page.data,
  });

  const save = async ({ lines }: { lines: LineValues[] }) => {
    const items: LineItemInput[] = lines
      .filter((l) => l.productId && l.quantity)
      .map((l) => ({
        productId: l.productId!,
        quantity: l.quantity!,
        unitPrice: moneyOrNull(l.unitPrice, deal.currency),
        discountPercent: l.discountPercent ?? 0,
      }));
    setSaving(true);
    try {
      await update({ lineItems: items });
      setEditing(false);
    } catch {
      // shown by useDealUpdate
    } finally {
      setSaving(false);
    }
  };

  if (editing) {
    const productOptions = (products.data ?? []).map((p) => ({
      value: p.id,
      label: `${p.name}${p.listPrice ? ` · ${formatMoney(p.listPrice, locale)}` : ''}`,
    }));
    for (const item of deal.lineItems) {
      if (!productOptions.some((o) => o.value === item.productId)) productOptions.push({ value: item.productId, label: item.productName });
    }
    return (
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={{
          lines: deal.lineItems.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPrice: l.unitPrice.amount, discountPercent: l.discountPercent })),
        }}
        data-testid="line-items-form"
      >
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} wrap align="start" className="l2c-line-row" data-testid="line-item-row">
                  <Form.Item name={[field.name, 'productId']} label={t('deal.lineItems.product')} rules={[{ required: true, message: t('deal.required') }]}>
                    <Select showSearch optionFilterProp="label" options={productOptions} loading={products.isFetching} className="l2c-line-product" data-testid="line-item-product" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'quantity']} label={t('deal.lineItems.quantity')} rules={[{ required: true, message: t('deal.required') }]}>
                    <InputNumber min={0.001} precision={3} data-testid="line-item-quantity" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unitPrice']} label={`${t('deal.lineItems.unitPrice')} (${deal.currency})`}>
                    <Input inputMode="decimal" placeholder={t('deal.lineItems.listPrice', { price: '' })} data-testid="line-item-price" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'discountPercent']} label={t('deal.lineItems.discount')}>
                    <InputNumber min={0} max={100} precision={2} data-testid="line-item-discount" />
                  </Form.Item>
                  <Form.Item label=" ">
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('action.delete')} />
                  </Form.Item>
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ productId: null, quantity: 1, discountPercent: 0 })} data-testid="line-item-add">
                {t('deal.lineItems.add')}
              </Button>
            </>
          )}
        </Form.List>
        <div className="l2c-form-actions">
          <Space>
            <Button onClick={() => setEditing(false)}>{t('action.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="line-items-save">
              {t('action.save')}
            </Button>
          </Space>
        </div>
      </Form>
    );
  }

  return (
    <div data-testid="line-items">
      {deal.lineItems.length === 0 ? (
        <Empty description={t('deal.lineItems.empty')} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={deal.lineItems}
          columns={[
            { key: 'product', title: t('deal.lineItems.product'), render: (_v, l) => (l.productCode ? `${l.productName} (${l.productCode})` : l.productName) },
            { key: 'quantity', title: t('deal.lineItems.quantity'), render: (_v, l) => l.quantity },
            { key: 'unitPrice', title: t('deal.lineItems.unitPrice'), render: (_v, l) => <span className="l2c-number">{formatMoney(l.unitPrice, locale)}</span> },
            { key: 'discount', title: t('deal.lineItems.discount'), render: (_v, l) => (l.discountPercent ? `${l.discountPercent} %` : '') },
            { key: 'total', title: t('deal.lineItems.total'), render: (_v, l) => <span className="l2c-number">{formatMoney(l.lineTotal, locale)}</span> },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4}>
                <Typography.Text strong>{t('deal.amount')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1}>
                <Typography.Text strong className="l2c-number">{formatMoney(deal.amount, locale)}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
      {canUpdate ? (
        <Button className="l2c-section-action" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="line-items-edit">
          {t('deal.lineItems.edit')}
        </Button>
      ) : null}
    </div>
  );
}
