import { useI18n } from '../i18n/i18n-context';
import { PageHeader } from '../shared/PageHeader';
import { AnalyticsFilterBar } from './AnalyticsFilterBar';
import { AnalyticsNav } from './AnalyticsNav';
import { CampaignRoiPanel } from './CampaignRoiPanel';
import { useAnalyticsFilters } from './use-analytics-filters';
import './analytics.css';

/** M2L-7: campaign ROI with the attribution model switch, and MQL → SQL alignment per month. */
export function CampaignRoiPage() {
  const { t } = useI18n();
  const state = useAnalyticsFilters();
  return (
    <div data-testid="analytics-campaigns-page">
      <PageHeader title={t('nav.analytics')} subtitle={t('analytics.roi.subtitle')} />
      <AnalyticsNav active="campaigns" />
      <AnalyticsFilterBar state={state} />
      <CampaignRoiPanel filters={state.filters} />
    </div>
  );
}
