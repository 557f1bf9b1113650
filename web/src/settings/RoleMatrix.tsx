import { useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { isApiError } from '../api/api-error';
import { queryKeys } from '../api/query-keys';
import { rolesApi } from '../api/resources';
import type { AccessLevel, PermissionAction, PermissionMap, Role } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { useIsPhone } from '../shared/use-is-phone';
import { ACTION_LABELS, LEVEL_LABELS, OBJECT_LABELS } from './access-labels';
import {
  ACCESS_LEVELS,
  completeMatrix,
  countMatrixChanges,
  matrixObjects,
  PERMISSION_ACTIONS,
  withLevel,
  withObjectLevel,
} from './permission-matrix';

interface RoleMatrixProps {
  role: Role | null;
  canEdit: boolean;
  onClose: () => void;
}

interface MatrixRow {
  object: string;
}

/** A role's access: object × action, each all / team / own / none; saved with PATCH /roles/{id}. */
export function RoleMatrix({ role, canEdit, onClose }: RoleMatrixProps) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const [draft, setDraft] = useState<PermissionMap>({});
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);

  useEffect(() => {
    setDraft(completeMatrix(role?.permissions ?? {}));
    setConflict(false);
  }, [role]);

  const changes = role ? countMatrixChanges(role.permissions, draft) : 0;
  const levelOptions = useMemo(() => ACCESS_LEVELS.map((level) => ({ value: level, label: t(LEVEL_LABELS[level]) })), [t]);

  const save = async () => {
    if (!role) return;
    setSaving(true);
    try {
      const saved = await rolesApi.update(role.id, { permissions: draft, version: role.version });
      void queryClient.invalidateQueries({ queryKey: queryKeys.all('roles') });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me() });
      void message.success(t('role.saved', { name: saved.name }));
      onClose();
    } catch (error) {
      if (isApiError(error) && error.is('VERSION_CONFLICT')) setConflict(true);
      else showError(error, t('error.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  const reload = async () => {
    if (!role) return;
    const latest = await queryClient.fetchQuery({
      queryKey: queryKeys.detail('roles', role.id),
      queryFn: ({ signal }) => rolesApi.get(role.id, signal),
      staleTime: 0,
    });
    void queryClient.invalidateQueries({ queryKey: queryKeys.lists('roles') });
    setDraft(completeMatrix(latest.permissions));
    setConflict(false);
  };

  const columns: TableColumnsType<MatrixRow> = [
    {
      key: 'object',
      title: t('role.object'),
      fixed: 'start',
      width: isPhone ? 110 : 180,
      render: (_value, row) => {
        const labelKey = OBJECT_LABELS[row.object];
        return (
          <Space orientation="vertical" size={0}>
            <Typography.Text strong>{labelKey ? t(labelKey) : row.object}</Typography.Text>
            {canEdit && !isPhone ? (
              <Select<AccessLevel>
                size="small"
                variant="borderless"
                placeholder={t('role.setRow')}
                value={null}
                options={levelOptions}
                onChange={(level) => setDraft((current) => withObjectLevel(current, row.object, level))}
                popupMatchSelectWidth={false}
                data-testid={`role-row-${row.object}`}
              />
            ) : null}
          </Space>
        );
      },
    },
    ...PERMISSION_ACTIONS.map((action: PermissionAction) => ({
      key: action,
      title: t(ACTION_LABELS[action]),
      width: 120,
      render: (_value: unknown, row: MatrixRow) => (
        <Select<AccessLevel>
          size="small"
          value={draft[row.object]?.[action] ?? 'none'}
          options={levelOptions}
          disabled={!canEdit}
          onChange={(level) => setDraft((current) => withLevel(current, row.object, action, level))}
          className="l2c-level-select"
          data-testid={`role-cell-${row.object}-${action}`}
        />
      ),
    })),
  ];

  return (
    <Drawer
      open={role !== null}
      onClose={onClose}
      title={role ? t('role.matrixTitle', { name: role.name }) : ''}
      size={isPhone ? '100%' : 860}
      destroyOnHidden
      data-testid="role-matrix"
      extra={
        canEdit ? (
          <Button type="primary" loading={saving} disabled={changes === 0} onClick={() => void save()} data-testid="role-matrix-save">
            {changes > 0 ? t('role.saveChanges', { count: changes }) : t('action.save')}
          </Button>
        ) : null
      }
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          className="l2c-form-alert"
          title={t('error.versionConflictTitle')}
          description={t('error.versionConflict')}
          data-testid="role-matrix-conflict"
          action={<Button size="small" onClick={() => void reload()}>{t('action.reload')}</Button>}
        />
      ) : null}
      <Typography.Paragraph type="secondary">{t('role.matrixHelp')}</Typography.Paragraph>
      <Table<MatrixRow>
        rowKey="object"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={matrixObjects(draft).map((object) => ({ object }))}
        scroll={{ x: 'max-content' }}
      />
    </Drawer>
  );
}
