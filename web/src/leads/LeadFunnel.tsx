import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Descriptions, Row, Select, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { leadRecordsApi, type FunnelCounts, type LeadFunnel as Funnel } from '../api/leads';
import { queryKeys } from '../api/query-keys';
import { campaignsApi } from '../api/resources';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { labelOf, toSelectOptions } from '../shared/labelled-options';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { LEAD_SOURCES } from './lead-sources';
import { LeadsNav } from './LeadsNav';
import { splitDuration } from './sla';
import { useLeadLabels } from './use-lead-labels';
import './leads.css';

const DURATION_KEYS: Record<'minute' | 'hour' | 'day', MessageKey> = { minute: 'leadDuration.minute', hour: 'leadDuration.hour', day: 'leadDuration.day' };
const CAMPAIGNS = { limit: 200 } as const;

/** M2L-7: the MQL → SQL conversion, the reasons reps gave, and the time leads spend in each status. */
export function LeadFunnel() {
  const { t, locale } = useI18n();
  const me = useMe();
  const labels = useLeadLabels();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(90, 'day').startOf('day'), dayjs().add(1, 'day').startOf('day')]);
  const [source, setSource] = useState<string | undefined>();
  const params = useMemo(() => ({ from: period[0].toISOString(), to: period[1].toISOString(), source }), [period, source]);
  const funnel = useQuery({ queryKey: queryKeys.leadFunnel(params), queryFn: ({ signal }) => leadRecordsApi.funnel(params, signal) });
  const campaigns = useQuery({
    queryKey: queryKeys.list('campaigns', CAMPAIGNS),
    queryFn: ({ signal }) => campaignsApi.list(CAMPAIGNS, signal),
    enabled: can(me.permissions, 'campaigns', 'read'),
    staleTime: 60_000,
  });
  const campaignNames = useMemo(() => new Map((campaigns.data?.data ?? []).map((c) => [c.id, c.name])), [campaigns.data]);

  const duration = (seconds: number | null) => {
    if (seconds === null) return t('common.empty');
    const { value, unit } = splitDuration(seconds);
    return t(DURATION_KEYS[unit], { value: value.toLocaleString(locale) });
  };
  const rate = (r: number | null) => (r === null ? t('common.empty') : `${(r * 100).toLocaleString(locale, { maximumFractionDigits: 1 })}%`);

  const countColumns = <T extends FunnelCounts>(): TableColumnsType<T> => [
    { key: 'mql', title: t('leadFunnel.mql'), align: 'right', render: (_v, r) => r.mql },
    { key: 'accepted', title: t('leadFunnel.accepted'), align: 'right', render: (_v, r) => r.accepted },
    { key: 'rejected', title: t('leadFunnel.rejected'), align: 'right', render: (_v, r) => r.rejected },
    { key: 'sql', title: t('leadFunnel.sql'), align: 'right', render: (_v, r) => r.sql },
    { key: 'rate', title: t('leadFunnel.rate'), align: 'right', render: (_v, r) => rate(r.mqlToSqlRate) },
  ];

  const data: Funnel | undefined = funnel.data;
  return (
    <div data-testid="lead-funnel-page">
      <LeadsNav active="funnel" />
      <PageHeader title={t('leadFunnel.title')} subtitle={t('leadFunnel.subtitle')} />
      <Space wrap className="l2c-section">
        <DatePicker.RangePicker
          value={period}
          allowClear={false}
          onChange={(dates) => {
            if (dates?.[0] && dates[1]) setPeriod([dates[0].startOf('day'), dates[1].add(1, 'day').startOf('day')]);
          }}
          data-testid="funnel-period"
        />
        <Select
          allowClear
          placeholder={t('lead.source')}
          value={source}
          onChange={(v: string | undefined) => setSource(v)}
          options={toSelectOptions(LEAD_SOURCES, locale)}
          className="l2c-filter-field"
          data-testid="funnel-source"
        />
      </Space>
      {funnel.isPending ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {funnel.isError ? <QueryErrorResult error={funnel.error} onRetry={() => void funnel.refetch()} /> : null}
      {data ? (
        <>
          <Card className="l2c-section" size="small" title={t('leadFunnel.definitions')} data-testid="funnel-definitions">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'mql', label: t('assignSettings.mql'), children: data.definitions.mql ?? <Typography.Text type="secondary">{t('leadFunnel.noDefinition')}</Typography.Text> },
                { key: 'sql', label: t('assignSettings.sql'), children: data.definitions.sql ?? <Typography.Text type="secondary">{t('leadFunnel.noDefinition')}</Typography.Text> },
                ...(data.definitions.mqlScoreBar !== null
                  ? [{ key: 'bar', label: t('leadFunnel.mqlScoreBar'), children: <span className="l2c-number">{data.definitions.mqlScoreBar}</span> }]
                  : []),
              ]}
            />
          </Card>
          <Card className="l2c-section" data-testid="funnel-totals">
            <Row gutter={[16, 16]}>
              {(['mql', 'accepted', 'rejected', 'sql', 'recycled', 'disqualified'] as const).map((key) => (
                <Col xs={12} md={8} lg={4} key={key}>
                  <Statistic title={t(`leadFunnel.${key}`)} value={data.totals[key]} />
                </Col>
              ))}
              <Col xs={24}>
                <Statistic title={t('leadFunnel.rate')} value={rate(data.totals.mqlToSqlRate)} data-testid="funnel-rate" />
              </Col>
            </Row>
          </Card>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card className="l2c-section" size="small" title={t('leadFunnel.bySource')}>
                <Table
                  rowKey={(r) => r.source ?? '-'}
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={data.bySource}
                  columns={[
                    { key: 'source', title: t('lead.source'), render: (_v, r) => (r.source ? labelOf(LEAD_SOURCES, r.source, locale) : t('leadFunnel.noSource')) },
                    ...countColumns<Funnel['bySource'][number]>(),
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card className="l2c-section" size="small" title={t('leadFunnel.byCampaign')}>
                <Table
                  rowKey={(r) => r.campaignId ?? '-'}
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={data.byCampaign}
                  columns={[
                    {
                      key: 'campaign',
                      title: t('leadFunnel.campaign'),
                      render: (_v, r) => (r.campaignId ? (campaignNames.get(r.campaignId) ?? r.campaignId.slice(0, 8)) : t('leadFunnel.noCampaign')),
                    },
                    ...countColumns<Funnel['byCampaign'][number]>(),
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card className="l2c-section" size="small" title={t('leadFunnel.reasons')}>
                <Table
                  rowKey={(r) => `${r.action}|${r.reason}`}
                  size="small"
                  pagination={false}
                  dataSource={data.reasons}
                  columns={[
                    { key: 'action', title: t('leadFunnel.action'), render: (_v, r) => labels.action(r.action) },
                    { key: 'reason', title: t('leadFunnel.reason'), render: (_v, r) => labels.reasonText(r.reason) },
                    { key: 'count', title: t('leadFunnel.count'), align: 'right', render: (_v, r) => r.count },
                  ]}
                  data-testid="funnel-reasons"
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card className="l2c-section" size="small" title={t('leadFunnel.timeInState')}>
                <Table
                  rowKey="status"
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={data.timeInState}
                  columns={[
                    { key: 'status', title: t('lead.status'), render: (_v, r) => labels.status(r.status) },
                    { key: 'median', title: t('leadFunnel.median'), align: 'right', render: (_v, r) => duration(r.medianSeconds) },
                    { key: 'avg', title: t('leadFunnel.avg'), align: 'right', render: (_v, r) => duration(r.avgSeconds) },
                    { key: 'exits', title: t('leadFunnel.exits'), align: 'right', render: (_v, r) => r.exits },
                    { key: 'stillIn', title: t('leadFunnel.stillIn'), align: 'right', render: (_v, r) => r.stillIn },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
    </div>
  );
}
