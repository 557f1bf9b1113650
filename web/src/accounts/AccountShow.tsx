import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Dropdown, Skeleton, Space, Tabs, Tag } from 'antd';
import type { DescriptionsProps, MenuProps } from 'antd';
import { EditOutlined, FileAddOutlined, MoreOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ActivityForm } from '../activities/ActivityForm';
import { NoteForm } from '../activities/NoteForm';
import { queryKeys } from '../api/query-keys';
import { accountsApi } from '../api/resources';
import type { Account } from '../api/types';
import { useCan, useMe } from '../auth/session-context';
import { DuplicateWarning } from '../duplicates/DuplicateWarning';
import { EnrichButton } from '../enrichment/EnrichButton';
import { formatDateTime, formatInteger } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DeleteButton } from '../shared/DeleteButton';
import { INDUSTRIES } from '../shared/industries';
import { labelOf } from '../shared/labelled-options';
import { formatMoney } from '../shared/money';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { PROVINCES, REGIONS } from '../shared/regions';
import { useIsPhone } from '../shared/use-is-phone';
import { Timeline } from '../timeline/Timeline';
import { useAccountTimeline } from '../timeline/use-account-timeline';
import { AccountContacts } from './AccountContacts';
import { AccountForm } from './AccountForm';
import { ACCOUNT_SEGMENTS } from './account-segments';

const TABS = ['timeline', 'details', 'contacts'] as const;
type AccountTab = (typeof TABS)[number];

function isAccountTab(value: string | null): value is AccountTab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

/** The account record page: key facts, the 360° timeline, details and contacts. */
export function AccountShow() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const account = useQuery({
    queryKey: queryKeys.detail('accounts', id),
    queryFn: ({ signal }) => accountsApi.get(id, signal),
  });
  if (account.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (account.isError) return <QueryErrorResult error={account.error} onRetry={() => void account.refetch()} />;
  return <AccountRecord account={account.data} key={account.data.id} emptyValue={t('common.empty')} />;
}

function AccountRecord({ account, emptyValue }: { account: Account; emptyValue: string }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const canUpdate = useCan('accounts', 'update');
  const canDelete = useCan('accounts', 'delete');
  const canLogActivity = useCan('activities', 'create');
  const timeline = useAccountTimeline(account.id);
  const [editing, setEditing] = useState(false);
  const [logging, setLogging] = useState(false);
  const [noting, setNoting] = useState(false);
  const timeZone = me.tenant.timezone;
  const tabParam = search.get('tab');
  const tab: AccountTab = isAccountTab(tabParam) ? tabParam : 'timeline';
  const orEmpty = (text: string | null | undefined) => (text ? text : emptyValue);

  const location = [labelOf(PROVINCES, account.province, locale), account.city].filter(Boolean).join(' · ');
  const facts: DescriptionsProps['items'] = [
    { key: 'creditCode', label: t('account.creditCode'), children: <span className="l2c-mono">{orEmpty(account.creditCode)}</span> },
    { key: 'segment', label: t('account.segment'), children: orEmpty(labelOf(ACCOUNT_SEGMENTS, account.segment, locale)) },
    { key: 'industry', label: t('account.industry'), children: orEmpty(labelOf(INDUSTRIES, account.industry, locale)) },
    {
      key: 'registeredCapital',
      label: t('account.registeredCapital'),
      children: <span className="l2c-number">{orEmpty(formatMoney(account.registeredCapital, locale))}</span>,
    },
    { key: 'headcount', label: t('account.headcount'), children: orEmpty(formatInteger(account.headcount, locale)) },
    {
      key: 'region',
      label: t('account.region'),
      children: orEmpty([labelOf(REGIONS, account.region, locale), location].filter(Boolean).join(' / ')),
    },
    { key: 'owner', label: t('common.owner'), children: orEmpty(account.ownerName) },
  ];

  const details: DescriptionsProps['items'] = [
    { key: 'name', label: t('account.name'), children: account.name },
    ...facts,
    { key: 'address', label: t('account.address'), children: orEmpty(account.address) },
    {
      key: 'website',
      label: t('account.website'),
      children: account.website ? (
        <a href={account.website} target="_blank" rel="noreferrer noopener">
          {account.website}
        </a>
      ) : (
        emptyValue
      ),
    },
    {
      key: 'phone',
      label: t('account.phone'),
      children: account.phone ? <a href={`tel:${account.phone}`}>{account.phone}</a> : emptyValue,
    },
    {
      key: 'parent',
      label: t('account.parentAccount'),
      children: account.parentAccountId ? (
        <Link to={`/accounts/${account.parentAccountId}`}>{account.parentAccountName ?? t('common.open')}</Link>
      ) : (
        emptyValue
      ),
    },
    { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(account.createdAt, locale, timeZone) },
    { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(account.updatedAt, locale, timeZone) },
  ];

  const moreItems: MenuProps['items'] = [
    {
      key: 'audit',
      label: t('account.viewAudit'),
      onClick: () => void navigate(`/settings/audit?recordId=${encodeURIComponent(account.id)}`),
    },
  ];

  return (
    <div data-testid="account-show">
      <PageHeader
        backTo="/accounts"
        testId="account-header"
        title={<span data-testid="account-name">{account.name}</span>}
        subtitle={
          <Space size={[4, 4]} wrap>
            {account.segment ? <Tag color="gold" data-testid="account-segment">{labelOf(ACCOUNT_SEGMENTS, account.segment, locale)}</Tag> : null}
            {account.industry ? <Tag>{labelOf(INDUSTRIES, account.industry, locale)}</Tag> : null}
            {account.region ? <Tag color="blue">{labelOf(REGIONS, account.region, locale)}</Tag> : null}
            {location ? <Tag>{location}</Tag> : null}
          </Space>
        }
        actions={
          <Space wrap>
            {canLogActivity ? (
              <Button type="primary" icon={<ScheduleOutlined />} onClick={() => setLogging(true)} data-testid="account-log-activity">
                {t('activity.log')}
              </Button>
            ) : null}
            <Button icon={<FileAddOutlined />} onClick={() => setNoting(true)} data-testid="account-add-note">
              {t('note.add')}
            </Button>
            {canUpdate ? <EnrichButton object="accounts" id={account.id} /> : null}
            {canUpdate ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="account-edit">
                {t('action.edit')}
              </Button>
            ) : null}
            {canDelete ? (
              <DeleteButton
                name={account.name}
                testId="account-delete"
                onDelete={() => accountsApi.remove(account.id, account.version)}
                onDeleted={() => {
                  void queryClient.invalidateQueries({ queryKey: queryKeys.all('accounts') });
                  void navigate('/accounts', { replace: true });
                }}
              />
            ) : null}
            <Dropdown menu={{ items: moreItems }} trigger={['click']}>
              <Button icon={<MoreOutlined />} aria-label={t('action.more')} data-testid="account-more" />
            </Dropdown>
          </Space>
        }
      />

      <DuplicateWarning object="accounts" id={account.id} />

      <Card className="l2c-section" size="small">
        <Descriptions items={facts} column={isPhone ? 1 : { md: 2, lg: 3, xl: 3, xxl: 6 }} size="small" layout={isPhone ? 'horizontal' : 'vertical'} data-testid="account-facts" />
      </Card>

      <Card className="l2c-section">
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setSearch(
              (current) => {
                const next = new URLSearchParams(current);
                next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          items={[
            {
              key: 'timeline',
              label: <span data-testid="account-tab-timeline">{t('account.tabTimeline')}</span>,
              children: (
                <Timeline
                  entries={timeline.entries}
                  isLoading={timeline.isPending}
                  error={timeline.isError && timeline.entries.length === 0 ? timeline.error : undefined}
                  onRetry={() => void timeline.refetch()}
                  hasMore={timeline.hasNextPage}
                  loadingMore={timeline.isFetchingNextPage}
                  onLoadMore={() => void timeline.fetchNextPage()}
                  timeZone={timeZone}
                />
              ),
            },
            {
              key: 'details',
              label: <span data-testid="account-tab-details">{t('account.tabDetails')}</span>,
              children: (
                <div>
                  <Descriptions items={details} column={isPhone ? 1 : 2} bordered size="small" data-testid="account-details" />
                  {canUpdate ? (
                    <Button className="l2c-section-action" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="account-details-edit">
                      {t('action.edit')}
                    </Button>
                  ) : null}
                </div>
              ),
            },
            {
              key: 'contacts',
              label: <span data-testid="account-tab-contacts">{t('account.tabContacts')}</span>,
              children: <AccountContacts account={account} />,
            },
          ]}
        />
      </Card>

      <AccountForm open={editing} account={account} onClose={() => setEditing(false)} />
      <ActivityForm open={logging} accountId={account.id} onClose={() => setLogging(false)} />
      <NoteForm open={noting} object="accounts" recordId={account.id} onClose={() => setNoting(false)} />
    </div>
  );
}
