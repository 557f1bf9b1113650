import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Input, Spin, Table, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { enrichmentApi, type RegistryCompany, type RegistryLoadReport } from '../api/enrichment';
import { queryKeys } from '../api/query-keys';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { INDUSTRIES } from '../shared/industries';
import { labelOf } from '../shared/labelled-options';
import { formatMoney } from '../shared/money';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useDebouncedValue } from '../shared/use-debounced-value';
import { useErrorFeedback } from '../shared/use-error-feedback';

const PAGE = 50;
const ROW_ERRORS: Readonly<Record<string, MessageKey>> = { REGISTRY_NAME_REQUIRED: 'registry.error.REGISTRY_NAME_REQUIRED' };

/**
 * The tenant's company registry (工商信息, PLT-7): load an export, see what it holds. New leads
 * and accounts are filled from it in the fields nobody typed.
 */
export function RegistryPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 300);
  const [uploading, setUploading] = useState<string | null>(null);
  const [report, setReport] = useState<RegistryLoadReport | null>(null);
  const canLoad = can(me.permissions, 'registry_companies', 'create');

  const summary = useQuery({ queryKey: queryKeys.registrySummary(), queryFn: ({ signal }) => enrichmentApi.summary(signal) });
  const list = useQuery({
    queryKey: queryKeys.registryList({ q }),
    queryFn: ({ signal }) => enrichmentApi.list({ q, limit: PAGE, sort: 'name' }, signal),
  });

  const send = async (file: File) => {
    setUploading(file.name);
    setReport(null);
    try {
      setReport(await enrichmentApi.upload(file));
      await queryClient.invalidateQueries({ queryKey: queryKeys.registryAll() });
    } catch (error) {
      showError(error);
    } finally {
      setUploading(null);
    }
  };

  const columns: TableColumnsType<RegistryCompany> = [
    { key: 'name', title: t('registry.col.name'), render: (_, c) => <Typography.Text strong>{c.name}</Typography.Text> },
    { key: 'creditCode', title: t('registry.col.creditCode'), render: (_, c) => c.creditCode ?? t('common.empty') },
    { key: 'industry', title: t('registry.col.industry'), render: (_, c) => labelOf(INDUSTRIES, c.industry, locale) || t('common.empty') },
    { key: 'capital', title: t('registry.col.capital'), render: (_, c) => formatMoney(c.registeredCapital, locale) || t('common.empty') },
    { key: 'location', title: t('registry.col.location'), render: (_, c) => [c.province, c.district ?? c.city].filter(Boolean).join(' · ') || t('common.empty') },
    { key: 'registeredOn', title: t('registry.col.registeredOn'), render: (_, c) => c.registeredOn ?? t('common.empty') },
  ];

  return (
    <div data-testid="registry-page">
      <PageHeader
        title={t('registry.title')}
        subtitle={t('registry.subtitle')}
        actions={summary.data ? <Typography.Text data-testid="registry-count">{t('registry.count', { count: summary.data.count })}</Typography.Text> : null}
      />
      {canLoad ? (
        <div className="l2c-section">
          <Spin spinning={uploading !== null} description={uploading ? t('registry.uploading') : undefined}>
            <Upload.Dragger
              accept=".csv,.txt"
              multiple={false}
              showUploadList={false}
              disabled={uploading !== null}
              beforeUpload={(file) => {
                void send(file);
                return false;
              }}
              data-testid="registry-upload"
            >
              <p className="ant-upload-drag-icon">
                <CloudUploadOutlined />
              </p>
              <Typography.Paragraph strong>{t('registry.upload')}</Typography.Paragraph>
              <Typography.Paragraph type="secondary">{t('registry.uploadHint')}</Typography.Paragraph>
              <Typography.Paragraph type="secondary">{t('registry.licence')}</Typography.Paragraph>
            </Upload.Dragger>
          </Spin>
        </div>
      ) : null}
      {report ? (
        <Alert
          type={report.rejected > 0 ? 'warning' : 'success'}
          showIcon
          className="l2c-section"
          data-testid="registry-report"
          title={t('registry.report', { received: report.received, inserted: report.inserted, updated: report.updated, rejected: report.rejected })}
          description={
            report.invalidCreditCodes > 0 || report.errors.length > 0 ? (
              <>
                {report.invalidCreditCodes > 0 ? <div>{t('registry.invalidCodes', { count: report.invalidCreditCodes })}</div> : null}
                {report.errors.slice(0, 10).map((e) => (
                  <div key={e.row}>{t('registry.rowError', { row: e.row, reason: ROW_ERRORS[e.code] ? t(ROW_ERRORS[e.code]) : e.code })}</div>
                ))}
              </>
            ) : undefined
          }
        />
      ) : null}
      <Input.Search
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('registry.searchPlaceholder')}
        className="l2c-section"
        data-testid="registry-search"
      />
      {list.isError ? <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<RegistryCompany>
        rowKey="id"
        size="small"
        loading={list.isPending}
        columns={columns}
        dataSource={list.data?.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('registry.empty') }}
        data-testid="registry-list"
      />
    </div>
  );
}
