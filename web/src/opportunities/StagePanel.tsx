import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Checkbox, Space, Steps, Typography } from 'antd';
import { opportunitiesApi, type Opportunity } from '../api/opportunities';
import { queryKeys } from '../api/query-keys';
import type { SalesProcess } from '../api/sales-processes';
import { useCan } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { MissingList } from './MissingList';
import { useDealUpdate } from './use-deal-update';

/**
 * Where the deal is in its process and what it needs to move on: the stages as steps, the current
 * stage's checklist (tickable) and the server's list of what is still missing to leave it.
 */
export function StagePanel({ deal, process }: { deal: Opportunity; process: SalesProcess | undefined }) {
  const { t } = useI18n();
  const canUpdate = useCan('opportunities', 'update');
  const { apply } = useDealUpdate(deal);
  const gate = useQuery({
    queryKey: queryKeys.dealGate(deal.id),
    queryFn: ({ signal }) => opportunitiesApi.gate(deal.id, undefined, signal),
    enabled: deal.status === 'open',
  });
  const stages = [...(process?.stages ?? [])].sort((a, b) => a.order - b.order);
  const open = stages.filter((s) => !s.isWon && !s.isLost);
  const closedStage = stages.find((s) => s.id === deal.stageId && (s.isWon || s.isLost));
  const steps = closedStage ? [...open, closedStage] : open;
  const current = steps.findIndex((s) => s.id === deal.stageId);
  const stage = stages.find((s) => s.id === deal.stageId);
  const checklist = deal.status === 'open' ? (stage?.exitCriteria.checklist ?? []) : [];

  return (
    <Card className="l2c-section" size="small" data-testid="deal-stage-panel">
      <div className="l2c-deal-steps">
        <Steps
          size="small"
          current={current}
          status={deal.status === 'lost' ? 'error' : deal.status === 'won' ? 'finish' : 'process'}
          items={steps.map((s) => ({ title: s.name, description: `${s.probability} %` }))}
          data-testid="deal-steps"
        />
      </div>
      {deal.status !== 'open' ? (
        <Typography.Text type="secondary">{t('deal.exit.closed')}</Typography.Text>
      ) : (
        <div className="l2c-deal-exit" data-testid="deal-exit">
          <Typography.Text strong>{t('deal.exit.title', { stage: deal.stageName ?? '' })}</Typography.Text>
          {gate.data?.stageName ? <Typography.Text type="secondary"> · {t('deal.exit.next', { stage: gate.data.stageName })}</Typography.Text> : null}
          {checklist.length > 0 ? (
            <div className="l2c-deal-checklist">
              <Typography.Text type="secondary">{t('deal.exit.checklist')}</Typography.Text>
              <Space direction="vertical" size={2}>
                {checklist.map((item) => (
                  <Checkbox
                    key={item.key}
                    checked={deal.checklist[item.key]?.done ?? false}
                    disabled={!canUpdate}
                    onChange={(e) => void apply(() => opportunitiesApi.tick(deal.id, item.key, e.target.checked), t('deal.checklistSaved')).catch(() => undefined)}
                    data-testid="deal-checklist-item"
                    data-key={item.key}
                  >
                    {item.label}
                  </Checkbox>
                ))}
              </Space>
            </div>
          ) : null}
          {gate.data && gate.data.missing.length > 0 ? (
            <div className="l2c-deal-checklist">
              <Typography.Text type="secondary">{t('deal.exit.missing')}</Typography.Text>
              <MissingList missing={gate.data.missing} testId="deal-missing" />
            </div>
          ) : null}
          {gate.data?.passable ? <Alert type="success" showIcon title={t('deal.exit.allMet')} data-testid="deal-exit-met" /> : null}
        </div>
      )}
    </Card>
  );
}
