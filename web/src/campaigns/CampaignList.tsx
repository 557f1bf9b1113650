import { useMemo, useState } from 'react';
import { Button, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { campaignsApi } from '../api/resources';
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES, type Campaign } from '../api/types';
import { useCan, useMe } from '../auth/session-context';
import { formatDate, formatInteger } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { FilterBar } from '../shared/FilterBar';
import { OptionFilter, OwnerFilter } from '../shared/ListFilters';
import { formatMoney } from '../shared/money';
import { PageHeader } from '../shared/PageHeader';
import type { SortState } from '../shared/sort-param';
import { useListState } from '../shared/use-list-state';
import { CampaignForm } from './CampaignForm';
import { STATUS_COLORS, useCampaignLabels } from './use-campaign-labels';

const FILTER_KEYS = ['type', 'status', 'ownerId'] as const;
const DEFAULT_SORT: SortState = { field: 'startDate', order: 'descend' };

export function CampaignList() {
  const { t, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const labels = useCampaignLabels();
  const canCreate = useCan('campaigns', 'create');
  const list = useListState(FILTER_KEYS, DEFAULT_SORT);
  const [creating, setCreating] = useState(false);
  const timeZone = me.tenant.timezone;

  const columns = useMemo<DataColumn<Campaign>[]>(
    () => [
      {
        key: 'name',
        title: t('campaign.name'),
        sortField: 'name',
        locked: true,
        render: (c) => <Typography.Text strong>{c.name}</Typography.Text>,
      },
      { key: 'type', title: t('campaign.type'), render: (c) => labels.type(c.type) },
      {
        key: 'status',
        title: t('campaign.status'),
        render: (c) => <Tag color={STATUS_COLORS[c.status]}>{labels.status(c.status)}</Tag>,
      },
      {
        key: 'startDate',
        title: t('campaign.startDate'),
        sortField: 'startDate',
        render: (c) => formatDate(c.startDate, locale, 'UTC'),
      },
      { key: 'endDate', title: t('campaign.endDate'), render: (c) => formatDate(c.endDate, locale, 'UTC') },
      {
        key: 'budget',
        title: t('campaign.budget'),
        render: (c) => <span className="l2c-number">{formatMoney(c.budget, locale)}</span>,
      },
      {
        key: 'actualCost',
        title: t('campaign.actualCost'),
        render: (c) => <span className="l2c-number">{formatMoney(c.actualCost, locale)}</span>,
      },
      {
        key: 'memberCount',
        title: t('campaign.memberCount'),
        render: (c) => <span className="l2c-number">{formatInteger(c.memberCount ?? 0, locale)}</span>,
      },
      { key: 'owner', title: t('common.owner'), render: (c) => c.ownerName ?? '' },
      {
        key: 'createdAt',
        title: t('common.createdAt'),
        sortField: 'createdAt',
        defaultHidden: true,
        render: (c) => formatDate(c.createdAt, locale, timeZone),
      },
    ],
    [t, locale, timeZone, labels],
  );

  return (
    <div data-testid="campaign-list-page">
      <PageHeader
        title={t('nav.campaigns')}
        actions={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-create">
              {t('campaign.create')}
            </Button>
          ) : null
        }
      />
      <FilterBar
        q={list.q}
        onQChange={list.setQ}
        searchPlaceholder={t('campaign.searchPlaceholder')}
        testId="campaign-filters"
        activeCount={list.activeFilterCount}
        onReset={list.reset}
      >
        <OptionFilter
          list={list}
          field="type"
          placeholder={t('campaign.type')}
          options={CAMPAIGN_TYPES.map((type) => ({ value: type, label: labels.type(type) }))}
          testId="campaign-filter-type"
        />
        <OptionFilter
          list={list}
          field="status"
          placeholder={t('campaign.status')}
          options={CAMPAIGN_STATUSES.map((status) => ({ value: status, label: labels.status(status) }))}
          testId="campaign-filter-status"
        />
        <OwnerFilter list={list} testIdPrefix="campaign-filter" />
      </FilterBar>
      <DataTable<Campaign>
        tableId="campaigns"
        testId="campaign-list"
        resource="campaigns"
        fetchPage={campaignsApi.list}
        params={{ q: list.q, filter: list.filter }}
        sort={list.sort}
        onSortChange={list.setSort}
        columns={columns}
        cardColumns={['name', 'status', 'startDate', 'actualCost']}
        onRowClick={(campaign) => void navigate(`/campaigns/${campaign.id}`)}
        emptyText={t('campaign.empty')}
        exportPath="/campaigns/export"
      />
      <CampaignForm
        open={creating}
        campaign={null}
        onClose={() => setCreating(false)}
        onSaved={(campaign) => void navigate(`/campaigns/${campaign.id}`)}
      />
    </div>
  );
}
