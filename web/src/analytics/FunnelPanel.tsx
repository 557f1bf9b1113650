import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { analyticsApi, type AnalyticsFilters } from '../api/analytics';
import { queryKeys } from '../api/query-keys';
import { salesProcessesApi } from '../api/sales-processes';
import { useI18n } from '../i18n/i18n-context';
import { useDrillDrawer } from './DrillDrawer';
import { FunnelFigures } from './FunnelFigures';
import { QueryCard } from './QueryCard';

const PROCESSES = { limit: 100 } as const;

/** The funnel of a sales process the reader picks (the default one first), against the company, with the records behind each step. */
export function FunnelPanel({ filters, compare = true }: { filters: AnalyticsFilters; compare?: boolean }) {
  const { t } = useI18n();
  const [processId, setProcessId] = useState<string | undefined>();
  const { onDrill, drawer } = useDrillDrawer();
  const processes = useQuery({
    queryKey: queryKeys.list('sales-processes', PROCESSES),
    queryFn: ({ signal }) => salesProcessesApi.list(PROCESSES, signal),
    staleTime: 5 * 60_000,
  });
  const funnel = useQuery({
    queryKey: queryKeys.analytics('funnel', { ...filters, processId }),
    queryFn: ({ signal }) => analyticsApi.funnel(filters, processId, signal),
  });
  return (
    <QueryCard
      query={funnel}
      exportTo={{ path: '/analytics/funnel', filters, extra: { processId } }}
      title={t('analytics.funnel.title')}
      testId="funnel-panel"
      after={drawer}
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
      {(data) => <FunnelFigures funnel={data} filters={filters} compare={compare} onDrill={onDrill} />}
    </QueryCard>
  );
}
