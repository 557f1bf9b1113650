import { useQuery } from '@tanstack/react-query';
import { analyticsApi } from '../api/analytics';
import { queryKeys } from '../api/query-keys';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { AttainmentTable } from './AttainmentTable';
import { useDrillDrawer } from './DrillDrawer';
import { QueryCard } from './QueryCard';

/** Quotas of the period beside what is won so far, per rep and team, in real time (OPP-5); won and open amounts open their deals. */
export function AttainmentPanel({ period }: { period: string }) {
  const { t } = useI18n();
  const me = useMe();
  const { onDrill, drawer } = useDrillDrawer();
  const attainment = useQuery({
    queryKey: queryKeys.analytics('attainment', { period }),
    queryFn: ({ signal }) => analyticsApi.attainment({ period }, signal),
  });
  return (
    <QueryCard
      query={attainment}
      exportTo={{ path: '/analytics/attainment', filters: { period } }}
      title={t('analytics.attainment.title')}
      testId="attainment-panel"
      after={drawer}
    >
      {(data) => <AttainmentTable rows={data.rows} activities={data.activities} currency={data.currency ?? me.tenant.currency} onDrill={onDrill} />}
    </QueryCard>
  );
}
