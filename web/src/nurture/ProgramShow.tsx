import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Popconfirm, Skeleton, Space, Tabs, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { nurtureKeys, nurtureProgramsApi, type NurtureProgram, type ProgramStatus } from '../api/nurture';
import { queryKeys } from '../api/query-keys';
import { useCan } from '../auth/session-context';
import { formatInteger } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { DeleteButton } from '../shared/DeleteButton';
import { requiredRule } from '../shared/form-rules';
import { emptyToNull } from '../shared/form-values';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { EnrollmentTable } from './EnrollmentTable';
import { RuleEditor } from './RuleEditor';
import { StepEditor } from './StepEditor';
import { PROGRAM_STATUS_COLORS, useNurtureLabels } from './use-nurture-labels';
import './nurture.css';

const TABS = ['steps', 'rule', 'enrollments'] as const;
type ProgramTab = (typeof TABS)[number];

/** Status changes a program allows, as buttons. */
const MOVES: Record<ProgramStatus, { to: ProgramStatus; label: MessageKey }[]> = {
  draft: [{ to: 'active', label: 'nurture.action.activate' }, { to: 'archived', label: 'nurture.action.archive' }],
  active: [{ to: 'paused', label: 'nurture.action.pause' }, { to: 'archived', label: 'nurture.action.archive' }],
  paused: [{ to: 'active', label: 'nurture.action.resume' }, { to: 'archived', label: 'nurture.action.archive' }],
  archived: [],
};

export function ProgramShow() {
  const { id = '' } = useParams();
  const program = useQuery({ queryKey: nurtureKeys.program(id), queryFn: ({ signal }) => nurtureProgramsApi.get(id, signal) });
  if (program.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (program.isError) return <QueryErrorResult error={program.error} onRetry={() => void program.refetch()} />;
  return <ProgramRecord program={program.data} key={`${program.data.id}:${program.data.version}`} />;
}

function ProgramRecord({ program }: { program: NurtureProgram }) {
  const { t, locale } = useI18n();
  const labels = useNurtureLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const [search, setSearch] = useSearchParams();
  const canUpdate = useCan('nurture_programs', 'update');
  const canDelete = useCan('nurture_programs', 'delete');
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState<ProgramStatus | null>(null);
  const tabParam = search.get('tab');
  const tab: ProgramTab = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as ProgramTab) : 'steps';
  const editable = canUpdate && program.status !== 'archived';

  const saved = (next: NurtureProgram) => {
    queryClient.setQueryData(nurtureKeys.program(next.id), next);
    void queryClient.invalidateQueries({ queryKey: queryKeys.all('nurture-programs') });
    void queryClient.invalidateQueries({ queryKey: queryKeys.all('nurture-enrollments') });
  };

  const move = async (to: ProgramStatus) => {
    setMoving(to);
    try {
      saved(await nurtureProgramsApi.update(program.id, { status: to, version: program.version }));
    } catch (error) {
      showError(error, t('error.saveFailed'));
    } finally {
      setMoving(null);
    }
  };

  const stats = program.stats;
  const n = (value: number | undefined) => formatInteger(value ?? 0, locale);

  return (
    <div data-testid="nurture-program-show">
      <PageHeader
        backTo="/nurture"
        title={<span data-testid="nurture-program-name">{program.name}</span>}
        subtitle={
          <Space size={[4, 4]} wrap>
            <Tag color={PROGRAM_STATUS_COLORS[program.status]} data-testid="nurture-program-status" data-status={program.status}>
              {labels.programStatus(program.status)}
            </Tag>
            {stats ? (
              <>
                <Tag>{t('nurture.stats.inProgram', { count: n(stats.active) })}</Tag>
                <Tag>{t('nurture.stats.mail', { sent: n(stats.sent), opened: n(stats.opened), clicked: n(stats.clicked) })}</Tag>
              </>
            ) : null}
            {program.description ? <span>{program.description}</span> : null}
          </Space>
        }
        actions={
          <Space wrap>
            {canUpdate
              ? MOVES[program.status].map(({ to, label }) =>
                  to === 'archived' ? (
                    <Popconfirm key={to} title={t('nurture.action.archiveConfirm')} okText={t(label)} cancelText={t('action.cancel')} onConfirm={() => move(to)}>
                      <Button loading={moving === to} data-testid={`nurture-program-${to}`}>{t(label)}</Button>
                    </Popconfirm>
                  ) : (
                    <Button key={to} type={to === 'active' ? 'primary' : 'default'} loading={moving === to} onClick={() => void move(to)} data-testid={`nurture-program-${to}`}>
                      {t(label)}
                    </Button>
                  ),
                )
              : null}
            {editable ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="nurture-program-edit">
                {t('action.edit')}
              </Button>
            ) : null}
            {canDelete ? (
              <DeleteButton
                name={program.name}
                testId="nurture-program-delete"
                onDelete={() => nurtureProgramsApi.remove(program.id, program.version)}
                onDeleted={() => {
                  void queryClient.invalidateQueries({ queryKey: queryKeys.all('nurture-programs') });
                  void navigate('/nurture');
                }}
              />
            ) : null}
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        items={[
          { key: 'steps', label: t('nurture.tab.steps'), children: <StepEditor program={program} canEdit={editable} onSaved={saved} /> },
          { key: 'rule', label: t('nurture.tab.rule'), children: <RuleEditor program={program} canEdit={editable} onSaved={saved} /> },
          { key: 'enrollments', label: t('nurture.tab.enrollments'), children: <EnrollmentTable program={program} canEdit={canUpdate} /> },
        ]}
      />
      <RecordFormDrawer<{ name: string; description: string }, NurtureProgram>
        open={editing}
        title={t('nurture.program.edit')}
        testId="nurture-program-edit-form"
        initialValues={{ name: program.name, description: program.description ?? '' }}
        fieldNames={['name', 'description']}
        onSubmit={(values) =>
          nurtureProgramsApi.update(program.id, { name: values.name.trim(), description: emptyToNull(values.description), version: program.version })}
        onSaved={(next) => {
          setEditing(false);
          saved(next);
        }}
        onClose={() => setEditing(false)}
      >
        <Form.Item name="name" label={t('nurture.program.name')} rules={[requiredRule(t)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('nurture.program.description')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </RecordFormDrawer>
    </div>
  );
}
