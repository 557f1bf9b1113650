import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, InputNumber, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { assignmentApi, type MemberSettings, type TeamMember } from '../api/leads';
import { queryKeys } from '../api/query-keys';
import { useI18n } from '../i18n/i18n-context';
import { TeamSelect } from '../settings/TeamSelect';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { UserSelect } from '../shared/UserSelect';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { useIsPhone } from '../shared/use-is-phone';

/**
 * Who receives a team's leads, and how many: capacity (most open leads), weight (share under
 * least-loaded), absences and an on/off switch. A rep of another team can join the rotation.
 */
export function TeamMembersPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const [teamId, setTeamId] = useState<string | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const members = useQuery({
    queryKey: queryKeys.assignmentMembers(teamId ?? ''),
    queryFn: ({ signal }) => assignmentApi.members(teamId!, signal),
    enabled: teamId !== null,
  });

  const add = async () => {
    if (!teamId || !adding) return;
    try {
      await assignmentApi.saveMember(teamId, adding, {});
      setAdding(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.assignmentMembers(teamId) });
    } catch (error) {
      showError(error, t('error.saveFailed'));
    }
  };

  return (
    <Card className="l2c-section" title={t('assignMembers.title')} data-testid="team-members">
      <Space direction="vertical" className="l2c-full-width">
        <Typography.Text type="secondary">{t('assignMembers.help')}</Typography.Text>
        <TeamSelect value={teamId} onChange={setTeamId} placeholder={t('assignMembers.pickTeam')} testId="members-team" />
        {teamId === null ? null : members.isError ? (
          <QueryErrorResult error={members.error} onRetry={() => void members.refetch()} />
        ) : (
          <MembersTable teamId={teamId} members={members.data?.data ?? []} loading={members.isPending} canEdit={canEdit} />
        )}
        {teamId && canEdit ? (
          <Space wrap>
            <UserSelect value={adding} onChange={setAdding} placeholder={t('assignMembers.add')} testId="members-add-user" className="l2c-filter-field" />
            <Button icon={<UserAddOutlined />} disabled={!adding} onClick={() => void add()} data-testid="members-add">
              {t('assignMembers.addButton')}
            </Button>
          </Space>
        ) : null}
      </Space>
    </Card>
  );
}

type Draft = Partial<MemberSettings>;

function MembersTable({ teamId, members, loading, canEdit }: { teamId: string; members: TeamMember[]; loading: boolean; canEdit: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [saving, setSaving] = useState<string | null>(null);

  const value = <K extends keyof MemberSettings>(m: TeamMember, key: K): MemberSettings[K] =>
    (drafts[m.userId]?.[key] ?? m[key]) as MemberSettings[K];
  const edit = (userId: string, patch: Draft) => setDrafts((d) => ({ ...d, [userId]: { ...d[userId], ...patch } }));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.assignmentMembers(teamId) });

  const save = async (m: TeamMember) => {
    setSaving(m.userId);
    try {
      await assignmentApi.saveMember(teamId, m.userId, drafts[m.userId] ?? {});
      setDrafts((d) => ({ ...d, [m.userId]: {} }));
      void message.success(t('assignMembers.saved'));
      refresh();
    } catch (error) {
      showError(error, t('error.saveFailed'));
    } finally {
      setSaving(null);
    }
  };

  const reset = async (m: TeamMember) => {
    try {
      await assignmentApi.resetMember(teamId, m.userId);
      setDrafts((d) => ({ ...d, [m.userId]: {} }));
      refresh();
    } catch (error) {
      showError(error, t('error.saveFailed'));
    }
  };

  const range = (m: TeamMember): [Dayjs | null, Dayjs | null] => {
    const from = value(m, 'absentFrom');
    const to = value(m, 'absentTo');
    return [from ? dayjs(from) : null, to ? dayjs(to) : null];
  };

  const columns: TableColumnsType<TeamMember> = [
    {
      key: 'user',
      title: t('assignMembers.user'),
      render: (_v, m) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{m.userName}</Typography.Text>
          <Space size={4} wrap>
            {m.inTeam ? null : <Tag>{t('assignMembers.fromOtherTeam')}</Tag>}
            {m.available ? <Tag color="green">{t('assignMembers.available')}</Tag> : <Tag color="default">{t('assignMembers.unavailable')}</Tag>}
          </Space>
        </Space>
      ),
    },
    { key: 'open', title: t('assignMembers.openLeads'), render: (_v, m) => <span className="l2c-number">{m.openLeads}</span> },
    {
      key: 'capacity',
      title: t('assignMembers.capacity'),
      render: (_v, m) => (
        <InputNumber
          min={0}
          precision={0}
          value={value(m, 'capacity')}
          placeholder={t('assignMembers.unlimited')}
          disabled={!canEdit}
          onChange={(v) => edit(m.userId, { capacity: typeof v === 'number' ? v : null })}
          data-testid="member-capacity"
        />
      ),
    },
    {
      key: 'weight',
      title: t('assignMembers.weight'),
      render: (_v, m) => (
        <InputNumber
          min={1}
          max={100}
          precision={0}
          value={value(m, 'weight')}
          disabled={!canEdit}
          onChange={(v) => edit(m.userId, { weight: typeof v === 'number' ? v : 1 })}
          data-testid="member-weight"
        />
      ),
    },
    {
      key: 'absence',
      title: t('assignMembers.absence'),
      render: (_v, m) => (
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          allowEmpty={[true, true]}
          value={range(m)}
          disabled={!canEdit}
          onChange={(dates) =>
            edit(m.userId, { absentFrom: dates?.[0]?.toISOString() ?? null, absentTo: dates?.[1]?.toISOString() ?? null })
          }
          data-testid="member-absence"
        />
      ),
    },
    {
      key: 'active',
      title: t('assignMembers.active'),
      render: (_v, m) => (
        <Switch checked={value(m, 'active')} disabled={!canEdit} onChange={(v) => edit(m.userId, { active: v })} data-testid="member-active" />
      ),
    },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_v: unknown, m: TeamMember) => (
              <Space>
                <Button
                  type="primary"
                  size="small"
                  disabled={Object.keys(drafts[m.userId] ?? {}).length === 0}
                  loading={saving === m.userId}
                  onClick={() => void save(m)}
                  data-testid="member-save"
                >
                  {t('action.save')}
                </Button>
                {m.customised ? (
                  <Button size="small" onClick={() => void reset(m)} data-testid="member-reset">
                    {m.inTeam ? t('assignMembers.reset') : t('assignMembers.remove')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Table<TeamMember>
      rowKey="userId"
      size="small"
      columns={columns}
      dataSource={members}
      loading={loading}
      pagination={false}
      scroll={{ x: isPhone ? 720 : 'max-content' }}
      locale={{ emptyText: <Empty description={t('assignMembers.empty')} /> }}
      onRow={(m) => ({ 'data-testid': 'member-row', 'data-user-name': m.userName }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}
