import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { analyticsApi, type AnalyticsFilters } from '../api/analytics';
import { queryKeys } from '../api/query-keys';
import { useTeams } from '../settings/use-settings-data';
import { companyForecast } from './forecast-math';

/** The call of a period and the same call adjusted by each team's historical accuracy. */
export function useForecastSummary(filters: AnalyticsFilters) {
  const teams = useTeams();
  const forecast = useQuery({
    queryKey: queryKeys.analytics('forecast', { ...filters, groupBy: 'team' }),
    queryFn: ({ signal }) => analyticsApi.forecast(filters, 'team', signal),
  });
  const accuracy = useQuery({
    queryKey: queryKeys.analytics('forecast-accuracy', filters),
    queryFn: ({ signal }) => analyticsApi.forecastAccuracy(filters, signal),
  });
  const adjusted = useMemo(() => {
    if (!accuracy.data || !teams.data) return null;
    const parents = new Map(teams.data.data.map((team) => [team.id, team.parentId]));
    return companyForecast(accuracy.data.teams, parents);
  }, [accuracy.data, teams.data]);
  return { forecast, accuracy, adjusted };
}
