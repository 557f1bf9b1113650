import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Progress, Table } from 'antd';
import { analyticsApi } from '../api/analytics';
import { queryKeys } from '../api/query-keys';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { barsOption, plotValue } from './chart-options';
import { EChart } from './EChart';
import { useAnalyticsFormat } from './use-analytics-format';
import { QueryCard } from './QueryCard';

/** Quotas of the period beside what is won so far, per rep and team, in real time (OPP-5). */
export function AttainmentPanel({ period }: { period: string }) {
  const { t } = useI18n();
  const me = useMe();
  const format = useAnalyticsFormat();
  const attainment = useQuery({
    queryKey: queryKeys.analytics('attainment', { period }),
    queryFn: ({ signal }) => analyticsApi.attainment({ period }, signal),
  });
  const rows = useMemo(() => attainment.data?.rows ?? [], [attainment.data]);
  const currency = attainment.data?.currency ?? me.tenant.currency;
  const chart = useMemo(
    () =>
      barsOption({
        categories: rows.map((r) => r.name ?? ''),
        horizontal: true,
        format: (v) => format.compactNumber(v, currency),
        series: [
          { name: t('analytics.attainment.target'), values: rows.map((r) => plotValue(r.target)), color: '#bfbfbf' },
          { name: t('analytics.attainment.won'), values: rows.map((r) => plotValue(r.won)) },
        ],
      }),
    [rows, format, currency, t],
  );
  const progressBar = (rate: number | null) => (
    <Progress
      percent={rate === null ? 0 : Math.round(rate * 1000) / 10}
      size="small"
      format={() => format.rate(rate)}
      status={rate !== null && rate >= 1 ? 'success' : 'normal'}
      className="l2c-analytics-progress"
    />
  );
  return (
    <QueryCard query={attainment} exportTo={{ path: '/analytics/attainment', filters: { period } }} title={t('analytics.attainment.title')} testId="attainment-panel">
      {(data) => (
        <>
          {data.rows.length > 0 ? <EChart option={chart} height={Math.max(180, data.rows.length * 40 + 50)} ariaLabel={t('analytics.attainment.title')} /> : null}
          <Table
          rowKey="targetId"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={rows}
          locale={{ emptyText: t('analytics.attainment.empty') }}
          data-testid="attainment-table"
          columns={[
            { key: 'name', title: t('analytics.attainment.subject'), render: (_v, r) => r.name ?? t('common.empty') },
            { key: 'target', title: t('analytics.attainment.target'), align: 'right', render: (_v, r) => format.money(r.target, currency) },
            {
              key: 'won',
              title: t('analytics.attainment.won'),
              align: 'right',
              render: (_v, r) => <span data-testid={`attainment-won-${r.targetId}`} data-amount={r.won}>{format.money(r.won, currency)}</span>,
            },
            {
              key: 'attainment',
              title: t('analytics.attainment.rate'),
              render: (_v, r) => progressBar(r.attainment),
            },
            { key: 'gap', title: t('analytics.attainment.gap'), align: 'right', render: (_v, r) => format.money(r.gap, currency) },
            { key: 'pipeline', title: t('analytics.forecast.pipeline'), align: 'right', render: (_v, r) => format.money(r.pipeline, currency) },
            { key: 'weighted', title: t('analytics.forecast.weighted'), align: 'right', render: (_v, r) => format.money(r.weighted, currency) },
          ]}
          />
          {data.activities?.length ? (
            <Table
              title={() => t('analytics.attainment.activities')}
              rowKey="targetId"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={data.activities}
              data-testid="activity-attainment-table"
              columns={[
                { key: 'name', title: t('analytics.attainment.subject'), render: (_v, r) => r.name ?? t('common.empty') },
                { key: 'metric', title: t('analytics.targets.metric'), render: (_v, r) => t(r.metric === 'visits' ? 'analytics.behaviour.visits' : 'analytics.behaviour.calls') },
                { key: 'target', title: t('analytics.attainment.target'), align: 'right', render: (_v, r) => format.count(r.target) },
                { key: 'done', title: t('analytics.attainment.done'), align: 'right', render: (_v, r) => format.count(r.done) },
                { key: 'rate', title: t('analytics.attainment.rate'), render: (_v, r) => progressBar(r.attainment) },
                { key: 'gap', title: t('analytics.attainment.gap'), align: 'right', render: (_v, r) => format.count(r.gap) },
              ]}
            />
          ) : null}
        </>
      )}
    </QueryCard>
  );
}
