import { useMemo, useState } from 'react';
import { Button, DatePicker, Input, Segmented, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { OPPORTUNITY_STATUSES, opportunitiesApi, type Opportunity } from '../api/opportunities';
import { useCan, useMe } from '../auth/session-context';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { TeamSelect } from '../settings/TeamSelect';
import { useTeams } from '../settings/use-settings-data';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { FilterBar } from '../shared/FilterBar';
import { formatMoney } from '../shared/money';
import { PageHeader } from '../shared/PageHeader';
import type { SortState } from '../shared/sort-param';
import { useListState } from '../shared/use-list-state';
import { UserSelect } from '../shared/UserSelect';
import { OpportunitiesNav } from './OpportunitiesNav';
import { OpportunityForm } from './OpportunityForm';
import { activeQuickView, DEAL_FILTER_KEYS, quickViewFilter, toApiFilter, type QuickView } from './pipeline-filter';
import { PipelineTotals } from './PipelineTotals';
import { STATUS_COLORS, useDealLabels } from './use-deal-labels';
import { useSalesProcesses } from './use-deal-data';
import './opportunities.css';

const DEFAULT_SORT: SortState = { field: 'closeDate', order: 'ascend' };

/** Shared by the list and the kanban: quick views, the filters in the URL, and the API filter they mean. */
export function usePipelineFilters() {
  const me = useMe();
  const list = useListState(DEAL_FILTER_KEYS, DEFAULT_SORT);
  const teams = useTeams();
  const who = { userId: me.user.id, teamId: me.user.teamId };
  const apiFilter = useMemo(() => toApiFilter(list.filter, teams.data?.data ?? []), [list.filter, teams.data]);
  const applyView = (view: QuickView) => {
    const wanted = quickViewFilter(view, who);
    list.setFilters(Object.fromEntries(DEAL_FILTER_KEYS.map((key) => [key, wanted[key]])));
  };
  return { list, apiFilter, view: activeQuickView(list.filter, who), applyView, canTeamView: !!me.user.teamId, teamsReady: !teams.isPending };
}

type PipelineFilters = ReturnType<typeof usePipelineFilters>;

/** Quick views and the filter controls of the pipeline (list and kanban). */
export function PipelineFilterBar({ filters, showStage = true, showStatus = true }: { filters: PipelineFilters; showStage?: boolean; showStatus?: boolean }) {
  const { t } = useI18n();
  const me = useMe();
  const labels = useDealLabels();
  const processes = useSalesProcesses();
  const { list } = filters;
  const stageOptions = useMemo(() => {
    const all = processes.data ?? [];
    return all.flatMap((p) =>
      [...p.stages].sort((a, b) => a.order - b.order).map((s) => ({ value: s.id, label: all.length > 1 ? `${p.name} · ${s.name}` : s.name })),
    );
  }, [processes.data]);
  const viewOptions = [
    { value: 'mine', label: <span data-testid="deal-view-mine">{t('deal.view.mine')}</span> },
    ...(filters.canTeamView ? [{ value: 'team', label: <span data-testid="deal-view-team">{t('deal.view.team')}</span> }] : []),
    { value: 'all', label: <span data-testid="deal-view-all">{t('deal.view.all')}</span> },
  ];
  const day = (value: string | undefined) => (value ? dayjs(value) : null);
  return (
    <>
      <div className="l2c-deal-views">
        <Segmented
          value={filters.view ?? ''}
          onChange={(value) => filters.applyView(value as QuickView)}
          options={viewOptions}
          data-testid="deal-views"
        />
      </div>
      <FilterBar
        q={list.q}
        onQChange={list.setQ}
        searchPlaceholder={t('deal.searchPlaceholder')}
        testId="deal-filters"
        activeCount={list.activeFilterCount}
        onReset={list.reset}
      >
        {showStage ? (
          <Select
            allowClear
            mode="multiple"
            maxTagCount="responsive"
            placeholder={t('deal.stage')}
            value={list.filter.stageId ? list.filter.stageId.split(',') : []}
            onChange={(values: string[]) => list.setFilter('stageId', values.join(',') || undefined)}
            options={stageOptions}
            optionFilterProp="label"
            className="l2c-filter-field"
            popupMatchSelectWidth={false}
            data-testid="deal-filter-stage"
          />
        ) : null}
        {showStatus ? (
          <Select
            allowClear
            mode="multiple"
            maxTagCount="responsive"
            placeholder={t('deal.status')}
            value={list.filter.status ? list.filter.status.split(',') : []}
            onChange={(values: string[]) => list.setFilter('status', values.join(',') || undefined)}
            options={OPPORTUNITY_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
            className="l2c-filter-field"
            data-testid="deal-filter-status"
          />
        ) : null}
        <UserSelect
          placeholder={t('common.owner')}
          value={list.filter.ownerId || null}
          onChange={(value) => list.setFilter('ownerId', value ?? undefined)}
          initialOption={list.filter.ownerId === me.user.id ? { value: me.user.id, label: me.user.name } : null}
          className="l2c-filter-field"
          testId="deal-filter-owner"
        />
        <div className="l2c-filter-field">
          <TeamSelect value={list.filter.team || null} onChange={(value) => list.setFilter('team', value ?? undefined)} placeholder={t('deal.team')} testId="deal-filter-team" />
        </div>
        <DatePicker
          placeholder={t('deal.closeDateFrom')}
          value={day(list.filter.closeFrom)}
          onChange={(value) => list.setFilter('closeFrom', value ? value.format('YYYY-MM-DD') : undefined)}
          className="l2c-filter-field"
          data-testid="deal-filter-close-from"
        />
        <DatePicker
          placeholder={t('deal.closeDateTo')}
          value={day(list.filter.closeTo)}
          onChange={(value) => list.setFilter('closeTo', value ? value.format('YYYY-MM-DD') : undefined)}
          className="l2c-filter-field"
          data-testid="deal-filter-close-to"
        />
        <Space.Compact className="l2c-filter-field">
          <AmountFilterInput value={list.filter.amountMin} onChange={(v) => list.setFilter('amountMin', v)} placeholder={t('deal.amountMin')} testId="deal-filter-amount-min" />
          <AmountFilterInput value={list.filter.amountMax} onChange={(v) => list.setFilter('amountMax', v)} placeholder={t('deal.amountMax')} testId="deal-filter-amount-max" />
        </Space.Compact>
        <Select
          allowClear
          placeholder={t('deal.qualified')}
          value={list.filter.qualified || undefined}
          onChange={(value: string | undefined) => list.setFilter('qualified', value)}
          options={[
            { value: 'true', label: t('deal.qualified') },
            { value: 'false', label: t('deal.unqualified') },
          ]}
          className="l2c-filter-field"
          data-testid="deal-filter-qualified"
        />
      </FilterBar>
    </>
  );
}

/** An amount typed as text, applied on Enter or when the field is left. */
function AmountFilterInput({ value, onChange, placeholder, testId }: { value?: string; onChange: (v: string | undefined) => void; placeholder: string; testId: string }) {
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value ?? '');
  }
  const apply = () => onChange(text.trim() || undefined);
  return <Input inputMode="decimal" value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} onBlur={apply} onPressEnter={apply} data-testid={testId} />;
}

/** The pipeline as a list: filters, saved views, sorting, columns, CSV export and the totals of what it shows. */
export function OpportunityList() {
  const { t, locale } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const labels = useDealLabels();
  const canCreate = useCan('opportunities', 'create');
  const filters = usePipelineFilters();
  const { list, apiFilter } = filters;
  const [creating, setCreating] = useState(false);
  const timeZone = me.tenant.timezone;

  const columns = useMemo<DataColumn<Opportunity>[]>(
    () => [
      {
        key: 'name',
        title: t('deal.name'),
        sortField: 'name',
        locked: true,
        render: (o) => (
          <Space size={4} wrap>
            <Typography.Text strong>{o.name}</Typography.Text>
            {o.qualified ? null : <Tag color="orange">{t('deal.unqualified')}</Tag>}
          </Space>
        ),
      },
      {
        key: 'account',
        title: t('deal.account'),
        render: (o) => (
          <Link to={`/accounts/${o.accountId}`} onClick={(event) => event.stopPropagation()}>
            {o.accountName ?? t('common.open')}
          </Link>
        ),
      },
      { key: 'stage', title: t('deal.stage'), render: (o) => o.stageName ?? '' },
      { key: 'status', title: t('deal.status'), render: (o) => <Tag color={STATUS_COLORS[o.status]}>{labels.status(o.status)}</Tag> },
      { key: 'amount', title: t('deal.amount'), render: (o) => <span className="l2c-number">{formatMoney(o.amount, locale)}</span> },
      { key: 'closeDate', title: t('deal.closeDate'), sortField: 'closeDate', render: (o) => formatDate(o.closeDate, locale) },
      {
        key: 'probability',
        title: t('deal.probability'),
        sortField: 'probability',
        render: (o) =>
          o.probabilityOverride === null ? `${o.probability} %` : (
            <Tooltip title={t('deal.overrideTag')}>
              <span>{o.probability} % *</span>
            </Tooltip>
          ),
      },
      { key: 'forecast', title: t('deal.forecastCategory'), render: (o) => labels.forecast(o.forecastCategory) },
      { key: 'owner', title: t('common.owner'), render: (o) => o.ownerName ?? '' },
      { key: 'nextStep', title: t('deal.nextStep'), defaultHidden: true, render: (o) => o.nextStep ?? '' },
      { key: 'competitors', title: t('deal.competitors'), defaultHidden: true, render: (o) => o.competitors.join(t('deal.listSeparator')) },
      {
        key: 'stageEnteredAt',
        title: t('deal.stageEnteredAt'),
        sortField: 'stageEnteredAt',
        defaultHidden: true,
        render: (o) => formatDate(o.stageEnteredAt, locale, timeZone),
      },
      { key: 'createdAt', title: t('common.createdAt'), sortField: 'createdAt', defaultHidden: true, render: (o) => formatDate(o.createdAt, locale, timeZone) },
    ],
    [t, locale, labels, timeZone],
  );

  return (
    <div data-testid="deal-list-page">
      <PageHeader
        title={t('nav.opportunities')}
        actions={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="deal-create">
              {t('deal.create')}
            </Button>
          ) : null
        }
      />
      <OpportunitiesNav active="list" />
      <PipelineFilterBar filters={filters} />
      {filters.teamsReady ? (
        <>
          <PipelineTotals q={list.q} filter={apiFilter} />
          <DataTable<Opportunity>
            tableId="opportunities"
            testId="deal-list"
            resource="opportunities"
            fetchPage={opportunitiesApi.list}
            params={{ q: list.q, filter: apiFilter }}
            sort={list.sort}
            onSortChange={list.setSort}
            columns={columns}
            cardColumns={['name', 'account', 'stage', 'amount', 'closeDate']}
            onRowClick={(deal) => void navigate(`/opportunities/${deal.id}`)}
            emptyText={t('deal.empty')}
            exportPath="/opportunities/export"
          />
        </>
      ) : null}
      <OpportunityForm open={creating} deal={null} onClose={() => setCreating(false)} onSaved={(deal) => void navigate(`/opportunities/${deal.id}`)} />
    </div>
  );
}
