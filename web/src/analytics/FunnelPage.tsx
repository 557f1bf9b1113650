import { useI18n } from '../i18n/i18n-context';
import { PageHeader } from '../shared/PageHeader';
import { AnalyticsFilterBar } from './AnalyticsFilterBar';
import { AnalyticsNav } from './AnalyticsNav';
import { FunnelPanel } from './FunnelPanel';
import { useAnalyticsFilters } from './use-analytics-filters';
import './analytics.css';

/** OPP-8: the funnel from leads to won for any period, team or rep, against the company, each step opening its records. */
export function FunnelPage() {
  const { t } = useI18n();
  const state = useAnalyticsFilters();
  return (
    <div data-testid="analytics-funnel-page">
      <PageHeader title={t('nav.analytics')} subtitle={t('analytics.funnel.subtitle')} />
      <AnalyticsNav active="funnel" />
      <AnalyticsFilterBar state={state} />
      <FunnelPanel filters={state.filters} compare={state.level !== 'all' || !!state.filters.teamId || !!state.filters.ownerId} />
    </div>
  );
}
