import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { isApiError } from '../api/api-error';
import { ATTITUDES, battleMapApi, type Stakeholder } from '../api/battle-map';
import { opportunitiesApi } from '../api/opportunities';
import { queryKeys } from '../api/query-keys';
import { useCan } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { useUserNames } from '../shared/use-user-names';
import { ActionPlan } from './ActionPlan';
import { OrgChart } from './OrgChart';
import { wouldCycle } from './org-tree';
import { StakeholderDrawer } from './StakeholderDrawer';
import { StakeholderForm } from './StakeholderForm';
import { ATTITUDE_COLORS, useBattleMapLabels } from './use-battle-map-labels';
import './battle-map.css';

interface BattleMapProps {
  opportunityId: string;
}

/**
 * The battle map (作战地图) of a deal: the customer's buying committee as an org chart coloured by
 * attitude, the gaps in our coverage (no power sponsor, the power sponsor opposes, nobody at
 * CFO/CEO level, no supporter), and the planned actions per stakeholder.
 */
export function BattleMap({ opportunityId }: BattleMapProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const labels = useBattleMapLabels();
  const userNames = useUserNames();
  const canEdit = useCan('opportunities', 'update');
  const [openId, setOpenId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Stakeholder | 'new' | null>(null);

  const deal = useQuery({ queryKey: queryKeys.detail('opportunities', opportunityId), queryFn: ({ signal }) => opportunitiesApi.get(opportunityId, signal) });
  const map = useQuery({ queryKey: queryKeys.battleMap(opportunityId), queryFn: ({ signal }) => battleMapApi.stakeholders(opportunityId, signal) });
  const gaps = useQuery({ queryKey: queryKeys.battleMapGaps(opportunityId), queryFn: ({ signal }) => battleMapApi.gaps(opportunityId, signal) });

  const stakeholders = useMemo(() => map.data?.data ?? [], [map.data]);
  const byId = useMemo(() => new Map(stakeholders.map((s) => [s.id, s])), [stakeholders]);
  const flagged = useMemo(() => new Set((gaps.data?.data ?? []).flatMap((g) => g.stakeholderIds)), [gaps.data]);
  const open = openId ? (byId.get(openId) ?? null) : null;

  /** A battle-map change can change the deal's gates: refresh the deal and everything under it. */
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.detail('opportunities', opportunityId) });

  const moveUnder = async (stakeholderId: string, managerId: string | null) => {
    const moved = byId.get(stakeholderId);
    if (!moved) return;
    const name = moved.contactName ?? '';
    const manager = managerId ? byId.get(managerId) : undefined;
    if (managerId && wouldCycle(stakeholderId, managerId, stakeholders)) {
      void message.error({ content: t('battleMap.cycleRefused', { name, manager: manager?.contactName ?? '' }), key: 'bm-move' });
      return;
    }
    try {
      await battleMapApi.update(opportunityId, stakeholderId, { reportsToId: managerId, version: moved.version });
      void message.success({
        content: manager ? t('battleMap.movedUnder', { name, manager: manager.contactName ?? '' }) : t('battleMap.movedTop', { name }),
        key: 'bm-move',
      });
    } catch (error) {
      const field = isApiError(error) ? error.fieldErrors.find((f) => f.field === 'reportsToId') : undefined;
      if (field) void message.error({ content: field.message, key: 'bm-move' });
      else showError(error, t('error.saveFailed'));
    } finally {
      await refresh();
    }
  };

  if (map.isError) return <QueryErrorResult error={map.error} onRetry={() => void map.refetch()} />;
  if (map.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;

  const gapList = gaps.data?.data ?? [];
  return (
    <div className="l2c-bm" data-testid="battle-map">
      <div className="l2c-bm-toolbar">
        <Space wrap size={[8, 4]} className="l2c-bm-legend" aria-label={t('battleMap.legend')}>
          {ATTITUDES.map((a) => (
            <Tag key={a} color={ATTITUDE_COLORS[a]}>
              {labels.attitude(a)}
            </Tag>
          ))}
          {canEdit && stakeholders.length > 1 ? <Typography.Text type="secondary">{t('battleMap.dragHint')}</Typography.Text> : null}
        </Space>
        {canEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="bm-add">
            {t('battleMap.add')}
          </Button>
        ) : null}
      </div>

      {gapList.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          className="l2c-section"
          title={t('battleMap.gapsTitle', { count: gapList.length })}
          data-testid="bm-gaps"
          description={
            <ul className="l2c-bm-gaps">
              {gapList.map((gap) => (
                <li key={gap.check} data-testid="bm-gap" data-gap-code={gap.code}>
                  {gap.message}
                </li>
              ))}
            </ul>
          }
        />
      ) : gaps.isSuccess && stakeholders.length > 0 ? (
        <Alert type="success" showIcon className="l2c-section" title={t('battleMap.noGaps')} data-testid="bm-no-gaps" />
      ) : null}

      {stakeholders.length === 0 ? (
        <Empty description={t('battleMap.empty')} data-testid="bm-empty" />
      ) : (
        <OrgChart
          stakeholders={stakeholders}
          userNames={userNames}
          flaggedIds={flagged}
          canEdit={canEdit}
          onOpen={(s) => setOpenId(s.id)}
          onReportsTo={(id, managerId) => void moveUnder(id, managerId)}
        />
      )}

      <ActionPlan
        opportunityId={opportunityId}
        stakeholders={stakeholders}
        userNames={userNames}
        canEdit={canEdit}
        onOpen={(s) => setOpenId(s.id)}
        onChanged={() => void refresh()}
      />

      <StakeholderDrawer
        opportunityId={opportunityId}
        stakeholder={open}
        managerName={open?.reportsToId ? (byId.get(open.reportsToId)?.contactName ?? null) : null}
        userNames={userNames}
        canEdit={canEdit}
        onClose={() => setOpenId(null)}
        onEdit={() => setEditing(open)}
        onChanged={() => void refresh()}
      />
      <StakeholderForm
        open={editing !== null}
        opportunityId={opportunityId}
        accountId={deal.data?.accountId ?? null}
        stakeholder={editing === 'new' ? null : editing}
        stakeholders={stakeholders}
        userNames={userNames}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void refresh();
        }}
      />
    </div>
  );
}
