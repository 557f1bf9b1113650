import { useMemo } from 'react';
import { Progress, Table } from 'antd';
import type { ActivityAttainmentRow, AttainmentRow } from '../api/analytics';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { barsOption, plotValue } from './chart-options';
import { DrillNumber, type OnDrill } from './DrillDrawer';
import { EChart } from './EChart';
import { useAnalyticsFormat } from './use-analytics-format';

interface AttainmentTableProps {
  rows: readonly AttainmentRow[];
  /** Visits and calls targets beside the revenue ones. */
  activities?: readonly ActivityAttainmentRow[];
  currency: string;
  /** Rows with drill links open their won and open deals. */
  onDrill?: OnDrill;
}

/** Revenue quotas beside what is won and open, per rep and team, then the activity targets (OPP-5, OPP-7). */
export function AttainmentTable({ rows, activities, currency, onDrill }: AttainmentTableProps) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
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
  const subject = (name: string | null) => name ?? t('common.empty');
  const drillCell = (r: AttainmentRow, figure: 'won' | 'pipeline', label: MessageKey) => (
    <DrillNumber
      value={format.money(r[figure], currency)}
      link={r.drill[figure]}
      title={`${subject(r.name)} · ${t(label)}`}
      onOpen={onDrill}
      testId={`attainment-${figure}-${r.targetId}-drill`}
    />
  );
  return (
    <>
      {rows.length > 0 ? <EChart option={chart} height={Math.max(180, rows.length * 40 + 50)} ariaLabel={t('analytics.attainment.title')} /> : null}
      <Table
        rowKey="targetId"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows as AttainmentRow[]}
        locale={{ emptyText: t('analytics.attainment.empty') }}
        data-testid="attainment-table"
        columns={[
          { key: 'name', title: t('analytics.attainment.subject'), render: (_v, r) => subject(r.name) },
          { key: 'target', title: t('analytics.attainment.target'), align: 'right', render: (_v, r) => format.money(r.target, currency) },
          {
            key: 'won',
            title: t('analytics.attainment.won'),
            align: 'right',
            render: (_v, r) => (
              <span data-testid={`attainment-won-${r.targetId}`} data-amount={r.won}>
                {drillCell(r, 'won', 'analytics.attainment.won')}
              </span>
            ),
          },
          { key: 'attainment', title: t('analytics.attainment.rate'), render: (_v, r) => progressBar(r.attainment) },
          { key: 'gap', title: t('analytics.attainment.gap'), align: 'right', render: (_v, r) => format.money(r.gap, currency) },
          { key: 'pipeline', title: t('analytics.forecast.pipeline'), align: 'right', render: (_v, r) => drillCell(r, 'pipeline', 'analytics.forecast.pipeline') },
          { key: 'weighted', title: t('analytics.forecast.weighted'), align: 'right', render: (_v, r) => format.money(r.weighted, currency) },
        ]}
      />
      {activities?.length ? (
        <Table
          title={() => t('analytics.attainment.activities')}
          rowKey="targetId"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={activities as ActivityAttainmentRow[]}
          data-testid="activity-attainment-table"
          columns={[
            { key: 'name', title: t('analytics.attainment.subject'), render: (_v, r) => subject(r.name) },
            { key: 'metric', title: t('analytics.targets.metric'), render: (_v, r) => t(r.metric === 'visits' ? 'analytics.behaviour.visits' : 'analytics.behaviour.calls') },
            { key: 'target', title: t('analytics.attainment.target'), align: 'right', render: (_v, r) => format.count(r.target) },
            { key: 'done', title: t('analytics.attainment.done'), align: 'right', render: (_v, r) => format.count(r.done) },
            { key: 'rate', title: t('analytics.attainment.rate'), render: (_v, r) => progressBar(r.attainment) },
            { key: 'gap', title: t('analytics.attainment.gap'), align: 'right', render: (_v, r) => format.count(r.gap) },
          ]}
        />
      ) : null}
    </>
  );
}
