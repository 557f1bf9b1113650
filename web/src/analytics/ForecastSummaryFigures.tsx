import { Col, Statistic, Typography } from 'antd';
import type { ForecastSummary } from '../api/analytics';
import { useI18n } from '../i18n/i18n-context';
import type { OnDrill } from './DrillDrawer';
import { ForecastTotals } from './ForecastTotals';
import { useAnalyticsFormat } from './use-analytics-format';

interface ForecastSummaryFiguresProps {
  summary: ForecastSummary;
  /** The period's name, the start of the drawer's titles. */
  title: string;
  testId: string;
  onDrill: OnDrill;
}

/** A period's forecast as the executive dashboard answers it, with the accuracy-adjusted call (BI-1); money figures open their deals. */
export function ForecastSummaryFigures({ summary, title, testId, onDrill }: ForecastSummaryFiguresProps) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  const withHistory = summary.teams.filter((team) => team.adjustedForecast !== null).length;
  return (
    <ForecastTotals figures={summary} currency={summary.currency} testId={testId} drill={summary.drill} onDrill={onDrill} context={title}>
      <Col xs={24} sm={16} xl={8}>
        <Statistic
          title={t('analytics.accuracy.adjusted')}
          value={withHistory > 0 ? format.money(summary.accuracyAdjusted, summary.currency) : t('analytics.accuracy.noHistory')}
          data-testid={`${testId}-adjusted`}
          data-amount={withHistory > 0 ? summary.accuracyAdjusted : undefined}
        />
        {withHistory > 0 && withHistory < summary.teams.length ? (
          <Typography.Text type="secondary">{t('analytics.accuracy.partial', { n: withHistory, total: summary.teams.length })}</Typography.Text>
        ) : null}
      </Col>
    </ForecastTotals>
  );
}
