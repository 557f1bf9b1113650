import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Col, Form, Input, InputNumber, Row, Space, Switch } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { queryKeys } from '../api/query-keys';
import { lossReasonsApi, type LossReason, type LossReasonInput } from '../api/sales-processes';
import { useCan } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { DeleteButton } from '../shared/DeleteButton';
import { requiredRule } from '../shared/form-rules';
import { emptyToNull } from '../shared/form-values';
import { PageHeader } from '../shared/PageHeader';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import type { SortState } from '../shared/sort-param';
import { useErrorFeedback } from '../shared/use-error-feedback';

const SORT: SortState = { field: 'sortOrder', order: 'ascend' };

interface LossReasonFormValues {
  key: string;
  labelZh?: string | null;
  labelEn?: string | null;
  sortOrder: number;
  active: boolean;
}

const FIELDS = ['key', 'labelZh', 'labelEn', 'sortOrder', 'active'] as const;
const ALIASES = { 'labels.zh-CN': 'labelZh', 'labels.en-US': 'labelEn', labels: 'labelZh' } as const;

const toInput = (v: LossReasonFormValues): LossReasonInput => {
  const labels: LossReasonInput['labels'] = {};
  const zh = emptyToNull(v.labelZh);
  const en = emptyToNull(v.labelEn);
  if (zh) labels['zh-CN'] = zh;
  if (en) labels['en-US'] = en;
  return { key: v.key.trim(), labels, sortOrder: v.sortOrder, active: v.active };
};

/** Settings → loss reasons: the picklist a rep chooses from when closing a deal as lost (and loss analysis groups by). */
export function LossReasonList() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const canCreate = useCan('loss_reasons', 'create');
  const canUpdate = useCan('loss_reasons', 'update');
  const canDelete = useCan('loss_reasons', 'delete');
  const [editing, setEditing] = useState<LossReason | 'new' | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.all('loss-reasons') });

  const toggle = async (reason: LossReason, active: boolean) => {
    try {
      await lossReasonsApi.update(reason.id, { active, version: reason.version });
      refresh();
    } catch (error) {
      showError(error, t('error.saveFailed'));
    }
  };

  const columns: DataColumn<LossReason>[] = [
    { key: 'sortOrder', title: t('lossReason.sortOrder'), width: 90, render: (r) => r.sortOrder },
    { key: 'labelZh', title: t('lossReason.labelZh'), locked: true, render: (r) => r.labels['zh-CN'] },
    { key: 'labelEn', title: t('lossReason.labelEn'), render: (r) => r.labels['en-US'] },
    { key: 'key', title: t('lossReason.key'), defaultHidden: true, render: (r) => <code>{r.key}</code> },
    {
      key: 'active',
      title: t('lossReason.active'),
      render: (r) => (
        <Switch
          size="small"
          checked={r.active}
          disabled={!canUpdate}
          onClick={(checked, e) => {
            e.stopPropagation();
            void toggle(r, checked);
          }}
          data-testid="loss-reason-active"
        />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      locked: true,
      render: (r) => (
        <Space onClick={(e) => e.stopPropagation()}>
          {canDelete ? <DeleteButton name={r.label ?? r.key} testId="loss-reason-delete" onDelete={() => lossReasonsApi.remove(r.id, r.version)} onDeleted={refresh} /> : null}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="loss-reason-list-page">
      <PageHeader
        title={t('nav.lossReasons')}
        subtitle={t('module.lossReasons')}
        actions={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="loss-reason-create">
              {t('lossReason.create')}
            </Button>
          ) : null
        }
      />
      <DataTable<LossReason>
        tableId="loss-reasons"
        testId="loss-reason-list"
        resource="loss-reasons"
        fetchPage={lossReasonsApi.list}
        params={{}}
        sort={SORT}
        columns={columns}
        onRowClick={canUpdate ? (r) => setEditing(r) : undefined}
        cardColumns={['labelZh', 'labelEn', 'active', 'actions']}
        pageSize={100}
      />
      <RecordFormDrawer<LossReasonFormValues, LossReason>
        open={editing !== null}
        title={editing === 'new' || !editing ? t('lossReason.create') : t('lossReason.edit')}
        testId="loss-reason-form"
        initialValues={
          editing && editing !== 'new'
            ? { key: editing.key, labelZh: editing.labels['zh-CN'], labelEn: editing.labels['en-US'], sortOrder: editing.sortOrder, active: editing.active }
            : { key: '', labelZh: '', labelEn: '', sortOrder: 100, active: true }
        }
        fieldNames={FIELDS}
        fieldAliases={ALIASES}
        onSubmit={(values) =>
          editing && editing !== 'new'
            ? lossReasonsApi.update(editing.id, { ...toInput(values), version: editing.version })
            : lossReasonsApi.create(toInput(values))
        }
        onSaved={() => {
          refresh();
          setEditing(null);
        }}
        onClose={() => setEditing(null)}
      >
        <Form.Item
          name="key"
          label={t('lossReason.key')}
          extra={t('lossReason.keyHelp')}
          rules={[requiredRule(t), { pattern: /^[a-z0-9_]{1,50}$/, message: t('lossReason.keyPattern') }]}
        >
          <Input maxLength={50} disabled={editing !== 'new'} data-testid="loss-reason-form-key" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="labelZh" label={t('lossReason.labelZh')} rules={[requiredRule(t)]}>
              <Input maxLength={100} data-testid="loss-reason-form-zh" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="labelEn" label={t('lossReason.labelEn')} extra={t('lossReason.labelEnHelp')}>
              <Input maxLength={100} data-testid="loss-reason-form-en" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={12}>
            <Form.Item name="sortOrder" label={t('lossReason.sortOrder')}>
              <InputNumber min={0} max={100000} precision={0} className="l2c-full-width" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="active" label={t('lossReason.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </RecordFormDrawer>
    </div>
  );
}
