import { useQuery } from '@tanstack/react-query';
import { Card, Col, Progress, Row, Skeleton, Statistic, Typography } from 'antd';
import { queryKeys } from '../api/query-keys';
import { campaignsApi } from '../api/resources';
import type { Campaign, GoalProgress } from '../api/types';
import { formatInteger } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { formatMoney } from '../shared/money';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { MEMBER_STATUSES } from '../api/types';
import { useCampaignLabels } from './use-campaign-labels';

/** One goal: the count reached, and the share of the target the server computed. */
function Goal({ title, goal, testId }: { title: string; goal: GoalProgress; testId: string }) {
  const { t, locale } = useI18n();
  return (
    <div data-testid={testId}>
      <Statistic title={title} value={formatInteger(goal.actual, locale)} />
      {goal.target !== null ? (
        <>
          <Progress percent={Math.min(goal.percent ?? 0, 100)} format={() => `${goal.percent ?? 0}%`} size="small" />
          <Typography.Text type="secondary">
            {t('summary.progress', { actual: formatInteger(goal.actual, locale), target: formatInteger(goal.target, locale) })}
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">{t('summary.noTarget')}</Typography.Text>
      )}
    </div>
  );
}

/** Goals against results, members by status, cost against budget: all counted by the server. */
export function CampaignSummaryCard({ campaign }: { campaign: Campaign }) {
  const { t, locale } = useI18n();
  const labels = useCampaignLabels();
  const summary = useQuery({
    queryKey: queryKeys.campaignSummary(campaign.id),
    queryFn: ({ signal }) => campaignsApi.summary(campaign.id, signal),
  });
  if (summary.isPending) return <Skeleton active />;
  if (summary.isError) return <QueryErrorResult error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;

  return (
    <div data-testid="campaign-summary">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('summary.goalsVsActual')}>
            <Row gutter={[16, 16]}>
              <Col xs={12}>
                <Goal title={t('summary.leadsCreated')} goal={s.goals.leads} testId="campaign-goal-leads" />
              </Col>
              <Col xs={12}>
                <Goal title={t('summary.mqls')} goal={s.goals.mqls} testId="campaign-goal-mqls" />
              </Col>
              <Col xs={8}>
                <Statistic title={t('summary.responses')} value={formatInteger(s.responses, locale)} data-testid="campaign-responses" />
              </Col>
              <Col xs={8}>
                <Statistic title={t('summary.touched')} value={formatInteger(s.leads.touched, locale)} />
              </Col>
              <Col xs={8}>
                <Statistic title={t('summary.touches')} value={formatInteger(s.leads.touches, locale)} />
              </Col>
            </Row>
            <Typography.Paragraph type="secondary" className="l2c-summary-note">
              {t('summary.leadsCreatedHelp')}{' '}
              {s.goals.pipeline.target ? `${t('campaign.goalPipeline')}: ${formatMoney(s.goals.pipeline.target, locale)}. ` : ''}
              {t('summary.pipelineLater')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('summary.cost')} data-testid="campaign-cost-summary">
            <Row gutter={[16, 16]}>
              <Col xs={12}>
                <Statistic title={t('summary.spent')} value={formatMoney(s.cost.actual, locale) || t('common.empty')} />
              </Col>
              <Col xs={12}>
                <Statistic title={t('summary.remaining')} value={formatMoney(s.cost.remaining, locale) || t('common.empty')} />
              </Col>
            </Row>
            {s.cost.percentOfBudget !== null ? (
              <>
                <Progress
                  percent={Math.min(s.cost.percentOfBudget, 100)}
                  status={s.cost.percentOfBudget > 100 ? 'exception' : 'normal'}
                  format={() => `${s.cost.percentOfBudget}%`}
                />
                <Typography.Text type="secondary">{t('summary.percentOfBudget', { percent: s.cost.percentOfBudget })}</Typography.Text>
              </>
            ) : (
              <Typography.Text type="secondary">{t('summary.noBudget')}</Typography.Text>
            )}
          </Card>
          <Card size="small" title={t('summary.members')} className="l2c-section" data-testid="campaign-member-summary">
            <Row gutter={[16, 16]}>
              {MEMBER_STATUSES.map((status) => (
                <Col xs={6} key={status}>
                  <Statistic title={labels.member(status)} value={formatInteger(s.members.byStatus[status], locale)} data-testid={`campaign-members-${status}`} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
