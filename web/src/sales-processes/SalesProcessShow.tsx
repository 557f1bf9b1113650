import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Skeleton, Space, Switch, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { salesProcessesApi, type SalesProcess, type Stage } from '../api/sales-processes';
import { useCan } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { DeleteButton } from '../shared/DeleteButton';
import { requiredRule } from '../shared/form-rules';
import { emptyToNull } from '../shared/form-values';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import { StageForm } from './StageForm';
import { StageList } from './StageList';
import './sales-processes.css';

interface ProcessFormValues {
  name: string;
  businessLine?: string | null;
  description?: string | null;
  isDefault: boolean;
  allowManagerOverride: boolean;
  active: boolean;
}

const PROCESS_FIELDS = ['name', 'businessLine', 'description', 'isDefault', 'allowManagerOverride', 'active'] as const;

/** One sales process: its settings and its ordered stages with win rates, forecast categories and exit criteria. */
export function SalesProcessShow() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canEdit = useCan('sales_processes', 'update');
  const canDelete = useCan('sales_processes', 'delete');
  const [editingProcess, setEditingProcess] = useState(false);
  const [editingStage, setEditingStage] = useState<Stage | 'new' | null>(null);
  const process = useQuery({ queryKey: queryKeys.detail('sales-processes', id), queryFn: ({ signal }) => salesProcessesApi.get(id, signal) });

  /** Every stage call answers with the whole process: keep it, and refresh the lists. */
  const saved = (next: SalesProcess) => {
    queryClient.setQueryData(queryKeys.detail('sales-processes', id), next);
    void queryClient.invalidateQueries({ queryKey: queryKeys.lists('sales-processes') });
  };

  if (process.isError) return <QueryErrorResult error={process.error} onRetry={() => void process.refetch()} />;
  if (!process.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const p = process.data;

  return (
    <div data-testid="sales-process-page">
      <PageHeader
        title={p.name}
        subtitle={[p.businessLine, p.description].filter(Boolean).join(' · ') || undefined}
        backTo="/settings/sales-processes"
        actions={
          <Space wrap>
            {p.isDefault ? <Tag color="blue">{t('salesProcess.default')}</Tag> : null}
            {p.active ? null : <Tag>{t('salesProcess.inactive')}</Tag>}
            {canEdit ? (
              <Button onClick={() => setEditingProcess(true)} data-testid="process-edit">
                {t('salesProcess.settings')}
              </Button>
            ) : null}
            {canDelete ? (
              <DeleteButton
                name={p.name}
                testId="process-delete"
                onDelete={() => salesProcessesApi.remove(p.id, p.version)}
                onDeleted={() => {
                  void queryClient.invalidateQueries({ queryKey: queryKeys.all('sales-processes') });
                  void navigate('/settings/sales-processes');
                }}
              />
            ) : null}
          </Space>
        }
      />
      <Card
        title={t('salesProcess.stages')}
        extra={
          canEdit ? (
            <Button icon={<PlusOutlined />} onClick={() => setEditingStage('new')} data-testid="stage-add">
              {t('salesProcess.addStage')}
            </Button>
          ) : null
        }
        className="l2c-section"
      >
        <div className="l2c-page-subtitle l2c-sp-help">{p.allowManagerOverride ? t('salesProcess.overrideAllowed') : t('salesProcess.overrideNotAllowed')}</div>
        <StageList process={p} canEdit={canEdit} onEdit={(stage) => setEditingStage(stage)} onSaved={saved} />
      </Card>
      <StageForm
        open={editingStage !== null}
        process={p}
        stage={editingStage === 'new' ? null : editingStage}
        onClose={() => setEditingStage(null)}
        onSaved={(next) => {
          saved(next);
          setEditingStage(null);
        }}
      />
      <RecordFormDrawer<ProcessFormValues, SalesProcess>
        open={editingProcess}
        title={t('salesProcess.settings')}
        testId="process-settings-form"
        initialValues={{
          name: p.name,
          businessLine: p.businessLine,
          description: p.description,
          isDefault: p.isDefault,
          allowManagerOverride: p.allowManagerOverride,
          active: p.active,
        }}
        fieldNames={PROCESS_FIELDS}
        onSubmit={(values) =>
          salesProcessesApi.update(p.id, {
            name: values.name.trim(),
            businessLine: emptyToNull(values.businessLine),
            description: emptyToNull(values.description),
            isDefault: values.isDefault,
            allowManagerOverride: values.allowManagerOverride,
            active: values.active,
            version: p.version,
          })
        }
        onSaved={(next) => {
          saved(next);
          setEditingProcess(false);
        }}
        onReload={async () => (await process.refetch()).data ?? {}}
        onClose={() => setEditingProcess(false)}
      >
        <Form.Item name="name" label={t('salesProcess.name')} rules={[requiredRule(t)]}>
          <Input maxLength={200} data-testid="process-settings-name" />
        </Form.Item>
        <Form.Item name="businessLine" label={t('salesProcess.businessLine')} extra={t('salesProcess.businessLineHelp')}>
          <Input maxLength={100} data-testid="process-settings-business-line" />
        </Form.Item>
        <Form.Item name="description" label={t('salesProcess.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="allowManagerOverride" label={t('salesProcess.allowOverride')} valuePropName="checked" extra={t('salesProcess.allowOverrideHelp')}>
          <Switch data-testid="process-settings-override" />
        </Form.Item>
        <Form.Item name="isDefault" label={t('salesProcess.isDefault')} valuePropName="checked" extra={t('salesProcess.isDefaultHelp')}>
          <Switch />
        </Form.Item>
        <Form.Item name="active" label={t('salesProcess.active')} valuePropName="checked" extra={t('salesProcess.activeHelp')}>
          <Switch />
        </Form.Item>
      </RecordFormDrawer>
    </div>
  );
}
