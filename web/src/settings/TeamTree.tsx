import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { queryKeys } from '../api/query-keys';
import { teamsApi, usersApi } from '../api/resources';
import type { Team } from '../api/types';
import { useCan } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { DeleteButton } from '../shared/DeleteButton';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { buildTeamTree, teamPath, type TeamNode } from './team-tree';
import { TeamForm } from './TeamForm';
import { useTeams } from './use-settings-data';

function toTreeData(nodes: TeamNode[]): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.key,
    title: <span data-testid="team-node">{node.title}</span>,
    icon: <TeamOutlined />,
    children: toTreeData(node.children),
  }));
}

/** The sales organisation as a tree (North / East / South China → cities → teams). */
export function TeamTree() {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const teams = useTeams();
  const canCreate = useCan('teams', 'create');
  const canUpdate = useCan('teams', 'update');
  const canDelete = useCan('teams', 'delete');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [form, setForm] = useState<{ team: Team | null; parentId: string | null } | null>(null);

  const list = useMemo(() => teams.data?.data ?? [], [teams.data]);
  const treeData = useMemo(() => toTreeData(buildTeamTree(list, locale)), [list, locale]);
  const selected = list.find((team) => team.id === selectedId) ?? null;

  const memberParams = { filter: { teamId: selectedId ?? undefined }, limit: 100 };
  const members = useQuery({
    queryKey: queryKeys.list('users', memberParams),
    queryFn: ({ signal }) => usersApi.list(memberParams, signal),
    enabled: selectedId !== null,
  });

  return (
    <div data-testid="team-tree-page">
      <PageHeader
        title={t('nav.teams')}
        subtitle={t('module.teams')}
        actions={
          canCreate ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setForm({ team: null, parentId: selectedId })}
              data-testid="team-create"
            >
              {selected ? t('team.createBelow', { name: selected.name }) : t('team.create')}
            </Button>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={t('team.hierarchy')} className="l2c-section">
            {teams.isPending ? <Skeleton active /> : null}
            {teams.isError ? <QueryErrorResult error={teams.error} onRetry={() => void teams.refetch()} /> : null}
            {teams.isSuccess && list.length === 0 ? <Empty description={t('team.empty')} /> : null}
            {teams.isSuccess && list.length > 0 ? (
              <Tree
                showIcon
                defaultExpandAll
                blockNode
                treeData={treeData}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => setSelectedId(keys.length > 0 ? String(keys[0]) : null)}
                data-testid="team-tree"
              />
            ) : null}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={selected ? selected.name : t('team.details')} className="l2c-section" data-testid="team-details">
            {selected ? (
              <>
                <Descriptions
                  column={1}
                  size="small"
                  items={[
                    { key: 'path', label: t('team.path'), children: teamPath(list, selected.id) },
                    {
                      key: 'members',
                      label: t('team.members'),
                      children: members.isPending
                        ? '…'
                        : (members.data?.data ?? []).map((user) => user.name).join('、') || t('common.empty'),
                    },
                  ]}
                />
                <Space wrap className="l2c-section-action">
                  {canUpdate ? (
                    <Button icon={<EditOutlined />} onClick={() => setForm({ team: selected, parentId: selected.parentId })} data-testid="team-edit">
                      {t('action.edit')}
                    </Button>
                  ) : null}
                  {canDelete ? (
                    <DeleteButton
                      name={selected.name}
                      testId="team-delete"
                      onDelete={() => teamsApi.remove(selected.id, selected.version)}
                      onDeleted={() => {
                        setSelectedId(null);
                        void queryClient.invalidateQueries({ queryKey: queryKeys.all('teams') });
                      }}
                    />
                  ) : null}
                </Space>
              </>
            ) : (
              <Empty description={t('team.selectHint')} />
            )}
          </Card>
        </Col>
      </Row>
      <TeamForm
        open={form !== null}
        team={form?.team ?? null}
        parentId={form?.parentId ?? null}
        onClose={() => setForm(null)}
        onSaved={(team) => setSelectedId(team.id)}
      />
    </div>
  );
}
