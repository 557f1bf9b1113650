import { useMemo, useState } from 'react';
import { Button, Select, Tag, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { usersApi } from '../api/resources';
import type { User } from '../api/types';
import { useCan, useMe } from '../auth/session-context';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { FilterBar } from '../shared/FilterBar';
import { PageHeader } from '../shared/PageHeader';
import type { SortState } from '../shared/sort-param';
import { useListState } from '../shared/use-list-state';
import { teamPath } from './team-tree';
import { TeamSelect } from './TeamSelect';
import { UserForm } from './UserForm';
import { useRoles, useTeams } from './use-settings-data';

const FILTER_KEYS = ['roleId', 'teamId'] as const;
const DEFAULT_SORT: SortState = { field: 'name', order: 'ascend' };

export function UserList() {
  const { t, locale } = useI18n();
  const me = useMe();
  const canCreate = useCan('users', 'create');
  const canUpdate = useCan('users', 'update');
  const list = useListState(FILTER_KEYS, DEFAULT_SORT);
  const roles = useRoles();
  const teams = useTeams();
  const [editing, setEditing] = useState<User | null>(null);
  const [creating, setCreating] = useState(false);

  const columns = useMemo<DataColumn<User>[]>(() => {
    const roleName = (id: string) => roles.data?.data.find((role) => role.id === id)?.name ?? '';
    const teamList = teams.data?.data ?? [];
    return [
      { key: 'name', title: t('user.name'), sortField: 'name', locked: true, render: (u) => <Typography.Text strong>{u.name}</Typography.Text> },
      { key: 'email', title: t('auth.email'), sortField: 'email', render: (u) => u.email },
      { key: 'role', title: t('user.role'), render: (u) => u.roleName ?? roleName(u.roleId) },
      { key: 'team', title: t('user.team'), render: (u) => u.teamName ?? teamPath(teamList, u.teamId) },
      {
        key: 'active',
        title: t('user.status'),
        render: (u) => (u.active ? <Tag color="green">{t('user.active')}</Tag> : <Tag>{t('user.inactive')}</Tag>),
      },
      { key: 'locale', title: t('user.locale'), defaultHidden: true, render: (u) => u.locale ?? '' },
      {
        key: 'createdAt',
        title: t('common.createdAt'),
        sortField: 'createdAt',
        render: (u) => formatDate(u.createdAt, locale, me.tenant.timezone),
      },
    ];
  }, [t, locale, roles.data, teams.data, me.tenant.timezone]);

  return (
    <div data-testid="user-list-page">
      <PageHeader
        title={t('nav.users')}
        subtitle={t('module.users')}
        actions={
          canCreate ? (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
              {t('user.invite')}
            </Button>
          ) : null
        }
      />
      <FilterBar
        q={list.q}
        onQChange={list.setQ}
        searchPlaceholder={t('user.searchPlaceholder')}
        testId="user-filters"
        activeCount={list.activeFilterCount}
        onReset={list.reset}
      >
        <Select
          allowClear
          placeholder={t('user.role')}
          value={list.filter.roleId || undefined}
          onChange={(value: string | undefined) => list.setFilter('roleId', value)}
          options={(roles.data?.data ?? []).map((role) => ({ value: role.id, label: role.name }))}
          className="l2c-filter-field"
          data-testid="user-filter-role"
        />
        <div className="l2c-filter-field">
          <TeamSelect
            placeholder={t('user.team')}
            value={list.filter.teamId || null}
            onChange={(value) => list.setFilter('teamId', value ?? undefined)}
            testId="user-filter-team"
          />
        </div>
      </FilterBar>
      <DataTable<User>
        tableId="users"
        testId="user-list"
        resource="users"
        fetchPage={usersApi.list}
        params={{ q: list.q, filter: list.filter }}
        sort={list.sort}
        onSortChange={list.setSort}
        columns={columns}
        cardColumns={['name', 'email', 'role', 'team']}
        onRowClick={canUpdate ? (user) => setEditing(user) : undefined}
      />
      <UserForm open={creating} user={null} onClose={() => setCreating(false)} />
      <UserForm open={editing !== null} user={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
