import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Segmented, Table } from 'antd';
import { Link } from 'react-router';
import { analyticsApi, ATTRIBUTION_MODELS, type AnalyticsFilters, type CampaignRoi, type AttributionModel } from '../api/analytics';
import { queryKeys } from '../api/query-keys';
import type { CampaignType } from '../api/types';
import { useCampaignLabels } from '../campaigns/use-campaign-labels';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { DrillNumber, useDrillDrawer } from './DrillDrawer';
import { RoiSummary, useRoiColumns } from './RoiSummary';
import { useAnalyticsFormat } from './use-analytics-format';
import { QueryCard } from './QueryCard';

const MODEL_KEYS: Record<AttributionModel, MessageKey> = {
  first_touch: 'analytics.roi.model.first_touch',
  last_touch: 'analytics.roi.model.last_touch',
  linear: 'analytics.roi.model.linear',
};

type CampaignRow = CampaignRoi['campaigns'][number];

/** M2L-7: what the campaigns cost and brought (leads, MQL, SQL, pipeline, won), by attribution model; MQL → SQL alignment per month. */
export function CampaignRoiPanel({ filters }: { filters: AnalyticsFilters }) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  const labels = useCampaignLabels();
  const [model, setModel] = useState<AttributionModel>('first_touch');
  const { onDrill: setDrill, drawer } = useDrillDrawer();
  const roi = useQuery({
    queryKey: queryKeys.analytics('campaign-roi', { ...filters, model }),
    queryFn: ({ signal }) => analyticsApi.campaignRoi(filters, model, signal),
  });
  const currency = roi.data?.currency ?? '';
  const typeLabel = (type: string) => labels.type(type as CampaignType);
  const campaignColumns = useRoiColumns<CampaignRow>(currency, (r) => r.name, setDrill);

  return (
    <QueryCard
      query={roi}
      exportTo={{ path: '/analytics/campaign-roi', filters, extra: { model } }}
      title={t('analytics.roi.title')}
      testId="roi-panel"
      after={drawer}
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
          <RoiSummary data={data} currency={currency} onDrill={setDrill} />
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
              ...campaignColumns,
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
    </QueryCard>
  );
}
