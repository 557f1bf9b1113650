import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Row, Segmented, Statistic, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { analyticsApi, FORECAST_GROUPS, type AnalyticsFilters, type ForecastGroup, type ForecastRow } from '../api/analytics';
import { queryKeys } from '../api/query-keys';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { AdjustForecastModal } from './AdjustForecastModal';
import { barsOption, plotValue } from './chart-options';
import { forecastRowDeals } from './drill-paths';
import { EChart } from './EChart';
import { useAnalyticsFormat } from './use-analytics-format';
import { useGroupLabel } from './use-group-label';
import { QueryCard } from './QueryCard';

const GROUP_KEYS: Record<ForecastGroup, MessageKey> = {
  owner: 'analytics.group.owner',
  team: 'analytics.group.team',
  region: 'analytics.group.region',
  productLine: 'analytics.group.productLine',
};

interface ForecastPanelProps {
  filters: AnalyticsFilters;
  /** Fixed grouping; without it the reader picks one. */
  groupBy?: ForecastGroup;
  /** Managers may adjust a subordinate's commit or best case (per owner). */
  canAdjust?: boolean;
  title?: string;
  testId?: string;
}

/** Pipeline, best case, commit, closed, weighted and the call per rep, team, region or product line (OPP-6). */
export function ForecastPanel({ filters, groupBy: fixed, canAdjust = false, title, testId = 'forecast-panel' }: ForecastPanelProps) {
  const { t } = useI18n();
  const me = useMe();
  const format = useAnalyticsFormat();
  const [chosen, setChosen] = useState<ForecastGroup>('owner');
  const groupBy = fixed ?? chosen;
  const label = useGroupLabel(groupBy);
  const [adjusting, setAdjusting] = useState<ForecastRow | null>(null);
  const forecast = useQuery({
    queryKey: queryKeys.analytics('forecast', { ...filters, groupBy }),
    queryFn: ({ signal }) => analyticsApi.forecast(filters, groupBy, signal),
  });
  const data = forecast.data;
  const currency = data?.currency ?? me.tenant.currency;
  const money = (amount: string | undefined) => format.money(amount, currency);
  const rows = useMemo(() => data?.rows ?? [], [data]);

  const chart = useMemo(
    () =>
      barsOption({
        categories: rows.map(label),
        horizontal: true,
        format: (v) => format.compactNumber(v, currency),
        series: [
          { name: t('analytics.forecast.closed'), values: rows.map((r) => plotValue(r.closed)), stack: 'f' },
          { name: t('analytics.forecast.commit'), values: rows.map((r) => plotValue(r.adjusted?.commit ?? r.commit)), stack: 'f' },
          { name: t('analytics.forecast.bestCase'), values: rows.map((r) => plotValue(r.adjusted?.bestCase ?? r.bestCase)), stack: 'f' },
          { name: t('analytics.forecast.pipeline'), values: rows.map((r) => plotValue(r.pipeline)), stack: 'f' },
        ],
      }),
    [rows, label, format, currency, t],
  );

  /** A figure with the manager's adjustment beside the rep's own, when there is one. */
  const adjustedCell = (own: string, adjusted: string | undefined, note: string | undefined, testKey: string) =>
    adjusted !== undefined && adjusted !== own ? (
      <Tooltip title={note}>
        <span data-testid={`${testKey}-adjusted`}>
          <Typography.Text strong>{money(adjusted)}</Typography.Text>{' '}
          <Typography.Text type="secondary" delete>
            {money(own)}
          </Typography.Text>
        </span>
      </Tooltip>
    ) : (
      money(own)
    );

  const columns: TableColumnsType<ForecastRow> = [
    { key: 'name', title: t(GROUP_KEYS[groupBy]), fixed: 'left', render: (_v, r) => label(r) },
    { key: 'closed', title: t('analytics.forecast.closed'), align: 'right', render: (_v, r) => money(r.closed) },
    {
      key: 'commit',
      title: t('analytics.forecast.commit'),
      align: 'right',
      render: (_v, r) => adjustedCell(r.commit, r.adjusted?.commit, r.adjusted?.adjustments?.commit?.note, `forecast-commit-${r.key}`),
    },
    {
      key: 'bestCase',
      title: t('analytics.forecast.bestCase'),
      align: 'right',
      render: (_v, r) => adjustedCell(r.bestCase, r.adjusted?.bestCase, r.adjusted?.adjustments?.best_case?.note, `forecast-best-${r.key}`),
    },
    { key: 'pipeline', title: t('analytics.forecast.pipeline'), align: 'right', render: (_v, r) => money(r.pipeline) },
    { key: 'weighted', title: t('analytics.forecast.weighted'), align: 'right', render: (_v, r) => money(r.weighted) },
    {
      key: 'call',
      title: t('analytics.forecast.call'),
      align: 'right',
      render: (_v, r) => adjustedCell(r.call, r.adjusted?.call, undefined, `forecast-call-${r.key}`),
    },
    {
      key: 'openDeals',
      title: t('analytics.forecast.openDeals'),
      align: 'right',
      render: (_v, r) => {
        const path = data ? forecastRowDeals(groupBy, r.key, data) : null;
        return path ? <Link to={path}>{format.count(r.openDeals)}</Link> : format.count(r.openDeals);
      },
    },
    ...(canAdjust && groupBy === 'owner'
      ? [
          {
            key: 'adjust',
            title: '',
            render: (_v: unknown, r: ForecastRow) =>
              r.key && r.key !== me.user.id ? (
                <Button size="small" onClick={() => setAdjusting(r)} data-testid={`forecast-adjust-${r.key}`}>
                  {t('analytics.adjust.action')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <QueryCard
      query={forecast}
      exportTo={{ path: '/analytics/forecast', filters, extra: { groupBy } }}
      title={title ?? t('analytics.forecast.title')}
      testId={testId}
      after={data?.period ? <AdjustForecastModal row={adjusting} period={data.period} currency={currency} onClose={() => setAdjusting(null)} /> : null}
      extra={
        fixed ? null : (
          <Segmented
            size="small"
            value={groupBy}
            onChange={(v) => setChosen(v as ForecastGroup)}
            options={FORECAST_GROUPS.map((g) => ({ value: g, label: t(GROUP_KEYS[g]) }))}
            data-testid="forecast-group"
          />
        )
      }
    >
      {(data) => (
        <>
          <Row gutter={[16, 8]} className="l2c-section">
            {(
              [
                ['closed', data.total.closed],
                ['commit', data.total.commit],
                ['bestCase', data.total.bestCase],
                ['pipeline', data.total.pipeline],
                ['weighted', data.total.weighted],
                ['call', data.total.call],
              ] as const
            ).map(([key, value]) => (
              <Col xs={12} sm={8} xl={4} key={key}>
                <Statistic title={t(`analytics.forecast.${key}`)} value={money(value)} data-testid={`${testId}-total-${key}`} data-amount={value} />
              </Col>
            ))}
          </Row>
          {rows.length > 0 ? (
            <EChart option={chart} height={Math.max(200, rows.length * 34 + 60)} ariaLabel={title ?? t('analytics.forecast.title')} />
          ) : null}
          <Table
            rowKey={(r) => r.key ?? '-'}
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={rows}
            columns={columns}
            data-testid={`${testId}-table`}
          />
        </>
      )}
    </QueryCard>
  );
}
