import { useMemo } from 'react';
import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Behaviour, BehaviourCounts } from '../api/analytics';
import { useI18n } from '../i18n/i18n-context';
import { behaviourGrid, type BehaviourRow } from './behaviour-grid';
import { DrillNumber, type OnDrill } from './DrillDrawer';
import { useAnalyticsFormat } from './use-analytics-format';

/** OPP-7: visits and calls done per rep and ISO week; every count opens the activities behind it. */
export function BehaviourTable({ data, onDrill }: { data: Behaviour; onDrill: OnDrill }) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  const grid = useMemo(() => behaviourGrid(data), [data]);

  const counts = (c: BehaviourCounts | undefined, who: string, when: string) =>
    c ? (
      <span className="l2c-number">
        <DrillNumber value={format.count(c.visits)} link={c.drill.visits} title={`${who} · ${when} · ${t('analytics.behaviour.visits')}`} onOpen={onDrill} />
        {' / '}
        <DrillNumber value={format.count(c.calls)} link={c.drill.calls} title={`${who} · ${when} · ${t('analytics.behaviour.calls')}`} onOpen={onDrill} />
      </span>
    ) : (
      t('common.empty')
    );

  const columns: TableColumnsType<BehaviourRow> = [
    {
      key: 'rep',
      title: t('analytics.group.owner'),
      fixed: 'left',
      render: (_v, r) => (
        <span data-testid="behaviour-rep">
          {r.rep.name ?? r.rep.ownerId.slice(0, 8)} {r.noVisitsLastWeek ? <Tag color="red">{t('analytics.behaviour.noVisits')}</Tag> : null}
        </span>
      ),
    },
    ...grid.weeks.map((week) => ({
      key: week,
      title: week,
      align: 'right' as const,
      render: (_v: unknown, r: BehaviourRow) => counts(r.cells[week], r.rep.name ?? '', week),
    })),
    { key: 'total', title: t('analytics.behaviour.total'), align: 'right', render: (_v, r) => counts(r.rep, r.rep.name ?? '', t('analytics.behaviour.total')) },
  ];

  return (
    <Table
      rowKey={(r) => r.rep.ownerId}
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={grid.rows}
      columns={columns}
      locale={{ emptyText: t('analytics.behaviour.empty') }}
      data-testid="behaviour-table"
      summary={() =>
        grid.rows.length > 0 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('analytics.behaviour.total')}</Table.Summary.Cell>
            {grid.weeks.map((week, i) => (
              <Table.Summary.Cell index={i + 1} key={week} align="right">
                {counts(data.weeks.find((w) => w.week === week), t('analytics.behaviour.total'), week)}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={grid.weeks.length + 1} align="right">
              {counts(data.total, t('analytics.behaviour.total'), t('analytics.behaviour.total'))}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
