import { useMemo, useState } from 'react';
import { App, Button, Dropdown, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { DeleteOutlined, DownOutlined, FormOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { campaignsApi } from '../api/resources';
import { MEMBER_STATUSES, type Campaign, type CampaignMember, type MemberStatus } from '../api/types';
import { useMe } from '../auth/session-context';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { AddMemberModal } from './AddMemberModal';
import { nextMemberStatuses } from './campaign-rules';
import { RecordResponseDrawer } from './RecordResponseDrawer';
import { MEMBER_COLORS, useCampaignLabels } from './use-campaign-labels';
import { useCampaignCache } from './use-campaign-cache';

function MemberActions({ campaign, member }: { campaign: Campaign; member: CampaignMember }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const labels = useCampaignLabels();
  const showError = useErrorFeedback();
  const refresh = useCampaignCache();
  const next = nextMemberStatuses(member.status);

  const move = async (status: MemberStatus) => {
    try {
      await campaignsApi.moveMember(campaign.id, member.id, status, member.version);
      void message.success(t('member.moved', { status: labels.member(status) }));
      refresh(campaign.id);
    } catch (error) {
      showError(error, t('error.saveFailed'));
    }
  };
  const remove = async () => {
    try {
      await campaignsApi.removeMember(campaign.id, member.id, member.version);
      refresh(campaign.id);
    } catch (error) {
      showError(error, t('error.deleteFailed'));
    }
  };
  const items: MenuProps['items'] = next.map((status) => ({
    key: status,
    label: <span data-testid={`member-move-${status}`}>{labels.member(status)}</span>,
    onClick: () => void move(status),
  }));

  return (
    <Space size={4} onClick={(event) => event.stopPropagation()}>
      {next.length > 0 ? (
        <Dropdown menu={{ items }} trigger={['click']}>
          <Button size="small" data-testid="member-move">
            {t('member.moveTo')} <DownOutlined />
          </Button>
        </Dropdown>
      ) : null}
      <Popconfirm
        title={t('member.removeConfirm', { name: member.name ?? t('member.hidden') })}
        okText={t('member.remove')}
        okButtonProps={{ danger: true }}
        cancelText={t('action.cancel')}
        onConfirm={() => remove()}
      >
        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('member.remove')} data-testid="member-remove" />
      </Popconfirm>
    </Space>
  );
}

/** The campaign's members with their status; marketing adds people, moves them forward, records responses. */
export function CampaignMembers({ campaign, canUpdate }: { campaign: Campaign; canUpdate: boolean }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const labels = useCampaignLabels();
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const [recording, setRecording] = useState(false);
  const timeZone = me.tenant.timezone;

  const columns = useMemo<DataColumn<CampaignMember>[]>(() => {
    const list: DataColumn<CampaignMember>[] = [
      {
        key: 'name',
        title: t('member.name'),
        locked: true,
        render: (m) => {
          const name = m.name ?? <Typography.Text type="secondary">{t('member.hidden')}</Typography.Text>;
          return (
            <Space size={4}>
              {m.name ? (
                <Link to={m.leadId ? `/leads/${m.leadId}` : `/contacts/${m.contactId}`} data-testid="member-name">
                  {m.name}
                </Link>
              ) : (
                <span data-testid="member-name">{name}</span>
              )}
              <Tag>{m.leadId ? t('member.lead') : t('member.contact')}</Tag>
            </Space>
          );
        },
      },
      { key: 'company', title: t('member.company'), render: (m) => m.company ?? '' },
      { key: 'email', title: t('member.email'), render: (m) => m.email ?? '' },
      {
        key: 'status',
        title: t('member.status'),
        render: (m) => (
          <Tag color={MEMBER_COLORS[m.status]} data-testid="member-status" data-status={m.status}>
            {labels.member(m.status)}
          </Tag>
        ),
      },
      { key: 'statusChangedAt', title: t('member.statusChangedAt'), render: (m) => formatDateTime(m.statusChangedAt, locale, timeZone) },
      { key: 'source', title: t('member.source'), render: (m) => labels.source(m.source) },
    ];
    if (canUpdate) list.push({ key: 'actions', title: t('common.actions'), locked: true, render: (m) => <MemberActions campaign={campaign} member={m} /> });
    return list;
  }, [t, locale, timeZone, labels, canUpdate, campaign]);

  return (
    <div data-testid="campaign-members">
      <DataTable<CampaignMember>
        tableId="campaign-members"
        testId="campaign-member-list"
        resource="campaign-members"
        fetchPage={(params, signal) => campaignsApi.members(campaign.id, params, signal)}
        params={{ filter: { campaignId: campaign.id, status } }}
        sort={null}
        columns={columns}
        cardColumns={['name', 'status', 'company', 'actions']}
        emptyText={t('member.empty')}
        toolbar={
          <Space wrap>
            <Select
              allowClear
              placeholder={t('member.allStatuses')}
              value={status}
              onChange={(value: string | undefined) => setStatus(value)}
              options={MEMBER_STATUSES.map((s) => ({ value: s, label: labels.member(s) }))}
              className="l2c-filter-field"
              data-testid="member-filter-status"
            />
            {canUpdate ? (
              <>
                <Button icon={<FormOutlined />} onClick={() => setRecording(true)} data-testid="member-record-response">
                  {t('member.recordResponse')}
                </Button>
                <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="member-add">
                  {t('member.add')}
                </Button>
              </>
            ) : null}
          </Space>
        }
      />
      <AddMemberModal open={adding} campaign={campaign} onClose={() => setAdding(false)} />
      <RecordResponseDrawer open={recording} campaign={campaign} onClose={() => setRecording(false)} />
    </div>
  );
}
