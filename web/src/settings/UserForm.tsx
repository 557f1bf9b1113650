import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Col, Form, Input, Row, Select, Switch } from 'antd';
import { queryKeys } from '../api/query-keys';
import { usersApi } from '../api/resources';
import type { User } from '../api/types';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { changedFields } from '../shared/diff-fields';
import { emailRule, requiredRule } from '../shared/form-rules';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import { TeamSelect } from './TeamSelect';
import { toNewUserInput, toUserFormValues, toUserUpdate, USER_FORM_FIELDS, type UserFormValues } from './user-form-values';
import { useRoles } from './use-settings-data';

interface UserFormProps {
  open: boolean;
  user: User | null;
  onClose: () => void;
}

/** Invite (create) a user with a role and a team, or change one. */
export function UserForm({ open, user, onClose }: UserFormProps) {
  const { t } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const roles = useRoles();
  const initialValues = useMemo(() => toUserFormValues(user, me.tenant.locale), [user, me.tenant.locale]);

  const submit = async (values: UserFormValues): Promise<User> => {
    if (!user) return usersApi.create(toNewUserInput(values));
    const patch = changedFields(toUserUpdate(toUserFormValues(user, me.tenant.locale)), toUserUpdate(values));
    return usersApi.update(user.id, { ...patch, version: user.version });
  };

  return (
    <RecordFormDrawer<UserFormValues, User>
      open={open}
      title={user ? t('user.edit') : t('user.invite')}
      testId="user-form"
      initialValues={initialValues}
      fieldNames={USER_FORM_FIELDS}
      onSubmit={submit}
      onSaved={() => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.all('users') });
        onClose();
      }}
      onClose={onClose}
      onReload={
        user
          ? async () =>
              toUserFormValues(
                await queryClient.fetchQuery({
                  queryKey: queryKeys.detail('users', user.id),
                  queryFn: ({ signal }) => usersApi.get(user.id, signal),
                  staleTime: 0,
                }),
                me.tenant.locale,
              )
          : undefined
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('user.name')} rules={[requiredRule(t)]}>
            <Input data-testid="user-form-name" autoFocus />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="email" label={t('auth.email')} rules={[requiredRule(t), emailRule(t)]}>
            <Input inputMode="email" data-testid="user-form-email" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="roleId" label={t('user.role')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select
              loading={roles.isPending}
              options={(roles.data?.data ?? []).map((role) => ({ value: role.id, label: role.name }))}
              data-testid="user-form-role"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="teamId" label={t('user.team')}>
            <TeamSelect testId="user-form-team" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="locale" label={t('user.locale')}>
            <Select
              options={[
                { value: 'zh-CN', label: '中文（简体）' },
                { value: 'en-US', label: 'English (US)' },
              ]}
              data-testid="user-form-locale"
            />
          </Form.Item>
        </Col>
        {user ? (
          <Col xs={24} md={12}>
            <Form.Item name="active" label={t('user.active')} valuePropName="checked" extra={t('user.activeHelp')}>
              <Switch data-testid="user-form-active" />
            </Form.Item>
          </Col>
        ) : null}
        {user ? null : (
          <Col xs={24}>
            <Form.Item
              name="password"
              label={t('user.initialPassword')}
              extra={t('user.initialPasswordHelp')}
              rules={[{ min: 8, message: t('validation.passwordLength', { min: 8 }) }]}
            >
              <Input.Password autoComplete="new-password" data-testid="user-form-password" />
            </Form.Item>
          </Col>
        )}
      </Row>
    </RecordFormDrawer>
  );
}
