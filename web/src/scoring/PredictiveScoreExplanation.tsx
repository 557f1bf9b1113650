import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Progress, Skeleton, Space, Statistic, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { predictiveApi, type PredictedScore } from '../api/predictive';
import { queryKeys } from '../api/query-keys';
import { useCan } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { contributionBars, contributionLevel, featureLabel, formatAuc, QUALITY_LABELS } from './predictive-vocabulary';

/** The score, the average lead it is measured against, and each factor that raises or lowers it. */
export function PredictedScoreBreakdown({ prediction }: { prediction: PredictedScore }) {
  const { t, locale } = useI18n();
  const canReadModel = useCan('scoring_rules', 'read');
  const { model } = prediction;
  if (!model || prediction.score === null) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('predictive.panel.noModel')} data-testid="predicted-score-none" />;
  }
  const bars = contributionBars(prediction.contributions);
  return (
    <div data-testid="predicted-score-explanation">
      <Space size="large" wrap align="center">
        <Statistic title={t('predictive.panel.score')} value={prediction.score} suffix="%" data-testid="predicted-score-value" />
        {prediction.baseline ? (
          <Typography.Text type="secondary" data-testid="predicted-score-average">
            {t('predictive.panel.average', { score: `${prediction.baseline.score}%` })}
          </Typography.Text>
        ) : null}
      </Space>
      <Typography.Title level={5}>{t('predictive.panel.why')}</Typography.Title>
      {bars.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('predictive.panel.neutral')}</Typography.Paragraph>
      ) : (
        bars.map((bar) => (
          <div className="l2c-card-field" key={bar.feature} data-testid="predicted-score-factor">
            <Space className="l2c-full-width" style={{ justifyContent: 'space-between' }}>
              <span>
                {t('predictive.panel.factor', { feature: featureLabel(bar.feature, t), value: contributionLevel(bar, t, locale) })}
              </span>
              <Typography.Text type={bar.direction === 'up' ? 'success' : 'danger'}>
                {bar.direction === 'up' ? <ArrowUpOutlined /> : <ArrowDownOutlined />}{' '}
                {t(bar.direction === 'up' ? 'predictive.panel.raises' : 'predictive.panel.lowers')}
              </Typography.Text>
            </Space>
            <Progress percent={bar.percent} showInfo={false} size="small" status={bar.direction === 'up' ? 'success' : 'exception'} />
          </div>
        ))
      )}
      <Typography.Text type="secondary" data-testid="predicted-score-model">
        {t('predictive.panel.model', { version: model.modelVersion, auc: formatAuc(model.testAuc), quality: t(QUALITY_LABELS[model.quality]) })}
      </Typography.Text>{' '}
      {canReadModel ? <Link to="/settings/predictive-scoring">{t('predictive.panel.aboutModel')}</Link> : null}
    </div>
  );
}

/**
 * A lead's predicted score and why, for the lead page (`<PredictiveScoreExplanation leadId={id} />`):
 * the chance to convert from the tenant's own history, against the average lead, and the
 * factors that raise or lower it. Kept apart from the rule score and from what people typed.
 */
export function PredictiveScoreExplanation({ leadId, bordered = true }: { leadId: string; bordered?: boolean }) {
  const { t } = useI18n();
  const prediction = useQuery({
    queryKey: queryKeys.leadPredictedScore(leadId),
    queryFn: ({ signal }) => predictiveApi.leadScore(leadId, signal),
  });
  const body = prediction.isPending ? (
    <Skeleton active paragraph={{ rows: 3 }} />
  ) : prediction.isError ? (
    <QueryErrorResult error={prediction.error} onRetry={() => void prediction.refetch()} />
  ) : (
    <PredictedScoreBreakdown prediction={prediction.data} />
  );
  return bordered ? (
    <Card size="small" title={t('predictive.panel.title')} className="l2c-section">
      {body}
    </Card>
  ) : (
    body
  );
}
