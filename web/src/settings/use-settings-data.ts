import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { rolesApi, teamsApi } from '../api/resources';

// The API's page maximum; a tenant has far fewer teams and roles.
const ALL = { limit: 200 } as const;

/** All teams of the tenant (a few dozen at most), for trees and pickers. */
export function useTeams() {
  return useQuery({
    queryKey: queryKeys.list('teams', ALL),
    queryFn: ({ signal }) => teamsApi.list(ALL, signal),
    staleTime: 60_000,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: queryKeys.list('roles', ALL),
    queryFn: ({ signal }) => rolesApi.list(ALL, signal),
    staleTime: 60_000,
  });
}
