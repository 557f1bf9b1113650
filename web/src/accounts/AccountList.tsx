import { useMemo, useState } from 'react';
import { Button, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { accountsApi } from '../api/resources';
import type { Account } from '../api/types';
import { useCan, useMe } from '../auth/session-context';
import { formatDate, formatInteger } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { FilterBar } from '../shared/FilterBar';
import { OptionFilter, OwnerFilter } from '../shared/ListFilters';
import { INDUSTRIES } from '../shared/industries';
import { labelOf, toSelectOptions } from '../shared/labelled-options';
import { formatMoney } from '../shared/money';
import { PageHeader } from '../shared/PageHeader';
import { PROVINCES, REGIONS } from '../shared/regions';
import type { SortState } from '../shared/sort-param';
import { useListState } from '../shared/use-list-state';
import { AccountForm } from './AccountForm';
import { ACCOUNT_SEGMENTS } from './account-segments';

const FILTER_KEYS = ['segment', 'industry', 'province', 'region', 'ownerId'] as const;
const DEFAULT_SORT: SortState = { field: 'createdAt', order: 'descend' };

export function AccountList() {
  const { t, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const canCreate = useCan('accounts', 'create');
  const list = useListState(FILTER_KEYS, DEFAULT_SORT);
  const [creating, setCreating] = useState(false);
  const timeZone = me.tenant.timezone;

  const columns = useMemo<DataColumn<Account>[]>(
    () => [
      {
        key: 'name',
        title: t('account.name'),
        sortField: 'name',
        locked: true,
        render: (a) => <Typography.Text strong>{a.name}</Typography.Text>,
      },
      { key: 'segment', title: t('account.segment'), render: (a) => labelOf(ACCOUNT_SEGMENTS, a.segment, locale) },
      { key: 'industry', title: t('account.industry'), render: (a) => labelOf(INDUSTRIES, a.industry, locale) },
      { key: 'region', title: t('account.region'), render: (a) => labelOf(REGIONS, a.region, locale) },
      {
        key: 'location',
        title: t('account.location'),
        render: (a) => [labelOf(PROVINCES, a.province, locale), a.city].filter(Boolean).join(' · '),
      },
      {
        key: 'registeredCapital',
        title: t('account.registeredCapital'),
        render: (a) => <span className="l2c-number">{formatMoney(a.registeredCapital, locale)}</span>,
      },
      {
        key: 'headcount',
        title: t('account.headcount'),
        render: (a) => <span className="l2c-number">{formatInteger(a.headcount, locale)}</span>,
      },
      { key: 'owner', title: t('common.owner'), render: (a) => a.ownerName ?? '' },
      {
        key: 'creditCode',
        title: t('account.creditCode'),
        defaultHidden: true,
        render: (a) => <span className="l2c-mono">{a.creditCode ?? ''}</span>,
      },
      { key: 'phone', title: t('account.phone'), defaultHidden: true, render: (a) => a.phone ?? '' },
      { key: 'website', title: t('account.website'), defaultHidden: true, render: (a) => a.website ?? '' },
      {
        key: 'createdAt',
        title: t('common.createdAt'),
        sortField: 'createdAt',
        render: (a) => formatDate(a.createdAt, locale, timeZone),
      },
      {
        key: 'updatedAt',
        title: t('common.updatedAt'),
        sortField: 'updatedAt',
        defaultHidden: true,
        render: (a) => formatDate(a.updatedAt, locale, timeZone),
      },
    ],
    [t, locale, timeZone],
  );

  return (
    <div data-testid="account-list-page">
      <PageHeader
        title={t('nav.accounts')}
        actions={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="account-create">
              {t('account.create')}
            </Button>
          ) : null
        }
      />
      <FilterBar
        q={list.q}
        onQChange={list.setQ}
        searchPlaceholder={t('account.searchPlaceholder')}
        testId="account-filters"
        activeCount={list.activeFilterCount}
        onReset={list.reset}
      >
        <OptionFilter
          list={list}
          field="segment"
          placeholder={t('account.segment')}
          options={toSelectOptions(ACCOUNT_SEGMENTS, locale)}
          testId="account-filter-segment"
        />
        <OptionFilter
          list={list}
          field="industry"
          placeholder={t('account.industry')}
          options={toSelectOptions(INDUSTRIES, locale)}
          testId="account-filter-industry"
        />
        <OptionFilter
          list={list}
          field="region"
          placeholder={t('account.region')}
          options={toSelectOptions(REGIONS, locale)}
          testId="account-filter-region"
        />
        <OptionFilter
          list={list}
          field="province"
          placeholder={t('account.province')}
          options={toSelectOptions(PROVINCES, locale)}
          testId="account-filter-province"
          searchable
        />
        <OwnerFilter list={list} testIdPrefix="account-filter" withMine />
      </FilterBar>
      <DataTable<Account>
        tableId="accounts"
        testId="account-list"
        resource="accounts"
        fetchPage={accountsApi.list}
        params={{ q: list.q, filter: list.filter }}
        sort={list.sort}
        onSortChange={list.setSort}
        columns={columns}
        cardColumns={['name', 'industry', 'location', 'owner']}
        onRowClick={(account) => void navigate(`/accounts/${account.id}`)}
        emptyText={t('account.empty')}
        exportPath="/accounts/export"
      />
      <AccountForm
        open={creating}
        account={null}
        onClose={() => setCreating(false)}
        onSaved={(account) => void navigate(`/accounts/${account.id}`)}
      />
    </div>
  );
}
