import { useQuery } from '@tanstack/react-query';
import { Card, Progress, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { scoringApi, type FiredRule, type LeadScore } from '../api/scoring';
import { useCan, useMe } from '../auth/session-context';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { mqlProgress, pointsToMql } from './grade-matrix';
import { GradeTag } from './ImpactPreview';
import { formatDecimal, formatPoints, formatValue } from './rule-summary';
import { ENGAGEMENT_KINDS } from './rule-vocabulary';
import './scoring.css';

/** One fired rule: its name, its points and why (the lead's value, or the engagement counted and decayed). */
function FiredRuleLine({ rule }: { rule: FiredRule }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const d = rule.detail;
  const kind = ENGAGEMENT_KINDS.find((k) => k.key === d.eventKind);
  const why =
    rule.category === 'fit'
      ? t('scoring.panel.actual', { value: formatValue(d.field ?? null, d.actual ?? null, locale) })
      : [
          t('scoring.panel.occurrences', {
            count: d.occurrences ?? 0,
            kind: kind ? t(kind.labelKey) : (d.eventKind ?? ''),
            when: formatDateTime(d.lastAt ?? null, locale, me.tenant.timezone),
          }),
          d.decayed !== undefined && d.decayed !== d.undecayed
            ? t('scoring.panel.decayed', { decayed: formatDecimal(d.decayed), undecayed: d.undecayed ?? 0 })
            : null,
        ].filter(Boolean).join(' · ');
  return (
    <div className="l2c-score-rule" data-testid="score-fired-rule">
      <div className="l2c-score-rule-head">
        <span>
          {rule.name} {d.capped ? <Tag>{t('scoring.panel.capped')}</Tag> : null}
        </span>
        <Typography.Text strong type={rule.points < 0 ? 'danger' : 'success'} className="l2c-number">
          {formatPoints(rule.points)}
        </Typography.Text>
      </div>
      <div className="l2c-score-rule-why">{why}</div>
    </div>
  );
}

export function ScoreBreakdown({ score }: { score: LeadScore }) {
  const { t } = useI18n();
  const canReadRules = useCan('scoring_rules', 'read');
  const missing = pointsToMql(score.total, score.mqlThreshold);
  return (
    <div data-testid="score-explanation">
      <Space size="large" wrap>
        <Statistic title={t('scoring.panel.total')} value={score.total} suffix={<GradeTag grade={score.grade} />} data-testid="score-total" />
        <Statistic title={t('scoring.panel.fit')} value={score.fit} data-testid="score-fit" />
        <Statistic title={t('scoring.panel.engagement')} value={score.engagement} data-testid="score-engagement" />
      </Space>
      <Progress percent={mqlProgress(score.total, score.mqlThreshold)} showInfo={false} status={missing === 0 ? 'success' : 'active'} />
      <Typography.Text type="secondary" className="l2c-score-mql" data-testid="score-mql">
        {missing === 0
          ? t('scoring.panel.mqlReached', { bar: score.mqlThreshold })
          : t('scoring.panel.toMql', { points: missing, bar: score.mqlThreshold })}
      </Typography.Text>
      <Typography.Title level={5}>{t('scoring.panel.why')}</Typography.Title>
      {score.fired.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('scoring.panel.noneFired')}</Typography.Paragraph>
      ) : (
        score.fired.map((rule) => <FiredRuleLine key={rule.ruleId} rule={rule} />)
      )}
      {canReadRules ? <Link to="/settings/scoring">{t('scoring.panel.rules')}</Link> : null}
    </div>
  );
}

/**
 * A lead's rule score and why: fit and engagement points, grade, distance to the MQL bar and
 * every rule that fired with its points. For the lead page (`<ScoreExplanation leadId={id} />`).
 */
export function ScoreExplanation({ leadId, bordered = true }: { leadId: string; bordered?: boolean }) {
  const { t } = useI18n();
  const score = useQuery({ queryKey: queryKeys.leadScore(leadId), queryFn: ({ signal }) => scoringApi.leadScore(leadId, signal) });
  const body = score.isPending ? (
    <Skeleton active paragraph={{ rows: 3 }} />
  ) : score.isError ? (
    <QueryErrorResult error={score.error} onRetry={() => void score.refetch()} />
  ) : (
    <ScoreBreakdown score={score.data} />
  );
  return bordered ? (
    <Card size="small" title={t('scoring.panel.title')} className="l2c-section">
      {body}
    </Card>
  ) : (
    body
  );
}
