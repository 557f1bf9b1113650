import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ForecastGroup } from '../api/analytics';
import { productLinesApi } from '../api/catalog';
import { queryKeys } from '../api/query-keys';
import { useI18n } from '../i18n/i18n-context';

const LINES = { limit: 200 } as const;

/** The name of an analytics row: the API's label, a product line's name, or "none" for rows without a key. */
export function useGroupLabel(groupBy: ForecastGroup) {
  const { t } = useI18n();
  const lines = useQuery({
    queryKey: queryKeys.list('product-lines', LINES),
    queryFn: ({ signal }) => productLinesApi.list(LINES, signal),
    enabled: groupBy === 'productLine',
    staleTime: 5 * 60_000,
  });
  return useCallback(
    (row: { key: string | null; label?: string | null }) => {
      if (row.key === null) return t(groupBy === 'productLine' ? 'analytics.noProductLine' : groupBy === 'region' ? 'analytics.noRegion' : 'analytics.none');
      if (groupBy === 'productLine') return lines.data?.data.find((l) => l.id === row.key)?.name ?? row.key.slice(0, 8);
      return row.label ?? row.key;
    },
    [groupBy, lines.data, t],
  );
}
