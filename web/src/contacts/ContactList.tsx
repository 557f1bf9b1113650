import { useMemo, useState } from 'react';
import { Button, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { AccountSelect } from '../accounts/AccountSelect';
import { contactsApi } from '../api/resources';
import type { Contact } from '../api/types';
import { useCan, useMe } from '../auth/session-context';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { FilterBar } from '../shared/FilterBar';
import { OwnerFilter } from '../shared/ListFilters';
import { PageHeader } from '../shared/PageHeader';
import type { SortState } from '../shared/sort-param';
import { useListState } from '../shared/use-list-state';
import { ContactForm } from './ContactForm';

const FILTER_KEYS = ['accountId', 'ownerId'] as const;
const DEFAULT_SORT: SortState = { field: 'createdAt', order: 'descend' };

export function ContactList() {
  const { t, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const canCreate = useCan('contacts', 'create');
  const list = useListState(FILTER_KEYS, DEFAULT_SORT);
  const [creating, setCreating] = useState(false);
  const timeZone = me.tenant.timezone;

  const columns = useMemo<DataColumn<Contact>[]>(
    () => [
      {
        key: 'name',
        title: t('contact.name'),
        sortField: 'name',
        locked: true,
        render: (c) => <Typography.Text strong>{c.name}</Typography.Text>,
      },
      { key: 'title', title: t('contact.title'), render: (c) => c.title ?? '' },
      { key: 'department', title: t('contact.department'), defaultHidden: true, render: (c) => c.department ?? '' },
      {
        key: 'account',
        title: t('contact.account'),
        render: (c) =>
          c.accountId ? (
            <Link to={`/accounts/${c.accountId}`} onClick={(event) => event.stopPropagation()}>
              {c.accountName ?? t('common.open')}
            </Link>
          ) : (
            ''
          ),
      },
      { key: 'phones', title: t('contact.phones'), render: (c) => c.phones.join(', ') },
      { key: 'email', title: t('contact.email'), render: (c) => c.email ?? '' },
      { key: 'wechat', title: t('contact.wechat'), defaultHidden: true, render: (c) => c.wechat ?? '' },
      { key: 'owner', title: t('common.owner'), render: (c) => c.ownerName ?? '' },
      {
        key: 'createdAt',
        title: t('common.createdAt'),
        sortField: 'createdAt',
        render: (c) => formatDate(c.createdAt, locale, timeZone),
      },
    ],
    [t, locale, timeZone],
  );

  return (
    <div data-testid="contact-list-page">
      <PageHeader
        title={t('nav.contacts')}
        actions={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="contact-create">
              {t('contact.create')}
            </Button>
          ) : null
        }
      />
      <FilterBar
        q={list.q}
        onQChange={list.setQ}
        searchPlaceholder={t('contact.searchPlaceholder')}
        testId="contact-filters"
        activeCount={list.activeFilterCount}
        onReset={list.reset}
      >
        <div className="l2c-filter-field l2c-filter-wide">
          <AccountSelect
            placeholder={t('contact.account')}
            value={list.filter.accountId || null}
            onChange={(value) => list.setFilter('accountId', value ?? undefined)}
            testId="contact-filter-account"
          />
        </div>
        <OwnerFilter list={list} testIdPrefix="contact-filter" />
      </FilterBar>
      <DataTable<Contact>
        tableId="contacts"
        testId="contact-list"
        resource="contacts"
        fetchPage={contactsApi.list}
        params={{ q: list.q, filter: list.filter }}
        sort={list.sort}
        onSortChange={list.setSort}
        columns={columns}
        cardColumns={['name', 'title', 'account', 'phones']}
        onRowClick={(contact) => void navigate(`/contacts/${contact.id}`)}
        emptyText={t('contact.empty')}
        exportPath="/contacts/export"
      />
      <ContactForm
        open={creating}
        contact={null}
        onClose={() => setCreating(false)}
        onSaved={(contact) => void navigate(`/contacts/${contact.id}`)}
      />
    </div>
  );
}
