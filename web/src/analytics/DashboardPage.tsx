import { useMemo } from 'react';
import { Button, Result, Segmented } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { analyticsApi } from '../api/analytics';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { PageHeader } from '../shared/PageHeader';
import { AnalyticsFilterBar } from './AnalyticsFilterBar';
import { AttainmentPanel } from './AttainmentPanel';
import { BehaviourPanel } from './BehaviourPanel';
import { CampaignRoiPanel } from './CampaignRoiPanel';
import { dashboardViews, type DashboardView } from './dashboard-views';
import { yearOf } from './fiscal-calendar';
import { ForecastPanel } from './ForecastPanel';
import { ForecastSummaryCard } from './ForecastSummaryCard';
import { FunnelPanel } from './FunnelPanel';
import { RepCustomersPanel } from './RepCustomersPanel';
import { useAnalyticsFilters, type AnalyticsFilterState } from './use-analytics-filters';
import { usePeriodLabel } from './use-period-label';
import './analytics.css';

const VIEW_KEYS: Record<DashboardView, MessageKey> = {
  executive: 'dashboard.view.executive',
  manager: 'dashboard.view.manager',
  rep: 'dashboard.view.rep',
};

/** BI-1 / OPP-9: the dashboard of the reader's role — executive, front-line manager or rep — on live data. */
export function DashboardPage() {
  const { t } = useI18n();
  const state = useAnalyticsFilters();
  const [search, setSearch] = useSearchParams();
  const views = dashboardViews(state.level);
  const asked = search.get('view') as DashboardView | null;
  const view = asked && views.includes(asked) ? asked : views[0];
  if (!view) {
    return <Result status="info" title={t('nav.dashboard')} subTitle={t('dashboard.noAnalytics')} data-testid="dashboard-none" />;
  }
  return (
    <div data-testid="dashboard-page" data-view={view}>
      <PageHeader
        title={t(VIEW_KEYS[view])}
        subtitle={t(`dashboard.subtitle.${view}`)}
        actions={
          views.length > 1 ? (
            <Segmented
              value={view}
              onChange={(v) =>
                setSearch((prev) => {
                  const next = new URLSearchParams(prev);
                  next.set('view', String(v));
                  return next;
                }, { replace: true })
              }
              options={views.map((v) => ({ value: v, label: t(VIEW_KEYS[v]) }))}
              data-testid="dashboard-view"
            />
          ) : null
        }
      />
      <AnalyticsFilterBar state={state} who={view !== 'rep'} />
      {view === 'executive' ? <ExecutiveDashboard state={state} /> : view === 'manager' ? <ManagerDashboard state={state} /> : <RepDashboard state={state} />}
    </div>
  );
}

/** Attainment by team, region and product line; quarter and year forecast with each team's accuracy applied; campaign ROI. */
function ExecutiveDashboard({ state }: { state: AnalyticsFilterState }) {
  const { t } = useI18n();
  const periodLabel = usePeriodLabel();
  const year = yearOf(state.period);
  const yearFilters = useMemo(() => ({ ...state.filters, period: year.key }), [state.filters, year.key]);
  return (
    <>
      <ForecastSummaryCard filters={state.filters} title={t('dashboard.forecastOf', { period: periodLabel(state.period) })} testId="exec-period" />
      {year.key !== state.period.key ? (
        <ForecastSummaryCard filters={yearFilters} title={t('dashboard.forecastOf', { period: periodLabel(year) })} testId="exec-year" />
      ) : null}
      <AttainmentPanel period={state.period.key} />
      <ForecastPanel filters={state.filters} groupBy="region" title={t('dashboard.byRegion')} testId="exec-region" />
      <ForecastPanel filters={state.filters} groupBy="productLine" title={t('dashboard.byProductLine')} testId="exec-product-line" />
      <ForecastPanel filters={state.filters} groupBy="team" title={t('dashboard.byTeam')} testId="exec-team" />
      <CampaignRoiPanel filters={state.filters} summary />
    </>
  );
}

/** The weekly review: the team's funnel against the company, forecast per rep with adjustments, attainment. */
function ManagerDashboard({ state }: { state: AnalyticsFilterState }) {
  const { t } = useI18n();
  const me = useMe();
  const filters = useMemo(() => ({ ...state.filters, teamId: state.filters.teamId ?? me.user.teamId ?? undefined }), [state.filters, me.user.teamId]);
  return (
    <>
      <div className="l2c-section">
        <Button icon={<FileExcelOutlined />} href={analyticsApi.exportUrl('/dashboards/manager', filters, 'xlsx')} data-testid="review-pack">
          {t('dashboard.reviewPack')}
        </Button>
      </div>
      <FunnelPanel filters={filters} />
      <BehaviourPanel filters={filters} />
      <ForecastPanel filters={filters} groupBy="owner" canAdjust testId="manager-forecast" />
      <AttainmentPanel period={state.period.key} />
    </>
  );
}

/** A rep's own funnel against the company, own forecast and quota. */
function RepDashboard({ state }: { state: AnalyticsFilterState }) {
  const me = useMe();
  const filters = useMemo(() => ({ period: state.filters.period, ownerId: me.user.id }), [state.filters.period, me.user.id]);
  return (
    <>
      <FunnelPanel filters={filters} />
      <ForecastPanel filters={filters} groupBy="owner" testId="rep-forecast" />
      <RepCustomersPanel filters={filters} />
      <AttainmentPanel period={state.period.key} />
    </>
  );
}
