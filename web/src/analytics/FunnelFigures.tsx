import { useMemo } from 'react';
import { Button, Col, Row, Table, Tag, Typography } from 'antd';
import { analyticsApi, type AnalyticsFilters, type Funnel, type FunnelStep } from '../api/analytics';
import { useI18n } from '../i18n/i18n-context';
import { conversionOption, funnelOption } from './chart-options';
import type { OnDrill } from './DrillDrawer';
import { EChart } from './EChart';
import { useAnalyticsFormat } from './use-analytics-format';

interface FunnelFiguresProps {
  funnel: Funnel;
  /** The filters the funnel was asked with: a step's records are asked with the same. */
  filters: AnalyticsFilters;
  /** The company's conversion beside the scope's, with the leakiest step (OPP-8). */
  compare?: boolean;
  onDrill: OnDrill;
}

/** Leads → MQL → SQL → each stage → won: the funnel, conversion against the company; each step opens its records. */
export function FunnelFigures({ funnel, filters, compare = true, onDrill }: FunnelFiguresProps) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  const { steps, processId } = funnel;

  const open = (step: FunnelStep) =>
    onDrill({
      title: t('analytics.drill.title', { step: step.label, count: format.count(step.count) }),
      key: { ...filters, processId, step: step.key },
      fetch: (signal) => analyticsApi.funnelDrill(filters, processId, step.key, signal),
      exportTo: { path: '/analytics/funnel', filters, extra: { processId, drill: step.key } },
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
  );
}
