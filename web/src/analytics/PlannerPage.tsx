import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Form, Input, InputNumber, Radio, Row, Table, Typography } from 'antd';
import { analyticsApi, type AnalyticsFilters, type FunnelStep } from '../api/analytics';
import { queryKeys } from '../api/query-keys';
import type { CampaignType } from '../api/types';
import { useCampaignLabels } from '../campaigns/use-campaign-labels';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { normalizeAmount } from '../shared/money';
import { PageHeader } from '../shared/PageHeader';
import { AnalyticsFilterBar } from './AnalyticsFilterBar';
import { AnalyticsNav } from './AnalyticsNav';
import { funnelOption } from './chart-options';
import { EChart } from './EChart';
import { readPeriodKey, shiftPeriod } from './fiscal-calendar';
import {
  backCalculate, grownTarget, measuredAssumptions, PLAN_STEPS, progress, splitByCampaignType, type PlanAssumptions, type PlanStep,
} from './funnel-plan';
import { PeriodPicker } from './PeriodPicker';
import { useAnalyticsFilters } from './use-analytics-filters';
import { useAnalyticsFormat } from './use-analytics-format';
import { usePeriodLabel } from './use-period-label';
import './analytics.css';

const STEP_KEYS: Record<PlanStep, MessageKey> = {
  leads: 'analytics.roi.leads',
  mqls: 'analytics.roi.mqls',
  sqls: 'analytics.roi.sqls',
  opportunities: 'analytics.roi.opportunities',
  wonDeals: 'analytics.planner.wonDeals',
};

const RATES = ['leadToMql', 'mqlToSql', 'sqlToOpportunity', 'opportunityToWon'] as const;
type Rate = (typeof RATES)[number];
const RATE_KEYS: Record<Rate, MessageKey> = {
  leadToMql: 'analytics.planner.leadToMql',
  mqlToSql: 'analytics.planner.mqlToSql',
  sqlToOpportunity: 'analytics.planner.sqlToOpportunity',
  opportunityToWon: 'analytics.planner.opportunityToWon',
};

/** The figures of one period the planner reads: the funnel, the results and the campaigns' yield. */
function usePeriodFigures(filters: AnalyticsFilters, withCampaigns: boolean) {
  const funnel = useQuery({ queryKey: queryKeys.analytics('funnel', { ...filters, processId: undefined }), queryFn: ({ signal }) => analyticsApi.funnel(filters, undefined, signal) });
  const results = useQuery({
    queryKey: queryKeys.analytics('win-rates', { ...filters, groupBy: 'owner' }),
    queryFn: ({ signal }) => analyticsApi.winRates(filters, 'owner', signal),
  });
  const roi = useQuery({
    queryKey: queryKeys.analytics('campaign-roi', { ...filters, model: 'first_touch' }),
    queryFn: ({ signal }) => analyticsApi.campaignRoi(filters, 'first_touch', signal),
    enabled: withCampaigns,
  });
  return { funnel: funnel.data, results: results.data, roi: roi.data, loading: funnel.isPending || results.isPending };
}

/** M2L-8: from a revenue target (or growth over a reference period) back to the leads it takes, per campaign type; plan against actual. */
export function PlannerPage() {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  const labels = useCampaignLabels();
  const periodLabel = usePeriodLabel();
  const state = useAnalyticsFilters();
  const [reference, setReference] = useState<string | null>(null);
  const refKey = (reference ? readPeriodKey(reference) : null) ?? shiftPeriod(state.period, -1);
  const referencePeriod = refKey.key;
  const refFilters = useMemo(() => ({ ...state.filters, period: referencePeriod }), [state.filters, referencePeriod]);
  const ref = usePeriodFigures(refFilters, true);
  const actual = usePeriodFigures(state.filters, false);
  const [mode, setMode] = useState<'revenue' | 'growth'>('growth');
  const [revenue, setRevenue] = useState('');
  const [growth, setGrowth] = useState<number>(60);
  const [overrides, setOverrides] = useState<Partial<PlanAssumptions>>({});

  const currency = ref.results?.currency ?? actual.results?.currency ?? '';
  const base = ref.results?.total.wonAmount ?? null;
  const measured = useMemo(
    () => (ref.funnel ? measuredAssumptions(ref.funnel, ref.results?.total.averageDealSize ?? null) : null),
    [ref.funnel, ref.results],
  );
  const assumptions = measured ? { ...measured, ...overrides } : null;
  const target = mode === 'revenue' ? (normalizeAmount(revenue) ?? '') : base ? (grownTarget(base, growth) ?? '') : '';
  const plan = assumptions ? backCalculate(target, assumptions) : null;
  const firstStage = (steps: readonly FunnelStep[]) => steps.find((s) => s.key.startsWith('stage:'))?.count ?? 0;
  const count = (steps: readonly FunnelStep[], key: string) => steps.find((s) => s.key === key)?.count ?? 0;
  const actuals: Record<PlanStep, number> | null =
    actual.funnel && actual.results
      ? {
          leads: count(actual.funnel.steps, 'leads'),
          mqls: count(actual.funnel.steps, 'mql'),
          sqls: count(actual.funnel.steps, 'sql'),
          opportunities: firstStage(actual.funnel.steps),
          wonDeals: actual.results.total.won,
        }
      : null;
  const done = plan && actuals ? progress(plan, actuals) : null;
  const split = plan?.needed.sqls && ref.roi ? splitByCampaignType(plan.needed.sqls, ref.roi.byType) : [];

  const chart = useMemo(() => {
    const steps = PLAN_STEPS.map((key) => ({
      key, label: t(STEP_KEYS[key]), count: plan?.needed[key] ?? 0, conversion: null, overall: null, companyCount: 0, companyConversion: null, leakiest: false,
    }));
    return funnelOption(steps, { stepLabel: (s) => `${s.label} ${format.count(s.count)}`, tooltip: (s) => `${s.label}: ${format.count(s.count)}` });
  }, [plan, t, format]);

  const rateInput = (rate: Rate) => (
    <InputNumber
      min={0}
      max={100}
      step={0.1}
      precision={1}
      suffix="%"
      value={assumptions ? Math.round(assumptions[rate] * 1000) / 10 : null}
      onChange={(v) => setOverrides((o) => ({ ...o, [rate]: typeof v === 'number' ? v / 100 : 0 }))}
      data-testid={`planner-rate-${rate}`}
    />
  );

  return (
    <div data-testid="analytics-planner-page">
      <PageHeader title={t('nav.analytics')} subtitle={t('analytics.planner.subtitle')} />
      <AnalyticsNav active="planner" />
      <AnalyticsFilterBar state={state} />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" className="l2c-section" title={t('analytics.planner.target')} data-testid="planner-target-card">
            <Form layout="vertical">
              <Form.Item label={t('analytics.planner.reference')} extra={t('analytics.planner.referenceHelp')}>
                <PeriodPicker
                  value={refKey}
                  onChange={setReference}
                  startMonth={state.startMonth}
                  currentYear={state.period.fiscalYear}
                />
              </Form.Item>
              <Descriptions
                size="small"
                column={1}
                items={[{ key: 'base', label: t('analytics.planner.base', { period: periodLabel(refKey) }), children: <span data-testid="planner-base">{format.money(base, currency)}</span> }]}
              />
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
                  <InputNumber value={growth} step={5} precision={2} suffix="%" onChange={(v) => setGrowth(typeof v === 'number' ? v : 0)} data-testid="planner-growth" />
                </Form.Item>
              ) : (
                <Form.Item label={t('analytics.planner.revenueTarget', { currency })}>
                  <Input inputMode="decimal" value={revenue} onChange={(e) => setRevenue(e.target.value)} placeholder="0.00" data-testid="planner-revenue" />
                </Form.Item>
              )}
              <Typography.Paragraph strong>
                {t('analytics.planner.targetIs')} <span data-testid="planner-target" data-amount={target}>{format.money(target || null, currency)}</span>
              </Typography.Paragraph>
            </Form>
          </Card>
          <Card
            size="small"
            className="l2c-section"
            title={t('analytics.planner.assumptions')}
            extra={
              <Button size="small" onClick={() => setOverrides({})} disabled={Object.keys(overrides).length === 0} data-testid="planner-reset">
                {t('analytics.planner.reset')}
              </Button>
            }
          >
            <Form layout="horizontal" labelCol={{ span: 12 }} wrapperCol={{ span: 12 }}>
              <Form.Item label={t('analytics.planner.averageDeal', { currency })} extra={measured ? t('analytics.planner.measured', { value: format.money(measured.averageDeal, currency) }) : null}>
                <Input
                  inputMode="decimal"
                  value={assumptions?.averageDeal ?? ''}
                  onChange={(e) => setOverrides((o) => ({ ...o, averageDeal: normalizeAmount(e.target.value) ?? e.target.value }))}
                  data-testid="planner-average-deal"
                />
              </Form.Item>
              {RATES.map((rate) => (
                <Form.Item key={rate} label={t(RATE_KEYS[rate])} extra={measured ? t('analytics.planner.measured', { value: format.rate(measured[rate]) }) : null}>
                  {rateInput(rate)}
                </Form.Item>
              ))}
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" className="l2c-section" title={t('analytics.planner.plan')} data-testid="planner-plan">
            {plan ? <EChart option={chart} height={260} ariaLabel={t('analytics.planner.plan')} /> : null}
            <Table
              rowKey="step"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              loading={ref.loading || actual.loading}
              dataSource={PLAN_STEPS.map((step) => ({ step }))}
              columns={[
                { key: 'step', title: t('analytics.funnel.step'), render: (_v, r) => t(STEP_KEYS[r.step]) },
                {
                  key: 'needed',
                  title: t('analytics.planner.needed'),
                  align: 'right',
                  render: (_v, r) => <span data-testid={`planner-needed-${r.step}`}>{plan?.needed[r.step] === null || !plan ? t('common.empty') : format.count(plan.needed[r.step])}</span>,
                },
                { key: 'actual', title: t('analytics.planner.actual', { period: periodLabel(state.period) }), align: 'right', render: (_v, r) => format.count(actuals?.[r.step]) },
                { key: 'progress', title: t('analytics.planner.progress'), align: 'right', render: (_v, r) => format.rate(done?.[r.step]) },
              ]}
            />
          </Card>
          <Card size="small" className="l2c-section" title={t('analytics.planner.byType')} data-testid="planner-types">
            <Table
              rowKey="type"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={split}
              locale={{ emptyText: t('analytics.planner.noTypes') }}
              columns={[
                { key: 'type', title: t('analytics.roi.type'), render: (_v, r) => labels.type(r.type as CampaignType) },
                { key: 'share', title: t('analytics.planner.share'), align: 'right', render: (_v, r) => format.rate(r.share) },
                { key: 'yield', title: t('analytics.planner.yield'), align: 'right', render: (_v, r) => format.rate(r.yield) },
                { key: 'sqls', title: t('analytics.roi.sqls'), align: 'right', render: (_v, r) => format.count(r.sqls) },
                { key: 'leads', title: t('analytics.planner.leadsNeeded'), align: 'right', render: (_v, r) => <span data-testid={`planner-type-${r.type}`}>{format.count(r.leads)}</span> },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
