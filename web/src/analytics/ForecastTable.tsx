import { useMemo, useState, type ReactNode } from 'react';
import { Button, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { AnalyticsRange, ForecastDrillFigure, ForecastGroup, ForecastRow } from '../api/analytics';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { AdjustForecastModal } from './AdjustForecastModal';
import { barsOption, plotValue } from './chart-options';
import { DrillNumber, type OnDrill } from './DrillDrawer';
import { EChart } from './EChart';
import { useAnalyticsFormat } from './use-analytics-format';
import { useGroupLabel } from './use-group-label';

export const GROUP_KEYS: Record<ForecastGroup, MessageKey> = {
  owner: 'analytics.group.owner',
  team: 'analytics.group.team',
  region: 'analytics.group.region',
  productLine: 'analytics.group.productLine',
};

interface ForecastTableProps {
  rows: readonly ForecastRow[];
  groupBy: ForecastGroup;
  /** The answer's range and currency: the adjustment's period. */
  range: AnalyticsRange;
  /** Managers may adjust a subordinate's commit or best case (per owner). */
  canAdjust?: boolean;
  title: string;
  testId: string;
  /** Figures with drill links open the deals behind them. */
  onDrill?: OnDrill;
}

/** The forecast per rep, team, region or product line: stacked bars and the table, the manager's adjustments beside the rep's figures. */
export function ForecastTable({ rows, groupBy, range, canAdjust = false, title, testId, onDrill }: ForecastTableProps) {
  const { t } = useI18n();
  const me = useMe();
  const format = useAnalyticsFormat();
  const label = useGroupLabel(groupBy);
  const [adjusting, setAdjusting] = useState<ForecastRow | null>(null);
  const { currency } = range;
  const money = (amount: string | undefined) => format.money(amount, currency);

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

  /** A figure of the row that opens the deals behind it. */
  const drillCell = (r: ForecastRow, figure: ForecastDrillFigure) => (
    <DrillNumber
      value={figure === 'openDeals' ? format.count(r.openDeals) : money(r[figure])}
      link={r.drill?.[figure]}
      title={`${label(r)} · ${t(`analytics.forecast.${figure}`)}`}
      onOpen={onDrill}
      testId={`${testId}-${figure}-${r.key ?? 'none'}`}
    />
  );

  /** A figure with the manager's adjustment beside the rep's own (struck through), when there is one. */
  const adjustedCell = (own: ReactNode, ownAmount: string, adjusted: string | undefined, note: string | undefined, testKey: string) =>
    adjusted !== undefined && adjusted !== ownAmount ? (
      <Tooltip title={note}>
        <span data-testid={`${testKey}-adjusted`}>
          <Typography.Text strong>{money(adjusted)}</Typography.Text>{' '}
          <Typography.Text type="secondary" delete>
            {own}
          </Typography.Text>
        </span>
      </Tooltip>
    ) : (
      own
    );

  const columns: TableColumnsType<ForecastRow> = [
    { key: 'name', title: t(GROUP_KEYS[groupBy]), fixed: 'left', render: (_v, r) => label(r) },
    { key: 'closed', title: t('analytics.forecast.closed'), align: 'right', render: (_v, r) => drillCell(r, 'closed') },
    {
      key: 'commit',
      title: t('analytics.forecast.commit'),
      align: 'right',
      render: (_v, r) => adjustedCell(drillCell(r, 'commit'), r.commit, r.adjusted?.commit, r.adjusted?.adjustments?.commit?.note, `forecast-commit-${r.key}`),
    },
    {
      key: 'bestCase',
      title: t('analytics.forecast.bestCase'),
      align: 'right',
      render: (_v, r) =>
        adjustedCell(drillCell(r, 'bestCase'), r.bestCase, r.adjusted?.bestCase, r.adjusted?.adjustments?.best_case?.note, `forecast-best-${r.key}`),
    },
    { key: 'pipeline', title: t('analytics.forecast.pipeline'), align: 'right', render: (_v, r) => drillCell(r, 'pipeline') },
    { key: 'weighted', title: t('analytics.forecast.weighted'), align: 'right', render: (_v, r) => drillCell(r, 'weighted') },
    {
      key: 'call',
      title: t('analytics.forecast.call'),
      align: 'right',
      render: (_v, r) => adjustedCell(money(r.call), r.call, r.adjusted?.call, undefined, `forecast-call-${r.key}`),
    },
    { key: 'openDeals', title: t('analytics.forecast.openDeals'), align: 'right', render: (_v, r) => drillCell(r, 'openDeals') },
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
    <>
      {rows.length > 0 ? <EChart option={chart} height={Math.max(200, rows.length * 34 + 60)} ariaLabel={title} /> : null}
      <Table
        rowKey={(r) => r.key ?? '-'}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows as ForecastRow[]}
        columns={columns}
        data-testid={`${testId}-table`}
      />
      {range.period ? <AdjustForecastModal row={adjusting} period={range.period} currency={currency} onClose={() => setAdjusting(null)} /> : null}
    </>
  );
}
