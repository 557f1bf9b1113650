import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Row, Select, Table, Tag, Typography } from 'antd';
import { analyticsApi, type AnalyticsFilters, type FunnelStep } from '../api/analytics';
import { queryKeys } from '../api/query-keys';
import { salesProcessesApi } from '../api/sales-processes';
import { useI18n } from '../i18n/i18n-context';
import { conversionOption, funnelOption } from './chart-options';
import { DrillDrawer, type DrillTarget } from './DrillDrawer';
import { EChart } from './EChart';
import { useAnalyticsFormat } from './use-analytics-format';
import { QueryCard } from './QueryCard';

const PROCESSES = { limit: 100 } as const;

interface FunnelPanelProps {
  filters: AnalyticsFilters;
  /** The company's conversion beside the scope's, with the leakiest step (OPP-8). */
  compare?: boolean;
  title?: string;
}

/** Leads → MQL → SQL → each stage → won: the funnel, conversion against the company, and the records behind each step. */
export function FunnelPanel({ filters, compare = true, title }: FunnelPanelProps) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  const [processId, setProcessId] = useState<string | undefined>();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const processes = useQuery({
    queryKey: queryKeys.list('sales-processes', PROCESSES),
    queryFn: ({ signal }) => salesProcessesApi.list(PROCESSES, signal),
    staleTime: 5 * 60_000,
  });
  const funnel = useQuery({
    queryKey: queryKeys.analytics('funnel', { ...filters, processId }),
    queryFn: ({ signal }) => analyticsApi.funnel(filters, processId, signal),
  });
  const steps = useMemo(() => funnel.data?.steps ?? [], [funnel.data]);

  const open = (step: FunnelStep) =>
    setDrill({
      title: t('analytics.drill.title', { step: step.label, count: format.count(step.count) }),
      key: { ...filters, processId: funnel.data?.processId, step: step.key },
      fetch: (signal) => analyticsApi.funnelDrill(filters, funnel.data?.processId, step.key, signal),
      exportTo: { path: '/analytics/funnel', filters, extra: { processId: funnel.data?.processId, drill: step.key } },
    });

  const funnelChart = useMemo(
    () =>
      funnelOption(steps, {
        stepLabel: (s) => `${s.label} ${format.count(s.count)}`,
        tooltip: (s) =>
          [
            `${s.label}: ${format.count(s.count)}`,
            `${t('analytics.funnel.conversion')}: ${format.rate(s.conversion)}`,
            `${t('analytics.funnel.overall')}: ${format.rate(s.overall)}`,
          ].join('<br/>'),
      }),
    [steps, format, t],
  );
  const compareChart = useMemo(
    () => conversionOption(steps, { scope: t('analytics.funnel.scope'), company: t('analytics.funnel.company') }, format.percentNumber),
    [steps, format, t],
  );
  const leak = steps.find((s) => s.leakiest);

  return (
    <QueryCard
      query={funnel}
      exportTo={{ path: '/analytics/funnel', filters, extra: { processId } }}
      title={title ?? t('analytics.funnel.title')}
      testId="funnel-panel"
      after={<DrillDrawer target={drill} onClose={() => setDrill(null)} />}
      extra={
        (processes.data?.data.length ?? 0) > 1 ? (
          <Select
            size="small"
            value={processId ?? funnel.data?.processId}
            onChange={setProcessId}
            options={processes.data!.data.map((p) => ({ value: p.id, label: p.name }))}
            popupMatchSelectWidth={false}
            data-testid="funnel-process"
          />
        ) : null
      }
    >
      {() => (
        <>
          {compare && leak ? (
            <Typography.Paragraph data-testid="funnel-leak">
              <Tag color="red">{t('analytics.funnel.leakiest')}</Tag>
              {t('analytics.funnel.leakText', {
                step: leak.label,
                scope: format.rate(leak.conversion),
                company: format.rate(leak.companyConversion),
              })}
            </Typography.Paragraph>
          ) : null}
          <Row gutter={16}>
            <Col xs={24} lg={compare ? 12 : 24}>
              <EChart
                option={funnelChart}
                height={Math.max(240, steps.length * 36)}
                ariaLabel={t('analytics.funnel.title')}
                onItemClick={({ dataIndex }) => steps[dataIndex] && open(steps[dataIndex])}
                testId="funnel-chart"
              />
            </Col>
            {compare ? (
              <Col xs={24} lg={12}>
                <EChart option={compareChart} height={Math.max(240, steps.length * 36)} ariaLabel={t('analytics.funnel.vsCompany')} testId="funnel-compare-chart" />
              </Col>
            ) : null}
          </Row>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={steps}
            rowClassName={(s) => (s.leakiest ? 'l2c-analytics-leak' : '')}
            data-testid="funnel-steps"
            columns={[
              {
                key: 'label',
                title: t('analytics.funnel.step'),
                render: (_v, s) => (
                  <span data-testid={`funnel-step-${s.key}`}>
                    {s.label} {s.leakiest && compare ? <Tag color="red">{t('analytics.funnel.leakiest')}</Tag> : null}
                  </span>
                ),
              },
              {
                key: 'count',
                title: t('analytics.funnel.count'),
                align: 'right',
                render: (_v, s) => (
                  <Button type="link" size="small" onClick={() => open(s)} data-testid={`funnel-count-${s.key}`} data-count={s.count}>
                    {format.count(s.count)}
                  </Button>
                ),
              },
              { key: 'conversion', title: t('analytics.funnel.conversion'), align: 'right', render: (_v, s) => format.rate(s.conversion) },
              { key: 'overall', title: t('analytics.funnel.overall'), align: 'right', render: (_v, s) => format.rate(s.overall) },
              ...(compare
                ? [
                    { key: 'companyCount', title: t('analytics.funnel.companyCount'), align: 'right' as const, render: (_v: unknown, s: FunnelStep) => format.count(s.companyCount) },
                    {
                      key: 'companyConversion',
                      title: t('analytics.funnel.companyConversion'),
                      align: 'right' as const,
                      render: (_v: unknown, s: FunnelStep) => format.rate(s.companyConversion),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </QueryCard>
  );
}
