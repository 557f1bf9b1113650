import { Col, Row } from 'antd';
import { useI18n } from '../i18n/i18n-context';
import { PageHeader } from '../shared/PageHeader';
import { AnalyticsFilterBar } from './AnalyticsFilterBar';
import { AnalyticsNav } from './AnalyticsNav';
import { AttainmentPanel } from './AttainmentPanel';
import { LossReasonPanel, VelocityPanel, WinRatePanel } from './ResultsPanels';
import { useAnalyticsFilters } from './use-analytics-filters';
import './analytics.css';

/** OPP-5: attainment of the quotas, win rate, deal size, cycle length, stage velocity and loss reasons. */
export function ResultsPage() {
  const { t } = useI18n();
  const state = useAnalyticsFilters();
  return (
    <div data-testid="analytics-results-page">
      <PageHeader title={t('nav.analytics')} subtitle={t('analytics.results.subtitle')} />
      <AnalyticsNav active="results" />
      <AnalyticsFilterBar state={state} />
      <AttainmentPanel period={state.period.key} />
      <WinRatePanel filters={state.filters} />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <VelocityPanel filters={state.filters} />
        </Col>
        <Col xs={24} xl={10}>
          <LossReasonPanel filters={state.filters} />
        </Col>
      </Row>
    </div>
  );
}
