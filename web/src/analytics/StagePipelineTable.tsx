import { useMemo } from 'react';
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { StagePipeline, StagePipelineFigures } from '../api/analytics';
import { useI18n } from '../i18n/i18n-context';
import { barsOption, plotValue } from './chart-options';
import { DrillNumber, type OnDrill } from './DrillDrawer';
import { EChart } from './EChart';
import { pipelineGrid, type PipelineGrid } from './pipeline-grid';
import { useAnalyticsFormat } from './use-analytics-format';

type GridRow = PipelineGrid['rows'][number];

const repName = (rep: PipelineGrid['reps'][number]) => rep.name ?? rep.ownerId.slice(0, 8);

/** The manager's team progress (OPP-9): open deals and amount per stage and rep, each figure opening its deals. */
export function StagePipelineTable({ stages, currency, onDrill }: { stages: readonly StagePipeline[]; currency: string; onDrill: OnDrill }) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  const grid = useMemo(() => pipelineGrid(stages), [stages]);

  const chart = useMemo(
    () =>
      barsOption({
        categories: grid.rows.map((r) => r.stage.name),
        format: (v) => format.compactNumber(v, currency),
        series: grid.reps.map((rep) => ({ name: repName(rep), values: grid.rows.map((r) => plotValue(r.cells[rep.ownerId]?.amount ?? '0')), stack: 'p' })),
      }),
    [grid, format, currency],
  );

  const cell = (f: StagePipelineFigures | undefined, title: string, testId: string) =>
    f ? (
      <span className="l2c-number">
        <DrillNumber value={format.money(f.amount, currency)} link={f.drill} title={title} onOpen={onDrill} testId={testId} />
        <br />
        <Typography.Text type="secondary">
          {t('analytics.pipeline.deals', { count: format.count(f.deals) })}
          {f.overdue > 0 ? ` · ${t('analytics.pipeline.overdue', { count: format.count(f.overdue) })}` : ''}
        </Typography.Text>
      </span>
    ) : (
      t('common.empty')
    );

  const columns: TableColumnsType<GridRow> = [
    { key: 'stage', title: t('analytics.velocity.stage'), fixed: 'left', render: (_v, r) => r.stage.name },
    ...grid.reps.map((rep) => ({
      key: rep.ownerId,
      title: repName(rep),
      align: 'right' as const,
      render: (_v: unknown, r: GridRow) => cell(r.cells[rep.ownerId], `${r.stage.name} · ${repName(rep)}`, `pipeline-${r.stage.stageId}-${rep.ownerId}`),
    })),
    {
      key: 'total',
      title: t('analytics.pipeline.total'),
      align: 'right',
      render: (_v, r) => cell(r.stage, `${r.stage.name} · ${t('analytics.pipeline.total')}`, `pipeline-${r.stage.stageId}-total`),
    },
  ];

  return (
    <>
      {grid.reps.length > 0 ? <EChart option={chart} height={260} ariaLabel={t('analytics.pipeline.title')} /> : null}
      <Table
        rowKey={(r) => r.stage.stageId}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={grid.rows}
        columns={columns}
        locale={{ emptyText: t('analytics.pipeline.empty') }}
        data-testid="pipeline-table"
      />
    </>
  );
}
