import { useMemo } from 'react';
import { Col, Row, Statistic, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { CampaignRoi, RoiDrill, RoiFigures } from '../api/analytics';
import type { CampaignType } from '../api/types';
import { useCampaignLabels } from '../campaigns/use-campaign-labels';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { barsOption, plotValue } from './chart-options';
import { DrillNumber, DrillStatistic, type OnDrill } from './DrillDrawer';
import { EChart } from './EChart';
import { useAnalyticsFormat } from './use-analytics-format';

const STEP_KEYS: Record<RoiDrill, MessageKey> = {
  leads: 'analytics.roi.leads',
  mqls: 'analytics.roi.mqls',
  sqls: 'analytics.roi.sqls',
  opportunities: 'analytics.roi.opportunities',
  won: 'analytics.roi.won',
};

/** Credited counts: shares of a lead under linear attribution, so up to two decimals. */
function useCredits() {
  const { locale } = useI18n();
  return useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format, [locale]);
}

/** The figure columns of an ROI table (per type or per campaign); each count and the revenue open their records. */
export function useRoiColumns<T extends RoiFigures>(currency: string, name: (r: T) => string, onDrill: OnDrill): TableColumnsType<T> {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  const credits = useCredits();
  return [
    { key: 'cost', title: t('analytics.roi.cost'), align: 'right', render: (_v, r) => format.money(r.cost, currency) },
    ...(['leads', 'mqls', 'sqls', 'opportunities'] as const).map((step) => ({
      key: step,
      title: t(STEP_KEYS[step]),
      align: 'right' as const,
      render: (_v: unknown, r: T) => <DrillNumber value={credits(r[step])} link={r.drill[step]} title={`${name(r)} · ${t(STEP_KEYS[step])}`} onOpen={onDrill} />,
    })),
    { key: 'pipeline', title: t('analytics.roi.pipeline'), align: 'right', render: (_v, r) => format.money(r.pipeline, currency) },
    {
      key: 'won',
      title: t('analytics.roi.won'),
      align: 'right',
      render: (_v, r) => <DrillNumber value={format.money(r.won, currency)} link={r.drill.won} title={`${name(r)} · ${t('analytics.roi.won')}`} onOpen={onDrill} />,
    },
    { key: 'cpl', title: t('analytics.roi.costPerLead'), align: 'right', render: (_v, r) => format.money(r.costPerLead, currency) },
    { key: 'cpm', title: t('analytics.roi.costPerMql'), align: 'right', render: (_v, r) => format.money(r.costPerMql, currency) },
    { key: 'roi', title: t('analytics.roi.roi'), align: 'right', render: (_v, r) => format.rate(r.roi) },
    { key: 'days', title: t('analytics.roi.days'), align: 'right', render: (_v, r) => format.days(r.daysToOpportunity) },
  ];
}

type TypeRow = CampaignRoi['byType'][number];

/** M2L-7 in short: the totals (counts and revenue drilling to their records), cost against pipeline and revenue per campaign type. */
export function RoiSummary({ data, currency, onDrill }: { data: Pick<CampaignRoi, 'total' | 'byType'>; currency: string; onDrill: OnDrill }) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  const credits = useCredits();
  const labels = useCampaignLabels();
  const typeLabel = (type: string) => labels.type(type as CampaignType);
  const columns = useRoiColumns<TypeRow>(currency, (r) => typeLabel(r.type), onDrill);
  const { total, byType } = data;
  const chart = useMemo(
    () =>
      barsOption({
        categories: byType.map((r) => labels.type(r.type as CampaignType)),
        format: (v) => format.compactNumber(v, currency),
        series: [
          { name: t('analytics.roi.cost'), values: byType.map((r) => plotValue(r.cost)), color: '#bfbfbf' },
          { name: t('analytics.roi.pipeline'), values: byType.map((r) => plotValue(r.pipeline)) },
          { name: t('analytics.roi.won'), values: byType.map((r) => plotValue(r.won)), color: '#52c41a' },
        ],
      }),
    [byType, labels, format, currency, t],
  );
  const drillStat = (step: 'leads' | 'mqls', label: MessageKey) => (
    <DrillStatistic label={t(label)} value={credits(total[step])} link={total.drill[step]} onOpen={onDrill} />
  );
  return (
    <>
      <Row gutter={[16, 8]} className="l2c-section">
        <Col xs={12} md={4}><Statistic title={t('analytics.roi.cost')} value={format.money(total.cost, currency)} /></Col>
        <Col xs={12} md={4}>{drillStat('leads', 'analytics.roi.leads')}</Col>
        <Col xs={12} md={4}>{drillStat('mqls', 'analytics.roi.mqls')}</Col>
        <Col xs={12} md={4}><Statistic title={t('analytics.roi.pipeline')} value={format.money(total.pipeline, currency)} /></Col>
        <Col xs={12} md={4}>
          <DrillStatistic label={t('analytics.roi.won')} value={format.money(total.won, currency)} amount={total.won} link={total.drill.won} onOpen={onDrill} testId="roi-total-won" />
        </Col>
        <Col xs={12} md={4}><Statistic title={t('analytics.roi.roi')} value={format.rate(total.roi)} data-testid="roi-total" /></Col>
      </Row>
      {byType.length > 0 ? <EChart option={chart} height={260} ariaLabel={t('analytics.roi.title')} /> : null}
      <Table
        rowKey="type"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={byType as TypeRow[]}
        locale={{ emptyText: t('analytics.roi.empty') }}
        className="l2c-section"
        columns={[{ key: 'type', title: t('analytics.roi.type'), render: (_v: unknown, r: TypeRow) => typeLabel(r.type) }, ...columns]}
      />
    </>
  );
}
