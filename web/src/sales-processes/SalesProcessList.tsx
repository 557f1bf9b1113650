import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Form, Input, Radio, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { salesProcessesApi, type SalesProcess, type TemplateKey } from '../api/sales-processes';
import { useCan } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { requiredRule } from '../shared/form-rules';
import { emptyToNull } from '../shared/form-values';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import { DealSettingsCard } from './DealSettingsCard';
import { groupByBusinessLine, splitStages } from './stage-values';
import './sales-processes.css';

const LIST_PARAMS = { limit: 200 } as const;

interface NewProcessValues {
  template: TemplateKey | 'blank';
  name: string;
  businessLine?: string | null;
  firstStage?: string;
}

/** Settings → sales processes: the processes per business line, each with its stages and win rates; BANT strictness. */
export function SalesProcessList() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canCreate = useCan('sales_processes', 'create');
  const [creating, setCreating] = useState(false);
  const processes = useQuery({
    queryKey: queryKeys.list('sales-processes', LIST_PARAMS),
    queryFn: ({ signal }) => salesProcessesApi.list(LIST_PARAMS, signal),
  });
  const templates = useQuery({ queryKey: queryKeys.processTemplates(), queryFn: ({ signal }) => salesProcessesApi.templates(signal), staleTime: 5 * 60_000 });

  const create = (values: NewProcessValues) => {
    const businessLine = emptyToNull(values.businessLine);
    if (values.template === 'blank') {
      return salesProcessesApi.create({
        name: values.name.trim(),
        businessLine,
        description: null,
        isDefault: false,
        allowManagerOverride: true,
        active: true,
        stages: [{ name: (values.firstStage ?? '').trim(), probability: 10, forecastCategory: 'pipeline' }],
      });
    }
    return salesProcessesApi.fromTemplate({ template: values.template, name: values.name.trim(), businessLine });
  };

  return (
    <div data-testid="sales-process-list-page">
      <PageHeader
        title={t('nav.salesProcesses')}
        subtitle={t('module.salesProcesses')}
        actions={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="process-create">
              {t('salesProcess.create')}
            </Button>
          ) : null
        }
      />
      {processes.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {processes.isError ? <QueryErrorResult error={processes.error} onRetry={() => void processes.refetch()} /> : null}
      {processes.data?.data.length === 0 ? <Empty description={t('salesProcess.empty')} /> : null}
      {groupByBusinessLine(processes.data?.data ?? []).map((group) => (
        <section key={group.businessLine ?? ''} className="l2c-section" data-testid="process-group">
          <Typography.Title level={5}>{group.businessLine ?? t('salesProcess.noBusinessLine')}</Typography.Title>
          <Row gutter={[16, 16]}>
            {group.processes.map((p) => (
              <Col key={p.id} xs={24} lg={12}>
                <ProcessCard process={p} onOpen={() => void navigate(`/settings/sales-processes/${p.id}`)} />
              </Col>
            ))}
          </Row>
        </section>
      ))}
      <DealSettingsCard />
      <RecordFormDrawer<NewProcessValues, SalesProcess>
        open={creating}
        title={t('salesProcess.create')}
        testId="process-form"
        initialValues={{ template: 'simple', name: '', businessLine: '', firstStage: '' }}
        fieldNames={['template', 'name', 'businessLine', 'firstStage']}
        onSubmit={create}
        onSaved={(process) => {
          void queryClient.invalidateQueries({ queryKey: queryKeys.all('sales-processes') });
          setCreating(false);
          void navigate(`/settings/sales-processes/${process.id}`);
        }}
        onClose={() => setCreating(false)}
        submitLabel={t('salesProcess.createSubmit')}
      >
        <Form.Item name="template" label={t('salesProcess.startFrom')}>
          <Radio.Group className="l2c-sp-templates" data-testid="process-form-template">
            {(templates.data?.data ?? []).map((tpl) => (
              <Radio key={tpl.key} value={tpl.key} data-testid={`process-template-${tpl.key}`}>
                <strong>{tpl.name}</strong>
                <div className="l2c-sp-template-help">{tpl.description}</div>
                <div className="l2c-sp-template-help">{tpl.stages.filter((s) => !s.isWon && !s.isLost).map((s) => `${s.name} ${s.probability}%`).join(' → ')}</div>
              </Radio>
            ))}
            <Radio value="blank" data-testid="process-template-blank">
              <strong>{t('salesProcess.blank')}</strong>
              <div className="l2c-sp-template-help">{t('salesProcess.blankHelp')}</div>
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="name" label={t('salesProcess.name')} rules={[requiredRule(t)]}>
          <Input maxLength={200} data-testid="process-form-name" />
        </Form.Item>
        <Form.Item name="businessLine" label={t('salesProcess.businessLine')} extra={t('salesProcess.businessLineHelp')}>
          <Input maxLength={100} data-testid="process-form-business-line" />
        </Form.Item>
        <Form.Item noStyle dependencies={['template']}>
          {({ getFieldValue }) =>
            getFieldValue('template') === 'blank' ? (
              <Form.Item name="firstStage" label={t('salesProcess.firstStage')} rules={[requiredRule(t)]}>
                <Input maxLength={100} data-testid="process-form-first-stage" />
              </Form.Item>
            ) : null
          }
        </Form.Item>
      </RecordFormDrawer>
    </div>
  );
}

function ProcessCard({ process: p, onOpen }: { process: SalesProcess; onOpen: () => void }) {
  const { t } = useI18n();
  const { open } = splitStages(p.stages);
  return (
    <Card
      hoverable
      onClick={onOpen}
      title={p.name}
      extra={
        <Space size={4}>
          {p.isDefault ? <Tag color="blue">{t('salesProcess.default')}</Tag> : null}
          {p.active ? null : <Tag>{t('salesProcess.inactive')}</Tag>}
        </Space>
      }
      data-testid="process-card"
      data-process-name={p.name}
    >
      {p.description ? <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>{p.description}</Typography.Paragraph> : null}
      <div className="l2c-sp-stage-chips">
        {open.map((s, i) => (
          <span key={s.id} className="l2c-sp-stage-chip">
            {i > 0 ? <span className="l2c-sp-arrow">→</span> : null}
            <Tag>
              {s.name} · {s.probability}%
            </Tag>
          </span>
        ))}
      </div>
      <Typography.Text type="secondary">
        {p.allowManagerOverride ? t('salesProcess.overrideAllowed') : t('salesProcess.overrideNotAllowed')}
      </Typography.Text>
    </Card>
  );
}
