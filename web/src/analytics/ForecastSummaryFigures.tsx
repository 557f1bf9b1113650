import { Col, Row, Statistic, Typography } from 'antd';
import type { AnalyticsFilters } from '../api/analytics';
import { useI18n } from '../i18n/i18n-context';
import { useAnalyticsFormat } from './use-analytics-format';
import { useForecastSummary } from './use-forecast-summary';
import { QueryCard } from './QueryCard';

interface ForecastSummaryCardProps {
  filters: AnalyticsFilters;
  title: string;
  testId: string;
}

/** Closed so far, the call, the weighted pipeline and the accuracy-adjusted forecast of one period (BI-1). */
export function ForecastSummaryCard({ filters, title, testId }: ForecastSummaryCardProps) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  const { forecast, adjusted } = useForecastSummary(filters);
  return (
    <QueryCard query={forecast} title={title} testId={testId}>
      {(data) => (
        <Row gutter={[16, 8]}>
          <Col xs={12} md={6}>
            <Statistic title={t('analytics.forecast.closed')} value={format.money(data.total.closed, data.currency)} data-testid={`${testId}-closed`} data-amount={data.total.closed} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('analytics.forecast.call')} value={format.money(data.total.call, data.currency)} data-testid={`${testId}-call`} data-amount={data.total.call} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('analytics.forecast.weighted')} value={format.money(data.total.weighted, data.currency)} data-testid={`${testId}-weighted`} data-amount={data.total.weighted} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('analytics.accuracy.adjusted')}
              value={adjusted && adjusted.teamsWithHistory > 0 ? format.money(adjusted.adjusted, data.currency) : t('analytics.accuracy.noHistory')}
              data-testid={`${testId}-adjusted`}
            />
            {adjusted && adjusted.teamsWithHistory > 0 && adjusted.teamsWithHistory < adjusted.teams ? (
              <Typography.Text type="secondary">{t('analytics.accuracy.partial', { n: adjusted.teamsWithHistory, total: adjusted.teams })}</Typography.Text>
            ) : null}
          </Col>
        </Row>
      )}
    </QueryCard>
  );
}
