import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Segmented, Statistic, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { analyticsApi, ATTRIBUTION_MODELS, type AnalyticsFilters, type CampaignRoi, type AttributionModel, type RoiDrill, type RoiFigures } from '../api/analytics';
import { queryKeys } from '../api/query-keys';
import type { CampaignType } from '../api/types';
import { useCampaignLabels } from '../campaigns/use-campaign-labels';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { barsOption, plotValue } from './chart-options';
import { DrillDrawer, DrillNumber, type DrillTarget } from './DrillDrawer';
import { EChart } from './EChart';
import { useAnalyticsFormat } from './use-analytics-format';
import { QueryCard } from './QueryCard';

const MODEL_KEYS: Record<AttributionModel, MessageKey> = {
  first_touch: 'analytics.roi.model.first_touch',
  last_touch: 'analytics.roi.model.last_touch',
  linear: 'analytics.roi.model.linear',
};

const STEP_KEYS: Record<RoiDrill, MessageKey> = {
  leads: 'analytics.roi.leads',
  mqls: 'analytics.roi.mqls',
  sqls: 'analytics.roi.sqls',
  opportunities: 'analytics.roi.opportunities',
  won: 'analytics.roi.won',
};

type TypeRow = CampaignRoi['byType'][number];
type CampaignRow = CampaignRoi['campaigns'][number];

interface CampaignRoiPanelProps {
  filters: AnalyticsFilters;
  /** The summary of the executive dashboard: totals and types, no campaign list or alignment. */
  summary?: boolean;
}

/** M2L-7: what the campaigns cost and brought (leads, MQL, SQL, pipeline, won), by attribution model. */
export function CampaignRoiPanel({ filters, summary = false }: CampaignRoiPanelProps) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  const labels = useCampaignLabels();
  const [model, setModel] = useState<AttributionModel>('first_touch');
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const roi = useQuery({
    queryKey: queryKeys.analytics('campaign-roi', { ...filters, model }),
    queryFn: ({ signal }) => analyticsApi.campaignRoi(filters, model, signal),
  });
  const data = roi.data;
  const currency = data?.currency ?? '';
  const credits = (n: number) => new Intl.NumberFormat(format.locale, { maximumFractionDigits: 2 }).format(n);
  const typeLabel = (type: string) => labels.type(type as CampaignType);

  const chart = useMemo(
    () =>
      barsOption({
        categories: (data?.byType ?? []).map((r) => labels.type(r.type as CampaignType)),
        format: (v) => format.compactNumber(v, currency),
        series: [
          { name: t('analytics.roi.cost'), values: (data?.byType ?? []).map((r) => plotValue(r.cost)), color: '#bfbfbf' },
          { name: t('analytics.roi.pipeline'), values: (data?.byType ?? []).map((r) => plotValue(r.pipeline)) },
          { name: t('analytics.roi.won'), values: (data?.byType ?? []).map((r) => plotValue(r.won)), color: '#52c41a' },
        ],
      }),
    [data, labels, format, currency, t],
  );

  const figureColumns = <T extends RoiFigures>(name: (r: T) => string): TableColumnsType<T> => [
    { key: 'cost', title: t('analytics.roi.cost'), align: 'right', render: (_v, r) => format.money(r.cost, currency) },
    ...(['leads', 'mqls', 'sqls', 'opportunities'] as const).map((step) => ({
      key: step,
      title: t(STEP_KEYS[step]),
      align: 'right' as const,
      render: (_v: unknown, r: T) => (
        <DrillNumber value={credits(r[step])} link={r.drill[step]} title={`${name(r)} · ${t(STEP_KEYS[step])}`} onOpen={setDrill} />
      ),
    })),
    { key: 'pipeline', title: t('analytics.roi.pipeline'), align: 'right', render: (_v, r) => format.money(r.pipeline, currency) },
    {
      key: 'won',
      title: t('analytics.roi.won'),
      align: 'right',
      render: (_v, r) => <DrillNumber value={format.money(r.won, currency)} link={r.drill.won} title={`${name(r)} · ${t('analytics.roi.won')}`} onOpen={setDrill} />,
    },
    { key: 'cpl', title: t('analytics.roi.costPerLead'), align: 'right', render: (_v, r) => format.money(r.costPerLead, currency) },
    { key: 'cpm', title: t('analytics.roi.costPerMql'), align: 'right', render: (_v, r) => format.money(r.costPerMql, currency) },
    { key: 'roi', title: t('analytics.roi.roi'), align: 'right', render: (_v, r) => format.rate(r.roi) },
    { key: 'days', title: t('analytics.roi.days'), align: 'right', render: (_v, r) => format.days(r.daysToOpportunity) },
  ];

  return (
    <QueryCard
      query={roi}
      exportTo={{ path: '/analytics/campaign-roi', filters, extra: { model } }}
      title={t('analytics.roi.title')}
      testId="roi-panel"
      after={<DrillDrawer target={drill} onClose={() => setDrill(null)} />}
      extra={
        <Segmented
          size="small"
          value={model}
          onChange={(v) => setModel(v as AttributionModel)}
          options={ATTRIBUTION_MODELS.map((m) => ({ value: m, label: t(MODEL_KEYS[m]) }))}
          data-testid="roi-model"
        />
      }
    >
      {(data) => (
        <>
          <Row gutter={[16, 8]} className="l2c-section">
            <Col xs={12} md={4}><Statistic title={t('analytics.roi.cost')} value={format.money(data.total.cost, currency)} /></Col>
            <Col xs={12} md={4}><Statistic title={t('analytics.roi.leads')} value={credits(data.total.leads)} /></Col>
            <Col xs={12} md={4}><Statistic title={t('analytics.roi.mqls')} value={credits(data.total.mqls)} /></Col>
            <Col xs={12} md={4}><Statistic title={t('analytics.roi.pipeline')} value={format.money(data.total.pipeline, currency)} /></Col>
            <Col xs={12} md={4}><Statistic title={t('analytics.roi.won')} value={format.money(data.total.won, currency)} /></Col>
            <Col xs={12} md={4}><Statistic title={t('analytics.roi.roi')} value={format.rate(data.total.roi)} data-testid="roi-total" /></Col>
          </Row>
          {data.byType.length > 0 ? <EChart option={chart} height={260} ariaLabel={t('analytics.roi.title')} /> : null}
          <Table
            rowKey="type"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={data.byType}
            locale={{ emptyText: t('analytics.roi.empty') }}
            className="l2c-section"
            columns={[{ key: 'type', title: t('analytics.roi.type'), render: (_v: unknown, r: TypeRow) => typeLabel(r.type) }, ...figureColumns<TypeRow>((r) => typeLabel(r.type))]}
          />
          {summary ? null : (
            <>
              <Table
                rowKey="campaignId"
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={data.campaigns}
                className="l2c-section"
                data-testid="roi-campaigns"
                columns={[
                  {
                    key: 'name',
                    title: t('analytics.roi.campaign'),
                    fixed: 'left',
                    render: (_v, r) => <Link to={`/campaigns/${encodeURIComponent(r.campaignId)}`}>{r.name}</Link>,
                  },
                  { key: 'type', title: t('analytics.roi.type'), render: (_v, r) => typeLabel(r.type) },
                  ...figureColumns<CampaignRow>((r) => r.name),
                ]}
              />
              <Card size="small" type="inner" title={t('analytics.roi.alignment')}>
                <Table
                  rowKey="month"
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={data.alignment.months}
                  columns={[
                    { key: 'month', title: t('analytics.roi.month'), render: (_v, r) => r.month },
                    {
                      key: 'mqls',
                      title: t('analytics.roi.mqls'),
                      align: 'right',
                      render: (_v, r) => <DrillNumber value={format.count(r.mqls)} link={r.drill} title={`${r.month} · MQL`} onOpen={setDrill} />,
                    },
                    { key: 'sqls', title: t('analytics.roi.sqls'), align: 'right', render: (_v, r) => format.count(r.sqls) },
                    { key: 'conversion', title: t('analytics.roi.mqlToSql'), align: 'right', render: (_v, r) => format.rate(r.conversion) },
                    { key: 'gap', title: t('analytics.roi.gap'), align: 'right', render: (_v, r) => format.days(r.gapDays) },
                  ]}
                />
              </Card>
            </>
          )}
        </>
      )}
    </QueryCard>
  );
}
