import { API_BASE, currentRequestLocale, request } from './http-client';
import { resource } from './resources';
import type { BaseRecord, Money } from './types';

/**
 * Analytics (OPP-5 … OPP-9, M2L-7, M2L-8, BI-1): results, funnel with drill-down, forecast with
 * managers' adjustments and accuracy, quotas. Amounts are decimal strings in the response's
 * `currency`; rates are fractions (0.25 = 25 %).
 */

/** The filters every analytics endpoint takes (API.md): a fiscal period key or a day range, and who. */
export interface AnalyticsFilters {
  /** FY2025, FY2025-Q2, FY2025-M07; default: the current fiscal quarter. */
  period?: string;
  from?: string;
  to?: string;
  teamId?: string;
  ownerId?: string;
  region?: string;
  productLineId?: string;
  source?: string;
  currency?: string;
}

/** What every answer says about the range it covers. */
export interface AnalyticsRange {
  from: string;
  /** Last day, inclusive. */
  to: string;
  period: string | null;
  currency: string;
}

export interface AttainmentRow {
  targetId: string;
  ownerId: string | null;
  teamId: string | null;
  name: string | null;
  target: string;
  won: string;
  wonCount: number;
  /** won / target; null for a zero target. */
  attainment: number | null;
  gap: string;
  pipeline: string;
  weighted: string;
  /** The won deals (won, wonCount) and the open ones (pipeline, weighted) the target counts. */
  drill: { won: DrillLink; pipeline: DrillLink };
}

export const TARGET_METRICS = ['revenue', 'visits', 'calls'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

/** A visits or calls target beside the done activities of the period (OPP-7). */
export interface ActivityAttainmentRow {
  targetId: string;
  ownerId: string | null;
  teamId: string | null;
  name: string | null;
  metric: TargetMetric;
  target: number;
  done: number;
  attainment: number | null;
  gap: number;
}

export interface Attainment {
  period: string;
  from: string;
  to: string;
  currency: string;
  rows: AttainmentRow[];
  activities?: ActivityAttainmentRow[];
}

export const RESULT_GROUPS = ['owner', 'team', 'region'] as const;
export type ResultGroup = (typeof RESULT_GROUPS)[number];

export interface WinRateRow {
  key: string | null;
  label: string | null;
  won: number;
  lost: number;
  winRate: number | null;
  wonAmount: string;
  lostAmount: string;
  averageDealSize: string | null;
  salesCycleDays: number | null;
  /** The won deals (won, wonAmount, deal size, cycle) and the lost ones (lost, lostAmount). */
  drill: { won: DrillLink; lost: DrillLink };
}

export interface WinRates extends AnalyticsRange {
  groupBy: ResultGroup;
  total: WinRateRow;
  rows: WinRateRow[];
}

export interface StageVelocity {
  stageId: string;
  name: string;
  processId: string;
  order: number;
  entered: number;
  exited: number;
  stillIn: number;
  advanced: number;
  lost: number;
  averageDays: number | null;
  medianDays: number | null;
  /** The deals that entered the stage in the range. */
  drill: { entered: DrillLink };
}

export interface Velocity extends AnalyticsRange {
  salesCycleDays: number | null;
  stages: StageVelocity[];
}

export interface LossReasonRow {
  reason: string | null;
  label: string | null;
  count: number;
  share: number | null;
  amount: string;
  /** The lost deals of the reason. */
  drill: DrillLink;
}

export interface LossReasons extends AnalyticsRange {
  lost: number;
  reasons: LossReasonRow[];
}

export interface FunnelStep {
  /** leads, mql, sql, stage:<stageId>, won — also the drill target. */
  key: string;
  label: string;
  count: number;
  conversion: number | null;
  overall: number | null;
  companyCount: number;
  companyConversion: number | null;
  leakiest: boolean;
}

export interface Funnel extends AnalyticsRange {
  processId: string;
  steps: FunnelStep[];
  leakiestStep: string | null;
}

export interface DrillRecord {
  id: string;
  name?: string | null;
  ownerId: string | null;
  status?: string;
  amount?: Money | null;
  accountName?: string | null;
  closeDate?: string | null;
  /** Activities: what was done and when. */
  subject?: string;
  at?: string;
}

/** The records behind a figure (at most 1 000): leads, opportunities, accounts or activities. */
export interface FunnelDrill {
  step?: string;
  object: string;
  truncated: boolean;
  records: DrillRecord[];
}

export const FORECAST_GROUPS = ['owner', 'team', 'region', 'productLine'] as const;
export type ForecastGroup = (typeof FORECAST_GROUPS)[number];

export interface ForecastFigures {
  pipeline: string;
  bestCase: string;
  commit: string;
  closed: string;
  weighted: string;
  openDeals: number;
  /** commit + closed. */
  call: string;
}

/** The figures of a forecast whose deals can be listed (the call is two of them). */
export type ForecastDrillFigure = Exclude<keyof ForecastFigures, 'call'>;
/** Per figure, the deals behind it. */
export type ForecastDrills = Record<ForecastDrillFigure, DrillLink>;

export const ADJUSTABLE_CATEGORIES = ['commit', 'best_case'] as const;
export type AdjustableCategory = (typeof ADJUSTABLE_CATEGORIES)[number];

export interface ForecastAdjustment {
  id: string;
  original: string;
  adjusted: string;
  note: string;
  adjustedById: string;
  adjustedByName: string | null;
  at: string;
}

export interface ForecastRow extends ForecastFigures {
  /** Owner id, team id, region or product line id; null for deals without one. */
  key: string | null;
  label?: string | null;
  teamId?: string | null;
  parentId?: string | null;
  /** Per owner: the figures after managers' adjustments (the rep's own stay above). Per team: the call after them. */
  adjusted?: {
    call: string;
    commit?: string;
    bestCase?: string;
    adjustments?: Partial<Record<AdjustableCategory, ForecastAdjustment>>;
  };
  /** The deals behind each figure; absent on a product-line row without a product line. */
  drill?: ForecastDrills;
}

export interface Forecast extends AnalyticsRange {
  groupBy: ForecastGroup;
  total: ForecastFigures & { drill: ForecastDrills };
  rows: ForecastRow[];
}

export interface AdjustmentInput {
  subjectId: string;
  period: string;
  category: AdjustableCategory;
  amount: Money;
  note: string;
}

export interface AdjustmentResult {
  id: string;
  subjectId: string;
  period: string;
  category: AdjustableCategory;
  currency: string;
  original: string;
  adjusted: string;
  note: string;
}

export interface AccuracySnapshot {
  snapshotId: string;
  day: string;
  period: string;
  complete: boolean;
  call: string;
  weightedCall: string;
  actual: string;
  error: number | null;
}

export interface TeamAccuracy {
  teamId: string;
  name: string;
  /** 1 − Σ|actual − call| / Σ actual over finished periods. */
  accuracy: number | null;
  /** Σ actual / Σ call: how far the team's calls ran from what closed. */
  bias: number | null;
  currentCall: string;
  /** Today's call × the team's bias; null without finished history. */
  adjustedForecast: string | null;
  snapshots: AccuracySnapshot[];
}

export interface ForecastAccuracy extends AnalyticsRange {
  teams: TeamAccuracy[];
}

/** A quota for one rep or one team and one fiscal period. */
export interface Target extends BaseRecord {
  ownerId: string | null;
  teamId: string | null;
  period: string;
  periodType: string;
  startDate: string;
  endDate: string;
  /** revenue (amount) by default; visits or calls (quantity). */
  metric?: TargetMetric;
  amount: Money | null;
  quantity?: number | null;
  note: string | null;
}

export interface TargetInput {
  ownerId?: string | null;
  teamId?: string | null;
  period: string;
  metric?: TargetMetric;
  amount?: Money | null;
  quantity?: number | null;
  note?: string | null;
}

/** Where the records behind a figure are listed: `GET path?query` (answers like a funnel drill). */
export interface DrillLink {
  path: string;
  query: Record<string, string>;
}

export const ATTRIBUTION_MODELS = ['first_touch', 'last_touch', 'linear'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];
export const ROI_DRILLS = ['leads', 'mqls', 'sqls', 'opportunities', 'won'] as const;
export type RoiDrill = (typeof ROI_DRILLS)[number];

export interface RoiFigures {
  cost: string;
  /** Credited leads: shares of a lead under linear attribution, so not always whole. */
  leads: number;
  mqls: number;
  sqls: number;
  opportunities: number;
  pipeline: string;
  wonDeals: number;
  won: string;
  costPerLead: string | null;
  costPerMql: string | null;
  /** (won − cost) / cost. */
  roi: number | null;
  daysToOpportunity: number | null;
  drill: Partial<Record<RoiDrill | 'cost', DrillLink>>;
}

export interface AlignmentFigures {
  mqls: number;
  sqls: number;
  conversion: number | null;
  gapDays: number | null;
  drill: DrillLink;
}

export interface CampaignRoi extends AnalyticsRange {
  model: AttributionModel;
  total: RoiFigures;
  byType: (RoiFigures & { type: string })[];
  campaigns: (RoiFigures & { campaignId: string; name: string; type: string })[];
  alignment: AlignmentFigures & { months: (AlignmentFigures & { month: string })[] };
}

export interface BehaviourCounts {
  visits: number;
  calls: number;
  drill: { visits: DrillLink; calls: DrillLink };
}

export interface RepBehaviour extends BehaviourCounts {
  ownerId: string;
  name: string | null;
  teamId: string | null;
}

export interface CoverageFigures {
  accounts: number;
  visited: number;
  /** visited / accounts. */
  coverage: number | null;
  /** The key accounts behind the figure. */
  drill: DrillLink;
}

/**
 * Done visits and calls per rep and team, per ISO week (`2025-W07`) and over the range, key-account
 * coverage, contacts added, days from account to first deal and activity targets (OPP-7).
 */
export interface Behaviour extends AnalyticsRange {
  total: BehaviourCounts;
  weeks: (BehaviourCounts & { week: string })[];
  reps: RepBehaviour[];
  repWeeks: (RepBehaviour & { week: string })[];
  teams: (BehaviourCounts & { teamId: string | null; name: string | null })[];
  teamWeeks: (BehaviourCounts & { week: string; teamId: string | null; name: string | null })[];
  /** Key accounts (the `keyAccounts` worth most) visited in the last `days` days, per industry. */
  coverage: CoverageFigures & {
    days: number;
    keyAccounts: number;
    /** segment: the accounts marked key; top-value: none are marked, the `keyAccounts` worth most stand in. */
    basis: 'segment' | 'top-value';
    industries: (CoverageFigures & { industry: string | null })[];
  };
  contactsAdded: { total: number; reps: { ownerId: string; name: string | null; added: number }[] };
  accountToOpportunity: { accounts: number; withOpportunity: number; averageDays: number | null; medianDays: number | null };
  activityTargets: ActivityAttainmentRow[];
}

export interface CustomerFigures {
  accountId: string;
  name: string;
  industry: string | null;
  region: string | null;
  won: string;
  wonDeals: number;
  openPipeline: string;
  openDeals: number;
  lastActivityAt: string | null;
  drill: { account: DrillLink; won: DrillLink; openPipeline: DrillLink };
}

/** A period's forecast with the call adjusted by each top team's historical accuracy (BI-1). */
export interface ForecastSummary extends AnalyticsRange, ForecastFigures {
  /** The call with each top team's own call replaced by its accuracy-adjusted forecast. */
  accuracyAdjusted: string;
  /** The top teams; those without finished history have no adjusted forecast. */
  teams: Omit<TeamAccuracy, 'snapshots'>[];
  drill: ForecastDrills;
}

/** Executive dashboard (BI-1): attainment, forecast by region, team and product line, quarter and year, campaign ROI. */
export interface ExecutiveDashboard extends AnalyticsRange {
  attainment: { teams: AttainmentRow[]; reps: AttainmentRow[] };
  byRegion: ForecastRow[];
  byTeam: ForecastRow[];
  byProductLine: ForecastRow[];
  forecast: { quarter: ForecastSummary; year: ForecastSummary };
  campaigns: Pick<CampaignRoi, 'model' | 'total' | 'byType'>;
}

export interface StagePipelineFigures {
  deals: number;
  amount: string;
  weighted: string;
  /** Expected to close before today. */
  overdue: number;
  /** The open deals behind the figures. */
  drill: DrillLink;
}

/** Open pipeline of one stage, in total and per owner: the team's progress (OPP-9). */
export interface StagePipeline extends StagePipelineFigures {
  stageId: string;
  name: string;
  processId: string;
  order: number;
  owners: (StagePipelineFigures & { ownerId: string; name: string | null })[];
}

/** The front-line manager's weekly review (BI-1, OPP-9). */
export interface ManagerDashboard extends AnalyticsRange {
  teamId: string | null;
  attainment: AttainmentRow[];
  pipeline: StagePipeline[];
  behaviour: Behaviour;
  forecast: Pick<Forecast, 'total'> & { reps: ForecastRow[] };
  funnel: Funnel;
}

/** A rep's own dashboard (BI-1): funnel, forecast with the rank among the team's peers, customers, own targets. */
export interface RepDashboard extends AnalyticsRange {
  ownerId: string;
  attainment: AttainmentRow[];
  funnel: Funnel;
  forecast: ForecastFigures & { rank: number | null; peers: number; drill: ForecastDrills };
  customers: {
    accounts: number;
    withOpenDeals: number;
    wonAccounts: number;
    untappedCount: number;
    won: string;
    untappedDays: number;
    /** The rep's accounts behind each count. */
    drill: Record<'accounts' | 'withOpenDeals' | 'wonAccounts' | 'untappedCount', DrillLink>;
    best: CustomerFigures[];
    untapped: CustomerFigures[];
  };
}

export type DashboardView = 'executive' | 'manager' | 'rep';

export interface Dashboards {
  executive: ExecutiveDashboard;
  manager: ManagerDashboard;
  rep: RepDashboard;
}

/** The rates a funnel plan stands on (M2L-8). */
export interface PlannerRates {
  averageDealSize: string | null;
  /** Won / (won + lost). */
  winRate: number | null;
  /** Deals per SQL (may exceed 1). */
  opportunitiesPerSql: number | null;
  sqlPerMql: number | null;
  mqlPerLead: number | null;
}
export type PlannerRate = Exclude<keyof PlannerRates, 'averageDealSize'>;

/** A revenue target or a growth % over the period before; assumptions left out are measured. */
export interface PlannerInput extends Pick<AnalyticsFilters, 'period' | 'teamId' | 'ownerId' | 'currency'> {
  target?: Money;
  growth?: number;
  assumptions?: Partial<{ [K in keyof PlannerRates]: NonNullable<PlannerRates[K]> }> & { mix?: Record<string, number> };
}

export const PLAN_METRICS = ['revenue', 'wonDeals', 'opportunities', 'sqls', 'mqls', 'leads'] as const;
export type PlanMetric = (typeof PLAN_METRICS)[number];

export interface FunnelPlan extends AnalyticsRange {
  /** Rates measured over these days; the growth applies to the revenue won in `previousPeriod`. */
  basis: { from: string; to: string; previousPeriod: string; previousRevenue: string; growth: number | null };
  target: string;
  /** What the plan used: the caller's overrides, else measured. */
  assumptions: PlannerRates;
  measured: PlannerRates;
  /** The assumptions without history to measure them: the steps that need them are null until the reader gives them. */
  missing: (keyof PlannerRates)[];
  plan: { revenue: string } & Record<Exclude<PlanMetric, 'revenue'>, number | null>;
  /** Leads per campaign type, in proportion to the opportunities each brought, at its own yield. */
  byCampaignType: {
    type: string;
    share: number;
    opportunities: number | null;
    leads: number | null;
    leadsPerOpportunity: number;
    costPerLead: string | null;
    cost: string | null;
  }[];
  versusActual: { metric: PlanMetric; plan: number | string | null; actual: number | string; attainment: number | null }[];
  asOf: string;
}

/** `period=…&teamId=…` without empty values; a day range replaces the period. */
export function analyticsQuery(filters: AnalyticsFilters, extra: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    const trimmed = value?.trim();
    if (trimmed) search.set(key, trimmed);
  }
  if (search.has('from') || search.has('to')) search.delete('period');
  return search.toString();
}

const get = <T>(path: string, filters: AnalyticsFilters, extra: Record<string, string | undefined> = {}, signal?: AbortSignal) =>
  request<T>('GET', path, { query: analyticsQuery(filters, extra), signal });

export type ExportFormat = 'csv' | 'xlsx';

export const analyticsApi = {
  attainment: (filters: Pick<AnalyticsFilters, 'period' | 'currency'>, signal?: AbortSignal) =>
    get<Attainment>('/analytics/attainment', { period: filters.period, currency: filters.currency }, {}, signal),
  winRates: (filters: AnalyticsFilters, groupBy: ResultGroup, signal?: AbortSignal) =>
    get<WinRates>('/analytics/win-rates', filters, { groupBy }, signal),
  velocity: (filters: AnalyticsFilters, signal?: AbortSignal) => get<Velocity>('/analytics/velocity', filters, {}, signal),
  lossReasons: (filters: AnalyticsFilters, signal?: AbortSignal) => get<LossReasons>('/analytics/loss-reasons', filters, {}, signal),
  funnel: (filters: AnalyticsFilters, processId: string | undefined, signal?: AbortSignal) =>
    get<Funnel>('/analytics/funnel', filters, { processId }, signal),
  /** The records behind one step (at most 1 000; `truncated` says there were more). */
  funnelDrill: (filters: AnalyticsFilters, processId: string | undefined, step: string, signal?: AbortSignal) =>
    get<FunnelDrill>('/analytics/funnel', filters, { processId, drill: step }, signal),
  forecast: (filters: AnalyticsFilters, groupBy: ForecastGroup, signal?: AbortSignal) =>
    get<Forecast>('/analytics/forecast', filters, { groupBy }, signal),
  /** A manager sets a subordinate's commit or best case with a note; the rep's own figure stays beside it. */
  adjustForecast: (input: AdjustmentInput) => request<AdjustmentResult>('POST', '/analytics/forecast/adjustments', { body: input }),
  forecastAccuracy: (filters: AnalyticsFilters, signal?: AbortSignal) =>
    get<ForecastAccuracy>('/analytics/forecast-accuracy', filters, {}, signal),
  campaignRoi: (filters: AnalyticsFilters, model: AttributionModel, signal?: AbortSignal) =>
    get<CampaignRoi>('/analytics/campaign-roi', filters, { model }, signal),
  /** A role's dashboard in one answer, every figure with its drill link. */
  dashboard: <V extends DashboardView>(view: V, filters: AnalyticsFilters, signal?: AbortSignal) =>
    get<Dashboards[V]>(`/dashboards/${view}`, filters, {}, signal),
  /** Back-calculates the funnel a target needs; read-only, so it may be asked on every change. */
  planner: (input: PlannerInput, signal?: AbortSignal) => request<FunnelPlan>('POST', '/analytics/planner', { body: input, signal }),
  behaviour: (filters: AnalyticsFilters, signal?: AbortSignal) => get<Behaviour>('/analytics/behaviour', filters, {}, signal),
  /** The records behind a figure whose answer names them (analytics drill links only). */
  drill: (link: DrillLink, signal?: AbortSignal) =>
    request<FunnelDrill>('GET', link.path.replace(/^\/api\/v1/, ''), { query: new URLSearchParams(link.query).toString(), signal }),
  /** A link the browser downloads: the table of an analytics endpoint as CSV or Excel. */
  exportUrl: (path: string, filters: AnalyticsFilters, format: ExportFormat, extra: Record<string, string | undefined> = {}) =>
    `${API_BASE}${path}?${analyticsQuery(filters, { ...extra, format, locale: currentRequestLocale() })}`,
};

export const targetsApi = resource<Target, TargetInput>('targets');
