import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { dealSettingsApi, lossReasonsApi, salesProcessesApi, type SalesProcess } from '../api/sales-processes';

/** Every sales process (with stages) the caller may read; a tenant has a handful. `enabled: false` waits (a closed dialog). */
export function useSalesProcesses({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    enabled,
    queryKey: queryKeys.list('sales-processes', { limit: 200, sort: 'name' }),
    queryFn: ({ signal }) => salesProcessesApi.list({ limit: 200, sort: 'name' }, signal),
    staleTime: 60_000,
    select: (page) => page.data,
  });
}

/** The active processes, the default one first. */
export const activeProcesses = (processes: readonly SalesProcess[] | undefined) =>
  (processes ?? []).filter((p) => p.active).sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));

/** The tenant's loss-reason picklist (active reasons, in their order). */
export function useLossReasons() {
  return useQuery({
    queryKey: queryKeys.list('loss-reasons', { limit: 200, filter: { active: 'true' } }),
    queryFn: ({ signal }) => lossReasonsApi.list({ limit: 200, filter: { active: 'true' } }, signal),
    staleTime: 60_000,
    select: (page) => [...page.data].sort((a, b) => a.sortOrder - b.sortOrder),
  });
}

/** How strictly deals are qualified (BANT). */
export function useDealSettings() {
  return useQuery({ queryKey: queryKeys.dealSettings(), queryFn: ({ signal }) => dealSettingsApi.get(signal), staleTime: 60_000 });
}

