import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Modal, Popconfirm, Segmented, Select, Space, Tag, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { nurtureApi, nurtureProgramsApi, type Enrollment, type EnrollmentStatus, type NurtureProgram } from '../api/nurture';
import { queryKeys } from '../api/query-keys';
import { useMe } from '../auth/session-context';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { useDebouncedValue } from '../shared/use-debounced-value';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { ENROLLMENT_STATUS_COLORS, useNurtureLabels } from './use-nurture-labels';

type StatusFilter = EnrollmentStatus | 'all';

/** The leads in a program, with where each stands; enrol more by hand or take one out. */
export function EnrollmentTable({ program, canEdit }: { program: NurtureProgram; canEdit: boolean }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const labels = useNurtureLabels();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [enrolling, setEnrolling] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.all('nurture-enrollments') });
    void queryClient.invalidateQueries({ queryKey: queryKeys.all('nurture-programs') });
  };
  const running = program.status === 'active' || program.status === 'paused';

  const exit = async (enrollment: Enrollment) => {
    try {
      await nurtureProgramsApi.exit(program.id, enrollment.id);
      refresh();
    } catch (error) {
      showError(error, t('error.saveFailed'));
    }
  };

  const columns: DataColumn<Enrollment>[] = (() => {
    const when = (value: string | null) => formatDateTime(value, locale, me.tenant.timezone);
    return [
      {
        key: 'lead',
        title: t('nurture.enrollment.lead'),
        locked: true,
        render: (e) => (
          <div>
            <Link to={`/leads/${e.leadId}`}>{e.leadName ?? e.leadId}</Link>
            {e.leadCompany ? <div className="l2c-page-subtitle">{e.leadCompany}</div> : null}
          </div>
        ),
      },
      { key: 'email', title: t('nurture.enrollment.email'), render: (e) => e.leadEmail ?? '' },
      {
        key: 'status',
        title: t('nurture.program.status'),
        render: (e) => <Tag color={ENROLLMENT_STATUS_COLORS[e.status]}>{labels.enrollmentStatus(e.status)}</Tag>,
      },
      {
        key: 'step',
        title: t('nurture.enrollment.step'),
        render: (e) => {
          const step = program.steps[e.currentStep];
          return e.status === 'active' && step ? `#${e.currentStep + 1} ${labels.stepType(step.type)}` : '';
        },
      },
      { key: 'nextRunAt', title: t('nurture.enrollment.nextRun'), render: (e) => when(e.nextRunAt) },
      { key: 'exitReason', title: t('nurture.enrollment.exitReason'), render: (e) => labels.exitReason(e.exitReason) },
      {
        key: 'source',
        title: t('nurture.enrollment.source'),
        render: (e) => (e.source === 'rule' ? t('nurture.enrollment.byRule') : t('nurture.enrollment.byHand')),
      },
      { key: 'createdAt', title: t('nurture.enrollment.enrolledAt'), render: (e) => when(e.createdAt) },
      { key: 'endedAt', title: t('nurture.enrollment.endedAt'), defaultHidden: true, render: (e) => when(e.endedAt) },
      {
        key: 'actions',
        title: t('common.actions'),
        render: (e) =>
          canEdit && e.status === 'active' ? (
            <Popconfirm title={t('nurture.enrollment.exitConfirm')} okText={t('nurture.enrollment.exit')} cancelText={t('action.cancel')} onConfirm={() => exit(e)}>
              <Button size="small" data-testid="nurture-enrollment-exit">{t('nurture.enrollment.exit')}</Button>
            </Popconfirm>
          ) : null,
      },
    ];
  })();

  return (
    <div data-testid="nurture-enrollments">
      <DataTable<Enrollment>
        tableId="nurture-enrollments"
        testId="nurture-enrollment-list"
        resource="nurture-enrollments"
        fetchPage={(params, signal) => nurtureProgramsApi.enrollments(program.id, params, signal)}
        params={{ filter: { programId: program.id, status: status === 'all' ? undefined : status } }}
        sort={null}
        columns={columns}
        cardColumns={['lead', 'status', 'step', 'actions']}
        emptyText={t('nurture.enrollment.empty')}
        toolbar={
          <Space wrap>
            <Segmented<StatusFilter>
              value={status}
              onChange={setStatus}
              options={[
                { value: 'all', label: t('nurture.enrollment.all') },
                ...(['active', 'completed', 'exited'] as const).map((s) => ({ value: s, label: labels.enrollmentStatus(s) })),
              ]}
              data-testid="nurture-enrollment-filter"
            />
            {canEdit && running ? (
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => setEnrolling(true)} data-testid="nurture-enroll">
                {t('nurture.enrollment.add')}
              </Button>
            ) : null}
          </Space>
        }
      />
      {enrolling ? <EnrollModal program={program} onClose={() => setEnrolling(false)} onDone={refresh} /> : null}
    </div>
  );
}

function EnrollModal({ program, onClose, onDone }: { program: NurtureProgram; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const labels = useNurtureLabels();
  const showError = useErrorFeedback();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 300);
  const [selected, setSelected] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [skipped, setSkipped] = useState<{ name: string; reason: string }[] | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const leads = useQuery({ queryKey: queryKeys.list('leads', { q, limit: 20 }), queryFn: ({ signal }) => nurtureApi.searchLeads(q, signal) });
  const options = (leads.data?.data ?? []).map((l) => ({
    value: l.id,
    label: [l.name, l.company, l.email].filter(Boolean).join(' · '),
  }));

  const submit = async () => {
    setSaving(true);
    try {
      const result = await nurtureProgramsApi.enroll(program.id, selected);
      onDone();
      void message.success(t('nurture.enrollment.added', { count: result.enrolled.length }));
      if (result.skipped.length === 0) onClose();
      else setSkipped(result.skipped.map((s) => ({ name: names[s.leadId] ?? s.leadId, reason: labels.exitReason(s.reason) })));
      setSelected([]);
    } catch (error) {
      showError(error, t('error.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('nurture.enrollment.add')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('nurture.enrollment.addOk')}
      okButtonProps={{ disabled: selected.length === 0, loading: saving }}
      cancelText={t('action.cancel')}
      destroyOnHidden
    >
      <Select
        mode="multiple"
        className="l2c-full-width"
        showSearch={{ filterOption: false, onSearch: setText }}
        value={selected}
        onChange={(ids: string[], picked) => {
          setSelected(ids);
          const list = (Array.isArray(picked) ? picked : [picked]).filter((o) => o !== undefined);
          setNames((all) => ({ ...all, ...Object.fromEntries(list.map((o) => [String(o.value), String(o.label)])) }));
        }}
        options={options}
        loading={leads.isFetching}
        placeholder={t('nurture.enrollment.searchLeads')}
        notFoundContent={t('table.empty')}
        data-testid="nurture-enroll-leads"
      />
      {skipped ? (
        <div style={{ marginTop: 16 }} data-testid="nurture-enroll-skipped">
          <Typography.Text type="secondary">{t('nurture.enrollment.skipped')}</Typography.Text>
          <ul>
            {skipped.map((s) => (
              <li key={s.name}>{s.name}: {s.reason}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </Modal>
  );
}
