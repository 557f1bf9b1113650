import type { ReactNode } from 'react';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Button, Col, Result, Segmented, Space, Statistic } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { analyticsApi, type AnalyticsFilters, type Dashboards, type DashboardView } from '../api/analytics';
import { queryKeys } from '../api/query-keys';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { PageHeader } from '../shared/PageHeader';
import { AnalyticsFilterBar } from './AnalyticsFilterBar';
import { AttainmentTable } from './AttainmentTable';
import { BehaviourTable } from './BehaviourTable';
import { CoverageSummary } from './CoverageSummary';
import { dashboardViews } from './dashboard-views';
import { useDrillDrawer, type OnDrill } from './DrillDrawer';
import { ExportButtons } from './ExportButtons';
import { ForecastSummaryFigures } from './ForecastSummaryFigures';
import { ForecastTable } from './ForecastTable';
import { ForecastTotals } from './ForecastTotals';
import { FunnelFigures } from './FunnelFigures';
import { QueryCard } from './QueryCard';
import { RepCustomers } from './RepCustomers';
import { RoiSummary } from './RoiSummary';
import { StagePipelineTable } from './StagePipelineTable';
import { readPeriodKey } from './fiscal-calendar';
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
      <Dashboard key={view} view={view} state={state} />
    </div>
  );
}

const SECTIONS = { executive: ExecutiveSections, manager: ManagerSections, rep: RepSections } as const;

/** One role's dashboard: one answer of the API, its sections, and the drawer every figure drills into. */
function Dashboard<V extends DashboardView>({ view, state }: { view: V; state: AnalyticsFilterState }) {
  const { onDrill, drawer } = useDrillDrawer();
  // The rep's own dashboard: the filter bar offers no team or owner there.
  const filters: AnalyticsFilters = view === 'rep' ? { period: state.filters.period } : state.filters;
  const dashboard = useQuery({
    queryKey: queryKeys.analytics(`dashboard-${view}`, filters),
    queryFn: ({ signal }) => analyticsApi.dashboard(view, filters, signal),
  });
  const Sections = SECTIONS[view] as (props: SectionsProps<V>) => ReactNode;
  return (
    <>
      <Space wrap className="l2c-section">
        {view === 'manager' ? <ReviewPackButton filters={filters} /> : <ExportButtons path={`/dashboards/${view}`} filters={filters} testId="dashboard-export" formats={['xlsx']} />}
      </Space>
      <Sections dashboard={dashboard} filters={filters} onDrill={onDrill} />
      {drawer}
    </>
  );
}

interface SectionsProps<V extends DashboardView> {
  dashboard: UseQueryResult<Dashboards[V]>;
  filters: AnalyticsFilters;
  onDrill: OnDrill;
}

function ReviewPackButton({ filters }: { filters: AnalyticsFilters }) {
  const { t } = useI18n();
  return (
    <Button icon={<FileExcelOutlined />} href={analyticsApi.exportUrl('/dashboards/manager', filters, 'xlsx')} data-testid="review-pack">
      {t('dashboard.reviewPack')}
    </Button>
  );
}

/** The quarter's and the year's forecast with each team's accuracy applied; attainment; forecast by region, product line and team; campaign ROI. */
function ExecutiveSections({ dashboard, onDrill }: SectionsProps<'executive'>) {
  const { t } = useI18n();
  const periodLabel = usePeriodLabel();
  const forecastOf = (period: string | null) => {
    const key = period ? readPeriodKey(period) : null;
    return t('dashboard.forecastOf', { period: key ? periodLabel(key) : (period ?? '') });
  };
  const byGroup = [
    { key: 'byRegion', groupBy: 'region', title: t('dashboard.byRegion'), testId: 'exec-region' },
    { key: 'byProductLine', groupBy: 'productLine', title: t('dashboard.byProductLine'), testId: 'exec-product-line' },
    { key: 'byTeam', groupBy: 'team', title: t('dashboard.byTeam'), testId: 'exec-team' },
  ] as const;
  return (
    <>
      <QueryCard query={dashboard} title={forecastOf(dashboard.data?.period ?? null)} testId="exec-period-card">
        {(d) => <ForecastSummaryFigures summary={d.forecast.quarter} title={forecastOf(d.period)} testId="exec-period" onDrill={onDrill} />}
      </QueryCard>
      {dashboard.data && dashboard.data.forecast.year.period !== dashboard.data.period ? (
        <QueryCard query={dashboard} title={forecastOf(dashboard.data.forecast.year.period)} testId="exec-year-card">
          {(d) => <ForecastSummaryFigures summary={d.forecast.year} title={forecastOf(d.forecast.year.period)} testId="exec-year" onDrill={onDrill} />}
        </QueryCard>
      ) : null}
      <QueryCard query={dashboard} title={t('analytics.attainment.title')} testId="attainment-panel">
        {(d) => <AttainmentTable rows={[...d.attainment.teams, ...d.attainment.reps]} currency={d.currency} onDrill={onDrill} />}
      </QueryCard>
      {byGroup.map((g) => (
        <QueryCard key={g.key} query={dashboard} title={g.title} testId={g.testId}>
          {(d) => <ForecastTable rows={d[g.key]} groupBy={g.groupBy} range={d} title={g.title} testId={g.testId} onDrill={onDrill} />}
        </QueryCard>
      ))}
      <QueryCard query={dashboard} title={t('analytics.roi.title')} testId="roi-panel">
        {(d) => <RoiSummary data={d.campaigns} currency={d.currency} onDrill={onDrill} />}
      </QueryCard>
    </>
  );
}

/** The weekly review: attainment, the team's progress per stage and rep, forecast per rep with adjustments, behaviour, the funnel against the company. */
function ManagerSections({ dashboard, filters, onDrill }: SectionsProps<'manager'>) {
  const { t } = useI18n();
  return (
    <>
      <QueryCard query={dashboard} title={t('analytics.attainment.title')} testId="attainment-panel">
        {(d) => <AttainmentTable rows={d.attainment} activities={d.behaviour.activityTargets} currency={d.currency} onDrill={onDrill} />}
      </QueryCard>
      <QueryCard query={dashboard} title={t('analytics.pipeline.title')} testId="manager-pipeline">
        {(d) => <StagePipelineTable stages={d.pipeline} currency={d.currency} onDrill={onDrill} />}
      </QueryCard>
      <QueryCard query={dashboard} title={t('analytics.forecast.title')} testId="manager-forecast">
        {(d) => (
          <>
            <ForecastTotals figures={d.forecast.total} currency={d.currency} testId="manager-forecast-total" drill={d.forecast.total.drill} onDrill={onDrill} />
            <ForecastTable rows={d.forecast.reps} groupBy="owner" range={d} canAdjust title={t('analytics.forecast.title')} testId="manager-forecast" onDrill={onDrill} />
          </>
        )}
      </QueryCard>
      <QueryCard query={dashboard} title={t('analytics.behaviour.title')} testId="behaviour-panel">
        {(d) => (
          <>
            <CoverageSummary data={d.behaviour} onDrill={onDrill} />
            <BehaviourTable data={d.behaviour} onDrill={onDrill} />
          </>
        )}
      </QueryCard>
      <QueryCard query={dashboard} title={t('analytics.funnel.title')} testId="funnel-panel">
        {(d) => <FunnelFigures funnel={d.funnel} filters={{ ...filters, teamId: d.teamId ?? undefined }} onDrill={onDrill} />}
      </QueryCard>
    </>
  );
}

/** A rep's own forecast and rank, quota, funnel against the company, and customers. */
function RepSections({ dashboard, filters, onDrill }: SectionsProps<'rep'>) {
  const { t } = useI18n();
  return (
    <>
      <QueryCard query={dashboard} title={t('analytics.forecast.title')} testId="rep-forecast">
        {(d) => (
          <ForecastTotals figures={d.forecast} currency={d.currency} testId="rep-forecast" drill={d.forecast.drill} onDrill={onDrill}>
            <Col xs={12} sm={8} xl={4}>
              <Statistic
                title={t('analytics.customers.rank')}
                value={d.forecast.rank === null ? t('common.empty') : t('analytics.customers.rankOf', { rank: d.forecast.rank, peers: d.forecast.peers })}
                data-testid="rep-rank"
              />
            </Col>
          </ForecastTotals>
        )}
      </QueryCard>
      <QueryCard query={dashboard} title={t('analytics.attainment.title')} testId="attainment-panel">
        {(d) => <AttainmentTable rows={d.attainment} currency={d.currency} onDrill={onDrill} />}
      </QueryCard>
      <QueryCard query={dashboard} title={t('analytics.funnel.title')} testId="funnel-panel">
        {(d) => <FunnelFigures funnel={d.funnel} filters={{ ...filters, ownerId: d.ownerId }} onDrill={onDrill} />}
      </QueryCard>
      <QueryCard query={dashboard} title={t('analytics.customers.title')} testId="rep-customers">
        {(d) => <RepCustomers data={d} onDrill={onDrill} />}
      </QueryCard>
    </>
  );
}
