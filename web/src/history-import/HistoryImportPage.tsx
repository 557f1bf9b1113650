import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Segmented, Select, Space, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { HISTORY_KINDS, historyImportsApi, type HistoryImportResult, type HistoryKind, type HistoryOptions } from '../api/history-imports';
import type { ColumnMapping } from '../api/imports';
import { salesProcessesApi } from '../api/sales-processes';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { CURRENCIES } from '../shared/money';
import { PageHeader } from '../shared/PageHeader';
import { useErrorFeedback } from '../shared/use-error-feedback';

const SKIP = '__skip__';
const REJECTS_SHOWN = 200;

const KIND_LABELS: Record<HistoryKind, MessageKey> = {
  'sales-teams': 'historyImport.kind.salesTeams',
  products: 'historyImport.kind.products',
  accounts: 'historyImport.kind.accounts',
  opportunities: 'historyImport.kind.opportunities',
};

const CREATED_LABELS: Record<string, MessageKey> = {
  teams: 'historyImport.created.teams',
  managers: 'historyImport.created.managers',
  reps: 'historyImport.created.reps',
  productLines: 'historyImport.created.productLines',
  products: 'historyImport.created.products',
  accounts: 'historyImport.created.accounts',
  opportunities: 'historyImport.created.opportunities',
};

/**
 * An admin loads the company's past (OPP-5 … OPP-9 stand on it): sales teams and reps, products,
 * accounts, then opportunities, each from a CSV or XLSX file. A check runs the whole import and
 * rolls it back, so the admin sees what would be created and refused, fixes the column and stage
 * mapping, and only then imports.
 */
export function HistoryImportPage() {
  const { t } = useI18n();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<HistoryKind>('sales-teams');
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<HistoryOptions>({});
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [stageMapping, setStageMapping] = useState<Record<string, string>>({});
  const [check, setCheck] = useState<HistoryImportResult | null>(null);
  /** The settings the last check ran with; the import waits for a check of the current ones. */
  const [checkedSettings, setCheckedSettings] = useState<string | null>(null);
  const [done, setDone] = useState<HistoryImportResult | null>(null);
  const processes = useQuery({
    queryKey: ['sales-processes', 'history-import'],
    queryFn: ({ signal }) => salesProcessesApi.list({ limit: 100 }, signal),
    enabled: kind === 'opportunities',
  });
  const processList = processes.data?.data ?? [];
  const process = processList.find((p) => p.id === options.processId) ?? processList.find((p) => p.isDefault) ?? processList[0];

  const restart = (next: { kind?: HistoryKind; file?: File | null }) => {
    if (next.kind) setKind(next.kind);
    if (next.file !== undefined) setFile(next.file);
    setMapping(undefined);
    setStageMapping({});
    setCheck(null);
    setDone(null);
  };
  const settingsKey = (m: ColumnMapping | undefined, o: HistoryOptions, sm: Record<string, string>) => JSON.stringify([m, o, sm]);
  const stale = check !== null && checkedSettings !== settingsKey(mapping, options, stageMapping);

  const run = useMutation({
    mutationFn: async (dryRun: boolean) => {
      const sent = { options, stageMapping };
      const result = await historyImportsApi.run({
        kind, file: file!, mapping, dryRun,
        options: { ...options, ...(Object.keys(stageMapping).length > 0 ? { stageMapping } : {}) },
      });
      return { result, checked: settingsKey(result.mapping, sent.options, sent.stageMapping) };
    },
    onSuccess: ({ result, checked }) => {
      if (result.dryRun) {
        setCheck(result);
        setMapping(result.mapping);
        setCheckedSettings(checked);
        return;
      }
      setDone(result);
      setCheck(null);
      void queryClient.invalidateQueries();
    },
    onError: (error) => showError(error),
  });

  const fieldOptions = [
    { value: SKIP, label: t('imports.mapping.skip') },
    ...(check?.fields ?? []).map((f) => ({ value: f.key, label: f.required ? `${f.label} (${t('imports.mapping.required')})` : f.label })),
  ];
  const stageOptions = (process?.stages ?? []).map((s) => ({ value: s.key ?? s.name, label: s.name }));

  return (
    <div data-testid="history-import">
      <PageHeader title={t('historyImport.title')} subtitle={t('historyImport.subtitle')} />
      <Card className="l2c-section">
        <Form layout="vertical">
          <Form.Item label={t('historyImport.kind')} extra={t('historyImport.kindHelp')}>
            <Segmented
              options={HISTORY_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))}
              value={kind}
              onChange={(value) => restart({ kind: value as HistoryKind })}
              data-testid="history-kind"
            />
          </Form.Item>
          <Form.Item label={t('historyImport.file')}>
            <Upload.Dragger
              accept=".csv,.txt,.tsv,.xlsx"
              multiple={false}
              showUploadList={false}
              beforeUpload={(picked) => {
                restart({ file: picked });
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <Typography.Paragraph strong data-testid="history-file">{file ? file.name : t('imports.upload.title')}</Typography.Paragraph>
              <Typography.Paragraph type="secondary">{t('imports.upload.hint')}</Typography.Paragraph>
            </Upload.Dragger>
          </Form.Item>
          {kind === 'products' || kind === 'opportunities' ? (
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item label={t('historyImport.currency')}>
                  <Select
                    allowClear
                    placeholder={t('historyImport.currencyDefault')}
                    options={CURRENCIES.map((code) => ({ value: code, label: code }))}
                    value={options.currency}
                    onChange={(currency?: string) => setOptions((o) => ({ ...o, currency }))}
                  />
                </Form.Item>
              </Col>
              {kind === 'opportunities' ? (
                <>
                  <Col xs={24} md={8}>
                    <Form.Item label={t('historyImport.process')}>
                      <Select
                        loading={processes.isPending}
                        options={processList.map((p) => ({ value: p.id, label: p.name }))}
                        value={process?.id}
                        onChange={(processId: string) => {
                          setOptions((o) => ({ ...o, processId }));
                          setStageMapping({});
                        }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item label={t('historyImport.shiftDays')} tooltip={t('historyImport.shiftDaysHelp')}>
                      <InputNumber
                        className="l2c-full-width"
                        precision={0}
                        value={options.shiftDays}
                        onChange={(shiftDays: number | null) => setOptions((o) => ({ ...o, shiftDays: shiftDays ?? undefined }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item label={t('historyImport.missingAccount')} tooltip={t('historyImport.missingAccountHelp')}>
                      <Input
                        allowClear
                        value={options.missingAccountName}
                        onChange={(e) => setOptions((o) => ({ ...o, missingAccountName: e.target.value || undefined }))}
                      />
                    </Form.Item>
                  </Col>
                </>
              ) : null}
            </Row>
          ) : null}
          <Space wrap>
            <Button disabled={!file} loading={run.isPending && run.variables === true} onClick={() => run.mutate(true)} data-testid="history-check">
              {check ? t('historyImport.checkAgain') : t('historyImport.check')}
            </Button>
            <Button
              type="primary"
              disabled={!check || stale}
              loading={run.isPending && run.variables === false}
              onClick={() => run.mutate(false)}
              data-testid="history-import-run"
            >
              {t('historyImport.import')}
            </Button>
            {check && stale ? <Typography.Text type="warning">{t('historyImport.stale')}</Typography.Text> : null}
          </Space>
        </Form>
      </Card>

      {check ? (
        <Card title={t('historyImport.checkTitle', { rows: check.rows })} className="l2c-section" data-testid="history-check-result">
          <Outcome result={check} />
          <Typography.Title level={5}>{t('historyImport.mapping')}</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="column"
            dataSource={Object.entries(check.mapping).map(([column, field]) => ({ column, field }))}
            columns={[
              { key: 'column', title: t('historyImport.column'), dataIndex: 'column' },
              {
                key: 'field',
                title: t('historyImport.field'),
                render: (_, row) => (
                  <Select
                    className="l2c-full-width"
                    options={fieldOptions}
                    value={mapping?.[row.column] ?? SKIP}
                    onChange={(value: string) => setMapping((m) => ({ ...m, [row.column]: value === SKIP ? null : value }))}
                    data-testid={`history-map-${row.column}`}
                  />
                ),
              },
            ]}
          />
          {check.stages && check.stages.length > 0 ? (
            <>
              <Typography.Title level={5} className="l2c-section">{t('historyImport.stages', { process: process?.name ?? '' })}</Typography.Title>
              <Table
                size="small"
                pagination={false}
                rowKey="stage"
                dataSource={check.stages.map((stage) => ({ stage }))}
                columns={[
                  { key: 'stage', title: t('historyImport.fileStage'), dataIndex: 'stage' },
                  {
                    key: 'processStage',
                    title: t('historyImport.processStage'),
                    render: (_, row) => (
                      <Select
                        allowClear
                        className="l2c-full-width"
                        placeholder={t('historyImport.stageByName')}
                        options={stageOptions}
                        value={stageMapping[row.stage]}
                        onChange={(value?: string) => setStageMapping((m) => {
                          const { [row.stage]: _, ...rest } = m;
                          return value ? { ...rest, [row.stage]: value } : rest;
                        })}
                        data-testid={`history-stage-${row.stage}`}
                      />
                    ),
                  },
                ]}
              />
            </>
          ) : null}
        </Card>
      ) : null}

      {done ? (
        <Alert
          className="l2c-section"
          type={done.rejects.length > 0 ? 'warning' : 'success'}
          showIcon
          title={t('historyImport.done')}
          description={
            <>
              <Outcome result={done} />
              <Link to="/analytics">{t('historyImport.openAnalytics')}</Link>
            </>
          }
          data-testid="history-done"
        />
      ) : null}
    </div>
  );
}

/** What an import created (or would create), skipped and refused, with the reasons per row. */
function Outcome({ result }: { result: HistoryImportResult }) {
  const { t } = useI18n();
  const created = Object.entries(result.created);
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          ...created.map(([what, n]) => ({
            key: what,
            label: CREATED_LABELS[what] ? t(CREATED_LABELS[what]) : what,
            children: <span className="l2c-number" data-testid={`history-created-${what}`}>{n}</span>,
          })),
          { key: 'skipped', label: t('historyImport.skipped'), children: <span className="l2c-number">{result.skipped}</span> },
          {
            key: 'rejected',
            label: t('historyImport.rejected'),
            children: <span className="l2c-number" data-testid="history-rejected">{result.rejects.length}</span>,
          },
        ]}
      />
      {result.rejects.length > 0 ? (
        <Table
          size="small"
          rowKey="rowNumber"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={result.rejects.slice(0, REJECTS_SHOWN)}
          footer={result.rejects.length > REJECTS_SHOWN ? () => t('historyImport.moreRejects', { n: result.rejects.length - REJECTS_SHOWN }) : undefined}
          columns={[
            { key: 'row', title: t('historyImport.row'), dataIndex: 'rowNumber', width: 80 },
            { key: 'why', title: t('historyImport.why'), render: (_, r) => r.errors.map((e) => e.message).join(' ') },
          ]}
          data-testid="history-rejects"
        />
      ) : null}
    </>
  );
}
