import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Segmented, Skeleton, Space, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { DEDUP_OBJECTS, duplicatesApi, type DedupObject, type DuplicateGroup, type MatchLevel } from '../api/duplicates';
import { queryKeys } from '../api/query-keys';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { DuplicateGroupCard } from './DuplicateGroupCard';
import { MergeDialog } from './MergeDialog';
import './duplicates.css';

const LEVELS: MatchLevel[] = ['strong', 'possible'];
const isObject = (value: string | null): value is DedupObject => value !== null && (DEDUP_OBJECTS as readonly string[]).includes(value);

/**
 * Duplicate review (M2L-3): groups of records that look like one customer, with the reasons in
 * the user's language, for the records the user can see; each group opens the merge dialog.
 */
export function DuplicatesPage() {
  const { t } = useI18n();
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const objects = DEDUP_OBJECTS.filter((o) => can(me.permissions, o, 'read'));
  const param = search.get('object');
  const object: DedupObject = isObject(param) && objects.includes(param) ? param : (objects[0] ?? 'leads');
  const minLevel: MatchLevel = search.get('level') === 'strong' ? 'strong' : 'possible';
  const [merging, setMerging] = useState<DuplicateGroup | null>(null);
  const canMerge = can(me.permissions, object, 'update') && can(me.permissions, object, 'delete');

  const list = useQuery({
    queryKey: queryKeys.duplicates(object, minLevel),
    queryFn: ({ signal }) => duplicatesApi.list(object, minLevel, signal),
  });
  const choose = (key: 'object' | 'level', value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    setSearch(next, { replace: true });
  };

  const groups = list.data?.groups ?? [];
  const possible = list.data?.possible ?? [];
  const section = (title: string, items: DuplicateGroup[], testId: string) =>
    items.length > 0 ? (
      <>
        <Typography.Title level={5}>{title}</Typography.Title>
        <div className="l2c-dedup-list" data-testid={testId}>
          {items.map((group) => (
            <DuplicateGroupCard key={group.key} group={group} canMerge={canMerge} onMerge={() => setMerging(group)} />
          ))}
        </div>
      </>
    ) : null;

  return (
    <div data-testid="duplicates-page">
      <PageHeader
        title={t('dedup.title')}
        subtitle={t('dedup.subtitle')}
        actions={
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching} data-testid="duplicates-refresh">
            {t('dedup.refresh')}
          </Button>
        }
      />
      <Space wrap className="l2c-section">
        <Segmented<DedupObject>
          value={object}
          onChange={(value) => choose('object', value)}
          options={objects.map((o) => ({ value: o, label: <span data-testid={`duplicates-object-${o}`}>{t(`dedup.object.${o}`)}</span> }))}
        />
        <Segmented<MatchLevel>
          value={minLevel}
          onChange={(value) => choose('level', value)}
          options={LEVELS.map((l) => ({ value: l, label: <span data-testid={`duplicates-level-${l}`}>{t(l === 'strong' ? 'dedup.minLevel.strong' : 'dedup.minLevel.possible')}</span> }))}
        />
      </Space>
      {list.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {list.isError ? <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data?.indexPending ? <Alert type="info" showIcon className="l2c-section" title={t('dedup.indexPending')} /> : null}
      {list.data?.truncated ? <Alert type="info" showIcon className="l2c-section" title={t('dedup.truncated')} /> : null}
      {list.data && groups.length === 0 && possible.length === 0 ? <Empty description={t('dedup.empty')} data-testid="duplicates-empty" /> : null}
      {section(t('dedup.groups', { count: groups.length }), groups, 'duplicate-groups')}
      {section(t('dedup.possible', { count: possible.length }), possible, 'duplicate-possible')}
      <MergeDialog object={object} group={merging} onClose={() => setMerging(null)} />
    </div>
  );
}
