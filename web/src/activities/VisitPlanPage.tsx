import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Progress, Row, Space, Statistic, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { agendaApi, type PlanCounts, type VisitPlan } from '../api/agenda';
import { accessLevel } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { TeamSelect } from '../settings/TeamSelect';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { UserSelect } from '../shared/UserSelect';
import { completion } from './visit-plan-values';

const OUTCOME_COLORS: Record<VisitPlan['visits'][number]['outcome'], string> = { done: 'green', missed: 'red', upcoming: 'blue', cancelled: 'default' };

/** The weekly visit plan (OPP-7): planned visits against those done with a check-in, per day and, for managers, per rep. */
export function VisitPlanPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  // The week is in the URL (?date=YYYY-MM-DD, any day of it): a plan can be linked to and reloaded.
  const [search, setSearch] = useSearchParams();
  const requested = search.get('date') ?? '';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(requested) && dayjs(requested).isValid() ? dayjs(requested) : dayjs();
  const setDay = (value: Dayjs) => setSearch((prev) => {
    const next = new URLSearchParams(prev);
    next.set('date', value.format('YYYY-MM-DD'));
    return next;
  }, { replace: true });
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const seesOthers = accessLevel(me.permissions, 'activities', 'read') !== 'own';
  const params = { date: day.format('YYYY-MM-DD'), ownerId: ownerId ?? undefined, teamId: teamId ?? undefined };
  const plan = useQuery({ queryKey: ['activities', 'visit-plan', params], queryFn: ({ signal }) => agendaApi.visitPlan(params, signal) });

  const countColumns = [
    { key: 'planned', title: t('visitPlan.planned'), dataIndex: 'planned' },
    { key: 'done', title: t('visitPlan.done'), dataIndex: 'done' },
    { key: 'missed', title: t('visitPlan.missed'), dataIndex: 'missed', render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n) },
    { key: 'upcoming', title: t('visitPlan.upcoming'), dataIndex: 'upcoming' },
    { key: 'unplanned', title: t('visitPlan.unplanned'), dataIndex: 'unplanned' },
  ];
  const data = plan.data;

  return (
    <div data-testid="visit-plan-page">
      <PageHeader
        backTo="/activities"
        title={t('visitPlan.title')}
        subtitle={data ? <span data-testid="visit-plan-week">{t('visitPlan.week', { week: data.week })}</span> : null}
        actions={
          <Space wrap>
            <DatePicker picker="week" value={day} allowClear={false} onChange={(value) => value && setDay(value)} data-testid="visit-plan-week-picker" />
            {seesOthers ? (
              <>
                <UserSelect value={ownerId} onChange={setOwnerId} allowClear placeholder={t('visitPlan.allReps')} testId="visit-plan-owner" />
                <TeamSelect value={teamId} onChange={setTeamId} placeholder={t('visitPlan.allTeams')} testId="visit-plan-team" />
              </>
            ) : null}
          </Space>
        }
      />
      {plan.isError ? <QueryErrorResult error={plan.error} onRetry={() => void plan.refetch()} /> : null}
      <Row gutter={[16, 16]} className="l2c-section">
        {(['planned', 'done', 'missed', 'unplanned'] as const).map((key) => (
          <Col xs={12} md={6} key={key}>
            <Card size="small">
              <Statistic title={t(`visitPlan.${key}`)} value={data?.totals[key] ?? 0} loading={plan.isPending} data-testid={`visit-plan-total-${key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card className="l2c-section" title={t('visitPlan.byDay')} size="small">
        <Table
          rowKey="date"
          size="small"
          pagination={false}
          loading={plan.isPending}
          dataSource={data?.days ?? []}
          data-testid="visit-plan-days"
          scroll={{ x: true }}
          columns={[
            { key: 'date', title: t('visitPlan.day'), dataIndex: 'date', render: (date: string) => dayjs(date).locale(locale === 'zh-CN' ? 'zh-cn' : 'en').format('ddd MM-DD') },
            ...countColumns,
          ]}
        />
      </Card>
      {seesOthers && (data?.owners.length ?? 0) > 0 ? (
        <Card className="l2c-section" title={t('visitPlan.byRep')} size="small">
          <Table
            rowKey="ownerId"
            size="small"
            pagination={false}
            dataSource={data!.owners}
            data-testid="visit-plan-reps"
            scroll={{ x: true }}
            columns={[
              { key: 'owner', title: t('common.owner'), dataIndex: 'ownerName' },
              ...countColumns,
              {
                key: 'completion',
                title: t('visitPlan.completion'),
                render: (_: unknown, row: PlanCounts) => {
                  const share = completion(row);
                  return share === null ? '—' : <Progress percent={share} size="small" status={share < 60 ? 'exception' : 'normal'} />;
                },
              },
            ]}
          />
        </Card>
      ) : null}
      <Card className="l2c-section" title={t('visitPlan.visits')} size="small">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data?.visits ?? []}
          data-testid="visit-plan-visits"
          scroll={{ x: true }}
          columns={[
            { key: 'when', title: t('activity.when'), render: (_: unknown, v: VisitPlan['visits'][number]) => formatDateTime(v.checkIn?.at ?? v.startAt, locale, me.tenant.timezone) },
            { key: 'subject', title: t('activity.subject'), dataIndex: 'subject' },
            {
              key: 'account',
              title: t('contact.account'),
              render: (_: unknown, v: VisitPlan['visits'][number]) => (v.accountId ? <Link to={`/accounts/${v.accountId}`}>{v.accountName ?? t('common.open')}</Link> : ''),
            },
            { key: 'owner', title: t('common.owner'), dataIndex: 'ownerName' },
            {
              key: 'outcome',
              title: t('visitPlan.outcome'),
              render: (_: unknown, v: VisitPlan['visits'][number]) => (
                <Space size={4}>
                  <Tag color={OUTCOME_COLORS[v.outcome]}>{t(`visitPlan.outcome.${v.outcome}`)}</Tag>
                  {v.planned ? null : <Tag>{t('visitPlan.unplanned')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
