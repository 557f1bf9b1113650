import { useCallback, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Col, Form, Input, Row, Select, Space, Switch, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { productLinesApi, productsApi, type Product, type ProductLine } from '../api/catalog';
import { queryKeys } from '../api/query-keys';
import { useCan, useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { DeleteButton } from '../shared/DeleteButton';
import { FilterBar } from '../shared/FilterBar';
import { requiredRule } from '../shared/form-rules';
import { formatMoney } from '../shared/money';
import { MoneyInput } from '../shared/MoneyInput';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import { RemoteSelect, type SelectOption } from '../shared/RemoteSelect';
import type { SortState } from '../shared/sort-param';
import { useListState } from '../shared/use-list-state';
import { PRODUCT_FIELD_ALIASES, PRODUCT_FORM_FIELDS, toProductFormValues, toProductInput, type ProductFormValues } from './product-form-values';

const FILTER_KEYS = ['productLineId', 'active'] as const;
const DEFAULT_SORT: SortState = { field: 'name', order: 'ascend' };

/** Products with code, product line, list price (money with currency), unit and whether they are sold. */
export function ProductList() {
  const { t, locale } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const list = useListState(FILTER_KEYS, DEFAULT_SORT);
  const canCreate = useCan('products', 'create');
  const canUpdate = useCan('products', 'update');
  const canDelete = useCan('products', 'delete');
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.all('products') });

  const columns = useMemo<DataColumn<Product>[]>(
    () => [
      { key: 'name', title: t('catalog.name'), locked: true, sortField: 'name', render: (p) => p.name },
      { key: 'code', title: t('catalog.code'), sortField: 'code', render: (p) => <code>{p.code}</code> },
      { key: 'productLine', title: t('catalog.productLine'), render: (p) => p.productLineName ?? '' },
      { key: 'listPrice', title: t('catalog.listPrice'), render: (p) => formatMoney(p.listPrice, locale) },
      { key: 'unit', title: t('catalog.unit'), render: (p) => p.unit ?? '' },
      { key: 'active', title: t('catalog.active'), render: (p) => (p.active ? <Tag color="green">{t('catalog.onSale')}</Tag> : <Tag>{t('catalog.offSale')}</Tag>) },
      {
        key: 'actions',
        title: t('common.actions'),
        locked: true,
        render: (p) => (
          <Space wrap onClick={(e) => e.stopPropagation()}>
            {canDelete ? <DeleteButton name={p.name} testId="product-delete" onDelete={() => productsApi.remove(p.id, p.version)} onDeleted={refresh} /> : null}
          </Space>
        ),
      },
    ],
    [t, locale, canDelete],
  );

  return (
    <div data-testid="product-list-page">
      <FilterBar
        q={list.q}
        onQChange={list.setQ}
        searchPlaceholder={t('catalog.searchProducts')}
        testId="product-filters"
        activeCount={list.activeFilterCount}
        onReset={list.reset}
      >
        <div className="l2c-filter-field l2c-filter-wide">
          <ProductLineSelect
            value={list.filter.productLineId || null}
            onChange={(v) => list.setFilter('productLineId', v ?? undefined)}
            placeholder={t('catalog.productLine')}
            testId="product-filter-line"
          />
        </div>
        <Select
          allowClear
          value={list.filter.active || undefined}
          onChange={(v: string | undefined) => list.setFilter('active', v)}
          placeholder={t('catalog.active')}
          options={[
            { value: 'true', label: t('catalog.onSale') },
            { value: 'false', label: t('catalog.offSale') },
          ]}
          className="l2c-filter-field"
        />
      </FilterBar>
      <DataTable<Product>
        tableId="products"
        testId="product-list"
        resource="products"
        fetchPage={productsApi.list}
        params={{ q: list.q, filter: list.filter }}
        sort={list.sort}
        onSortChange={list.setSort}
        columns={columns}
        onRowClick={canUpdate ? (p) => setEditing(p) : undefined}
        cardColumns={['name', 'code', 'listPrice', 'productLine']}
        toolbar={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="product-create">
              {t('catalog.newProduct')}
            </Button>
          ) : null
        }
        emptyText={t('catalog.noProducts')}
      />
      <RecordFormDrawer<ProductFormValues, Product>
        open={editing !== null}
        title={editing === 'new' || !editing ? t('catalog.newProduct') : t('catalog.editProduct', { name: editing.name })}
        testId="product-form"
        initialValues={toProductFormValues(editing === 'new' ? null : editing, me.tenant.currency)}
        fieldNames={PRODUCT_FORM_FIELDS}
        fieldAliases={PRODUCT_FIELD_ALIASES}
        onSubmit={(values) =>
          editing && editing !== 'new'
            ? productsApi.update(editing.id, { ...toProductInput(values), version: editing.version })
            : productsApi.create(toProductInput(values))
        }
        onSaved={() => {
          refresh();
          setEditing(null);
        }}
        onReload={editing && editing !== 'new' ? async () => toProductFormValues(await productsApi.get(editing.id), me.tenant.currency) : undefined}
        onClose={() => setEditing(null)}
      >
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="name" label={t('catalog.name')} rules={[requiredRule(t)]}>
              <Input maxLength={200} data-testid="product-form-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="code" label={t('catalog.code')} rules={[requiredRule(t)]} extra={t('catalog.codeHelp')}>
              <Input maxLength={64} data-testid="product-form-code" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="productLineId" label={t('catalog.productLine')}>
          <ProductLineSelect
            initialOption={editing && editing !== 'new' && editing.productLineId ? { value: editing.productLineId, label: editing.productLineName ?? '' } : null}
            testId="product-form-line"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <MoneyInput amountName={['listPrice', 'amount']} currencyName={['listPrice', 'currency']} label={t('catalog.listPrice')} testId="product-form-price" />
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="unit" label={t('catalog.unit')}>
              <Input maxLength={20} placeholder={t('catalog.unitPlaceholder')} data-testid="product-form-unit" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('catalog.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="active" label={t('catalog.active')} valuePropName="checked" extra={t('catalog.activeHelp')}>
          <Switch data-testid="product-form-active" />
        </Form.Item>
      </RecordFormDrawer>
    </div>
  );
}

interface ProductLineSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  initialOption?: SelectOption | null;
  placeholder?: string;
  testId?: string;
}

/** Picks a product line by name or code. */
export function ProductLineSelect(props: ProductLineSelectProps) {
  const toOption = useCallback((line: ProductLine): SelectOption => ({ value: line.id, label: line.code ? `${line.name} · ${line.code}` : line.name }), []);
  return <RemoteSelect<ProductLine> resource="product-lines" fetchPage={productLinesApi.list} toOption={toOption} {...props} />;
}
