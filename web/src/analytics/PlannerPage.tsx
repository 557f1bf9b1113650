import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Radio, Row, Spin, Table, Typography } from 'antd';
import { analyticsApi, PLAN_METRICS, type FunnelPlan, type PlanMetric, type PlannerRate, type PlannerRates } from '../api/analytics';
import { queryKeys } from '../api/query-keys';
import type { CampaignType } from '../api/types';
import { useMe } from '../auth/session-context';
import { useCampaignLabels } from '../campaigns/use-campaign-labels';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { normalizeAmount } from '../shared/money';
import { PageHeader } from '../shared/PageHeader';
import { useDebouncedValue } from '../shared/use-debounced-value';
import { AnalyticsFilterBar } from './AnalyticsFilterBar';
import { AnalyticsNav } from './AnalyticsNav';
import { funnelOption } from './chart-options';
import { EChart } from './EChart';
import { readPeriodKey } from './fiscal-calendar';
import { plannerInput, withOverride, type PlannerOverrides } from './planner-input';
import { useAnalyticsFilters } from './use-analytics-filters';
import { useAnalyticsFormat } from './use-analytics-format';
import { usePeriodLabel } from './use-period-label';
import './analytics.css';

const METRIC_KEYS: Record<PlanMetric, MessageKey> = {
  revenue: 'analytics.roi.won',
  wonDeals: 'analytics.planner.wonDeals',
  opportunities: 'analytics.roi.opportunities',
  sqls: 'analytics.roi.sqls',
  mqls: 'analytics.roi.mqls',
  leads: 'analytics.roi.leads',
};
/** The funnel from the top: leads first, won deals last. */
const FUNNEL_STEPS = ['leads', 'mqls', 'sqls', 'opportunities', 'wonDeals'] as const;

/** In funnel order; SQL → deal may exceed 100 % (several deals from one SQL). */
const RATES: { rate: PlannerRate; label: MessageKey; max: number }[] = [
  { rate: 'mqlPerLead', label: 'analytics.planner.leadToMql', max: 100 },
  { rate: 'sqlPerMql', label: 'analytics.planner.mqlToSql', max: 100 },
  { rate: 'opportunitiesPerSql', label: 'analytics.planner.sqlToOpportunity', max: 10_000 },
  { rate: 'winRate', label: 'analytics.planner.opportunityToWon', max: 100 },
];

/** A step of the plan beside what the period has done (empty before the first answer). */
type PlanRow = Omit<FunnelPlan['versusActual'][number], 'plan' | 'actual'> & { plan: number | string | null; actual: number | string | null };

/** How long the page waits after the last keystroke before it asks for the plan again. */
const RECALCULATE_AFTER_MS = 300;

const percent = (fraction: number | null | undefined) => (fraction === null || fraction === undefined ? null : Math.round(fraction * 1000) / 10);

/**
 * M2L-8: from a revenue target (or growth over the period before) back to the leads it takes, per
 * campaign type, plan against actual. The server plans (POST /analytics/planner); the page sends
 * the target and the assumptions the reader changed, and asks again shortly after each change.
 */
export function PlannerPage() {
  const { t } = useI18n();
  const me = useMe();
  const format = useAnalyticsFormat();
  const labels = useCampaignLabels();
  const periodLabel = usePeriodLabel();
  const state = useAnalyticsFilters();
  const [mode, setMode] = useState<'revenue' | 'growth'>('growth');
  const [revenue, setRevenue] = useState('');
  const [growth, setGrowth] = useState<number | null>(60);
  const [overrides, setOverrides] = useState<PlannerOverrides>({});
  /** The average deal as typed; null: the one the plan used. */
  const [dealText, setDealText] = useState<string | null>(null);
  const currency = me.tenant.currency;

  const input = useMemo(
    () => plannerInput({ filters: state.filters, currency, mode, revenue, growth, overrides }),
    [state.filters, currency, mode, revenue, growth, overrides],
  );
  const asked = useDebouncedValue(input, RECALCULATE_AFTER_MS);
  const planQuery = useQuery({
    queryKey: queryKeys.analytics('planner', asked ?? {}),
    queryFn: ({ signal }) => analyticsApi.planner(asked!, signal),
    enabled: asked !== null,
    placeholderData: keepPreviousData,
  });
  const plan: FunnelPlan | undefined = input ? planQuery.data : undefined;
  /** Without history to measure them, the reader gives the rates the plan names; until then the steps that need them stay empty. */
  const missing = plan?.missing ?? [];
  const fieldError = (name: keyof PlannerRates) => (missing.includes(name) ? { validateStatus: 'error' as const, help: t('analytics.planner.rateMissing') } : {});
  const previous = plan ? readPeriodKey(plan.basis.previousPeriod) : null;
  const current = plan?.period ? readPeriodKey(plan.period) : null;
  const set = <K extends keyof PlannerOverrides>(key: K, value: PlannerOverrides[K] | undefined) => setOverrides((o) => withOverride(o, key, value));

  const chart = useMemo(() => {
    const steps = FUNNEL_STEPS.map((key) => ({
      key, label: t(METRIC_KEYS[key]), count: plan?.plan[key] ?? 0, conversion: null, overall: null, companyCount: 0, companyConversion: null, leakiest: false,
    }));
    return funnelOption(steps, { stepLabel: (s) => `${s.label} ${format.count(s.count)}`, tooltip: (s) => `${s.label}: ${format.count(s.count)}` });
  }, [plan, t, format]);

  const rows: PlanRow[] = plan?.versusActual ?? PLAN_METRICS.map((metric) => ({ metric, plan: null, actual: null, attainment: null }));
  const figure = (metric: PlanMetric, value: number | string) => (metric === 'revenue' ? format.money(String(value), currency) : format.count(Number(value)));

  return (
    <div data-testid="analytics-planner-page">
      <PageHeader title={t('nav.analytics')} subtitle={t('analytics.planner.subtitle')} />
      <AnalyticsNav active="planner" />
      <AnalyticsFilterBar state={state} />
      {planQuery.isError && input ? (
        <Alert type="warning" showIcon className="l2c-section" title={t('analytics.planner.failed')} description={planQuery.error.message} data-testid="planner-error" />
      ) : null}
      {missing.length > 0 ? <Alert type="info" showIcon className="l2c-section" title={t('analytics.planner.missing')} data-testid="planner-missing" /> : null}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" className="l2c-section" title={t('analytics.planner.target')} data-testid="planner-target-card">
            <Form layout="vertical">
              <Form.Item label={t('analytics.planner.mode')}>
                <Radio.Group
                  optionType="button"
                  value={mode}
                  onChange={(e) => setMode(e.target.value as 'revenue' | 'growth')}
                  options={[
                    { value: 'growth', label: t('analytics.planner.growth') },
                    { value: 'revenue', label: t('analytics.planner.revenue') },
                  ]}
                  data-testid="planner-mode"
                />
              </Form.Item>
              {mode === 'growth' ? (
                <Form.Item label={t('analytics.planner.growthPercent')}>
                  <InputNumber value={growth} min={-100} max={10_000} step={5} precision={2} suffix="%" onChange={setGrowth} data-testid="planner-growth" />
                </Form.Item>
              ) : (
                <Form.Item label={t('analytics.planner.revenueTarget', { currency })}>
                  <Input inputMode="decimal" value={revenue} onChange={(e) => setRevenue(e.target.value)} placeholder="0.00" data-testid="planner-revenue" />
                </Form.Item>
              )}
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'base',
                    label: t('analytics.planner.base', { period: previous ? periodLabel(previous) : (plan?.basis.previousPeriod ?? '') }),
                    children: <span data-testid="planner-base" data-amount={plan?.basis.previousRevenue}>{format.money(plan?.basis.previousRevenue, currency)}</span>,
                  },
                ]}
              />
              <Typography.Paragraph strong>
                {t('analytics.planner.targetIs')}{' '}
                <span data-testid="planner-target" data-amount={plan?.target}>
                  {format.money(plan?.target, currency)}
                </span>
              </Typography.Paragraph>
            </Form>
          </Card>
          <Card
            size="small"
            className="l2c-section"
            title={t('analytics.planner.assumptions')}
            extra={
              <Button
                size="small"
                onClick={() => {
                  setOverrides({});
                  setDealText(null);
                }}
                disabled={Object.keys(overrides).length === 0}
                data-testid="planner-reset"
              >
                {t('analytics.planner.reset')}
              </Button>
            }
          >
            {plan ? (
              <Typography.Paragraph type="secondary">
                {t('analytics.planner.basis', { from: formatDate(plan.basis.from, format.locale), to: formatDate(plan.basis.to, format.locale) })}
              </Typography.Paragraph>
            ) : null}
            <Form layout="horizontal" labelCol={{ span: 12 }} wrapperCol={{ span: 12 }}>
              <Form.Item
                {...fieldError('averageDealSize')}
                label={t('analytics.planner.averageDeal', { currency })}
                extra={plan ? t('analytics.planner.measured', { value: format.money(plan.measured.averageDealSize, currency) }) : null}
              >
                <Input
                  inputMode="decimal"
                  value={dealText ?? plan?.assumptions.averageDealSize ?? ''}
                  onChange={(e) => {
                    const amount = normalizeAmount(e.target.value);
                    setDealText(e.target.value);
                    // Only an amount the API takes replaces the measured one; an emptied field goes back to it.
                    if (e.target.value.trim() === '') set('averageDealSize', undefined);
                    else if (amount && !amount.startsWith('-')) set('averageDealSize', amount);
                  }}
                  data-testid="planner-average-deal"
                />
              </Form.Item>
              {RATES.map(({ rate, label, max }) => (
                <Form.Item key={rate} {...fieldError(rate)} label={t(label)} extra={plan ? t('analytics.planner.measured', { value: format.rate(plan.measured[rate]) }) : null}>
                  <InputNumber
                    min={0.1}
                    max={max}
                    step={0.1}
                    precision={1}
                    suffix="%"
                    value={percent(overrides[rate] ?? plan?.assumptions[rate])}
                    onChange={(v) => set(rate, typeof v === 'number' && v > 0 ? v / 100 : undefined)}
                    data-testid={`planner-rate-${rate}`}
                  />
                </Form.Item>
              ))}
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            className="l2c-section"
            title={t('analytics.planner.plan')}
            extra={planQuery.isFetching ? <Spin size="small" data-testid="planner-busy" /> : null}
            data-testid="planner-plan"
          >
            {plan ? <EChart option={chart} height={260} ariaLabel={t('analytics.planner.plan')} /> : null}
            {input ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('analytics.planner.enterTarget')} />}
            <Table
              rowKey="metric"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              loading={planQuery.isPending && input !== null}
              dataSource={rows}
              columns={[
                { key: 'metric', title: t('analytics.funnel.step'), render: (_v, r) => t(METRIC_KEYS[r.metric]) },
                {
                  key: 'plan',
                  title: t('analytics.planner.needed'),
                  align: 'right',
                  render: (_v, r) => <span data-testid={`planner-needed-${r.metric}`}>{r.plan === null ? t('common.empty') : figure(r.metric, r.plan)}</span>,
                },
                {
                  key: 'actual',
                  title: t('analytics.planner.actual', { period: current ? periodLabel(current) : '' }),
                  align: 'right',
                  render: (_v, r) => <span data-testid={`planner-actual-${r.metric}`}>{r.actual === null ? t('common.empty') : figure(r.metric, r.actual)}</span>,
                },
                { key: 'progress', title: t('analytics.planner.progress'), align: 'right', render: (_v, r) => format.rate(r.attainment) },
              ]}
            />
          </Card>
          <Card size="small" className="l2c-section" title={t('analytics.planner.byType')} data-testid="planner-types">
            <Table
              rowKey="type"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={plan?.byCampaignType ?? []}
              locale={{ emptyText: t('analytics.planner.noTypes') }}
              columns={[
                { key: 'type', title: t('analytics.roi.type'), render: (_v, r) => labels.type(r.type as CampaignType) },
                {
                  key: 'share',
                  title: t('analytics.planner.share'),
                  align: 'right',
                  render: (_v, r) => (
                    <InputNumber
                      size="small"
                      min={0}
                      max={100}
                      step={1}
                      precision={1}
                      suffix="%"
                      value={percent(overrides.mix?.[r.type] ?? r.share)}
                      onChange={(v) => {
                        const mix = { ...overrides.mix };
                        if (typeof v === 'number') mix[r.type] = v / 100;
                        else delete mix[r.type];
                        set('mix', Object.keys(mix).length ? mix : undefined);
                      }}
                      data-testid={`planner-share-${r.type}`}
                    />
                  ),
                },
                { key: 'opportunities', title: t('analytics.roi.opportunities'), align: 'right', render: (_v, r) => format.count(r.opportunities) },
                {
                  key: 'yield',
                  title: t('analytics.planner.yield'),
                  align: 'right',
                  render: (_v, r) => new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1 }).format(r.leadsPerOpportunity),
                },
                { key: 'leads', title: t('analytics.planner.leadsNeeded'), align: 'right', render: (_v, r) => <span data-testid={`planner-type-${r.type}`}>{format.count(r.leads)}</span> },
                { key: 'cpl', title: t('analytics.roi.costPerLead'), align: 'right', render: (_v, r) => format.money(r.costPerLead, currency) },
                { key: 'cost', title: t('analytics.roi.cost'), align: 'right', render: (_v, r) => format.money(r.cost, currency) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
