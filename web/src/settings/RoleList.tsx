import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { queryKeys } from '../api/query-keys';
import { rolesApi } from '../api/resources';
import type { Role } from '../api/types';
import { useCan } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { requiredRule } from '../shared/form-rules';
import { PageHeader } from '../shared/PageHeader';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import { accessLevel } from '../auth/permissions';
import { LEVEL_COLORS, LEVEL_LABELS } from './access-labels';
import { RoleMatrix } from './RoleMatrix';

interface RoleFormValues {
  key: string;
  name: string;
}

export function RoleList() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const canCreate = useCan('roles', 'create');
  const canUpdate = useCan('roles', 'update');
  const [selected, setSelected] = useState<Role | null>(null);
  const [creating, setCreating] = useState(false);

  const columns = useMemo<DataColumn<Role>[]>(
    () => [
      { key: 'name', title: t('role.name'), locked: true, sortField: 'name', render: (r) => <Typography.Text strong>{r.name}</Typography.Text> },
      { key: 'key', title: t('role.key'), render: (r) => <span className="l2c-mono">{r.key}</span> },
      ...(['accounts', 'leads', 'opportunities'] as const).map((object) => ({
        key: `read-${object}`,
        title: t('role.readOf', { object: t(`nav.${object}`) }),
        render: (r: Role) => {
          const level = accessLevel(r.permissions, object, 'read');
          return <Tag color={LEVEL_COLORS[level]}>{t(LEVEL_LABELS[level])}</Tag>;
        },
      })),
    ],
    [t],
  );

  return (
    <div data-testid="role-list-page">
      <PageHeader
        title={t('nav.roles')}
        subtitle={t('module.roles')}
        actions={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="role-create">
              {t('role.create')}
            </Button>
          ) : null
        }
      />
      <DataTable<Role>
        tableId="roles"
        testId="role-list"
        resource="roles"
        fetchPage={rolesApi.list}
        params={{}}
        sort={null}
        columns={columns}
        onRowClick={setSelected}
      />
      <RoleMatrix role={selected} canEdit={canUpdate} onClose={() => setSelected(null)} />
      <RecordFormDrawer<RoleFormValues, Role>
        open={creating}
        title={t('role.create')}
        testId="role-form"
        initialValues={{ key: '', name: '' }}
        fieldNames={['key', 'name']}
        onSubmit={(values) => rolesApi.create({ key: values.key.trim(), name: values.name.trim(), permissions: {} })}
        onSaved={(role) => {
          void queryClient.invalidateQueries({ queryKey: queryKeys.all('roles') });
          setCreating(false);
          setSelected(role);
        }}
        onClose={() => setCreating(false)}
      >
        <Form.Item name="name" label={t('role.name')} rules={[requiredRule(t)]}>
          <Input data-testid="role-form-name" autoFocus />
        </Form.Item>
        <Form.Item
          name="key"
          label={t('role.key')}
          extra={t('role.keyHelp')}
          rules={[requiredRule(t), { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('validation.roleKey') }]}
        >
          <Input className="l2c-mono" data-testid="role-form-key" />
        </Form.Item>
      </RecordFormDrawer>
    </div>
  );
}
