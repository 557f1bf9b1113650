import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Popconfirm, Skeleton, Space, Tabs, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { campaignsApi } from '../api/resources';
import type { Campaign, CampaignAction } from '../api/types';
import { useCan, useMe } from '../auth/session-context';
import { formatDate, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DeleteButton } from '../shared/DeleteButton';
import { formatMoney } from '../shared/money';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { useIsPhone } from '../shared/use-is-phone';
import { allowedCampaignActions } from './campaign-rules';
import { CampaignCosts } from './CampaignCosts';
import { CampaignForm } from './CampaignForm';
import { CampaignMembers } from './CampaignMembers';
import { CampaignSummaryCard } from './CampaignSummaryCard';
import { FormLinkCard } from './FormLinkCard';
import { FormSettingsEditor } from './FormSettingsEditor';
import { STATUS_COLORS, useCampaignLabels } from './use-campaign-labels';
import { useCampaignCache } from './use-campaign-cache';
import './campaigns.css';

const TABS = ['overview', 'members', 'costs', 'form'] as const;
type CampaignTab = (typeof TABS)[number];
const isCampaignTab = (value: string | null): value is CampaignTab => value !== null && (TABS as readonly string[]).includes(value);

/** The campaign page: goals against results, the registration form link, members, costs and form settings. */
export function CampaignShow() {
  const { id = '' } = useParams();
  const campaign = useQuery({
    queryKey: queryKeys.detail('campaigns', id),
    queryFn: ({ signal }) => campaignsApi.get(id, signal),
  });
  if (campaign.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (campaign.isError) return <QueryErrorResult error={campaign.error} onRetry={() => void campaign.refetch()} />;
  return <CampaignRecord campaign={campaign.data} key={campaign.data.id} />;
}

function ActionButton({ campaign, action }: { campaign: Campaign; action: CampaignAction }) {
  const { t } = useI18n();
  const labels = useCampaignLabels();
  const showError = useErrorFeedback();
  const refresh = useCampaignCache();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      refresh(campaign.id, await campaignsApi.act(campaign.id, action, campaign.version));
    } catch (error) {
      showError(error, t('error.saveFailed'));
    } finally {
      setBusy(false);
    }
  };
  const button = (
    <Button
      type={action === 'activate' ? 'primary' : 'default'}
      danger={action === 'abort'}
      loading={busy}
      onClick={action === 'activate' ? () => void run() : undefined}
      data-testid={`campaign-${action}`}
    >
      {labels.action(action)}
    </Button>
  );
  if (action === 'activate') return button;
  return (
    <Popconfirm
      title={t(action === 'abort' ? 'campaign.abortConfirm' : 'campaign.completeConfirm', { name: campaign.name })}
      okText={labels.action(action)}
      cancelText={t('action.cancel')}
      onConfirm={() => run()}
    >
      {button}
    </Popconfirm>
  );
}

function CampaignRecord({ campaign }: { campaign: Campaign }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const labels = useCampaignLabels();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const canUpdate = useCan('campaigns', 'update');
  const canDelete = useCan('campaigns', 'delete');
  const [editing, setEditing] = useState(false);
  const tabParam = search.get('tab');
  const tab: CampaignTab = isCampaignTab(tabParam) ? tabParam : 'overview';
  const empty = t('common.empty');
  const dates = [formatDate(campaign.startDate, locale, 'UTC'), formatDate(campaign.endDate, locale, 'UTC')].filter(Boolean).join(' – ');

  const facts: DescriptionsProps['items'] = [
    { key: 'type', label: t('campaign.type'), children: labels.type(campaign.type) },
    { key: 'dates', label: t('campaign.dates'), children: dates || empty },
    { key: 'budget', label: t('campaign.budget'), children: <span className="l2c-number">{formatMoney(campaign.budget, locale) || empty}</span> },
    {
      key: 'actualCost',
      label: t('campaign.actualCost'),
      children: <span className="l2c-number" data-testid="campaign-actual-cost">{formatMoney(campaign.actualCost, locale) || empty}</span>,
    },
    { key: 'owner', label: t('common.owner'), children: campaign.ownerName ?? empty },
    { key: 'statusChangedAt', label: t('campaign.status'), children: formatDateTime(campaign.statusChangedAt, locale, me.tenant.timezone) },
  ];

  return (
    <div data-testid="campaign-show">
      <PageHeader
        backTo="/campaigns"
        testId="campaign-header"
        title={<span data-testid="campaign-name">{campaign.name}</span>}
        subtitle={
          <Space size={[4, 4]} wrap>
            <Tag color={STATUS_COLORS[campaign.status]} data-testid="campaign-status" data-status={campaign.status}>
              {labels.status(campaign.status)}
            </Tag>
            <Tag>{labels.type(campaign.type)}</Tag>
            {dates ? <Tag>{dates}</Tag> : null}
          </Space>
        }
        actions={
          <Space wrap>
            {canUpdate ? allowedCampaignActions(campaign.status).map((action) => <ActionButton key={action} campaign={campaign} action={action} />) : null}
            {canUpdate ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="campaign-edit">
                {t('action.edit')}
              </Button>
            ) : null}
            {canDelete ? (
              <DeleteButton
                name={campaign.name}
                testId="campaign-delete"
                onDelete={() => campaignsApi.remove(campaign.id, campaign.version)}
                onDeleted={() => {
                  void queryClient.invalidateQueries({ queryKey: queryKeys.all('campaigns') });
                  void navigate('/campaigns', { replace: true });
                }}
              />
            ) : null}
            <Button
              icon={<HistoryOutlined />}
              aria-label={t('campaign.viewAudit')}
              onClick={() => void navigate(`/settings/audit?recordId=${encodeURIComponent(campaign.id)}`)}
              data-testid="campaign-audit"
            />
          </Space>
        }
      />

      <Card className="l2c-section" size="small">
        <Descriptions items={facts} column={isPhone ? 1 : { md: 2, lg: 3, xl: 3, xxl: 6 }} size="small" layout={isPhone ? 'horizontal' : 'vertical'} />
        {campaign.description ? <p className="l2c-campaign-description">{campaign.description}</p> : null}
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
              key: 'overview',
              label: <span data-testid="campaign-tab-overview">{t('campaign.tabOverview')}</span>,
              children: (
                <Space orientation="vertical" size="middle" className="l2c-full-width">
                  <FormLinkCard campaign={campaign} canUpdate={canUpdate} />
                  <CampaignSummaryCard campaign={campaign} />
                </Space>
              ),
            },
            {
              key: 'members',
              label: <span data-testid="campaign-tab-members">{t('campaign.tabMembers')}</span>,
              children: <CampaignMembers campaign={campaign} canUpdate={canUpdate} />,
            },
            {
              key: 'costs',
              label: <span data-testid="campaign-tab-costs">{t('campaign.tabCosts')}</span>,
              children: <CampaignCosts campaign={campaign} canUpdate={canUpdate} />,
            },
            {
              key: 'form',
              label: <span data-testid="campaign-tab-form">{t('campaign.tabForm')}</span>,
              children: <FormSettingsEditor campaign={campaign} canUpdate={canUpdate} />,
            },
          ]}
        />
      </Card>

      <CampaignForm open={editing} campaign={campaign} onClose={() => setEditing(false)} />
    </div>
  );
}
