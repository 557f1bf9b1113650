import { useMemo, useState } from 'react';
import { Button, Space, Tag } from 'antd';
import { CalendarOutlined, CheckSquareOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { activitiesApi } from '../api/resources';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES, type Activity, type ActivityStatus } from '../api/types';
import { useCan, useMe } from '../auth/session-context';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { FilterBar } from '../shared/FilterBar';
import { OptionFilter, OwnerFilter } from '../shared/ListFilters';
import { PageHeader } from '../shared/PageHeader';
import type { SortState } from '../shared/sort-param';
import { useListState } from '../shared/use-list-state';
import { ActivityForm } from './ActivityForm';
import { ActivityTypeIcon } from './ActivityTypeIcon';
import { useActivityLabels } from './use-activity-labels';

const FILTER_KEYS = ['type', 'status', 'ownerId'] as const;
const DEFAULT_SORT: SortState = { field: 'createdAt', order: 'descend' };

const STATUS_COLORS: Record<ActivityStatus, string> = { planned: 'blue', done: 'green', cancelled: 'default' };

export function ActivityList() {
  const { t, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const labels = useActivityLabels();
  const canCreate = useCan('activities', 'create');
  const list = useListState(FILTER_KEYS, DEFAULT_SORT);
  const [logging, setLogging] = useState(false);
  const timeZone = me.tenant.timezone;

  const columns = useMemo<DataColumn<Activity>[]>(
    () => [
      {
        key: 'type',
        title: t('activity.type'),
        render: (a) => (
          <Space size={6}>
            <ActivityTypeIcon visual={a.type} />
            {labels.type(a.type)}
          </Space>
        ),
      },
      { key: 'subject', title: t('activity.subject'), locked: true, render: (a) => a.subject },
      {
        key: 'account',
        title: t('contact.account'),
        render: (a) =>
          a.accountId ? (
            <Link to={`/accounts/${a.accountId}`} onClick={(event) => event.stopPropagation()}>
              {a.accountName ?? t('common.open')}
            </Link>
          ) : (
            ''
          ),
      },
      {
        key: 'when',
        title: t('activity.when'),
        render: (a) => formatDateTime(a.startAt ?? a.dueAt, locale, timeZone),
      },
      {
        key: 'status',
        title: t('activity.status'),
        render: (a) => <Tag color={STATUS_COLORS[a.status]}>{labels.status(a.status)}</Tag>,
      },
      { key: 'outcome', title: t('activity.outcome'), defaultHidden: true, render: (a) => a.outcome ?? '' },
      { key: 'nextStep', title: t('activity.nextStep'), defaultHidden: true, render: (a) => a.nextStep ?? '' },
      { key: 'owner', title: t('common.owner'), render: (a) => a.ownerName ?? '' },
      {
        key: 'createdAt',
        title: t('common.createdAt'),
        sortField: 'createdAt',
        defaultHidden: true,
        render: (a) => formatDateTime(a.createdAt, locale, timeZone),
      },
    ],
    [t, locale, timeZone, labels],
  );

  return (
    <div data-testid="activity-list-page">
      <PageHeader
        title={t('nav.activities')}
        actions={
          <Space wrap>
            <Link to="/activities/tasks" data-testid="activity-tasks-link">
              <Button icon={<CheckSquareOutlined />}>{t('tasks.title')}</Button>
            </Link>
            <Link to="/activities/visit-plan" data-testid="activity-visit-plan-link">
              <Button icon={<CalendarOutlined />}>{t('visitPlan.title')}</Button>
            </Link>
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setLogging(true)} data-testid="activity-create">
                {t('activity.log')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <FilterBar
        q={list.q}
        onQChange={list.setQ}
        searchPlaceholder={t('activity.searchPlaceholder')}
        testId="activity-filters"
        activeCount={list.activeFilterCount}
        onReset={list.reset}
      >
        <OptionFilter
          list={list}
          field="type"
          placeholder={t('activity.type')}
          options={ACTIVITY_TYPES.map((value) => ({ value, label: labels.type(value) }))}
          testId="activity-filter-type"
        />
        <OptionFilter
          list={list}
          field="status"
          placeholder={t('activity.status')}
          options={ACTIVITY_STATUSES.map((value) => ({ value, label: labels.status(value) }))}
          testId="activity-filter-status"
        />
        <OwnerFilter list={list} testIdPrefix="activity-filter" />
      </FilterBar>
      <DataTable<Activity>
        tableId="activities"
        testId="activity-list"
        resource="activities"
        fetchPage={activitiesApi.list}
        params={{ q: list.q, filter: list.filter }}
        sort={list.sort}
        onSortChange={list.setSort}
        columns={columns}
        cardColumns={['subject', 'type', 'account', 'when', 'status']}
        onRowClick={(activity) => {
          if (activity.accountId) void navigate(`/accounts/${activity.accountId}?tab=timeline`);
        }}
        emptyText={t('activity.empty')}
        exportPath="/activities/export"
      />
      <ActivityForm open={logging} accountId={null} onClose={() => setLogging(false)} />
    </div>
  );
}
