import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Popconfirm, Progress, Result, Row, Space, Spin, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { importsApi, type ImportCounts, type ImportJob, type RejectedRow } from '../api/imports';
import { queryKeys } from '../api/query-keys';
import { formatInteger } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { progressPercent } from './import-state';

const COUNT_KEYS: (keyof ImportCounts)[] = ['created', 'merged', 'skipped', 'rejected'];

function Counts({ counts }: { counts: ImportCounts }) {
  const { t, locale } = useI18n();
  return (
    <Row gutter={[16, 16]} className="l2c-import-counts">
      {COUNT_KEYS.map((key) => (
        <Col key={key} xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t(`imports.counts.${key}`)}
              value={counts[key]}
              formatter={(value) => <span data-testid={`import-count-${key}`}>{formatInteger(Number(value), locale)}</span>}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** Step 4 while the job runs: a progress bar polled from the server, live counts, and cancel. */
export function ImportProgress({ job }: { job: ImportJob }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const cancel = useMutation({
    mutationFn: () => importsApi.cancel(job.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.all('imports') }),
    onError: (error) => showError(error),
  });
  const percent = progressPercent(job);
  const processed = formatInteger(job.progress.processed, locale);
  return (
    <div className="l2c-import-step" data-testid="import-progress-step">
      {percent === null ? (
        <Space>
          <Spin size="small" />
          <Typography.Text>{t('imports.counting')}</Typography.Text>
        </Space>
      ) : (
        <Progress percent={percent} status="active" data-testid="import-progress" />
      )}
      <Typography.Paragraph type="secondary" data-testid="import-progress-text">
        {job.progress.total === null
          ? t('imports.progressUnknown', { processed })
          : t('imports.progress', { processed, total: formatInteger(job.progress.total, locale) })}
      </Typography.Paragraph>
      <Counts counts={job.counts} />
      <div className="l2c-import-actions">
        <Popconfirm title={t('imports.cancelConfirm')} onConfirm={() => cancel.mutate()} okText={t('imports.cancel')} cancelText={t('action.back')}>
          <Button danger loading={cancel.isPending} data-testid="import-cancel">
            {t('imports.cancel')}
          </Button>
        </Popconfirm>
      </div>
    </div>
  );
}

/** Step 4 once done: what happened, and the rejected rows to fix and upload again. */
export function ImportResult({ job }: { job: ImportJob }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const rejected = job.errors ?? [];
  const status = job.status === 'completed' ? (job.counts.rejected > 0 ? 'warning' : 'success') : job.status === 'failed' ? 'error' : 'info';
  const title =
    job.status === 'completed' ? t('imports.result.completed') : job.status === 'failed' ? t('imports.result.failed') : t('imports.status.cancelled');
  const subTitle =
    job.status === 'failed'
      ? job.failure?.message
      : job.status === 'cancelled'
        ? t('imports.result.cancelled', { processed: formatInteger(job.progress.processed, locale) })
        : t('imports.result.summary', {
            created: formatInteger(job.counts.created, locale),
            merged: formatInteger(job.counts.merged, locale),
            skipped: formatInteger(job.counts.skipped, locale),
            rejected: formatInteger(job.counts.rejected, locale),
          });

  return (
    <div className="l2c-import-step" data-testid="import-result" data-status={job.status}>
      <Result
        status={status}
        title={title}
        subTitle={<span data-testid="import-result-summary">{subTitle}</span>}
        extra={[
          <Button key="leads" type="primary" onClick={() => void navigate('/leads')} data-testid="import-view-leads">
            {t('imports.viewLeads')}
          </Button>,
          <Button key="again" onClick={() => void navigate('/leads/imports/new')} data-testid="import-again">
            {t('imports.another')}
          </Button>,
        ]}
      />
      {job.status !== 'failed' ? <Counts counts={job.counts} /> : null}
      {job.counts.rejected > 0 ? (
        <Card
          size="small"
          className="l2c-import-rejected"
          title={t('imports.rejected.title')}
          extra={
            <Space wrap>
              <Button size="small" icon={<DownloadOutlined />} href={importsApi.reportUrl(job.id, 'csv')} data-testid="import-download-csv">
                {t('imports.download.csv')}
              </Button>
              <Button size="small" icon={<DownloadOutlined />} href={importsApi.reportUrl(job.id, 'xlsx')} data-testid="import-download-xlsx">
                {t('imports.download.xlsx')}
              </Button>
            </Space>
          }
        >
          <Typography.Paragraph type="secondary">{t('imports.rejected.hint')}</Typography.Paragraph>
          <Table<RejectedRow>
            size="small"
            rowKey="rowNumber"
            pagination={false}
            dataSource={rejected}
            scroll={{ x: true }}
            data-testid="import-rejected"
            onRow={() => ({ 'data-testid': 'import-rejected-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'row', title: t('imports.rejected.row'), width: 72, render: (_v, r) => <span className="l2c-number">{r.rowNumber}</span> },
              {
                key: 'values',
                title: t('imports.rejected.values'),
                render: (_v, r) => <Typography.Text type="secondary">{r.cells.filter((c) => c.trim() !== '').join(' · ')}</Typography.Text>,
              },
              {
                key: 'reasons',
                title: t('imports.rejected.reasons'),
                render: (_v, r) => (
                  <ul className="l2c-import-reasons">
                    {r.errors.map((e, i) => (
                      <li key={i}>{e.column ? `${e.column}: ${e.message}` : e.message}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          {job.counts.rejected > rejected.length ? (
            <Typography.Paragraph type="secondary">
              {t('imports.rejected.more', { shown: rejected.length, total: formatInteger(job.counts.rejected, locale) })}
            </Typography.Paragraph>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
