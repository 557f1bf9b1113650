import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Segmented } from 'antd';
import { analyticsApi, FORECAST_GROUPS, type AnalyticsFilters, type ForecastGroup } from '../api/analytics';
import { queryKeys } from '../api/query-keys';
import { useI18n } from '../i18n/i18n-context';
import { useDrillDrawer } from './DrillDrawer';
import { ForecastTable, GROUP_KEYS } from './ForecastTable';
import { ForecastTotals } from './ForecastTotals';
import { QueryCard } from './QueryCard';

interface ForecastPanelProps {
  filters: AnalyticsFilters;
  /** Managers may adjust a subordinate's commit or best case (per owner). */
  canAdjust?: boolean;
}

/** Pipeline, best case, commit, closed, weighted and the call per rep, team, region or product line, as the reader picks (OPP-6); each figure opens its deals. */
export function ForecastPanel({ filters, canAdjust = false }: ForecastPanelProps) {
  const { t } = useI18n();
  const [groupBy, setGroupBy] = useState<ForecastGroup>('owner');
  const { onDrill, drawer } = useDrillDrawer();
  const forecast = useQuery({
    queryKey: queryKeys.analytics('forecast', { ...filters, groupBy }),
    queryFn: ({ signal }) => analyticsApi.forecast(filters, groupBy, signal),
  });
  const title = t('analytics.forecast.title');
  return (
    <QueryCard
      query={forecast}
      exportTo={{ path: '/analytics/forecast', filters, extra: { groupBy } }}
      title={title}
      testId="forecast-panel"
      after={drawer}
      extra={
        <Segmented
          size="small"
          value={groupBy}
          onChange={(v) => setGroupBy(v as ForecastGroup)}
          options={FORECAST_GROUPS.map((g) => ({ value: g, label: t(GROUP_KEYS[g]) }))}
          data-testid="forecast-group"
        />
      }
    >
      {(data) => (
        <>
          <ForecastTotals figures={data.total} currency={data.currency} testId="forecast-panel-total" drill={data.total.drill} onDrill={onDrill} context={title} />
          <ForecastTable rows={data.rows} groupBy={groupBy} range={data} canAdjust={canAdjust} title={title} testId="forecast-panel" onDrill={onDrill} />
        </>
      )}
    </QueryCard>
  );
}
