import { useMemo } from 'react';
import { Button, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { importsApi, type ImportJob } from '../api/imports';
import { useCan, useMe } from '../auth/session-context';
import { formatDateTime, formatInteger } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { PageHeader } from '../shared/PageHeader';
import { ImportStatusTag } from './ImportStatusTag';

/** Every import of the tenant the user may see, newest first, with its status and counts. */
export function ImportList() {
  const { t, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const canImport = useCan('imports', 'create');
  const timeZone = me.tenant.timezone;

  const columns = useMemo<DataColumn<ImportJob>[]>(
    () => [
      { key: 'fileName', title: t('imports.col.file'), locked: true, render: (j) => <Typography.Text strong>{j.fileName}</Typography.Text> },
      { key: 'status', title: t('imports.col.status'), render: (j) => <ImportStatusTag status={j.status} /> },
      {
        key: 'rows',
        title: t('imports.col.rows'),
        render: (j) => (
          <span className="l2c-number">
            {j.progress.total === null
              ? formatInteger(j.progress.processed, locale)
              : `${formatInteger(j.progress.processed, locale)} / ${formatInteger(j.progress.total, locale)}`}
          </span>
        ),
      },
      {
        key: 'result',
        title: t('imports.col.result'),
        render: (j) => (j.status === 'mapping' || j.status === 'uploaded' ? '' : t('imports.resultShort', { ...j.counts })),
      },
      { key: 'owner', title: t('common.owner'), render: (j) => j.ownerName ?? '' },
      { key: 'createdAt', title: t('common.createdAt'), sortField: 'createdAt', render: (j) => formatDateTime(j.createdAt, locale, timeZone) },
    ],
    [t, locale, timeZone],
  );

  return (
    <div data-testid="import-list-page">
      <PageHeader
        title={t('imports.history')}
        backTo="/leads"
        actions={
          canImport ? (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => void navigate('/leads/imports/new')} data-testid="import-new">
              {t('imports.new')}
            </Button>
          ) : null
        }
      />
      <DataTable<ImportJob>
        tableId="imports"
        testId="import-list"
        resource="imports"
        fetchPage={importsApi.list}
        params={{}}
        sort={{ field: 'createdAt', order: 'descend' }}
        columns={columns}
        cardColumns={['fileName', 'status', 'result']}
        onRowClick={(job) => void navigate(`/leads/imports/${job.id}`)}
        emptyText={t('imports.empty')}
      />
    </div>
  );
}
