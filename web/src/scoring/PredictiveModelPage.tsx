import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Progress, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { predictiveApi, type PredictiveModel } from '../api/predictive';
import { queryKeys } from '../api/query-keys';
import { useCan, useMe } from '../auth/session-context';
import { formatDateTime, formatInteger } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useErrorFeedback } from '../shared/use-error-feedback';
import {
  aucAsPairs, factorBars, featureLabel, formatAuc, isTraining, modelsOverview, QUALITY_COLORS, QUALITY_LABELS, STATUS_COLORS,
  STATUS_LABELS, valueLabel, type FactorBar,
} from './predictive-vocabulary';

/** While a training runs, the page asks for news this often. */
const POLL_MS = 3000;
/** The server's minimum of converted and of lost leads, shown before any training was tried. */
const MIN_EACH = 50;

export function QualityTag({ model }: { model: Pick<PredictiveModel, 'quality' | 'testAuc'> }) {
  const { t } = useI18n();
  return (
    <Tag color={QUALITY_COLORS[model.quality]} data-testid="predictive-quality">
      {t(QUALITY_LABELS[model.quality])}
    </Tag>
  );
}

/** The active model's numbers: AUC with its quality in words, training rows, when it was trained. */
function ModelFacts({ model }: { model: PredictiveModel }) {
  const { t, locale } = useI18n();
  const me = useMe();
  return (
    <Card size="small" className="l2c-section" title={t('predictive.activeModel', { version: model.modelVersion })} data-testid="predictive-active">
      <Space size="large" wrap align="start">
        <Statistic title={t('predictive.auc')} value={formatAuc(model.testAuc)} suffix={<QualityTag model={model} />} data-testid="predictive-auc" />
        <Statistic
          title={t('predictive.rows')}
          value={formatInteger(model.trainingRows, locale)}
          suffix={
            <Typography.Text type="secondary">
              {t('predictive.rowsDetail', { positives: model.positives ?? 0, negatives: model.negatives ?? 0 })}
            </Typography.Text>
          }
          data-testid="predictive-rows"
        />
        <Statistic
          title={t('predictive.trainedAt')}
          value={formatDateTime(model.trainedAt, locale, me.tenant.timezone)}
          suffix={<Tag>{t(model.trigger === 'schedule' ? 'predictive.trigger.schedule' : 'predictive.trigger.manual')}</Tag>}
          data-testid="predictive-trained-at"
        />
      </Space>
      {model.testAuc !== null ? (
        <Typography.Paragraph type="secondary" data-testid="predictive-auc-help">
          {t('predictive.aucHelp', { rows: model.testRows ?? 0, pairs: aucAsPairs(model.testAuc) ?? 0 })}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

/** Top factors as bars against the strongest, with their most and least favourable values. */
function FactorTable({ model }: { model: PredictiveModel }) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" className="l2c-section" title={t('predictive.factors')} data-testid="predictive-factors">
      <Typography.Paragraph type="secondary">{t('predictive.factorsHelp')}</Typography.Paragraph>
      <Table<FactorBar>
        size="small"
        rowKey="feature"
        pagination={false}
        dataSource={factorBars(model.topFactors)}
        columns={[
          { title: t('predictive.col.feature'), dataIndex: 'feature', render: (feature: string) => featureLabel(feature, t) },
          {
            title: t('predictive.col.influence'),
            dataIndex: 'percent',
            width: '35%',
            render: (percent: number) => <Progress percent={percent} showInfo={false} size="small" />,
          },
          {
            title: t('predictive.col.best'),
            key: 'best',
            render: (_: unknown, bar: FactorBar) => (bar.best ? <Tag color="green">{valueLabel(bar.feature, bar.best.value, t, locale)}</Tag> : null),
          },
          {
            title: t('predictive.col.worst'),
            key: 'worst',
            render: (_: unknown, bar: FactorBar) => (bar.worst ? <Tag color="red">{valueLabel(bar.feature, bar.worst.value, t, locale)}</Tag> : null),
          },
        ]}
      />
    </Card>
  );
}

function History({ models }: { models: PredictiveModel[] }) {
  const { t, locale } = useI18n();
  const me = useMe();
  return (
    <Card size="small" className="l2c-section" title={t('predictive.history')}>
      <Table<PredictiveModel>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={models}
        data-testid="predictive-history"
        columns={[
          { title: t('predictive.col.version'), dataIndex: 'modelVersion', render: (v: number, m) => (m.active ? <strong>v{v}</strong> : `v${v}`) },
          {
            title: t('predictive.col.status'),
            dataIndex: 'status',
            render: (_: unknown, m) => <Tag color={STATUS_COLORS[m.status]}>{t(STATUS_LABELS[m.status])}</Tag>,
          },
          {
            title: t('predictive.col.requested'),
            dataIndex: 'createdAt',
            render: (at: string, m) =>
              `${formatDateTime(at, locale, me.tenant.timezone)} · ${t(m.trigger === 'schedule' ? 'predictive.trigger.schedule' : 'predictive.trigger.manual')}`,
          },
          { title: t('predictive.col.auc'), dataIndex: 'testAuc', render: (auc: number | null) => formatAuc(auc) },
          { title: t('predictive.col.result'), dataIndex: 'message' },
        ]}
      />
    </Card>
  );
}

/**
 * The predictive lead score for admins (Settings → Predictive scoring): the active model's
 * accuracy in plain words, how many leads it learnt from, what drives conversion, the recent
 * trainings and a "Retrain now" button. The model retrains itself every night too.
 */
export function PredictiveModelPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const canTrain = useCan('scoring_rules', 'update');
  const models = useQuery({
    queryKey: queryKeys.predictiveModels(),
    queryFn: ({ signal }) => predictiveApi.models(signal),
    refetchInterval: (query) => (isTraining(query.state.data?.data ?? []) ? POLL_MS : false),
  });
  const list = models.data?.data ?? [];
  const { active, latest } = modelsOverview(list);
  const running = isTraining(list);
  const train = useMutation({
    mutationFn: () => predictiveApi.train(),
    onSuccess: (result) => {
      void message.info(t(result.started ? 'predictive.retrainStarted' : 'predictive.retrainRunning'));
      void queryClient.invalidateQueries({ queryKey: queryKeys.predictiveModels() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.all('leads') });
    },
    onError: (error) => showError(error),
  });
  const settings = (active ?? latest)?.settings;

  const body = models.isPending ? (
    <Skeleton active paragraph={{ rows: 6 }} />
  ) : models.isError ? (
    <QueryErrorResult error={models.error} onRetry={() => void models.refetch()} />
  ) : (
    <>
      {latest && latest.id !== active?.id ? (
        <Alert
          className="l2c-form-alert"
          showIcon
          type={latest.status === 'training' ? 'info' : latest.status === 'failed' ? 'error' : 'warning'}
          title={t('predictive.latestRun', { version: latest.modelVersion })}
          description={latest.message}
          data-testid="predictive-latest"
        />
      ) : null}
      {active ? (
        <>
          <ModelFacts model={active} />
          <FactorTable model={active} />
        </>
      ) : (
        <Card className="l2c-section">
          <Empty description={t('predictive.none', { min: settings?.minPositives ?? MIN_EACH })} data-testid="predictive-empty" />
        </Card>
      )}
      {settings ? (
        <Typography.Paragraph type="secondary">
          {t('predictive.labelRule', { days: settings.staleDays, percent: settings.testPercent })}
        </Typography.Paragraph>
      ) : null}
      {list.length > 0 ? <History models={list} /> : null}
    </>
  );

  return (
    <div data-testid="predictive-page">
      <PageHeader
        title={t('nav.predictive')}
        subtitle={t('module.predictive')}
        actions={
          canTrain ? (
            <Button
              type="primary"
              icon={<SyncOutlined spin={running} />}
              loading={train.isPending}
              disabled={running}
              onClick={() => train.mutate()}
              data-testid="predictive-retrain"
            >
              {t('predictive.retrain')}
            </Button>
          ) : null
        }
      />
      {canTrain ? null : <Alert type="info" showIcon className="l2c-form-alert" title={t('predictive.readOnly')} />}
      {body}
    </div>
  );
}
