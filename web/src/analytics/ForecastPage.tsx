import { useI18n } from '../i18n/i18n-context';
import { PageHeader } from '../shared/PageHeader';
import { AccuracyPanel } from './AccuracyPanel';
import { AnalyticsFilterBar } from './AnalyticsFilterBar';
import { AnalyticsNav } from './AnalyticsNav';
import { ForecastPanel } from './ForecastPanel';
import { useAnalyticsFilters } from './use-analytics-filters';
import './analytics.css';

/** OPP-6: forecast categories per rep, team (rolled up), region or product line; managers' adjustments; accuracy per team. */
export function ForecastPage() {
  const { t } = useI18n();
  const state = useAnalyticsFilters();
  return (
    <div data-testid="analytics-forecast-page">
      <PageHeader title={t('nav.analytics')} subtitle={t('analytics.forecast.subtitle')} />
      <AnalyticsNav active="forecast" />
      <AnalyticsFilterBar state={state} />
      <ForecastPanel filters={state.filters} canAdjust={state.level === 'team' || state.level === 'all'} />
      {state.level !== 'own' ? <AccuracyPanel filters={state.filters} /> : null}
    </div>
  );
}
