import { useMemo, useState } from 'react';
import { Button, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { LEAD_STATUSES, leadRecordsApi, type LeadRecord } from '../api/leads';
import { useCan, useMe } from '../auth/session-context';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { FilterBar } from '../shared/FilterBar';
import { OptionFilter, OwnerFilter } from '../shared/ListFilters';
import { labelOf, toSelectOptions } from '../shared/labelled-options';
import { ImportButton } from '../imports/ImportButton';
import { PageHeader } from '../shared/PageHeader';
import { REGIONS } from '../shared/regions';
import type { SortState } from '../shared/sort-param';
import { useListState } from '../shared/use-list-state';
import { LEAD_GRADES, LEAD_SOURCES, PRODUCT_LINES } from './lead-sources';
import { LeadForm } from './LeadForm';
import { LeadScoreBadge, LeadStatusTag } from './LeadStatusTag';
import { LeadsNav } from './LeadsNav';
import { useLeadLabels } from './use-lead-labels';
import './leads.css';

const FILTER_KEYS = ['status', 'grade', 'source', 'region', 'ownerId'] as const;
const DEFAULT_SORT: SortState = { field: 'createdAt', order: 'descend' };

/** Every lead the caller may see, with score, grade, status and owner. */
export function LeadList() {
  const { t, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const labels = useLeadLabels();
  const canCreate = useCan('leads', 'create');
  const list = useListState(FILTER_KEYS, DEFAULT_SORT);
  const [creating, setCreating] = useState(false);
  const timeZone = me.tenant.timezone;

  const columns = useMemo<DataColumn<LeadRecord>[]>(
    () => [
      { key: 'name', title: t('lead.name'), sortField: 'name', locked: true, render: (l) => <Typography.Text strong>{l.name}</Typography.Text> },
      { key: 'company', title: t('lead.company'), render: (l) => l.company ?? '' },
      { key: 'status', title: t('lead.status'), render: (l) => <LeadStatusTag status={l.status} /> },
      { key: 'score', title: t('lead.score'), render: (l) => <LeadScoreBadge score={l.score} grade={l.grade} /> },
      { key: 'owner', title: t('common.owner'), render: (l) => l.ownerName ?? (l.inRoutingQueue ? t('lead.inRoutingQueue') : '') },
      { key: 'source', title: t('lead.source'), render: (l) => labelOf(LEAD_SOURCES, l.source, locale) },
      { key: 'region', title: t('lead.region'), render: (l) => labelOf(REGIONS, l.region, locale) },
      { key: 'productInterest', title: t('lead.productInterest'), defaultHidden: true, render: (l) => labelOf(PRODUCT_LINES, l.productInterest, locale) },
      { key: 'headcount', title: t('lead.headcount'), defaultHidden: true, render: (l) => (l.headcount ?? '') },
      { key: 'createdAt', title: t('common.createdAt'), sortField: 'createdAt', render: (l) => formatDate(l.createdAt, locale, timeZone) },
      {
        key: 'statusChangedAt',
        title: t('lead.statusChangedAt'),
        sortField: 'statusChangedAt',
        defaultHidden: true,
        render: (l) => formatDate(l.statusChangedAt, locale, timeZone),
      },
    ],
    [t, locale, timeZone],
  );

  return (
    <div data-testid="lead-list-page">
      <LeadsNav active="all" />
      <PageHeader
        title={t('nav.leads')}
        actions={
          <>
            <ImportButton />
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="lead-create">
                {t('lead.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <FilterBar
        q={list.q}
        onQChange={list.setQ}
        searchPlaceholder={t('lead.searchPlaceholder')}
        testId="lead-filters"
        activeCount={list.activeFilterCount}
        onReset={list.reset}
      >
        <Select
          allowClear
          mode="multiple"
          maxTagCount="responsive"
          placeholder={t('lead.status')}
          value={list.filter.status ? list.filter.status.split(',') : []}
          onChange={(values: string[]) => list.setFilter('status', values.join(',') || undefined)}
          options={LEAD_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
          className="l2c-filter-field"
          data-testid="lead-filter-status"
        />
        <OptionFilter
          list={list}
          field="grade"
          placeholder={t('lead.grade')}
          options={LEAD_GRADES.map((g) => ({ value: g, label: g }))}
          testId="lead-filter-grade"
        />
        <OptionFilter
          list={list}
          field="source"
          placeholder={t('lead.source')}
          options={toSelectOptions(LEAD_SOURCES, locale)}
          testId="lead-filter-source"
        />
        <OptionFilter
          list={list}
          field="region"
          placeholder={t('lead.region')}
          options={toSelectOptions(REGIONS, locale)}
          testId="lead-filter-region"
        />
        <OwnerFilter list={list} testIdPrefix="lead-filter" withMine />
      </FilterBar>
      <DataTable<LeadRecord>
        tableId="leads"
        testId="lead-list"
        resource="leads"
        fetchPage={leadRecordsApi.list}
        params={{ q: list.q, filter: list.filter }}
        sort={list.sort}
        onSortChange={list.setSort}
        columns={columns}
        cardColumns={['name', 'status', 'score', 'owner']}
        onRowClick={(lead) => void navigate(`/leads/${lead.id}`)}
        emptyText={t('lead.empty')}
        exportPath="/leads/export"
      />
      <LeadForm open={creating} lead={null} onClose={() => setCreating(false)} onSaved={(lead) => void navigate(`/leads/${lead.id}`)} />
    </div>
  );
}
