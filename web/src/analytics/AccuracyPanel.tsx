import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { analyticsApi, type AnalyticsFilters } from '../api/analytics';
import { queryKeys } from '../api/query-keys';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { useAnalyticsFormat } from './use-analytics-format';
import { QueryCard } from './QueryCard';

/** Forecast accuracy per team from the weekly snapshots, and today's call adjusted by each team's history (OPP-6). */
export function AccuracyPanel({ filters }: { filters: AnalyticsFilters }) {
  const { t } = useI18n();
  const me = useMe();
  const format = useAnalyticsFormat();
  const accuracy = useQuery({
    queryKey: queryKeys.analytics('forecast-accuracy', filters),
    queryFn: ({ signal }) => analyticsApi.forecastAccuracy(filters, signal),
  });
  const currency = accuracy.data?.currency ?? me.tenant.currency;
  return (
    <QueryCard query={accuracy} exportTo={{ path: '/analytics/forecast-accuracy', filters }} title={t('analytics.accuracy.title')} testId="accuracy-panel">
      {(data) => (
        <Table
          rowKey="teamId"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={data.teams}
          locale={{ emptyText: t('analytics.accuracy.empty') }}
          columns={[
            { key: 'name', title: t('analytics.group.team'), render: (_v, r) => r.name },
            { key: 'accuracy', title: t('analytics.accuracy.accuracy'), align: 'right', render: (_v, r) => format.rate(r.accuracy) },
            { key: 'bias', title: t('analytics.accuracy.bias'), align: 'right', render: (_v, r) => format.rate(r.bias) },
            { key: 'call', title: t('analytics.forecast.call'), align: 'right', render: (_v, r) => format.money(r.currentCall, currency) },
            {
              key: 'adjusted',
              title: t('analytics.accuracy.adjusted'),
              align: 'right',
              render: (_v, r) => (r.adjustedForecast ? format.money(r.adjustedForecast, currency) : t('analytics.accuracy.noHistory')),
            },
            { key: 'snapshots', title: t('analytics.accuracy.snapshots'), align: 'right', render: (_v, r) => format.count(r.snapshots.length) },
          ]}
        />
      )}
    </QueryCard>
  );
}
