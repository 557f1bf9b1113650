import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Modal, Radio, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { isApiError } from '../api/api-error';
import { TARGET_METRICS, targetsApi, type Target, type TargetMetric } from '../api/analytics';
import { queryKeys } from '../api/query-keys';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { useTeams } from '../settings/use-settings-data';
import { TeamSelect } from '../settings/TeamSelect';
import { DeleteButton } from '../shared/DeleteButton';
import { mapFieldErrors } from '../shared/form-errors';
import { amountRule, requiredRule } from '../shared/form-rules';
import { normalizeAmount } from '../shared/money';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { UserSelect } from '../shared/UserSelect';
import { useUserNames } from '../shared/use-user-names';
import { AnalyticsFilterBar } from './AnalyticsFilterBar';
import { AnalyticsNav } from './AnalyticsNav';
import { useAnalyticsFilters } from './use-analytics-filters';
import { useAnalyticsFormat } from './use-analytics-format';
import { usePeriodLabel } from './use-period-label';
import './analytics.css';

interface TargetValues {
  subject: 'owner' | 'team';
  ownerId?: string | null;
  teamId?: string | null;
  metric: TargetMetric;
  amount?: string;
  quantity?: number | null;
  note?: string;
}

const FIELDS = ['ownerId', 'teamId', 'amount', 'quantity', 'note'];
const METRIC_KEYS: Record<TargetMetric, MessageKey> = {
  revenue: 'analytics.targets.metric.revenue',
  visits: 'analytics.targets.metric.visits',
  calls: 'analytics.targets.metric.calls',
};

/** Quotas per rep and team for a fiscal period (OPP-5); admins set them, everyone in sales reads them. */
export function TargetsPage() {
  const { t } = useI18n();
  const me = useMe();
  const state = useAnalyticsFilters();
  const format = useAnalyticsFormat();
  const periodLabel = usePeriodLabel();
  const names = useUserNames();
  const teams = useTeams();
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const canEdit = can(me.permissions, 'targets', 'create');
  const [editing, setEditing] = useState<Target | 'new' | null>(null);
  const [form] = Form.useForm<TargetValues>();
  const subject = Form.useWatch('subject', form) ?? 'owner';
  const metric: TargetMetric = Form.useWatch('metric', form) ?? 'revenue';
  const params = { limit: 200, filter: { period: state.period.key } };
  const targets = useQuery({
    queryKey: queryKeys.list('targets', params),
    queryFn: ({ signal }) => targetsApi.list(params, signal),
  });
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.all('targets') }),
    queryClient.invalidateQueries({ queryKey: queryKeys.analyticsAll() }),
  ]);
  const save = useMutation({
    mutationFn: (values: TargetValues) => {
      const revenue = values.metric === 'revenue';
      // Revenue is the default metric: it is only named for activity targets.
      const measure = revenue
        ? { amount: { amount: normalizeAmount(values.amount ?? '') ?? values.amount ?? '', currency: me.tenant.currency } }
        : { quantity: values.quantity ?? null };
      if (editing && editing !== 'new') return targetsApi.update(editing.id, { ...measure, note: values.note || null, version: editing.version });
      return targetsApi.create({
        period: state.period.key,
        ownerId: values.subject === 'owner' ? values.ownerId : null,
        teamId: values.subject === 'team' ? values.teamId : null,
        ...(revenue ? {} : { metric: values.metric }),
        ...measure,
        note: values.note || null,
      });
    },
    onSuccess: async () => {
      await refresh();
      setEditing(null);
    },
    onError: (error) => {
      if (!isApiError(error)) return showError(error);
      const { fields, unmatched } = mapFieldErrors(error.fieldErrors, FIELDS, { 'amount.amount': 'amount' });
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      if (fields.length === 0 || unmatched.length > 0) showError(error);
    },
  });
  const teamName = (id: string) => teams.data?.data.find((team) => team.id === id)?.name ?? id.slice(0, 8);
  const subjectName = (r: Target) => (r.ownerId ? (names.get(r.ownerId) ?? r.ownerId.slice(0, 8)) : r.teamId ? teamName(r.teamId) : '');

  const openForm = (target: Target | 'new') => {
    setEditing(target);
    form.resetFields();
    if (target !== 'new') {
      form.setFieldsValue({
        subject: target.ownerId ? 'owner' : 'team',
        ownerId: target.ownerId,
        teamId: target.teamId,
        metric: target.metric ?? 'revenue',
        amount: target.amount?.amount ?? '',
        quantity: target.quantity ?? null,
        note: target.note ?? '',
      });
    }
  };

  return (
    <div data-testid="analytics-targets-page">
      <PageHeader
        title={t('nav.analytics')}
        subtitle={t('analytics.targets.subtitle')}
        actions={
          canEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm('new')} data-testid="target-new">
              {t('analytics.targets.new')}
            </Button>
          ) : null
        }
      />
      <AnalyticsNav active="targets" />
      <AnalyticsFilterBar state={state} who={false} />
      <Card size="small" title={t('analytics.targets.title', { period: periodLabel(state.period) })}>
        {targets.isError ? <QueryErrorResult error={targets.error} onRetry={() => void targets.refetch()} /> : null}
        <Table
          rowKey="id"
          size="small"
          loading={targets.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={targets.data?.data ?? []}
          locale={{ emptyText: t('analytics.targets.empty') }}
          data-testid="targets-table"
          columns={[
            { key: 'subject', title: t('analytics.attainment.subject'), render: (_v, r) => subjectName(r) },
            { key: 'kind', title: t('analytics.targets.kind'), render: (_v, r) => t(r.ownerId ? 'analytics.group.owner' : 'analytics.group.team') },
            { key: 'metric', title: t('analytics.targets.metric'), render: (_v, r) => t(METRIC_KEYS[r.metric ?? 'revenue']) },
            {
              key: 'amount',
              title: t('analytics.attainment.target'),
              align: 'right',
              render: (_v, r) => (r.amount ? format.money(r.amount.amount, r.amount.currency) : format.count(r.quantity)),
            },
            { key: 'note', title: t('analytics.targets.note'), render: (_v, r) => r.note ?? '' },
            ...(canEdit
              ? [
                  {
                    key: 'actions',
                    title: '',
                    render: (_v: unknown, r: Target) => (
                      <Space>
                        <Button size="small" onClick={() => openForm(r)} data-testid="target-edit">
                          {t('action.edit')}
                        </Button>
                        <DeleteButton
                          name={subjectName(r)}
                          testId="target-delete"
                          onDelete={() => targetsApi.remove(r.id, r.version)}
                          onDeleted={() => void refresh()}
                        />
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('analytics.targets.new') : t('analytics.targets.edit')}
        okText={t('action.save')}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        confirmLoading={save.isPending}
        okButtonProps={{ ...{ 'data-testid': 'target-save' } }}
        forceRender
      >
        <Form<TargetValues> form={form} layout="vertical" initialValues={{ subject: 'owner', metric: 'revenue' }} onFinish={(values) => save.mutate(values)}>
          {editing === 'new' ? (
            <>
            <Form.Item name="subject" label={t('analytics.targets.kind')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'owner', label: t('analytics.group.owner') },
                  { value: 'team', label: t('analytics.group.team') },
                ]}
              />
            </Form.Item>
            {subject === 'owner' ? (
              <Form.Item name="ownerId" label={t('analytics.group.owner')} rules={[{ required: true, message: t('validation.required') }]}>
                <UserSelect testId="target-owner" />
              </Form.Item>
            ) : (
              <Form.Item name="teamId" label={t('analytics.group.team')} rules={[{ required: true, message: t('validation.required') }]}>
                <TeamSelect testId="target-team" />
              </Form.Item>
            )}
            </>
          ) : null}
          <Form.Item name="metric" label={t('analytics.targets.metric')}>
            <Radio.Group
              optionType="button"
              disabled={editing !== 'new'}
              options={TARGET_METRICS.map((m) => ({ value: m, label: t(METRIC_KEYS[m]) }))}
              data-testid="target-metric"
            />
          </Form.Item>
          {metric === 'revenue' ? (
            <Form.Item name="amount" label={t('analytics.adjust.amount', { currency: me.tenant.currency })} rules={[requiredRule(t), amountRule(t)]}>
              <Input inputMode="decimal" placeholder="0.00" data-testid="target-amount" />
            </Form.Item>
          ) : (
            <Form.Item name="quantity" label={t('analytics.targets.quantity')} rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber min={1} precision={0} data-testid="target-quantity" />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('analytics.targets.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
