import { useMemo, useState } from 'react';
import { Button, Form, Input, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { nurtureProgramsApi, type NurtureProgram } from '../api/nurture';
import { useCan, useMe } from '../auth/session-context';
import { formatDate, formatInteger } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { requiredRule } from '../shared/form-rules';
import { emptyToNull } from '../shared/form-values';
import { PageHeader } from '../shared/PageHeader';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import { NurtureNav } from './NurtureNav';
import { PROGRAM_STATUS_COLORS, useNurtureLabels } from './use-nurture-labels';

/** Nurture programs with how many leads each holds and how its e-mails do. */
export function ProgramList() {
  const { t, locale } = useI18n();
  const me = useMe();
  const labels = useNurtureLabels();
  const navigate = useNavigate();
  const canCreate = useCan('nurture_programs', 'create');
  const [creating, setCreating] = useState(false);
  const columns = useMemo<DataColumn<NurtureProgram>[]>(() => {
    const n = (value: number | undefined) => <span className="l2c-number">{formatInteger(value ?? 0, locale)}</span>;
    return [
      { key: 'name', title: t('nurture.program.name'), sortField: 'name', locked: true, render: (p) => <Typography.Text strong>{p.name}</Typography.Text> },
      {
        key: 'status',
        title: t('nurture.program.status'),
        render: (p) => <Tag color={PROGRAM_STATUS_COLORS[p.status]}>{labels.programStatus(p.status)}</Tag>,
      },
      { key: 'steps', title: t('nurture.program.steps'), render: (p) => n(p.steps.length) },
      { key: 'auto', title: t('nurture.program.auto'), render: (p) => (p.enrollmentRule ? t('common.yes') : t('common.no')) },
      { key: 'active', title: t('nurture.enrollment.active'), render: (p) => n(p.stats?.active) },
      { key: 'completed', title: t('nurture.enrollment.completed'), render: (p) => n(p.stats?.completed) },
      { key: 'exited', title: t('nurture.enrollment.exited'), defaultHidden: true, render: (p) => n(p.stats?.exited) },
      { key: 'sent', title: t('nurture.stats.sent'), render: (p) => n(p.stats?.sent) },
      { key: 'opened', title: t('nurture.stats.opened'), render: (p) => n(p.stats?.opened) },
      { key: 'clicked', title: t('nurture.stats.clicked'), render: (p) => n(p.stats?.clicked) },
      {
        key: 'updatedAt',
        title: t('common.updatedAt'),
        sortField: 'updatedAt',
        render: (p) => formatDate(p.updatedAt, locale, me.tenant.timezone),
      },
    ];
  }, [t, locale, labels, me.tenant.timezone]);

  return (
    <div data-testid="nurture-program-list-page">
      <PageHeader
        title={t('nav.nurture')}
        subtitle={t('module.nurture')}
        actions={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="nurture-program-create">
              {t('nurture.program.create')}
            </Button>
          ) : null
        }
      />
      <NurtureNav active="programs" />
      <DataTable<NurtureProgram>
        tableId="nurture-programs"
        testId="nurture-program-list"
        resource="nurture-programs"
        fetchPage={nurtureProgramsApi.list}
        params={{}}
        sort={null}
        columns={columns}
        cardColumns={['name', 'status', 'active', 'sent']}
        onRowClick={(p) => void navigate(`/nurture/programs/${p.id}`)}
        emptyText={t('nurture.program.empty')}
      />
      <RecordFormDrawer<{ name: string; description: string }, NurtureProgram>
        open={creating}
        title={t('nurture.program.create')}
        testId="nurture-program-form"
        initialValues={{ name: '', description: '' }}
        fieldNames={['name', 'description']}
        onSubmit={(values) => nurtureProgramsApi.create({ name: values.name.trim(), description: emptyToNull(values.description) })}
        onSaved={(program) => {
          setCreating(false);
          void navigate(`/nurture/programs/${program.id}`);
        }}
        onClose={() => setCreating(false)}
      >
        <Form.Item name="name" label={t('nurture.program.name')} rules={[requiredRule(t)]}>
          <Input maxLength={200} data-testid="nurture-program-form-name" />
        </Form.Item>
        <Form.Item name="description" label={t('nurture.program.description')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="nurture-program-form-description" />
        </Form.Item>
      </RecordFormDrawer>
    </div>
  );
}
