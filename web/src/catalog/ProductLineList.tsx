import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Space, Switch, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { productLinesApi, type ProductLine } from '../api/catalog';
import { queryKeys } from '../api/query-keys';
import { useCan } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { DeleteButton } from '../shared/DeleteButton';
import { requiredRule } from '../shared/form-rules';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import type { SortState } from '../shared/sort-param';
import { toProductLineFormValues, toProductLineInput, type ProductLineFormValues } from './product-form-values';

const SORT: SortState = { field: 'name', order: 'ascend' };

/** Product lines: the families products belong to (analytics and targets by product line use them). */
export function ProductLineList() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const canCreate = useCan('product_lines', 'create');
  const canUpdate = useCan('product_lines', 'update');
  const canDelete = useCan('product_lines', 'delete');
  const [editing, setEditing] = useState<ProductLine | 'new' | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.all('product-lines') });
    void queryClient.invalidateQueries({ queryKey: queryKeys.all('products') });
  };

  const columns = useMemo<DataColumn<ProductLine>[]>(
    () => [
      { key: 'name', title: t('catalog.name'), locked: true, render: (l) => l.name },
      { key: 'code', title: t('catalog.code'), render: (l) => (l.code ? <code>{l.code}</code> : '') },
      { key: 'description', title: t('catalog.description'), render: (l) => l.description ?? '' },
      { key: 'active', title: t('catalog.active'), render: (l) => (l.active ? <Tag color="green">{t('catalog.lineActive')}</Tag> : <Tag>{t('catalog.lineInactive')}</Tag>) },
      {
        key: 'actions',
        title: t('common.actions'),
        locked: true,
        render: (l) => (
          <Space wrap onClick={(e) => e.stopPropagation()}>
            {canDelete ? <DeleteButton name={l.name} testId="product-line-delete" onDelete={() => productLinesApi.remove(l.id, l.version)} onDeleted={refresh} /> : null}
          </Space>
        ),
      },
    ],
    [t, canDelete],
  );

  return (
    <div data-testid="product-line-list-page">
      <DataTable<ProductLine>
        tableId="product-lines"
        testId="product-line-list"
        resource="product-lines"
        fetchPage={productLinesApi.list}
        params={{}}
        sort={SORT}
        columns={columns}
        onRowClick={canUpdate ? (l) => setEditing(l) : undefined}
        cardColumns={['name', 'code', 'active']}
        toolbar={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="product-line-create">
              {t('catalog.newProductLine')}
            </Button>
          ) : null
        }
        emptyText={t('catalog.noProductLines')}
      />
      <RecordFormDrawer<ProductLineFormValues, ProductLine>
        open={editing !== null}
        title={editing === 'new' || !editing ? t('catalog.newProductLine') : t('catalog.editProductLine', { name: editing.name })}
        testId="product-line-form"
        initialValues={toProductLineFormValues(editing === 'new' ? null : editing)}
        fieldNames={['name', 'code', 'description', 'active']}
        onSubmit={(values) =>
          editing && editing !== 'new'
            ? productLinesApi.update(editing.id, { ...toProductLineInput(values), version: editing.version })
            : productLinesApi.create(toProductLineInput(values))
        }
        onSaved={() => {
          refresh();
          setEditing(null);
        }}
        onClose={() => setEditing(null)}
      >
        <Form.Item name="name" label={t('catalog.name')} rules={[requiredRule(t)]}>
          <Input maxLength={200} data-testid="product-line-form-name" />
        </Form.Item>
        <Form.Item name="code" label={t('catalog.code')}>
          <Input maxLength={50} data-testid="product-line-form-code" />
        </Form.Item>
        <Form.Item name="description" label={t('catalog.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="active" label={t('catalog.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </RecordFormDrawer>
    </div>
  );
}
