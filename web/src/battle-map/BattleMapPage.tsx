import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { opportunitiesApi } from '../api/opportunities';
import { queryKeys } from '../api/query-keys';
import { useI18n } from '../i18n/i18n-context';
import { PageHeader } from '../shared/PageHeader';
import { BattleMap } from './BattleMap';

/** The battle map of a deal on a page of its own (full width for a large committee). */
export function BattleMapPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const deal = useQuery({ queryKey: queryKeys.detail('opportunities', id), queryFn: ({ signal }) => opportunitiesApi.get(id, signal) });
  return (
    <div data-testid="battle-map-page">
      <PageHeader
        title={t('battleMap.title')}
        subtitle={deal.data ? [deal.data.name, deal.data.accountName].filter(Boolean).join(' · ') : undefined}
        backTo={`/opportunities/${id}`}
      />
      <BattleMap opportunityId={id} />
    </div>
  );
}
