import type { ReactNode } from 'react';
import { Col, Row } from 'antd';
import type { DrillLink, ForecastFigures } from '../api/analytics';
import { useI18n } from '../i18n/i18n-context';
import { DrillStatistic, type OnDrill } from './DrillDrawer';
import { useAnalyticsFormat } from './use-analytics-format';

const FIGURES = ['closed', 'commit', 'bestCase', 'pipeline', 'weighted', 'call'] as const;
type Figure = (typeof FIGURES)[number];

interface ForecastTotalsProps {
  figures: Pick<ForecastFigures, Figure>;
  currency: string;
  /** Each figure is `${testId}-${figure}` with its exact amount in data-amount. */
  testId: string;
  /** The deals behind the figures the answer links. */
  drill?: Partial<Record<Figure, DrillLink>>;
  onDrill?: OnDrill;
  /** What the drawer's title starts with (the period or the rep). */
  context?: string;
  /** More headline figures after these (the accuracy-adjusted call, a rank). */
  children?: ReactNode;
}

/** The forecast categories, the weighted pipeline and the call of a scope as headline figures (OPP-6). */
export function ForecastTotals({ figures, currency, testId, drill, onDrill, context, children }: ForecastTotalsProps) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  return (
    <Row gutter={[16, 8]} className="l2c-section">
      {FIGURES.map((key) => (
        <Col xs={12} sm={8} xl={4} key={key}>
          <DrillStatistic
            label={t(`analytics.forecast.${key}`)}
            title={context ? `${context} · ${t(`analytics.forecast.${key}`)}` : undefined}
            value={format.money(figures[key], currency)}
            amount={figures[key]}
            link={drill?.[key]}
            onOpen={onDrill}
            testId={`${testId}-${key}`}
          />
        </Col>
      ))}
      {children}
    </Row>
  );
}
