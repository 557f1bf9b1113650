import { useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Col, Row, Segmented, Statistic, Table } from 'antd';
import { analyticsApi, RESULT_GROUPS, type AnalyticsFilters, type LossReasonRow, type ResultGroup, type WinRateRow } from '../api/analytics';
import { queryKeys } from '../api/query-keys';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { barsOption, percentValue } from './chart-options';
import { DrillNumber, DrillStatistic, useDrillDrawer } from './DrillDrawer';
import { EChart } from './EChart';
import { useAnalyticsFormat } from './use-analytics-format';
import { useGroupLabel } from './use-group-label';
import { QueryCard } from './QueryCard';

const GROUP_KEYS = { owner: 'analytics.group.owner', team: 'analytics.group.team', region: 'analytics.group.region' } as const;

/** Win rate, average deal size and sales-cycle length, in total and per rep, team or region (OPP-5); won and lost figures open their deals. */
export function WinRatePanel({ filters }: { filters: AnalyticsFilters }) {
  const { t } = useI18n();
  const me = useMe();
  const format = useAnalyticsFormat();
  const [groupBy, setGroupBy] = useState<ResultGroup>('owner');
  const label = useGroupLabel(groupBy);
  const { onDrill, drawer } = useDrillDrawer();
  const rates = useQuery({
    queryKey: queryKeys.analytics('win-rates', { ...filters, groupBy }),
    queryFn: ({ signal }) => analyticsApi.winRates(filters, groupBy, signal),
  });
  const data = rates.data;
  const currency = data?.currency ?? me.tenant.currency;
  const total = t('analytics.behaviour.total');
  /** A won or lost figure of a row (or the total) that opens those deals; `data-testid` is win-rate-<figure>-<key | total>. */
  const drillCell = (r: WinRateRow, name: string, testKey: string, figure: 'won' | 'lost' | 'wonAmount' | 'lostAmount', value: ReactNode) => (
    <DrillNumber
      value={value}
      link={r.drill[figure === 'won' || figure === 'wonAmount' ? 'won' : 'lost']}
      title={`${name} · ${t(`analytics.results.${figure}`)}`}
      onOpen={onDrill}
      testId={`win-rate-${figure}-${testKey}`}
    />
  );
  const rowCell = (r: WinRateRow, figure: 'won' | 'lost' | 'wonAmount' | 'lostAmount', value: ReactNode) => drillCell(r, label(r), r.key ?? 'none', figure, value);
  const chart = useMemo(
    () =>
      barsOption({
        categories: (data?.rows ?? []).map(label),
        horizontal: true,
        format: format.percentNumber,
        series: [{ name: t('analytics.results.winRate'), values: (data?.rows ?? []).map((r) => percentValue(r.winRate)) }],
      }),
    [data, label, format, t],
  );
  return (
    <QueryCard
      query={rates}
      exportTo={{ path: '/analytics/win-rates', filters, extra: { groupBy } }}
      title={t('analytics.results.winRates')}
      testId="win-rate-panel"
      after={drawer}
      extra={
        <Segmented
          size="small"
          value={groupBy}
          onChange={(v) => setGroupBy(v as ResultGroup)}
          options={RESULT_GROUPS.map((g) => ({ value: g, label: t(GROUP_KEYS[g]) }))}
        />
      }
    >
      {(data) => (
        <>
          <Row gutter={[16, 8]} className="l2c-section">
            <Col xs={12} md={6}>
              <Statistic title={t('analytics.results.winRate')} value={format.rate(data.total.winRate)} data-testid="win-rate-total" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('analytics.results.wonLost')}
                value={`${data.total.won} / ${data.total.lost}`}
                valueRender={() => (
                  <>
                    {drillCell(data.total, total, 'total', 'won', format.count(data.total.won))} / {drillCell(data.total, total, 'total', 'lost', format.count(data.total.lost))}
                  </>
                )}
              />
            </Col>
            <Col xs={12} md={6}>
              <DrillStatistic
                label={t('analytics.results.wonAmount')}
                title={`${total} · ${t('analytics.results.wonAmount')}`}
                value={format.money(data.total.wonAmount, currency)}
                amount={data.total.wonAmount}
                link={data.total.drill.won}
                onOpen={onDrill}
                testId="win-rate-total-amount"
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('analytics.results.avgDeal')} value={format.money(data.total.averageDealSize, currency)} />
              <Statistic title={t('analytics.results.cycle')} value={format.days(data.total.salesCycleDays)} />
            </Col>
          </Row>
          {data.rows.length > 0 ? <EChart option={chart} height={Math.max(160, data.rows.length * 30 + 40)} ariaLabel={t('analytics.results.winRates')} /> : null}
          <Table
            rowKey={(r) => r.key ?? '-'}
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={data.rows}
            columns={[
              { key: 'name', title: t(GROUP_KEYS[groupBy]), render: (_v, r) => label(r) },
              { key: 'won', title: t('analytics.results.won'), align: 'right', render: (_v, r) => rowCell(r, 'won', format.count(r.won)) },
              { key: 'lost', title: t('analytics.results.lost'), align: 'right', render: (_v, r) => rowCell(r, 'lost', format.count(r.lost)) },
              { key: 'rate', title: t('analytics.results.winRate'), align: 'right', render: (_v, r) => format.rate(r.winRate) },
              { key: 'wonAmount', title: t('analytics.results.wonAmount'), align: 'right', render: (_v, r) => rowCell(r, 'wonAmount', format.money(r.wonAmount, currency)) },
              { key: 'lostAmount', title: t('analytics.results.lostAmount'), align: 'right', render: (_v, r) => rowCell(r, 'lostAmount', format.money(r.lostAmount, currency)) },
              { key: 'avg', title: t('analytics.results.avgDeal'), align: 'right', render: (_v, r) => format.money(r.averageDealSize, currency) },
              { key: 'cycle', title: t('analytics.results.cycle'), align: 'right', render: (_v, r) => format.days(r.salesCycleDays) },
            ]}
          />
        </>
      )}
    </QueryCard>
  );
}

/** Days deals spend in each stage and how they leave it; the deals that entered a stage open from its count. */
export function VelocityPanel({ filters }: { filters: AnalyticsFilters }) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  const { onDrill, drawer } = useDrillDrawer();
  const velocity = useQuery({
    queryKey: queryKeys.analytics('velocity', filters),
    queryFn: ({ signal }) => analyticsApi.velocity(filters, signal),
  });
  const stages = useMemo(() => velocity.data?.stages ?? [], [velocity.data]);
  const chart = useMemo(
    () =>
      barsOption({
        categories: stages.map((s) => s.name),
        format: (v) => format.days(v),
        series: [
          { name: t('analytics.velocity.average'), values: stages.map((s) => s.averageDays) },
          { name: t('analytics.velocity.median'), values: stages.map((s) => s.medianDays) },
        ],
      }),
    [stages, format, t],
  );
  return (
    <QueryCard query={velocity} exportTo={{ path: '/analytics/velocity', filters }} title={t('analytics.velocity.title')} testId="velocity-panel" after={drawer}>
      {(data) => (
        <>
          <Statistic className="l2c-section" title={t('analytics.results.cycle')} value={format.days(data.salesCycleDays)} />
          {stages.length > 0 ? <EChart option={chart} height={260} ariaLabel={t('analytics.velocity.title')} /> : null}
          <Table
            rowKey="stageId"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={stages}
            columns={[
              { key: 'name', title: t('analytics.velocity.stage'), render: (_v, s) => s.name },
              {
                key: 'entered',
                title: t('analytics.velocity.entered'),
                align: 'right',
                render: (_v, s) => (
                  <DrillNumber
                    value={format.count(s.entered)}
                    link={s.drill.entered}
                    title={`${s.name} · ${t('analytics.velocity.entered')}`}
                    onOpen={onDrill}
                    testId={`velocity-entered-${s.stageId}`}
                  />
                ),
              },
              { key: 'advanced', title: t('analytics.velocity.advanced'), align: 'right', render: (_v, s) => format.count(s.advanced) },
              { key: 'lost', title: t('analytics.velocity.lost'), align: 'right', render: (_v, s) => format.count(s.lost) },
              { key: 'stillIn', title: t('analytics.velocity.stillIn'), align: 'right', render: (_v, s) => format.count(s.stillIn) },
              { key: 'avg', title: t('analytics.velocity.average'), align: 'right', render: (_v, s) => format.days(s.averageDays) },
              { key: 'median', title: t('analytics.velocity.median'), align: 'right', render: (_v, s) => format.days(s.medianDays) },
            ]}
          />
        </>
      )}
    </QueryCard>
  );
}

/** Deals lost in the period by reason; a reason's count and amount open its lost deals. */
export function LossReasonPanel({ filters }: { filters: AnalyticsFilters }) {
  const { t } = useI18n();
  const me = useMe();
  const format = useAnalyticsFormat();
  const { onDrill, drawer } = useDrillDrawer();
  const reasons = useQuery({
    queryKey: queryKeys.analytics('loss-reasons', filters),
    queryFn: ({ signal }) => analyticsApi.lossReasons(filters, signal),
  });
  const rows = useMemo(() => reasons.data?.reasons ?? [], [reasons.data]);
  const currency = reasons.data?.currency ?? me.tenant.currency;
  const name = (label: string | null) => label ?? t('analytics.loss.unspecified');
  const reasonCell = (r: LossReasonRow, value: ReactNode, figure: 'count' | 'amount') => (
    <DrillNumber value={value} link={r.drill} title={name(r.label)} onOpen={onDrill} testId={`loss-${figure}-${r.reason ?? 'none'}`} />
  );
  const chart = useMemo(
    () =>
      barsOption({
        categories: rows.map((r) => r.label ?? t('analytics.loss.unspecified')),
        horizontal: true,
        format: (v) => format.count(v),
        series: [{ name: t('analytics.loss.count'), values: rows.map((r) => r.count), color: '#fa8c16' }],
      }),
    [rows, format, t],
  );
  return (
    <QueryCard query={reasons} exportTo={{ path: '/analytics/loss-reasons', filters }} title={t('analytics.loss.title')} testId="loss-panel" after={drawer}>
      {() => (
        <>
          {rows.length > 0 ? <EChart option={chart} height={Math.max(140, rows.length * 30 + 40)} ariaLabel={t('analytics.loss.title')} /> : null}
          <Table
            rowKey={(r) => r.reason ?? '-'}
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={rows}
            columns={[
              { key: 'reason', title: t('analytics.loss.reason'), render: (_v, r) => name(r.label) },
              { key: 'count', title: t('analytics.loss.count'), align: 'right', render: (_v, r) => reasonCell(r, format.count(r.count), 'count') },
              { key: 'share', title: t('analytics.loss.share'), align: 'right', render: (_v, r) => format.rate(r.share) },
              { key: 'amount', title: t('analytics.loss.amount'), align: 'right', render: (_v, r) => reasonCell(r, format.money(r.amount, currency), 'amount') },
            ]}
          />
        </>
      )}
    </QueryCard>
  );
}
