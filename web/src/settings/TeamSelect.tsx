import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { TreeSelectProps } from 'antd';
import { useI18n } from '../i18n/i18n-context';
import { buildTeamTree, subtreeIds, type TeamNode } from './team-tree';
import { useTeams } from './use-settings-data';

interface TeamSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** A team whose subtree cannot be chosen (choosing the parent of that team). */
  excludeSubtreeOf?: string;
  placeholder?: string;
  testId?: string;
}

type TreeData = NonNullable<TreeSelectProps['treeData']>;

export function TeamSelect({ value, onChange, excludeSubtreeOf, placeholder, testId }: TeamSelectProps) {
  const { locale } = useI18n();
  const teams = useTeams();
  const treeData = useMemo<TreeData>(() => {
    const list = teams.data?.data ?? [];
    const excluded = excludeSubtreeOf ? subtreeIds(list, excludeSubtreeOf) : new Set<string>();
    const toData = (nodes: TeamNode[]): TreeData =>
      nodes.map((node) => ({
        value: node.key,
        title: node.title,
        disabled: excluded.has(node.key),
        children: toData(node.children),
      }));
    return toData(buildTeamTree(list, locale));
  }, [teams.data, excludeSubtreeOf, locale]);

  return (
    <TreeSelect
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      treeData={treeData}
      treeDefaultExpandAll
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      loading={teams.isPending}
      placeholder={placeholder}
      data-testid={testId}
      popupMatchSelectWidth={false}
    />
  );
}
